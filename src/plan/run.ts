/**
 * The pipeline every component-wise mode shares (install, promote, validate): flux-pkg.yaml and the
 * file list, the checks before planning, then the mode's runner (modes/<mode>/run.ts: per component
 * load → synchronous plan → release), then the checks of what it planned.
 */
import type { LoadedConfig } from '../config/config.js';
import { type Diagnostic, dedupeDiagnostics, hasErrors, sortDiagnostics } from '../diagnostics.js';
import type { Snapshot } from '../repo/snapshot.js';
import { Loader } from './load/load.js';
import { RepoReader } from './load/reader.js';
import {
  componentEnvironmentProblems,
  environmentFilterProblems,
  linkProblems,
  noComponentProblem,
  unsafePathProblems,
} from './model/boundaries.js';
import type { Context } from './model/context.js';
import { type ComponentLayout, discover, nameProblems } from './model/repository.js';
import { repoEncrypts } from './model/secrets.js';
import { ValuesChecker } from './model/values.js';
import type { ComponentRequest, EnvironmentResult, PlanResult } from './types.js';

/** A mode's runner: the environments it plans over the components, diagnostics into `ctx`. */
export type ComponentRunner<R extends ComponentRequest> = (
  ctx: Context,
  loader: Loader,
  components: ComponentLayout[],
  request: R,
) => Promise<EnvironmentResult[]>;

/** The plan of a component-wise request, its runner given; flux-pkg.yaml as the caller read it. */
export async function planComponents<R extends ComponentRequest>(
  snapshot: Snapshot,
  request: R,
  loadedConfig: LoadedConfig,
  runner: ComponentRunner<R>,
): Promise<PlanResult> {
  const { config, diagnostics: configDiagnostics } = loadedConfig;
  const diagnostics: Diagnostic[] = [...configDiagnostics];
  const entries = await snapshot.list();
  const paths = entries.map((e) => e.path);
  const ctx: Context = {
    paths,
    config,
    values: new ValuesChecker(),
    diagnostics,
    sops: request.sops,
    wording: 'wording' in request ? request.wording : undefined,
    repoEncrypts: repoEncrypts(paths, [
      config.defaults,
      ...(config.environments ?? []),
      ...Object.values(config.components),
      ...(request.kind === 'install' && request.overrides ? [request.overrides] : []),
    ]),
  };
  const components = discover(paths, config.layout);
  diagnostics.push(...linkProblems(entries, loadedConfig, request));
  if (!hasErrors(configDiagnostics)) diagnostics.push(...noComponentProblem(components, loadedConfig));
  diagnostics.push(...nameProblems(components, request));
  diagnostics.push(...environmentFilterProblems(components, loadedConfig, request));
  diagnostics.push(...componentEnvironmentProblems(components, loadedConfig));
  const loader = new Loader(new RepoReader(snapshot), config.layout, diagnostics, request.sops);
  const environments = hasErrors(diagnostics) ? [] : await runner(ctx, loader, components, request);
  diagnostics.push(...ctx.values.diagnostics);
  diagnostics.push(...unsafePathProblems(environments.flatMap((e) => e.files)));
  const valid = !hasErrors(diagnostics);
  const files = valid ? environments.flatMap((e) => e.files) : [];
  const sorted = sortDiagnostics(dedupeDiagnostics(diagnostics));
  return { valid, diagnostics: sorted, environments, files, config: { file: config.file } };
}
