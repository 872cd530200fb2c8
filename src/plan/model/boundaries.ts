/**
 * What the planner refuses before planning and before returning writes: links where the layout
 * expects folders, filters that match nothing, a layout that finds no component, and any planned
 * path that the final write guard would refuse (so both shells get a diagnostic, not a throw).
 */
import type { LoadedConfig } from '../../config/config.js';
import { type Diagnostic, error } from '../../diagnostics.js';
import { writePathProblem } from '../../repo/paths.js';
import { type FileEntry, refusalMessage } from '../../repo/snapshot.js';
import type { ComponentRequest, PlannedFile } from '../types.js';
import { type ComponentLayout, NO_MATCH } from './repository.js';

export { NO_MATCH } from './repository.js';

/** The code of every "this filter matched nothing" error: shells treat it as a usage error. */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Links (and FIFOs, devices) where the layout would find a component folder, its packages folder or
 * an environment folder. A link to a file the plan reads is reported when it is read.
 */
export function linkProblems(
  entries: readonly FileEntry[],
  loaded: LoadedConfig,
  request: ComponentRequest,
): Diagnostic[] {
  const { layout, environments, components } = loaded.config;
  const prefix = layout.componentsPath ? `${layout.componentsPath}/` : '';
  const named = new Set([...Object.keys(components), ...(filtersOf(request).components ?? [])]);
  const envNames = new Set(environments?.map((e) => e.name) ?? []);
  const diagnostics: Diagnostic[] = [];
  for (const entry of entries) {
    if (!entry.kind || entry.kind === 'file') continue;
    const reason = entry.kind;
    const refuse = () =>
      diagnostics.push(error(`repo.${reason}`, refusalMessage(entry.path, reason), entry.path));
    if (prefix.startsWith(`${entry.path}/`)) refuse();
    if (!entry.path.startsWith(prefix)) continue;
    const parts = entry.path.slice(prefix.length).split('/');
    if (parts.length === 1 && named.has(parts[0]!)) refuse();
    const folder = parts[1] ?? '';
    if (
      parts.length === 2 &&
      (folder === layout.packagesDir || envNames.has(folder) || DNS_LABEL.test(folder))
    )
      refuse();
  }
  return diagnostics;
}

/** A layout that finds no component is an error: a check over nothing must not pass. */
export function noComponentProblem(
  components: readonly ComponentLayout[],
  loaded: LoadedConfig,
): Diagnostic[] {
  if (components.length > 0) return [];
  const { layout, file } = loaded.config;
  const prefix = layout.componentsPath ? `${layout.componentsPath}/` : '';
  return [
    error(
      'layout.no-component',
      `the layout finds no component: no ${prefix}<component>/${layout.packagesDir}/*.yaml and no ${prefix}<component>/<environment>/${layout.packageInstallFile} in the repository`,
      file ?? '',
    ),
  ];
}

/** The component and environment filters of a request (a promotion names its targets instead). */
function filtersOf(request: ComponentRequest): { components?: string[]; environments?: string[] } {
  return request.kind === 'promote' ? {} : request;
}

/** Environment filter names that no component has as a folder and the config does not list. */
export function environmentFilterProblems(
  components: readonly ComponentLayout[],
  loaded: LoadedConfig,
  request: ComponentRequest,
): Diagnostic[] {
  const { components: wanted, environments: filter } = filtersOf(request);
  const chosen = components.filter((c) => !wanted || wanted.includes(c.name));
  const known = new Set([
    ...chosen.flatMap((c) => c.environments),
    ...(request.kind === 'install' ? (loaded.config.environments?.map((e) => e.name) ?? []) : []),
  ]);
  const list = [...known].sort().join(', ') || 'none';
  return (filter ?? [])
    .filter((name) => DNS_LABEL.test(name) && !known.has(name))
    .map((name) =>
      error(
        NO_MATCH,
        `the environment filter "${name}" names no environment ${wanted ? `of ${wanted.join(', ')} ` : ''}in the repository (environments: ${list})`,
        '',
      ),
    );
}

/** components.*.environments naming a folder the component does not have, when flux-pkg.yaml lists no environments. */
export function componentEnvironmentProblems(
  components: readonly ComponentLayout[],
  loaded: LoadedConfig,
): Diagnostic[] {
  const { config, positionOf } = loaded;
  if (config.environments || !config.file) return [];
  const diagnostics: Diagnostic[] = [];
  for (const c of components) {
    config.components[c.name]?.environments?.forEach((name, i) => {
      if (c.environments.includes(name)) return;
      const path = ['components', c.name, 'environments', i];
      diagnostics.push(
        error(
          'config.unknown-environment',
          `component "${c.name}" names environment "${name}", which has no folder in ${c.dir}/`,
          config.file!,
          positionOf?.(path),
          `.components[${JSON.stringify(c.name)}].environments[${i}]`,
        ),
      );
    });
  }
  return diagnostics;
}

/** Planned paths the final write guard would refuse: an error each, so nothing is written. */
export function unsafePathProblems(files: readonly PlannedFile[]): Diagnostic[] {
  return files.flatMap((f) => {
    const problem = writePathProblem(f.path);
    return problem
      ? [error('plan.unsafe-path', `refusing to write ${JSON.stringify(f.path)}: it ${problem}`, f.path)]
      : [];
  });
}
