/**
 * The planner: (snapshot, request) → files to write + diagnostics. Pure apart from reading the
 * snapshot; the shells decide what to do with the result (print a diff, write files, open PRs).
 */

import type { CarvelPackage } from '../carvel/package.js';
import {
  emptyValues,
  ensureKustomizationResources,
  renderKustomization,
  renderPackageInstall,
  renderValuesSecret,
  setScalar,
  setValues,
  versionSelectionFor,
} from '../carvel/render.js';
import { compare, parseRelaxed, selectHighest, type VersionSelection } from '../carvel/semver.js';
import { readValuesSecret } from '../carvel/values-secret.js';
import { loadConfig, type RepoConfig, settingsFor, takesNewVersions } from '../config/config.js';
import { type Diagnostic, error, hasErrors, sortDiagnostics, warning } from '../diagnostics.js';
import type { Snapshot } from '../repo/snapshot.js';
import { parseYaml } from '../yaml/parse.js';
import {
  type ComponentLayout,
  type ComponentPackages,
  discover,
  type EnvironmentFiles,
  environmentPaths,
  KUSTOMIZATION_FILE,
  loadEnvironment,
  loadPackages,
  nameProblem,
  RepoReader,
} from './repository.js';
import type { EnvironmentResult, InstallRequest, PlanResult, Request, ValidateRequest } from './types.js';
import { ValuesChecker } from './values.js';

export type { EnvironmentResult, PlannedFile, PlanResult, Request } from './types.js';

export async function plan(snapshot: Snapshot, request: Request, config?: RepoConfig): Promise<PlanResult> {
  const diagnostics: Diagnostic[] = [];
  if (!config) {
    const loaded = await loadConfig(snapshot);
    diagnostics.push(...loaded.diagnostics);
    config = loaded.config;
  }
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
  const environments = hasErrors(diagnostics)
    ? []
    : request.kind === 'install'
      ? await install(ctx, components, request)
      : await validate(ctx, components, request);
  diagnostics.push(...ctx.values.diagnostics);
  const valid = !hasErrors(diagnostics);
  const files = valid ? environments.flatMap((e) => e.files) : [];
  return { valid, diagnostics: sortDiagnostics(dedupe(diagnostics)), environments, files };
}

interface Context {
  reader: RepoReader;
  /** Every file path in the repository. */
  paths: readonly string[];
  config: RepoConfig;
  values: ValuesChecker;
  diagnostics: Diagnostic[];
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
  for (const name of request.components ?? []) {
    const problem = nameProblem('component', name);
    if (problem) ctx.diagnostics.push(error('request.component', `component "${name}" ${problem}`, ''));
    else if (!components.some((c) => c.name === name))
      ctx.diagnostics.push(error('request.component', `no component "${name}" in the repository`, ''));
  }
  for (const name of request.environments ?? []) {
    const problem = nameProblem('environment', name);
    if (problem) ctx.diagnostics.push(error('request.environment', `environment "${name}" ${problem}`, ''));
  }
}

/** Environments of a component: the config's ordered list when there is one, else the folders. */
function environmentsOf(ctx: Context, component: ComponentLayout): string[] {
  const configured = ctx.config.environments?.map((e) => e.name);
  const only = ctx.config.components[component.name]?.environments;
  const all = configured ?? component.environments;
  return only ? all.filter((e) => only.includes(e)) : all;
}

const versionOrder = (a: string, b: string) => compare(parseRelaxed(a)!, parseRelaxed(b)!);

