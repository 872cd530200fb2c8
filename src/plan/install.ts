/** install: new Package version(s) → the environments that take new versions directly. */

import { dns1123SubdomainProblem } from '../carvel/names.js';
import type { CarvelPackage } from '../carvel/package.js';
import {
  DOWNGRADABLE_ANNOTATION,
  emptyValues,
  ensureKustomizationResources,
  renderKustomization,
  renderPackageInstall,
  renderValuesSecret,
  setAnnotation,
  setScalar,
  setValues,
  versionSelectionFor,
} from '../carvel/render.js';
import { selectHighest, type VersionSelection } from '../carvel/semver.js';
import { hasValuesKey, readValuesSecret, type ValuesSecret } from '../carvel/values-secret.js';
import { type Settings, settingsFor } from '../config/config.js';
import { environmentsOf, takesNewVersions } from '../config/graph.js';
import { type Diagnostic, error, hasErrors, warning } from '../diagnostics.js';
import { generatedResources, KUSTOMIZATION_FILES } from '../flux/kustomize.js';
import { parseYaml, positionAt } from '../yaml/parse.js';
import { NO_MATCH } from './boundaries.js';
import { type Context, componentPackages, done, environmentResult, versionOrder } from './context.js';
import {
  type ComponentLayout,
  type ComponentPackages,
  type EnvironmentFiles,
  environmentPaths,
  loadEnvironment,
} from './repository.js';
import {
  encryptionFor,
  encryptSecret,
  plainSecretProblem,
  plainToEncrypted,
  samePlaintext,
} from './secrets.js';
import type { EnvironmentResult, InstallRequest, PlannedFile } from './types.js';

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
      const result = await installInto(ctx, component, packages, environment, request, { pinned });
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

/** How one environment gets a version: which, and what a lower one than it runs means. */
export interface Delivery {
  /** The version every environment gets; undefined: each environment's newest selectable. */
  pinned?: CarvelPackage;
  /** skip (install: leave the environment alone), refuse (promote), allow (rollback: annotate). Default skip. */
  downgrade?: 'skip' | 'refuse' | 'allow';
}

