/**
 * validate: every PackageInstall resolves to a Package that satisfies it, and its values validate.
 * Synchronous over one component's loaded view (run.ts loads them one at a time).
 */
import type { CarvelPackage } from '../../../carvel/package.js';
import { selectHighest } from '../../../carvel/semver.js';
import { settingsFor } from '../../../config/config.js';
import { overrideLabelOf, upstreamOf } from '../../../config/graph.js';
import { type Diagnostic, error, hasErrors, warning } from '../../../diagnostics.js';
import { positionAt } from '../../../yaml/parse.js';
import { type ComponentView, type Context, environmentResult, versionOrder } from '../../model/context.js';
import type { EnvironmentFiles, PackageInstallFile } from '../../model/environment.js';
import type { ComponentPackages } from '../../model/packages.js';
import type { ComponentLayout } from '../../model/repository.js';
import { pullRequestChange } from '../../model/review.js';
import { plainSecretProblem } from '../../model/secrets.js';
import type { BaseFacts, EnvironmentResult, ValidateRequest } from '../../types.js';

/** The components validate checks, each with the environments it checks (the request's filters and scope). */
export function validateChoice(
  components: ComponentLayout[],
  request: ValidateRequest,
): { component: ComponentLayout; environments: string[] }[] {
  const { scope } = request;
  const chosen = components.filter(
    (c) => (!request.components || request.components.includes(c.name)) && (!scope || c.name in scope),
  );
  return chosen.map((c) => ({
    component: c,
    environments: c.environments.filter(
      (env) =>
        (!request.environments || request.environments.includes(env)) &&
        (!scope || scope[c.name] === '*' || scope[c.name]!.includes(env)),
    ),
  }));
}

/** One component, as loaded with the environments validateChoice() gave for it. */
export function validateComponent(
  ctx: Context,
  view: ComponentView,
  request: ValidateRequest,
): EnvironmentResult[] {
  const { component, packages } = view;
  if (request.base) checkChangedInPlace(ctx, component, packages, request.base);
  return [...view.environments].map(([environment, env]) =>
    validateEnvironment(ctx, view, environment, env, request),
  );
}

function validateEnvironment(
  ctx: Context,
  { component, packages }: ComponentView,
  environment: string,
  env: EnvironmentFiles,
  request: ValidateRequest,
): EnvironmentResult {
  const dir = `${component.dir}/${environment}`;
  const { result, fail } = environmentResult(ctx, component, environment, packages);
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
  // For the job summary: what this pull request changes here, from the base branch's version.
  if (request.base)
    result.review = pullRequestChange(
      packages.packages,
      request.base.versions[`${component.name}/${environment}`],
      pkg,
    );
  if (request.base) checkPromotionOrder(ctx, result, pi, request.base, request.labels ?? []);
  checkValuesSecret(ctx, { component, env, environment, pi, pkg, fail }, Boolean(request.base));
  return result;
}

/** The values Secret: where it is, that spec.values references it, and its values against the schema. */
function checkValuesSecret(
  ctx: Context,
  { component, env, environment, pi, pkg, fail }: SecretCheck,
  gated: boolean,
): void {
  // The gate (a pull request, compared with its base) holds the values Secret reference to be exact.
  const gate = gated ? error : warning;
  const position = pi.parsed.position(pi.doc.range[0]);
  const secretProblem = (d: Diagnostic) => (d.severity === 'error' ? fail(d) : ctx.diagnostics.push(d));
  const secretPath = `${component.dir}/${environment}/${ctx.config.layout.valuesSecretFile}`;
  plainSecretCheck(ctx, env, component.name, environment, secretPath, fail);
  const secret = env.valuesSecret ?? lockedSecret(env, secretPath);
  if (!secret) {
    // A referenced Secret that is not in the folder: kapp-controller would wait for it forever.
    if (pi.secretNames.length > 0 && !hasErrors(env.diagnostics))
      secretProblem(
        gate(
          'packageinstall.values-secret-missing',
          `spec.values references the Secret "${pi.secretNames[0]}", but ${secretPath} does not exist`,
          pi.file,
          position,
          '.spec.values',
        ),
      );
    return;
  }
  if (!pi.secretNames.includes(secret.name)) {
    secretProblem(
      gate(
        'packageinstall.values-secret',
        pi.secretNames.length > 0
          ? `spec.values references the Secret "${pi.secretNames.join('", "')}", but ${secret.file} holds "${secret.name}"`
          : `the values Secret "${secret.name}" in ${secret.file} is not referenced by spec.values of the PackageInstall`,
        pi.file,
        position,
        '.spec.values',
      ),
    );
  }
  const toSource = env.encrypted?.toSource ?? ((d: Diagnostic) => d);
  const encrypted = env.encrypted !== undefined; // valuesSecret is then the decryption
  if (env.valuesSecret)
    for (const d of ctx.values.check(pkg, env.valuesSecret, { encrypted })) fail(toSource(d));
}

