import { type LoadedConfig, loadConfig } from '../config/config.js';
import { type Diagnostic, error, hasErrors, sortDiagnostics } from '../diagnostics.js';
import type { Snapshot } from '../repo/snapshot.js';
import type { Context } from './context.js';
import { install } from './install.js';
import { promote } from './promote.js';
import { type ComponentLayout, discover, nameProblem, RepoReader } from './repository.js';
import type { PlanResult, Request } from './types.js';
import { validate } from './validate.js';
import { ValuesChecker } from './values.js';

export type { EnvironmentResult, PlannedFile, PlanResult, Request } from './types.js';

/** `loaded`: flux-pkg.yaml as the caller already read it (its diagnostics are reported); default: read it here. */
export async function plan(snapshot: Snapshot, request: Request, loaded?: LoadedConfig): Promise<PlanResult> {
  const { config, diagnostics: configDiagnostics } = loaded ?? (await loadConfig(snapshot));
  const diagnostics: Diagnostic[] = [...configDiagnostics];
  const paths = (await snapshot.list()).map((e) => e.path);
  const ctx: Context = {
    reader: new RepoReader(snapshot),
    paths,
    config,
    values: new ValuesChecker(),
    diagnostics,
  };
  const components = discover(paths, config.layout);
  checkNames(ctx, components, request);
  const environments = hasErrors(diagnostics) ? [] : await planFor(ctx, components, request);
  diagnostics.push(...ctx.values.diagnostics);
  const valid = !hasErrors(diagnostics);
  const files = valid ? environments.flatMap((e) => e.files) : [];
  return { valid, diagnostics: sortDiagnostics(dedupe(diagnostics)), environments, files };
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
      ctx.diagnostics.push(error('request.component', `no component "${name}" in the repository`, ''));
  }
  for (const name of named.environments ?? []) {
    const problem = nameProblem('environment', name);
    if (problem) ctx.diagnostics.push(error('request.environment', `environment "${name}" ${problem}`, ''));
  }
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
