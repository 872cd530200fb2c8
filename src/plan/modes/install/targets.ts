/**
 * install: new Package version(s) → the environments that take new versions directly. Which
 * components and environments, and which version each gets; install-into.ts plans each
 * environment. Synchronous over the Packages the loader read (run.ts orchestrates).
 */
import type { CarvelPackage } from '../../../carvel/package.js';
import type { RepoConfig } from '../../../config/config.js';
import { environmentsOf, promotedOn, takesNewVersions } from '../../../config/graph.js';
import { error, hasErrors } from '../../../diagnostics.js';
import { NO_MATCH } from '../../model/boundaries.js';
import { type Context, versionOrder } from '../../model/context.js';
import type { ComponentPackages } from '../../model/packages.js';
import type { ComponentLayout } from '../../model/repository.js';
import type { InstallRequest, Promotion } from '../../types.js';

export interface Target {
  component: ComponentLayout;
  packages: ComponentPackages;
  /** The version every environment gets; undefined: each environment's newest selectable. */
  pinned?: CarvelPackage;
}

/**
 * The components whose Packages install looks at, in the order it looks: those of the requested
 * Package files (within the component filter), else every component with Packages.
 */
export function componentsToLoad(components: ComponentLayout[], request: InstallRequest): ComponentLayout[] {
  const wanted = request.components;
  if (!request.packages)
    return components.filter((c) => (!wanted || wanted.includes(c.name)) && c.packageFiles.length > 0);
  const byPath = new Map(components.flatMap((c) => c.packageFiles.map((f) => [f, c] as const)));
  const found = request.packages.flatMap((path) => byPath.get(path) ?? []);
  return [...new Set(found)].filter((c) => !wanted || wanted.includes(c.name));
}

/** What install delivers, by component; `loaded`: the Packages of componentsToLoad(). */
export function installTargets(
  ctx: Context,
  components: ComponentLayout[],
  request: InstallRequest,
  loaded: ReadonlyMap<ComponentLayout, ComponentPackages>,
): Target[] {
  const wanted = request.components;
  const byPath = new Map(components.flatMap((c) => c.packageFiles.map((f) => [f, c] as const)));
  const targets = new Map<string, Target>();
  for (const path of request.packages ?? []) {
    const component = byPath.get(path);
    if (!component) {
      const exists = ctx.paths.includes(path);
      ctx.diagnostics.push(
        error(
          'request.package',
          exists
            ? `${path} is not in a component's ${ctx.config.layout.packagesDir}/ folder`
            : `${path} does not exist in the repository`,
          path,
        ),
      );
      continue;
    }
    if (wanted && !wanted.includes(component.name)) continue;
    const packages = loaded.get(component)!;
    const inFile = packages.packages.filter((p) => p.file === path);
    if (inFile.length === 0) {
      if (!hasErrors(packages.diagnostics.filter((d) => d.file === path)))
        ctx.diagnostics.push(error('request.package', `${path} holds no Package`, path));
      continue;
    }
    const newest = inFile.reduce((a, b) => (versionOrder(a.version, b.version) >= 0 ? a : b));
    const current = targets.get(component.name)?.pinned;
    // Several versions of one component in one push: the newest supersedes the others.
    if (!current || versionOrder(newest.version, current.version) > 0)
      targets.set(component.name, { component, packages, pinned: newest });
  }
  if (!request.packages)
    for (const [component, packages] of loaded) targets.set(component.name, { component, packages });
  return [...targets.values()];
}

/** The environments of a target install delivers to: those that take new versions directly, within the filter. */
export function installEnvironments(ctx: Context, { component }: Target, request: InstallRequest): string[] {
  return directEnvironments(ctx.config, component, request.environments);
}

/** A component's environments that take new versions directly, within the environments filter when one is given. */
export function directEnvironments(
  config: RepoConfig,
  component: Pick<ComponentLayout, 'name' | 'environments'>,
  filter?: readonly string[],
): string[] {
  const direct = environmentsOf(config, component.name, component.environments).filter((env) =>
    takesNewVersions(config, env),
  );
  return filter ? direct.filter((env) => filter.includes(env)) : direct;
}

/** An environment filter that matched no environment of the targets is an error, not an empty plan. */
export function environmentFilterMatchedNothing(
  ctx: Context,
  targets: readonly Target[],
  request: InstallRequest,
): void {
  const envFilter = request.environments;
  if (!envFilter || targets.length === 0) return;
  if (targets.some((t) => installEnvironments(ctx, t, request).length > 0)) return;
  ctx.diagnostics.push(
    error(
      NO_MATCH,
      `the environment filter (${envFilter.join(', ')}) names no environment that takes new versions directly`,
      '',
    ),
  );
}

/**
 * Every promotion on merge the repository could owe (a full scan, when nothing says what changed):
 * each component's environments promoting on merge from an environment it has. The promote rules
 * leave those whose target already runs the source's version, or a newer one, as they are.
 */
export function everyMergePromotion(
  config: RepoConfig,
  components: readonly ComponentLayout[],
  commit?: string,
): Promotion[] {
  return components.flatMap((component) =>
    component.environments.flatMap((from) =>
      promotedOn(config, from, 'merged')
        .filter((to) => component.environments.includes(to))
        .filter((to) => environmentsOf(config, component.name, component.environments).includes(to))
        .map((to) => ({
          component: component.name,
          environment: to,
          from,
          source: { trigger: 'merged' as const, commit },
        })),
    ),
  );
}
