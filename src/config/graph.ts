/**
 * flux-pkg.yaml's environment graph: the order of environments, which take new Package versions
 * directly, and which promote from which. Everything that follows `promoteFrom` lives here.
 */
import type { EnvironmentConfig, RepoConfig } from './config.js';

/** The environments of a component, in the config's order when it lists them, else its folders. */
export function environmentsOf(config: RepoConfig, component: string, folders: readonly string[]): string[] {
  const configured = config.environments?.map((e) => e.name);
  const only = config.components[component]?.environments;
  const all = configured ?? [...folders];
  return only ? all.filter((e) => only.includes(e)) : all;
}

function entry(config: RepoConfig, environment: string): EnvironmentConfig | undefined {
  return config.environments?.find((e) => e.name === environment);
}

/** Does this environment take new Package versions directly (rather than by promotion)? */
export function takesNewVersions(config: RepoConfig, environment: string): boolean {
  const env = entry(config, environment);
  return env ? env.promoteFrom === undefined : config.environments === undefined;
}

/** The environment this one promotes from, if any. */
export function upstreamOf(config: RepoConfig, environment: string): string | undefined {
  return entry(config, environment)?.promoteFrom;
}

/** The environments that promote from this one, in the config's order. */
export function downstreamOf(config: RepoConfig, environment: string): EnvironmentConfig[] {
  return (config.environments ?? []).filter((e) => e.promoteFrom === environment);
}

/** The chain an environment belongs to, upstream first (stops at a cycle, which the config check reports). */
export function chainOf(config: RepoConfig, environment: string): string[] {
  const chain = [environment];
  for (let up = upstreamOf(config, environment); up && !chain.includes(up); up = upstreamOf(config, up))
    chain.unshift(up);
  return chain;
}
