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
  for (const d of [...env.diagnostics, ...env.missingListed])
    d.severity === 'error' ? fail(d) : ctx.diagnostics.push(d);
  const pi = env.packageInstall;
  if (!pi || !env.packageInstallBuilt) {
    if (!hasErrors([...env.diagnostics, ...env.missingListed]) && (pi || env.hasFiles))
      fail(unbuiltPackageInstall(ctx, env, dir, pi));
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
  checkValuesSecret(ctx, { component, env, environment, pi, pkg, fail });
  return result;
}

/**
 * An environment folder that builds no PackageInstall: Flux applies none (a packageinstall.yaml the
 * kustomization does not list is not applied either).
 */
function unbuiltPackageInstall(
  ctx: Context,
  env: EnvironmentFiles,
  dir: string,
  pi: PackageInstallFile | undefined,
): Diagnostic {
  const kustomization = env.kustomizationPath ?? `${dir}/kustomization.yaml`;
  if (pi)
    return error(
      'packageinstall.not-applied',
      `${pi.file} is not among the resources ${env.kustomizationPath ?? 'the folder'} builds, so Flux does not apply it: list it under resources`,
      env.kustomizationPath ?? pi.file,
      env.kustomizationPath ? { line: 1, column: 1 } : pi.parsed.position(pi.doc.range[0]),
      '.resources',
    );
  return error(
    'packageinstall.missing',
    `the environment folder ${dir} builds no PackageInstall: add ${ctx.config.layout.packageInstallFile} (the install mode, or flux-pkg plan --write, writes one) and list it in ${kustomization.slice(dir.length + 1)} if the folder has one`,
    env.kustomizationPath ?? `${dir}/${ctx.config.layout.packageInstallFile}`,
  );
}

/**
 * The values Secret: the folder builds the Secret spec.values names (in the PackageInstall's
 * namespace), and its values validate. One rule for the CLI, install's result and the gate: a
 * Secret the folder does not build is one kapp-controller waits for forever.
 */
function checkValuesSecret(ctx: Context, { component, env, environment, pi, pkg, fail }: SecretCheck): void {
  const position = pi.parsed.position(pi.doc.range[0]);
  const secretPath =
    env.valuesSecretFile ?? `${component.dir}/${environment}/${ctx.config.layout.valuesSecretFile}`;
  plainSecretCheck(ctx, env, component.name, environment, secretPath, fail);
  const secret = env.valuesSecret ?? lockedSecret(env, secretPath);
  const named = pi.secretNames[0];
  if (named !== undefined && !env.valuesSecretBuilt) {
    if (!hasErrors(env.diagnostics)) fail(missingValuesSecret(env, pi, named, secret));
    return;
  }
  if (!secret) return;
  if (named === undefined) {
    fail(
      error(
        'packageinstall.values-secret',
        `the values Secret "${secret.name}" in ${secret.file} is not referenced by spec.values of the PackageInstall: add it as spec.values[0].secretRef.name, or remove the Secret`,
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

function missingValuesSecret(
  env: EnvironmentFiles,
  pi: PackageInstallFile,
  named: string,
  secret: { name: string; file: string } | undefined,
): Diagnostic {
  const where = env.kustomizationPath ?? 'the folder';
  const found =
    secret && secret.name !== named
      ? ` (${secret.file} holds "${secret.name}")`
      : secret
        ? ` (${secret.file} holds it, but ${where} does not list it)`
        : '';
  return error(
    'packageinstall.values-secret-missing',
    `spec.values references the Secret "${named}", but ${where} builds no Secret "${named}"${found}: kapp-controller would wait for it forever. Add it as a file of the folder (plain or SOPS-encrypted; generators are refused) and list it under resources`,
    pi.file,
    positionAt(pi.parsed, pi.doc, ['spec', 'values']),
    '.spec.values',
  );
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
  const settings = settingsFor(ctx.config, component, environment);
  const report = (problem: Diagnostic | undefined) => {
    if (problem) problem.severity === 'error' ? fail(problem) : ctx.diagnostics.push(problem);
  };
  if (env.valuesSecretText !== undefined && !env.encrypted)
    report(plainSecretProblem(file, settings, ctx.repoEncrypts));
  // Every other Secret the folder builds sits in git the same way.
  for (const secret of env.otherSecrets)
    if (!secret.encrypted)
      report(
        plainSecretProblem(secret.file, settings, ctx.repoEncrypts, `the Secret "${secret.name ?? ''}"`),
      );
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
