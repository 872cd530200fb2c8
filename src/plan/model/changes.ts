/**
 * What a change to the repository touched, classified by the layout: which Package files, which
 * PackageInstalls, whether flux-pkg.yaml. One function for the action's push and the CLI's --since.
 */
import { CONFIG_FILE, type Layout } from '../../config/config.js';
import type { Scope } from '../types.js';
import { discover } from './repository.js';

export interface ChangedPackageInstall {
  component: string;
  environment: string;
  path: string;
}

export interface ChangeSet {
  /** Package files added or changed. */
  packageFiles: string[];
  /** PackageInstall files added or changed (a merged environment PR). */
  packageInstalls: ChangedPackageInstall[];
  configChanged: boolean;
}

/** `changed`: the paths added or modified; `paths`: every path of the repository after the change. */
export function classifyChanges(
  changed: readonly string[],
  paths: readonly string[],
  layout: Layout,
): ChangeSet {
  const changedSet = new Set(changed);
  const components = discover(paths, layout);
  const packageFiles = components
    .flatMap((c) => c.packageFiles)
    .filter((p) => changedSet.has(p))
    .sort();
  const packageInstalls = components.flatMap((c) =>
    c.environments
      .map((environment) => ({
        component: c.name,
        environment,
        path: `${c.dir}/${environment}/${layout.packageInstallFile}`,
      }))
      .filter((p) => changedSet.has(p.path)),
  );
  return { packageFiles, packageInstalls, configChanged: changedSet.has(CONFIG_FILE) };
}

/** Paths whose blob differs between two trees (added or modified; deletions are not changes to deliver). */
export function changedPaths(
  before: readonly { path: string; sha: string }[],
  after: readonly { path: string; sha: string }[],
): string[] {
  const previous = new Map(before.map((e) => [e.path, e.sha]));
  return after.filter((e) => previous.get(e.path) !== e.sha).map((e) => e.path);
}

/**
 * What a pull request touches, as the gate validates it: an environment folder's files → that
 * environment; a Package file → every environment of its component (their constraints and values
 * meet a new or changed Package); flux-pkg.yaml → everything (undefined). `changed` holds every
 * path the pull request adds, modifies, renames (both names) or removes; `paths`, the head's files.
 */
export function scopeOfChanges(
  changed: readonly string[],
  paths: readonly string[],
  layout: Layout,
): Scope | undefined {
  if (changed.includes(CONFIG_FILE)) return undefined;
  const prefix = layout.componentsPath ? `${layout.componentsPath.replace(/\/+$/, '')}/` : '';
  const components = new Map(discover(paths, layout).map((c) => [c.name, c]));
  const scope: Scope = {};
  for (const path of changed) {
    if (!path.startsWith(prefix)) continue;
    const parts = path.slice(prefix.length).split('/');
    if (parts.length !== 3) continue;
    const [name, folder] = parts as [string, string, string];
    const component = components.get(name);
    if (!component) continue; // a component the pull request removes: nothing left to check
    if (folder === layout.packagesDir) scope[name] = '*';
    else if (component.environments.includes(folder) && scope[name] !== '*') {
      const environments = (scope[name] as string[] | undefined) ?? [];
      if (!environments.includes(folder)) environments.push(folder);
      scope[name] = environments;
    }
  }
  return scope;
}
