/**
 * The input of the status matrix, gathered through the planner: flux-pkg.yaml, a whole-repo
 * validate, and each component's Package versions; `components` limits it to those (an action run
 * shows the components it touched).
 */
import { type LoadedConfig, loadConfig } from '../../../config/config.js';
import type { Snapshot } from '../../../repo/snapshot.js';
import { buildStatus, type StatusInput, type StatusModel } from '../../../report/summary/status.js';
import { loadPackages } from '../../load/load.js';
import { RepoReader } from '../../load/reader.js';
import { discover } from '../../model/repository.js';
import { plan } from '../../plan.js';
import type { PlanResult } from '../../types.js';

/**
 * The model for a snapshot. `loaded` and `validation`: what the caller already has (flux-pkg.yaml as
 * read, a whole-repo validate result), so a run that validated does not validate twice.
 */
export async function loadStatus(
  snapshot: Snapshot,
  options: { loaded?: LoadedConfig; validation?: PlanResult; components?: readonly string[] } = {},
): Promise<StatusModel> {
  const loaded = options.loaded ?? (await loadConfig(snapshot));
  const only = options.components ? [...options.components] : undefined;
  const validation =
    options.validation ?? (await plan(snapshot, { kind: 'validate', components: only }, loaded));
  const paths = (await snapshot.list()).map((e) => e.path);
  const reader = new RepoReader(snapshot);
  const components: StatusInput['components'][number][] = [];
  const layouts = discover(paths, loaded.config.layout).filter((c) => !only || only.includes(c.name));
  reader.prefetch(layouts[0]?.packageFiles ?? []);
  for (const [i, c] of layouts.entries()) {
    reader.prefetch(layouts[i + 1]?.packageFiles ?? []);
    const { packages } = await loadPackages(reader, c);
    reader.forget(c.dir);
    components.push({ name: c.name, folders: c.environments, versions: packages.map((p) => p.version) });
  }
  return buildStatus({ config: loaded.config, components, validation });
}