interface SecretCheck {
  component: ComponentLayout;
  env: EnvironmentFiles;
  environment: string;
  pi: PackageInstallFile;
  pkg: CarvelPackage;
  fail: (d: Diagnostic) => unknown;
}

/** An encrypted values Secret read without its key: its name is readable, its values are not. */
function lockedSecret(env: EnvironmentFiles, file: string): { name: string; file: string } | undefined {
  return env.encrypted && !env.encrypted.document && env.encrypted.name !== undefined
    ? { name: env.encrypted.name, file }
    : undefined;
}

/** A plain values Secret: a warning in a repository that uses SOPS, an error with requireEncryption. */
function plainSecretCheck(
  ctx: Context,
  env: EnvironmentFiles,
  component: string,
  environment: string,
  file: string,
  fail: (d: Diagnostic) => unknown,
): void {
  if (env.valuesSecretText === undefined || env.encrypted) return;
  const problem = plainSecretProblem(file, settingsFor(ctx.config, component, environment), ctx.repoEncrypts);
  if (problem) problem.severity === 'error' ? fail(problem) : ctx.diagnostics.push(problem);
}

/** kapp-controller caches a Package by name: the same version with other content never reaches a cluster that has it. */
function checkChangedInPlace(
  ctx: Context,
  component: ComponentLayout,
  packages: ComponentPackages,
  base: BaseFacts,
): void {
  for (const pkg of packages.packages) {
    const before = base.packages[`${component.name}@${pkg.version}`];
    if (before === undefined || before === pkg.digest) continue;
    ctx.diagnostics.push(
      error(
        'package.changed-in-place',
        `Package ${pkg.name} is changed in place (same version, other content); clusters that have it keep the old content — publish a new version instead`,
        pkg.file,
        { line: pkg.line, column: 1 },
        '.spec.version',
      ),
    );
  }
}

/**
 * An environment that promotes from another may only get a version that one has at the base,
 * unless the pull request carries an override label (reported as a warning in the summary).
 */
function checkPromotionOrder(
  ctx: Context,
  result: EnvironmentResult,
  pi: PackageInstallFile,
  base: BaseFacts,
  labels: readonly string[],
): void {
  const { component, environment, toVersion } = result;
  const upstream = upstreamOf(ctx.config, environment);
  if (!upstream || !toVersion) return;
  if (base.versions[`${component}/${environment}`] === toVersion) return; // not changed by this pull request
  const upstreamVersion = base.versions[`${component}/${upstream}`];
  if (upstreamVersion !== undefined && versionOrder(toVersion, upstreamVersion) <= 0) return;
  const file = pi.file;
  const at = positionAt(pi.parsed, pi.doc, ['spec', 'packageRef', 'versionSelection', 'constraints']);
  const why = `${environment} gets ${component} ${toVersion}, which ${upstream} (its promoteFrom) ${upstreamVersion ? `does not have: it runs ${upstreamVersion}` : 'does not run'} on the base branch`;
  const override = overrideLabelOf(ctx.config, labels);
  if (override)
    ctx.diagnostics.push(
      warning(
        'promotion.override',
        `${why}; allowed by the label "${override}"`,
        file,
        at,
        '.spec.packageRef',
      ),
    );
  else {
    result.valid = false;
    ctx.diagnostics.push(
      error(
        'promotion.out-of-order',
        `${why}; promote through ${upstream} first, or add one of the labels ${ctx.config.promotion.overrideLabels.join(', ')} for a hotfix`,
        file,
        at,
        '.spec.packageRef.versionSelection.constraints',
      ),
    );
  }
}
