/**
 * What an environment selects, and the base facts the gate compares a pull request with: the
 * version each environment runs at the base and each Package's content there. Read through the
 * snapshot port like the planner (a loader: the rule is environment.ts's selectedVersion); the
 * result is plain data a ValidateRequest carries.
 */
import type { RepoConfig } from '../../config/config.js';
import type { Snapshot } from '../../repo/snapshot.js';
import { selectedVersion } from '../model/environment.js';
import type { ComponentPackages } from '../model/packages.js';
import { type ComponentLayout, discover } from '../model/repository.js';
import type { BaseFacts, Scope } from '../types.js';
import { loadEnvironment, loadPackages } from './load.js';
import { RepoReader } from './reader.js';

/** The version an environment's PackageInstall selects among the component's Packages, if any (loaded here). */
async function versionIn(
  reader: RepoReader,
  config: RepoConfig,
  component: ComponentLayout,
  packages: ComponentPackages,
  environment: string,
): Promise<string | undefined> {
  if (!component.environments.includes(environment)) return undefined;
  return selectedVersion(
    await loadEnvironment(reader, `${component.dir}/${environment}`, config.layout),
    packages,
  );
}

/** The base facts for the components in scope (every one when scope is undefined). */
export async function loadBaseFacts(
  snapshot: Snapshot,
  config: RepoConfig,
  scope?: Scope,
): Promise<BaseFacts> {
  const reader = new RepoReader(snapshot);
  const paths = (await snapshot.list()).map((e) => e.path);
  const facts: BaseFacts = { versions: {}, packages: {} };
  for (const component of discover(paths, config.layout)) {
    if (scope && !(component.name in scope)) continue;
    const packages = await loadPackages(reader, component);
    for (const p of packages.packages) facts.packages[`${component.name}@${p.version}`] = p.digest;
    // Every environment, not only those in scope: the out-of-order check looks upstream.
    for (const environment of component.environments) {
      const version = await versionIn(reader, config, component, packages, environment);
      if (version) facts.versions[`${component.name}/${environment}`] = version;
    }
    reader.forget(component.dir);
  }
  return facts;
}

/** The version one environment selects in a snapshot (a status's commit, the base head). */
export async function versionAt(
  snapshot: Snapshot,
  config: RepoConfig,
  component: string,
  environment: string,
): Promise<string | undefined> {
  const reader = new RepoReader(snapshot);
  const paths = (await snapshot.list()).map((e) => e.path);
  const layout = discover(paths, config.layout).find((c) => c.name === component);
  if (!layout) return undefined;
  return versionIn(reader, config, layout, await loadPackages(reader, layout), environment);
}
