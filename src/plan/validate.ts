/** validate: every PackageInstall resolves to a Package that satisfies it, and its values validate. */
import { selectHighest } from '../carvel/semver.js';
import { error, hasErrors, warning } from '../diagnostics.js';
import { type Context, componentPackages, done, environmentResult } from './context.js';
import {
  type ComponentLayout,
  type ComponentPackages,
  environmentPaths,
  loadEnvironment,
} from './repository.js';
import type { EnvironmentResult, ValidateRequest } from './types.js';

export async function validate(
  ctx: Context,
  components: ComponentLayout[],
  request: ValidateRequest,
): Promise<EnvironmentResult[]> {
  const results: EnvironmentResult[] = [];
  const chosen = components.filter((c) => !request.components || request.components.includes(c.name));
  const environmentsWanted = (c: ComponentLayout) =>
    c.environments.filter((env) => !request.environments || request.environments.includes(env));
  // Exactly the files the loop below reads: the component's Packages and each environment's files.
  const prefetch = (c: ComponentLayout | undefined) => {
    if (!c) return;
    ctx.reader.prefetch(c.packageFiles);
    for (const env of environmentsWanted(c))
      ctx.reader.prefetch(environmentPaths(`${c.dir}/${env}`, ctx.config.layout));
  };
  prefetch(chosen[0]);
  for (const [i, component] of chosen.entries()) {
    prefetch(chosen[i + 1]);
    const packages = await componentPackages(ctx, component);
    for (const environment of environmentsWanted(component))
      results.push(await validateEnvironment(ctx, component, packages, environment));
    done(ctx, component);
  }
  return results;
}

async function validateEnvironment(
  ctx: Context,
  component: ComponentLayout,
  packages: ComponentPackages,
  environment: string,
): Promise<EnvironmentResult> {
  const dir = `${component.dir}/${environment}`;
  const { result, fail } = environmentResult(ctx, component, environment, packages);
  const env = await loadEnvironment(ctx.reader, dir, ctx.config.layout);
  for (const d of env.diagnostics) d.severity === 'error' ? fail(d) : ctx.diagnostics.push(d);
  const pi = env.packageInstall;
  if (!pi) {
    if (!hasErrors(env.diagnostics))
      fail(
        error(
          'packageinstall.missing',
          `environment "${environment}" has no ${ctx.config.layout.packageInstallFile}`,
          `${dir}/${ctx.config.layout.packageInstallFile}`,
        ),
      );
    return result;
  }
  if (!pi.selection || !pi.refName) return { ...result, valid: false };
  const position = pi.parsed.position(pi.doc.range[0]);
  if (packages.refName && pi.refName !== packages.refName) {
    fail(
      error(
        'packageinstall.ref-name',
        `installs "${pi.refName}", but the Packages of component "${component.name}" are "${packages.refName}"`,
        pi.file,
        position,
        '.spec.packageRef.refName',
      ),
    );
    return result;
  }
  const candidates = packages.packages.filter((p) => p.refName === pi.refName);
  const selected = selectHighest(
    candidates.map((p) => p.version),
    pi.selection,
  );
  result.constraint = pi.selection.constraints;
  if (!selected.version) {
    fail(
      error(
        'packageinstall.no-version',
        `no Package version of ${pi.refName} satisfies constraints "${pi.selection.constraints ?? ''}": ${selected.error}`,
        pi.file,
        position,
        '.spec.packageRef.versionSelection.constraints',
      ),
    );
    return result;
  }
  const pkg = candidates.find((p) => p.version === selected.version)!;
  result.packageFile = pkg.file;
  result.toVersion = pkg.version;
  result.fromVersion = pkg.version;
  const secret = env.valuesSecret;
  if (secret) {
    if (!pi.secretNames.includes(secret.name)) {
      ctx.diagnostics.push(
        warning(
          'packageinstall.values-secret',
          `the values Secret "${secret.name}" in ${secret.file} is not referenced by spec.values of the PackageInstall`,
          pi.file,
          position,
          '.spec.values',
        ),
      );
    }
    for (const d of ctx.values.check(pkg, secret)) fail(d);
  }
  return result;
}