async function install(
  ctx: Context,
  components: ComponentLayout[],
  request: InstallRequest,
): Promise<EnvironmentResult[]> {
  const targets = await installTargets(ctx, components, request);
  const results: EnvironmentResult[] = [];
  const envFilter = request.environments;
  let matchedFilter = false;
  const chosenOf = ({ component }: Target) => {
    const direct = environmentsOf(ctx, component).filter((env) => takesNewVersions(ctx.config, env));
    return envFilter ? direct.filter((env) => envFilter.includes(env)) : direct;
  };
  // installInto() reads an environment's files only when the component has one refName.
  const prefetch = (target: Target | undefined) => {
    if (target?.packages.refName)
      for (const env of chosenOf(target))
        ctx.reader.prefetch(environmentPaths(`${target.component.dir}/${env}`, ctx.config.layout));
  };
  prefetch(targets[0]);
  for (const [i, target] of targets.entries()) {
    const { component, packages, pinned } = target;
    prefetch(targets[i + 1]);
    const chosen = chosenOf(target);
    if (chosen.length > 0) matchedFilter = true;
    for (const environment of chosen) {
      const result = await installInto(ctx, component, packages, environment, request, pinned);
      if (result) results.push(result);
    }
    done(ctx, component);
  }
  if (envFilter && targets.length > 0 && !matchedFilter) {
    ctx.diagnostics.push(
      error(
        'request.environment',
        `the environment filter (${envFilter.join(', ')}) names no environment that takes new versions directly`,
        '',
      ),
    );
  }
  return results;
}

interface Target {
  component: ComponentLayout;
  packages: ComponentPackages;
  /** The version every environment gets; undefined: each environment's newest selectable. */
  pinned?: CarvelPackage;
}

async function installTargets(
  ctx: Context,
  components: ComponentLayout[],
  request: InstallRequest,
): Promise<Target[]> {
  const wanted = request.components;
  const byPath = new Map(components.flatMap((c) => c.packageFiles.map((f) => [f, c] as const)));
  const targets = new Map<string, Target>();
  for (const path of request.packages ?? []) {
    const component = byPath.get(path);
    if (!component) {
      const exists = await ctx.reader.exists(path);
      ctx.diagnostics.push(
        error(
          'request.package',
          exists
            ? `${path} is not in a component's ${ctx.config.layout.packagesDir}/ folder`
            : `${path} does not exist in the repository`,
          path,
        ),
      );
      continue;
    }
    if (wanted && !wanted.includes(component.name)) continue;
    const packages = await componentPackages(ctx, component);
    const inFile = packages.packages.filter((p) => p.file === path);
    if (inFile.length === 0) {
      if (!hasErrors(packages.diagnostics.filter((d) => d.file === path)))
        ctx.diagnostics.push(error('request.package', `${path} holds no Package`, path));
      continue;
    }
    const newest = inFile.reduce((a, b) => (versionOrder(a.version, b.version) >= 0 ? a : b));
    const current = targets.get(component.name)?.pinned;
    // Several versions of one component in one push: the newest supersedes the others.
    if (!current || versionOrder(newest.version, current.version) > 0)
      targets.set(component.name, { component, packages, pinned: newest });
  }
  if (!request.packages) {
    const chosen = components.filter(
      (c) => (!wanted || wanted.includes(c.name)) && c.packageFiles.length > 0,
    );
    ctx.reader.prefetch(chosen[0]?.packageFiles ?? []);
    for (const [i, component] of chosen.entries()) {
      ctx.reader.prefetch(chosen[i + 1]?.packageFiles ?? []);
      targets.set(component.name, { component, packages: await componentPackages(ctx, component) });
    }
  }
  return [...targets.values()];
}

const loadedPackages = new WeakMap<ComponentLayout, Promise<ComponentPackages>>();
async function componentPackages(ctx: Context, component: ComponentLayout): Promise<ComponentPackages> {
  let loaded = loadedPackages.get(component);
  if (!loaded) {
    loaded = loadPackages(ctx.reader, component).then((p) => {
      ctx.diagnostics.push(...p.diagnostics);
      // Nothing reads the Package files again: their parsed documents need not wait for the component's turn.
      ctx.reader.forget(`${component.dir}/${ctx.config.layout.packagesDir}`);
      return p;
    });
    loadedPackages.set(component, loaded);
  }
  return loaded;
}

/** The planner is done with a component (each is planned once): release what was kept for it. */
function done(ctx: Context, component: ComponentLayout): void {
  ctx.reader.forget(component.dir);
  ctx.values.forget(component.packageFiles);
  loadedPackages.delete(component);
}

