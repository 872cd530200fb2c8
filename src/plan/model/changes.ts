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
  /** A `.sops.yaml` was added or changed: the files it covers may need their data keys re-wrapped. */
  sopsConfigChanged?: boolean;
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
  const sopsConfigChanged = changed.some(isSopsConfig);
  return {
    packageFiles,
    packageInstalls,
    configChanged: changedSet.has(CONFIG_FILE),
    ...(sopsConfigChanged ? { sopsConfigChanged } : {}),
  };
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
 * What a pull request touches, as the gate validates it: any file under an environment folder →
 * that environment (Flux applies the folder, whatever the file is called); a Package file → every
 * environment of its component (their constraints and values meet a new or changed Package); an
 * RBAC folder → its environment, a component's Brain folder → every environment of the component
 * (both also policy: see policyChanges); flux-pkg.yaml or a .sops.yaml → everything (undefined).
 * `changed` holds every path the pull request adds, modifies, renames (both names) or removes;
 * `paths`, the head's files.
 */
export function scopeOfChanges(
  changed: readonly string[],
  paths: readonly string[],
  layout: Layout,
): Scope | undefined {
  if (changed.some((p) => p === CONFIG_FILE || isSopsConfig(p))) return undefined;
  const components = new Map(discover(paths, layout).map((c) => [c.name, c]));
  const scope: Scope = {};
  const add = (name: string, environment: string | '*') => {
    if (environment === '*' || scope[name] === '*') {
      scope[name] = '*';
      return;
    }
    const environments = (scope[name] as string[] | undefined) ?? [];
    if (!environments.includes(environment)) environments.push(environment);
    scope[name] = environments;
  };
  for (const path of changed) {
    const brain = brainComponentOf(path, layout);
    if (brain !== undefined) {
      if (components.has(brain)) add(brain, '*');
      continue;
    }
    const at = componentPathOf(path, layout);
    const component = at && components.get(at.name);
    if (!at || !component) continue; // a component the pull request removes: nothing left to check
    if (at.folder === layout.packagesDir && at.depth === 1) add(at.name, '*');
    else if (component.environments.includes(at.folder)) add(at.name, at.folder);
    else {
      const environment = rbacEnvironmentOf(at.folder, layout);
      if (environment !== undefined && component.environments.includes(environment))
        add(at.name, environment);
    }
  }
  return scope;
}

/**
 * The files a pull request changes that the action trusts as policy rather than validates as an
 * environment: flux-pkg.yaml, every .sops.yaml, the RBAC folders (applied with the kubeconfig's own
 * identity) and the Brain folder (the Flux objects that apply everything). Sorted.
 */
export function policyChanges(changed: readonly string[], layout: Layout): string[] {
  return changed
    .filter(
      (path) =>
        path === CONFIG_FILE ||
        isSopsConfig(path) ||
        isUnder(path, layout.brainPath) ||
        rbacEnvironmentOf(componentPathOf(path, layout)?.folder ?? '', layout) !== undefined,
    )
    .sort();
}

export const isSopsConfig = (path: string) => path === '.sops.yaml' || path.endsWith('/.sops.yaml');
const trimmed = (dir: string) => dir.replace(/\/+$/, '');
const isUnder = (path: string, dir: string) => trimmed(dir) !== '' && path.startsWith(`${trimmed(dir)}/`);

/** `<brainPath>/<component>/…` → the component; another path under brainPath → ''; else undefined. */
function brainComponentOf(path: string, layout: Layout): string | undefined {
  if (!isUnder(path, layout.brainPath)) return undefined;
  const parts = path.slice(trimmed(layout.brainPath).length + 1).split('/');
  return parts.length > 1 ? parts[0]! : '';
}

/** `[componentsPath/]<name>/<folder>/…`: the component, the folder under it, and how deep the file is below the folder. */
function componentPathOf(
  path: string,
  layout: Layout,
): { name: string; folder: string; depth: number } | undefined {
  const prefix = layout.componentsPath ? `${trimmed(layout.componentsPath)}/` : '';
  if (!path.startsWith(prefix)) return undefined;
  const parts = path.slice(prefix.length).split('/');
  if (parts.length < 3 || parts[0]!.startsWith('.')) return undefined;
  return { name: parts[0]!, folder: parts[1]!, depth: parts.length - 2 };
}

/** The environment whose RBAC folder this is (layout.rbacFolder with {environment}), if it is one. */
function rbacEnvironmentOf(folder: string, layout: Layout): string | undefined {
  const [before, after] = layout.rbacFolder.split('{environment}') as [string, string];
  if (folder.length <= before.length + after.length || !folder.startsWith(before) || !folder.endsWith(after))
    return undefined;
  return folder.slice(before.length, folder.length - after.length);
}
