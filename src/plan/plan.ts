import { type LoadedConfig, loadConfig } from '../config/config.js';
import {
  type Diagnostic,
  dedupeDiagnostics,
  error,
  hasErrors,
  sortDiagnostics,
  warning,
} from '../diagnostics.js';
import type { Snapshot } from '../repo/snapshot.js';
import { Loader } from './load/load.js';
import { RepoReader } from './load/reader.js';
import {
  componentEnvironmentProblems,
  environmentFilterProblems,
  linkProblems,
  NO_MATCH,
  noComponentProblem,
  unsafePathProblems,
} from './model/boundaries.js';
import type { Context } from './model/context.js';
import { type ComponentLayout, discover, nameProblems } from './model/repository.js';
import { repoEncrypts } from './model/secrets.js';
import { ValuesChecker } from './model/values.js';
import { runInstall } from './modes/install/run.js';
import { runPromote } from './modes/promote/run.js';
import { runValidate } from './modes/validate/run.js';
import type { EnvironmentResult, PlanResult, Request, ValidateRequest } from './types.js';

export type { EnvironmentResult, PlannedFile, PlanResult, Request } from './types.js';

/**
 * The plan for a request: flux-pkg.yaml and the file list, the checks before planning, then
 * run.ts's per-component load → synchronous plan → release. `loaded`: flux-pkg.yaml as the caller
 * already read it (its diagnostics are reported); default: read it here.
 */
export async function plan(snapshot: Snapshot, request: Request, loaded?: LoadedConfig): Promise<PlanResult> {
  const loadedConfig = loaded ?? (await loadConfig(snapshot));
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
  const environments = hasErrors(diagnostics) ? [] : await planFor(ctx, loader, components, request);
  diagnostics.push(...ctx.values.diagnostics);
  if (request.kind === 'validate' && environments.length === 0 && !hasErrors(diagnostics))
    diagnostics.push(...nothingValidated(request, components));
  diagnostics.push(...unsafePathProblems(environments.flatMap((e) => e.files)));
  const valid = !hasErrors(diagnostics);
  const files = valid ? environments.flatMap((e) => e.files) : [];
  const diagnosticsOut = sortDiagnostics(dedupeDiagnostics(diagnostics));
  return { valid, diagnostics: diagnosticsOut, environments, files, config: { file: config.file } };
}

/**
 * validate found no environment folder to check. A pull request that touches no component has nothing to
 * check; a filter that matches nothing is an error; a repository whose components have Packages but no
 * environment yet (before the first bootstrap) had its Packages checked, which is worth a note, not a failure.
 */
function nothingValidated(request: ValidateRequest, components: ComponentLayout[]): Diagnostic[] {
  if (request.scope !== undefined) return [];
  if (request.components?.length || request.environments?.length)
    return [error(NO_MATCH, 'the filters match no environment folder: validate checked nothing', '')];
  const withPackages = components.filter((c) => c.packageFiles.length > 0);
  const first = withPackages[0];
  if (!first) return [];
  const count = withPackages.length === 1 ? `${first.name}` : `${withPackages.length} components`;
  return [
    warning(
      'layout.no-environment',
      `no environment exists yet: the Packages of ${count} were validated; bootstrap creates the first environment`,
      first.packageFiles[0]!,
    ),
  ];
}

type Runner<K extends Request['kind']> = (
  ctx: Context,
  loader: Loader,
  components: ComponentLayout[],
  request: Extract<Request, { kind: K }>,
) => Promise<EnvironmentResult[]>;

/** The one table from a request's kind to the mode that plans it (one folder each under modes/). */
const RUNNERS: { [K in Request['kind']]: Runner<K> } = {
  install: runInstall,
  promote: runPromote,
  validate: runValidate,
};

function planFor(ctx: Context, loader: Loader, components: ComponentLayout[], request: Request) {
  const runner = RUNNERS[request.kind] as Runner<typeof request.kind>;
  return runner(ctx, loader, components, request as never);
}