export async function installInto(
  ctx: Context,
  component: ComponentLayout,
  packages: ComponentPackages,
  environment: string,
  request: Pick<InstallRequest, 'values' | 'overrides'>,
  { pinned, downgrade = 'skip' }: Delivery = {},
): Promise<EnvironmentResult | undefined> {
  const { layout } = ctx.config;
  const settings = settingsFor(ctx.config, component.name, environment, request.overrides);
  const dir = `${component.dir}/${environment}`;
  const versions = packages.packages.map((p) => p.version);
  const { result, fail } = environmentResult(ctx, component, environment, packages);
  result.settings = settings;
  const refused = settingsProblem(ctx, settings);
  if (refused) return fail(refused);
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

  const env = await loadEnvironment(ctx.reader, dir, layout, ctx.sops);
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
  const running = current?.selection ? selectHighest(versions, current.selection) : undefined;
  const from = running?.version;
  result.fromVersion = from;
  // A constraint that selects nothing (`^1.0.0` does not parse) is still what the plan replaces.
  if (current?.selection && !from) result.fromConstraint = current.selection.constraints ?? '';
  const goesDown = from !== undefined && versionOrder(from, target.version) > 0;
  if (goesDown && downgrade === 'refuse') {
    return fail(
      error(
        'promote.downgrade',
        `${environment} runs ${from}, newer than ${target.version}; kapp-controller refuses downgrades: set allow-downgrade to roll back (it adds the ${DOWNGRADABLE_ANNOTATION} annotation)`,
        current!.file,
        positionAt(current!.parsed, current!.doc, ['spec', 'packageRef', 'versionSelection', 'constraints']),
        '.spec.packageRef.versionSelection.constraints',
      ),
    );
  }
  if (goesDown && downgrade === 'skip') {
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
  const secretName =
    current?.secretNames[0] ?? env.valuesSecret?.name ?? env.encrypted?.name ?? settings.valuesSecretName;
  // A rollback needs the downgradable annotation; the next upgrade takes it away again.
  const annotation = goesDown ? '' : from !== undefined && from !== target.version ? undefined : null;
  const piText = current
    ? setAnnotationFor(
        setScalar(
          current.text,
          ['spec', 'packageRef', 'versionSelection', 'constraints'],
          written.constraints!,
          isKind('PackageInstall'),
        ),
        annotation,
      )
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

  const planned = await plannedSecret(ctx, env, request.values, settings, secretPath, {
    component: component.name,
    environment,
    name: secretName,
    namespace: settings.namespace,
    valuesKey: layout.valuesKey,
  });
  for (const d of planned.diagnostics) d.severity === 'error' ? fail(d) : ctx.diagnostics.push(d);
  if (planned.file) result.files.push(planned.file);
  if (planned.secret) {
    for (const d of ctx.values.check(target, planned.secret)) fail(planned.toSource(d));
    result.valuesKeysChanged = changedKeys(env.valuesSecret?.merged ?? {}, planned.secret.merged);
  }

  if (request.values !== undefined && env.valuesSecret)
    valuesKeyNote(ctx, env.valuesSecret, layout.valuesKey, secretPath);
  const kustomization = kustomizationFile(ctx, dir, env, [piPath, secretPath]);
  if (kustomization) result.files.push(kustomization);
  return result;
}

/** Object names this environment's files get: refused before anything is rendered. */
function settingsProblem(ctx: Context, settings: Settings): Diagnostic | undefined {
  const configFile = ctx.config.file ?? '';
  for (const key of ['packageInstallName', 'valuesSecretName'] as const) {
    const problem = dns1123SubdomainProblem(settings[key]);
    if (problem)
      return error(
        'config.name-template',
        `${key} gives the name "${settings[key]}", which ${problem}`,
        configFile,
      );
  }
  return undefined;
}

/** --values edits the configured key; kapp-controller reads every key, so say which one changes. */
function valuesKeyNote(ctx: Context, secret: ValuesSecret, valuesKey: string, file: string): void {
  const others = secret.keys.filter((k) => k !== valuesKey);
  if (others.length === 0) return;
  const list = others.map((k) => `"${k}"`).join(', ');
  ctx.diagnostics.push(
    warning(
      'values.key-edited',
      hasValuesKey(secret, valuesKey)
        ? `--values replaces key "${valuesKey}"; kapp-controller also applies ${list} (in sorted key order, later keys win)`
        : `--values adds key "${valuesKey}" beside ${list}; kapp-controller applies every key in sorted key order, later keys win`,
      file,
    ),
  );
}

/**
 * The folder's kustomization file after our files are added. An existing one (kustomization.yaml,
 * .yml or Kustomization) is edited; without one, Flux generated one over every manifest of the
 * folder, subfolders included, so the new kustomization.yaml lists exactly those plus ours: Flux
 * keeps applying what it applied, and prunes nothing.
 */
function kustomizationFile(
  ctx: Context,
  dir: string,
  env: EnvironmentFiles,
  ours: string[],
): PlannedFile | undefined {
  const relative = ours.map((p) => p.slice(dir.length + 1));
  if (env.kustomizationPath !== undefined && env.kustomizationText !== undefined) {
    const content = ensureKustomizationResources(env.kustomizationText, relative);
    return content === env.kustomizationText
      ? undefined
      : { path: env.kustomizationPath, content, action: 'update', secret: false };
  }
  const resources = generatedResources([...ctx.paths, ...ours], dir);
  return {
    path: `${dir}/${KUSTOMIZATION_FILES[0]}`,
    content: renderKustomization(resources),
    action: 'create',
    secret: false,
  };
}

const isKind = (kind: string) => (value: unknown) =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === kind;

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

interface SecretTarget {
  component: string;
  environment: string;
  name: string;
  namespace?: string;
  valuesKey: string;
}

/**
 * params.yaml after install: its plaintext is compared, never its ciphertext, so a file whose values
 * do not change is kept byte for byte. An encrypted file stays encrypted; secretFormat sops encrypts.
 */
async function plannedSecret(
  ctx: Context,
  env: EnvironmentFiles,
  values: string | undefined,
  settings: Settings,
  path: string,
  target: SecretTarget,
): Promise<{
  file?: PlannedFile;
  secret?: ValuesSecret;
  toSource: (d: Diagnostic) => Diagnostic;
  diagnostics: Diagnostic[];
}> {
  const same = (d: Diagnostic) => d;
  if (env.encrypted && !env.encrypted.document) {
    // No key: loadEnvironment() said so; the file is left as it is.
    if (values === undefined) return { toSource: same, diagnostics: [] };
    const message =
      'the values Secret is SOPS-encrypted and no age key was given: its values cannot be replaced';
    return { toSource: same, diagnostics: [error('sops.no-key', message, path)] };
  }
  const before = env.encrypted?.document?.text ?? env.valuesSecretText;
  const plain =
    before === undefined
      ? renderValuesSecret({
          name: target.name,
          namespace: target.namespace,
          valuesKey: target.valuesKey,
          values: values ?? emptyValues(target.component, target.environment),
        })
      : values === undefined
        ? before
        : setValues(before, target.valuesKey, values, isKind('Secret'));
  const unchanged = plain === before && env.valuesSecret !== undefined;
  const read = unchanged
    ? { secret: env.valuesSecret, diagnostics: [] }
    : readValuesSecret(parseYaml(path, plain), plain);
  const action = env.valuesSecretText === undefined ? ('create' as const) : ('update' as const);
  if (!env.encrypted && settings.secretFormat !== 'sops') {
    const problem = plainSecretProblem(path, settings, ctx.repoEncrypts);
    const diagnostics = [...read.diagnostics, ...(problem ? [problem] : [])];
    const file = plain === env.valuesSecretText ? undefined : { path, content: plain, action, secret: true };
    return { file, secret: read.secret, toSource: same, diagnostics };
  }
  const previous = env.encrypted?.document;
  if (previous && plain === before)
    return { secret: read.secret, toSource: env.encrypted!.toSource, diagnostics: [] };
  const found = await encryptionFor(ctx.reader, ctx.paths, path, settings, previous);
  if (!found.encryption) return { toSource: same, diagnostics: found.diagnostics };
  const encrypted = await encryptSecret(plain, path, found.encryption, previous);
  if (encrypted.text === undefined) return { toSource: same, diagnostics: encrypted.diagnostics };
  const toSource = plainToEncrypted(path, plain, encrypted.text);
  const sameAs = samePlaintext(ctx.sops, path, plain, found.encryption.recipients);
  return {
    file: { path, content: encrypted.text, action, secret: true, ...(sameAs ? { sameAs } : {}) },
    secret: read.secret,
    toSource,
    diagnostics: read.diagnostics.map(toSource),
  };
}

/** Names of top-level values keys that were added, removed or changed. */
function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

/** The downgradable annotation: '' sets it (a rollback), undefined removes it (an upgrade), null leaves it. */
function setAnnotationFor(text: string, annotation: string | undefined | null): string {
  return annotation === null
    ? text
    : setAnnotation(text, DOWNGRADABLE_ANNOTATION, annotation, isKind('PackageInstall'));
}