async function installInto(
  ctx: Context,
  component: ComponentLayout,
  packages: ComponentPackages,
  environment: string,
  request: InstallRequest,
  pinned?: CarvelPackage,
): Promise<EnvironmentResult | undefined> {
  const { layout } = ctx.config;
  const settings = settingsFor(ctx.config, component.name, environment, request.overrides);
  const dir = `${component.dir}/${environment}`;
  const versions = packages.packages.map((p) => p.version);
  const result: EnvironmentResult = {
    component: component.name,
    environment,
    files: [],
    valuesKeysChanged: [],
    valid: true,
    settings,
    refName: packages.refName,
  };
  const fail = (d: Diagnostic) => {
    ctx.diagnostics.push(d);
    result.valid = false;
    return result;
  };
  if (!packages.refName)
    return packages.packages.length === 0
      ? undefined
      : fail(
          error(
            'plan.no-ref-name',
            `component "${component.name}" has no single Package refName`,
            component.dir,
          ),
        );

  const env = await loadEnvironment(ctx.reader, dir, layout);
  ctx.diagnostics.push(...env.diagnostics);
  if (hasErrors(env.diagnostics)) return { ...result, valid: false };

  const target = pinned ?? newestSelectable(packages, settings.prereleases);
  if (!target)
    return fail(
      warning(
        'plan.no-version',
        `no Package of ${component.name} is selectable in ${environment} (only prereleases?)`,
        component.dir,
      ),
    );
  result.packageFile = target.file;
  result.toVersion = target.version;

  const current = env.packageInstall;
  if (current?.refName && current.refName !== packages.refName) {
    return fail(
      error(
        'packageinstall.ref-name',
        `installs "${current.refName}", but the Packages of component "${component.name}" are "${packages.refName}"`,
        current.file,
        current.parsed.position(current.doc.range[0]),
        '.spec.packageRef.refName',
      ),
    );
  }
  const from = current?.selection ? selectHighest(versions, current.selection).version : undefined;
  result.fromVersion = from;
  if (from && versionOrder(from, target.version) > 0) {
    ctx.diagnostics.push(
      warning(
        'plan.downgrade',
        `${environment} already runs ${from}, newer than ${target.version}; kapp-controller refuses downgrades, so ${environment} is left alone`,
        target.file,
        { line: target.line, column: 1 },
      ),
    );
    return undefined;
  }

  const selection = versionSelectionFor(settings, target.version);
  // Keep prereleases as the environment has them: only the constraint is ours to change.
  const written: VersionSelection = current?.selection
    ? { ...current.selection, constraints: selection.constraints }
    : selection;
  const selected = selectHighest(versions, written);
  if (selected.version !== target.version) {
    return fail(
      error(
        'plan.constraint-selects-other',
        `constraint "${written.constraints}" would make kapp-controller select ${selected.version ?? 'no version'} rather than ${target.version}${selected.error ? ` (${selected.error})` : ''}`,
        target.file,
        { line: target.line, column: 1 },
        '.spec.version',
      ),
    );
  }
  result.constraint = written.constraints;

  const piPath = `${dir}/${layout.packageInstallFile}`;
  const secretPath = `${dir}/${layout.valuesSecretFile}`;
  const secretName = current?.secretNames[0] ?? env.valuesSecret?.name ?? settings.valuesSecretName;
  const piText = current
    ? setScalar(current.text, ['spec', 'packageRef', 'versionSelection', 'constraints'], written.constraints!)
    : renderPackageInstall({
        name: settings.packageInstallName,
        namespace: settings.namespace,
        serviceAccountName: settings.serviceAccountName,
        refName: packages.refName,
        selection,
        valuesSecretName: secretName,
      });
  if (piText !== current?.text)
    result.files.push({
      path: piPath,
      content: piText,
      action: current ? 'update' : 'create',
      secret: false,
    });

  const secretText = valuesSecretText(env, request.values, {
    component: component.name,
    environment,
    name: secretName,
    namespace: settings.namespace,
    valuesKey: layout.valuesKey,
  });
  if (secretText !== env.valuesSecretText) {
    result.files.push({
      path: secretPath,
      content: secretText,
      action: env.valuesSecretText === undefined ? 'create' : 'update',
      secret: true,
    });
  }
  // Unchanged text: what loadEnvironment() read from it is what reading it again would give.
  const checked =
    secretText === env.valuesSecretText && env.valuesSecret
      ? { secret: env.valuesSecret, diagnostics: env.valuesSecretDiagnostics ?? [] }
      : readValuesSecret(parseYaml(secretPath, secretText), secretText, layout.valuesKey);
  for (const d of checked.diagnostics) fail(d);
  if (checked.secret) {
    const problems = ctx.values.check(target, checked.secret);
    for (const d of problems) fail(d);
    result.valuesKeysChanged = changedKeys(env.valuesSecret?.merged ?? {}, checked.secret.merged);
  }

  // Without a kustomization.yaml, Flux applies every manifest in the folder; a new one must keep
  // listing them, or Flux would prune what a person put beside our files.
  const resources = [
    ...new Set([...yamlFilesIn(ctx.paths, dir), layout.packageInstallFile, layout.valuesSecretFile]),
  ]
    .filter((f) => f !== KUSTOMIZATION_FILE)
    .sort();
  const kustomizationPath = `${dir}/${KUSTOMIZATION_FILE}`;
  const kustomization =
    env.kustomizationText === undefined
      ? renderKustomization(resources)
      : ensureKustomizationResources(env.kustomizationText, resources);
  if (kustomization !== env.kustomizationText)
    result.files.push({
      path: kustomizationPath,
      content: kustomization,
      action: env.kustomizationText === undefined ? 'create' : 'update',
      secret: false,
    });
  return result;
}

