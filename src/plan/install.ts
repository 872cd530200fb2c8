/** install: new Package version(s) → the environments that take new versions directly. */
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
import { selectHighest, type VersionSelection } from '../carvel/semver.js';
import { readValuesSecret } from '../carvel/values-secret.js';
import { settingsFor } from '../config/config.js';
import { environmentsOf, takesNewVersions } from '../config/graph.js';
import { error, hasErrors, warning } from '../diagnostics.js';
import { parseYaml } from '../yaml/parse.js';
import { NO_MATCH } from './boundaries.js';
import { type Context, componentPackages, done, environmentResult, versionOrder } from './context.js';
import {
  type ComponentLayout,
  type ComponentPackages,
  type EnvironmentFiles,
  environmentPaths,
  KUSTOMIZATION_FILE,
  loadEnvironment,
} from './repository.js';
import type { EnvironmentResult, InstallRequest } from './types.js';

export async function install(
  ctx: Context,
  components: ComponentLayout[],
  request: InstallRequest,
): Promise<EnvironmentResult[]> {
  const targets = await installTargets(ctx, components, request);
  const results: EnvironmentResult[] = [];
  const envFilter = request.environments;
  let matchedFilter = false;
  const chosenOf = ({ component }: Target) => {
    const direct = environmentsOf(ctx.config, component.name, component.environments).filter((env) =>
      takesNewVersions(ctx.config, env),
    );
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
        NO_MATCH,
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
  const { result, fail } = environmentResult(ctx, component, environment, packages);
  result.settings = settings;
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
