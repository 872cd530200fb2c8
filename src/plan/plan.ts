/**
 * The planner's entry: a request → its mode's runner, by the one table below. A mode is a folder
 * under modes/ (its rules and run.ts) and one line here; see CONTRIBUTING.md.
 */
import { type LoadedConfig, loadConfig } from '../config/config.js';
import type { Snapshot } from '../repo/snapshot.js';
import { type ComponentRunner, planComponents } from './run.js';
import type { ComponentRequest, Request, ResultOf } from './types.js';

export type { EnvironmentResult, PlannedFile, PlanResult, Request } from './types.js';

type Runner<K extends Request['kind']> = (
  snapshot: Snapshot,
  request: Extract<Request, { kind: K }>,
  loaded?: LoadedConfig,
) => Promise<ResultOf<K>>;

/**
 * A mode that plans component by component, through the shared pipeline (run.ts). Each mode's code is imported
 * when a request of its kind comes: a run loads only the mode it plans (a bundle puts each in a chunk of its own).
 */
const byComponent =
  <R extends ComponentRequest>(load: () => Promise<ComponentRunner<R>>) =>
  async (snapshot: Snapshot, request: R, loaded?: LoadedConfig) =>
    planComponents(snapshot, request, loaded ?? (await loadConfig(snapshot)), await load());

/** The one table from a request's kind to the mode that plans it (one folder each under modes/). */
const RUNNERS: { readonly [K in Request['kind']]: Runner<K> } = Object.freeze({
  install: byComponent(async () => (await import('./modes/install/run.js')).runInstall),
  validate: byComponent(async () => (await import('./modes/validate/run.js')).runValidate),
  promote: byComponent(async () => (await import('./modes/promote/run.js')).runPromote),
  bootstrap: async (snapshot, request, loaded) =>
    (await import('./modes/bootstrap/run.js')).planBootstrap(snapshot, request, loaded),
});

export { KINDS } from './kinds.js';

/**
 * The plan for a request. `loaded`: flux-pkg.yaml as the caller already read it (its diagnostics are
 * reported); default: read it here.
 */
export function plan<R extends Request>(
  snapshot: Snapshot,
  request: R,
  loaded?: LoadedConfig,
): Promise<ResultOf<R['kind']>> {
  const runner = RUNNERS[request.kind] as Runner<R['kind']>;
  return runner(snapshot, request as never, loaded);
}