/** YAML files directly in a folder, in list order. The index is built once: one scan per environment would make install quadratic. */
const yamlFilesByDir = new WeakMap<readonly string[], Map<string, string[]>>();
function yamlFilesIn(paths: readonly string[], dir: string): string[] {
  let index = yamlFilesByDir.get(paths);
  if (!index) {
    index = new Map();
    for (const p of paths) {
      const slash = p.lastIndexOf('/');
      if (slash === -1 || !/\.ya?ml$/.test(p)) continue;
      const folder = p.slice(0, slash);
      const files = index.get(folder);
      if (files) files.push(p.slice(slash + 1));
      else index.set(folder, [p.slice(slash + 1)]);
    }
    yamlFilesByDir.set(paths, index);
  }
  return index.get(dir) ?? [];
}

function newestSelectable(
  packages: ComponentPackages,
  prereleases: boolean | string[],
): CarvelPackage | undefined {
  const selection: VersionSelection =
    prereleases === true
      ? { prereleases: {} }
      : Array.isArray(prereleases)
        ? { prereleases: { identifiers: prereleases } }
        : {};
  const { version } = selectHighest(
    packages.packages.map((p) => p.version),
    selection,
  );
  return packages.packages.find((p) => p.version === version);
}

function valuesSecretText(
  env: EnvironmentFiles,
  values: string | undefined,
  target: { component: string; environment: string; name: string; namespace?: string; valuesKey: string },
): string {
  if (env.valuesSecretText !== undefined)
    return values === undefined
      ? env.valuesSecretText
      : setValues(env.valuesSecretText, target.valuesKey, values);
  return renderValuesSecret({
    name: target.name,
    namespace: target.namespace,
    valuesKey: target.valuesKey,
    values: values ?? emptyValues(target.component, target.environment),
  });
}

/** Names of top-level values keys that were added, removed or changed. */
function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

async function validate(
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
  const result: EnvironmentResult = {
    component: component.name,
    environment,
    files: [],
    valuesKeysChanged: [],
    valid: true,
    refName: packages.refName,
  };
  const fail = (d: Diagnostic) => {
    ctx.diagnostics.push(d);
    result.valid = false;
  };
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

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
