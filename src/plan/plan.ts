import { type LoadedConfig, loadConfig } from '../config/config.js';
import { type Diagnostic, dedupeDiagnostics, error, hasErrors, sortDiagnostics } from '../diagnostics.js';
import type { Snapshot } from '../repo/snapshot.js';
import {
  componentEnvironmentProblems,
  environmentFilterProblems,
  linkProblems,
  NO_MATCH,
  noComponentProblem,
  unsafePathProblems,
} from './boundaries.js';
import type { Context } from './context.js';
import { install } from './install.js';
import { promote } from './promote.js';
import { type ComponentLayout, discover, nameProblem, RepoReader } from './repository.js';
import { repoEncrypts } from './secrets.js';
import type { PlanResult, Request } from './types.js';
import { validate } from './validate.js';
import { ValuesChecker } from './values.js';

export type { EnvironmentResult, PlannedFile, PlanResult, Request } from './types.js';

/** `loaded`: flux-pkg.yaml as the caller already read it (its diagnostics are reported); default: read it here. */
export async function plan(snapshot: Snapshot, request: Request, loaded?: LoadedConfig): Promise<PlanResult> {
  const loadedConfig = loaded ?? (await loadConfig(snapshot));
  const { config, diagnostics: configDiagnostics } = loadedConfig;
  const diagnostics: Diagnostic[] = [...configDiagnostics];
  const entries = await snapshot.list();
  const paths = entries.map((e) => e.path);
  const ctx: Context = {
    reader: new RepoReader(snapshot),
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
  checkNames(ctx, components, request);
  diagnostics.push(...environmentFilterProblems(components, loadedConfig, request));
  diagnostics.push(...componentEnvironmentProblems(components, loadedConfig));
  const environments = hasErrors(diagnostics) ? [] : await planFor(ctx, components, request);
  diagnostics.push(...ctx.values.diagnostics);
  // A pull request that touches no component has nothing to check; a filter that matches nothing is an error.
  const scopedToNothing = request.kind === 'validate' && request.scope !== undefined;
  if (request.kind === 'validate' && !scopedToNothing && environments.length === 0 && !hasErrors(diagnostics))
    diagnostics.push(
      error(NO_MATCH, 'the filters match no environment folder: validate checked nothing', ''),
    );
  diagnostics.push(...unsafePathProblems(environments.flatMap((e) => e.files)));
  const valid = !hasErrors(diagnostics);
  const files = valid ? environments.flatMap((e) => e.files) : [];
  return { valid, diagnostics: sortDiagnostics(dedupeDiagnostics(diagnostics)), environments, files };
}

function planFor(ctx: Context, components: ComponentLayout[], request: Request) {
  if (request.kind === 'install') return install(ctx, components, request);
  if (request.kind === 'promote') return promote(ctx, components, request);
  return validate(ctx, components, request);
}

function checkNames(ctx: Context, components: ComponentLayout[], request: Request): void {
  for (const c of components) {
    const problem = nameProblem('component', c.name);
    if (problem)
      ctx.diagnostics.push(
        error('layout.component-name', `component folder "${c.name}" ${problem}`, c.packageFiles[0] ?? c.dir),
      );
    for (const env of c.environments) {
      const envProblem = nameProblem('environment', env);
      if (envProblem)
        ctx.diagnostics.push(
          error('layout.environment-name', `environment folder "${env}" ${envProblem}`, `${c.dir}/${env}`),
        );
    }
  }
  const named: { components?: string[]; environments?: string[] } = request.kind === 'promote' ? {} : request;
  for (const name of named.components ?? []) {
    const problem = nameProblem('component', name);
    if (problem) ctx.diagnostics.push(error('request.component', `component "${name}" ${problem}`, ''));
    else if (!components.some((c) => c.name === name))
      ctx.diagnostics.push(
        error(NO_MATCH, `the component filter "${name}" names no component in the repository`, ''),
      );
  }
  for (const name of named.environments ?? []) {
    const problem = nameProblem('environment', name);
    if (problem) ctx.diagnostics.push(error('request.environment', `environment "${name}" ${problem}`, ''));
  }
}
