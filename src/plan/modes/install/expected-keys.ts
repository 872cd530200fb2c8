/**
 * The pull requests an install of some Package files is expected to propose, told before it is
 * planned: one per (component, environment), a component being the one whose packages folder holds
 * a file and its environments those install delivers to (targets.ts directEnvironments). A guess, not a plan: a
 * Package that is not newer, or one that does not load, proposes less, and the caller must check
 * the guess against the plan's proposals (deliver.ts does).
 */
import type { RepoConfig } from '../../../config/config.js';
import { discover } from '../../model/repository.js';
import { directEnvironments } from './targets.js';

/** More pull requests than this are not guessed at: a bulk change waits for its plan. */
export const MAX_EXPECTED_KEYS = 10;

/**
 * The keys (`<component>/<environment>`, proposals.ts perComponent) of installing `packageFiles`
 * on a repository of these `paths`, within the environments filter; undefined when a file is in
 * no component's packages folder, or when there would be more than MAX_EXPECTED_KEYS.
 */
export function expectedInstallKeys(
  config: RepoConfig,
  paths: readonly string[],
  packageFiles: readonly string[],
  environments?: readonly string[],
): string[] | undefined {
  const components = discover(paths, config.layout);
  const byPath = new Map(components.flatMap((c) => c.packageFiles.map((f) => [f, c] as const)));
  const keys = new Set<string>();
  for (const path of packageFiles) {
    const component = byPath.get(path);
    if (!component) return undefined;
    for (const env of directEnvironments(config, component, environments))
      keys.add(`${component.name}/${env}`);
    if (keys.size > MAX_EXPECTED_KEYS) return undefined;
  }
  return [...keys];
}
