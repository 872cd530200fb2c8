/**
 * flux-pkg.yaml's environment graph: the order of environments, which take new Package versions
 * directly, and which promote from which. Everything that follows `promoteFrom` lives here.
 */
import type { EnvironmentConfig, PromoteWhen, RepoConfig } from './config.js';

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

/** When an environment takes a version from its promoteFrom environment: on merge (default) or on health. */
export function promoteWhenOf(config: RepoConfig, environment: string): PromoteWhen {
  return entry(config, environment)?.promoteWhen ?? 'merged';
}

/** The environments that take `environment`'s version at this trigger, in the config's order. */
export function promotedOn(config: RepoConfig, environment: string, trigger: PromoteWhen): string[] {
  return downstreamOf(config, environment)
    .filter((e) => promoteWhenOf(config, e.name) === trigger)
    .map((e) => e.name);
}

/** The first of a pull request's labels that allows an out-of-order promotion, if any. */
export function overrideLabelOf(config: RepoConfig, labels: readonly string[]): string | undefined {
  return labels.find((l) => config.promotion.overrideLabels.includes(l));
}

/** The Flux Kustomization name whose commit status reports this environment's health. */
export function healthKustomizationOf(config: RepoConfig, component: string, environment: string): string {
  return config.promotion.healthKustomization
    .replaceAll('{component}', component)
    .replaceAll('{environment}', environment);
}
