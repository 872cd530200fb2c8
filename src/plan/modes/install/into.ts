/**
 * install into one environment: which version it gets, its PackageInstall, values Secret and
 * kustomization file. Synchronous over the environment's loaded files; the values Secret, when it
 * must be encrypted, is the one step the orchestrator (run.ts) completes: see InstallStep.
 */
import { dns1123SubdomainProblem } from '../../../carvel/names.js';
import type { CarvelPackage } from '../../../carvel/package.js';
import {
  DOWNGRADABLE_ANNOTATION,
  ensureKustomizationResources,
  ROLLED_BACK_FROM_ANNOTATION,
  renderKustomization,
  renderPackageInstall,
  setAnnotation,
  setScalar,
  versionSelectionFor,
} from '../../../carvel/render.js';
import { parseRelaxed, selectHighest, type VersionSelection } from '../../../carvel/semver.js';
import { hasValuesKey, type ValuesSecret } from '../../../carvel/values-secret.js';
import { type Settings, settingsFor } from '../../../config/config.js';
import { type Diagnostic, error, hasErrors, warning } from '../../../diagnostics.js';
import { generatedResources, KUSTOMIZATION_FILES } from '../../../flux/kustomize.js';
import { askFor } from '../../../settings/declarations.js';
import { positionAt } from '../../../yaml/parse.js';
import { type Context, environmentResult, versionOrder } from '../../model/context.js';
import {
  type EnvironmentFiles,
  type PackageInstallFile,
  writtenElsewhereProblems,
} from '../../model/environment.js';
import type { ComponentPackages } from '../../model/packages.js';
import type { ComponentLayout } from '../../model/repository.js';
import { reviewFacts } from '../../model/review.js';
import type { EnvironmentResult, InstallRequest, PlannedFile } from '../../types.js';
import { isKind, type PlannedSecret, plannedSecret, type SealRequest } from './secret.js';

/** How one environment gets a version: which, and what a lower one than it runs means. */
export interface Delivery {
  /** The version every environment gets; undefined: each environment's newest selectable. */
  pinned?: CarvelPackage;
  /** skip (install: leave the environment alone), refuse (promote), allow (rollback: annotate). Default skip. */
  downgrade?: 'skip' | 'refuse' | 'allow';
}

/**
 * An install into one environment, planned: done (`result`, undefined when the environment is left
 * alone), or waiting for its values Secret to be sealed, which `finish` completes.
 */
export type InstallStep =
  | { result: EnvironmentResult | undefined }
  | { secret: { seal: SealRequest }; finish: (planned: PlannedSecret) => EnvironmentResult };

/** The planner looks at the environment's files only when the settings give valid names and the Packages one refName. */
export function needsEnvironmentFiles(
  ctx: Context,
  component: ComponentLayout,
  packages: ComponentPackages,
  environment: string,
  request: Pick<InstallRequest, 'overrides'>,
): boolean {
  const settings = settingsFor(ctx.config, component.name, environment, request.overrides);
  return !settingsProblem(ctx, settings) && Boolean(packages.refName);
}

/** `env`: the environment's files, loaded when needsEnvironmentFiles() says so. */
export function planInstallInto(
  ctx: Context,
  component: ComponentLayout,
  packages: ComponentPackages,
  env: EnvironmentFiles | undefined,
  environment: string,
  request: Pick<InstallRequest, 'values' | 'overrides'>,
  delivery: Delivery = {},
): InstallStep {
  const settings = settingsFor(ctx.config, component.name, environment, request.overrides);
  const { result, fail } = environmentResult(ctx, component, environment, packages);
  result.settings = settings;
  const refused = settingsProblem(ctx, settings);
  if (refused) return { result: fail(refused) };
  if (!packages.refName)
    return {
      result:
        packages.packages.length === 0
          ? undefined
          : fail(
              error(
                'plan.no-ref-name',
                `component "${component.name}" has no single Package refName`,
                component.dir,
              ),
            ),
    };
  if (!env) throw new Error(`planInstallInto: ${component.dir}/${environment} was not loaded`);
  ctx.diagnostics.push(...env.diagnostics);
  if (hasErrors(env.diagnostics)) return { result: { ...result, valid: false } };
  const elsewhere = writtenElsewhereProblems(env, `${component.dir}/${environment}`, ctx.config.layout);
  if (elsewhere.length > 0) {
    for (const d of elsewhere) fail(d);
    return { result };
  }
  const planning: Planning = { component, packages, env, environment, settings, result, fail };
  const chosen = chooseVersion(ctx, planning, delivery);
  if (chosen === 'failed') return { result };
  if (chosen === 'left-alone') return { result: undefined };
  if (chosen === 'held') return { result };
  return writeEnvironment(ctx, planning, chosen, request);
}

interface Planning {
  component: ComponentLayout;
  packages: ComponentPackages;
  env: EnvironmentFiles;
  environment: string;
  settings: Settings;
  result: EnvironmentResult;
  fail: (d: Diagnostic) => EnvironmentResult;
}

interface Chosen {
  target: CarvelPackage;
  from?: string;
  goesDown: boolean;
  written: VersionSelection;
  selection: VersionSelection;
}

/** The version the environment gets, checked, recorded in the result as far as it got. */
function chooseVersion(
  ctx: Context,
  { component, packages, env, environment, settings, result, fail }: Planning,
  { pinned, downgrade = 'skip' }: Delivery,
): Chosen | 'failed' | 'left-alone' | 'held' {
  const versions = packages.packages.map((p) => p.version);
  const failed = (d: Diagnostic) => {
    fail(d);
    return 'failed' as const;
  };
  const target = pinned ?? newestSelectable(packages, settings.prereleases);
  if (!target)
    return failed(
      warning(
        'plan.no-version',
        `no Package of ${component.name} is selectable in ${environment} (only prereleases?)`,
        component.dir,
      ),
    );
  result.packageFile = target.file;
  result.toVersion = target.version;
  const current = env.packageInstall;
  if (current?.refName && current.refName !== packages.refName)
    return failed(
      error(
        'packageinstall.ref-name',
        `installs "${current.refName}", but the Packages of component "${component.name}" are "${packages.refName}"`,
        current.file,
        current.parsed.position(current.doc.range[0]),
        '.spec.packageRef.refName',
      ),
    );
  const running = current?.selection ? selectHighest(versions, current.selection) : undefined;
  const from = running?.version;
  result.fromVersion = from;
  // A constraint that selects nothing (`^1.0.0` does not parse) is still what the plan replaces.
  if (current?.selection && !from) result.fromConstraint = current.selection.constraints ?? '';
  const goesDown = from !== undefined && versionOrder(from, target.version) > 0;
  const heldAt = downgrade === 'skip' ? rolledBackFrom(current) : undefined;
  if (heldAt !== undefined && versionOrder(target.version, heldAt) <= 0 && current) {
    ctx.diagnostics.push(
      warning(
        'plan.rollback-hold',
        `${environment} was rolled back from ${heldAt}, so it is not offered ${target.version}; a version newer than ${heldAt} releases the hold, or remove the ${ROLLED_BACK_FROM_ANNOTATION} annotation`,
        current.file,
        positionAt(current.parsed, current.doc, ['metadata', 'annotations', ROLLED_BACK_FROM_ANNOTATION]),
        `.metadata.annotations.${ROLLED_BACK_FROM_ANNOTATION}`,
      ),
    );
    // A result without files: an open pull request proposing the version it left is closed, and
    // its closing comment says why (proposals.ts).
    result.held = { from: heldAt, file: current.file };
    result.toVersion = from;
    result.packageFile = undefined;
    return 'held';
  }
  if (goesDown && downgrade === 'refuse')
    return failed(
      error(
        'promote.downgrade',
        `${environment} runs ${from}, newer than ${target.version}; kapp-controller refuses downgrades: ${askFor('allow-downgrade', ctx.wording)} to roll back (it adds the ${DOWNGRADABLE_ANNOTATION} annotation)`,
        current!.file,
        positionAt(current!.parsed, current!.doc, ['spec', 'packageRef', 'versionSelection', 'constraints']),
        '.spec.packageRef.versionSelection.constraints',
      ),
    );
  if (goesDown && downgrade === 'skip') {
    ctx.diagnostics.push(
      warning(
        'plan.downgrade',
        `${environment} already runs ${from}, newer than ${target.version}; kapp-controller refuses downgrades, so ${environment} is left alone`,
        target.file,
        { line: target.line, column: 1 },
      ),
    );
    return 'left-alone';
  }
  const selection = versionSelectionFor(settings, target.version);
  // Keep prereleases as the environment has them: only the constraint is ours to change.
  const written: VersionSelection = current?.selection
    ? { ...current.selection, constraints: selection.constraints }
    : selection;
  const selected = selectHighest(versions, written);
  if (selected.version !== target.version)
    return failed(
      error(
        'plan.constraint-selects-other',
        `constraint "${written.constraints}" would make kapp-controller select ${selected.version ?? 'no version'} rather than ${target.version}${selected.error ? ` (${selected.error})` : ''}`,
        target.file,
        { line: target.line, column: 1 },
        '.spec.version',
      ),
    );
  result.constraint = written.constraints;
  return { target, from, goesDown, written, selection };
}

/** The environment's PackageInstall, then its values Secret (sealed first when it is encrypted), then the rest. */
function writeEnvironment(
  ctx: Context,
  planning: Planning,
  chosen: Chosen,
  request: Pick<InstallRequest, 'values' | 'overrides'>,
): InstallStep {
  const { component, env, environment, settings, result } = planning;
  const { layout } = ctx.config;
  const dir = `${component.dir}/${environment}`;
  const secretPath = `${dir}/${layout.valuesSecretFile}`;
  const secretName =
    env.packageInstall?.secretNames[0] ??
    env.valuesSecret?.name ??
    env.encrypted?.name ??
    settings.valuesSecretName;
  const pi = packageInstallFile(planning, chosen, `${dir}/${layout.packageInstallFile}`, secretName);
  if (pi) result.files.push(pi);
  const secret = plannedSecret(ctx, env, request.values, settings, secretPath, {
    component: component.name,
    environment,
    name: secretName,
    namespace: settings.namespace,
    valuesKey: layout.valuesKey,
  });
  const finish = (planned: PlannedSecret) => finishEnvironment(ctx, planning, chosen, request, planned);
  return 'planned' in secret ? { result: finish(secret.planned) } : { secret, finish };
}

/** The PackageInstall with the new constraint (and the downgradable annotation as the move needs), when it changes. */
function packageInstallFile(
  { packages, settings, env }: Planning,
  { from, goesDown, target, written, selection }: Chosen,
  piPath: string,
  secretName: string,
): PlannedFile | undefined {
  const current = env.packageInstall;
  // A rollback needs the downgradable annotation; the next upgrade takes it away again.
  const annotation = goesDown ? '' : from !== undefined && from !== target.version ? undefined : null;
  // A rollback holds the environment below the version it left (the highest, after several).
  const held = rolledBackFrom(current);
  const hold = goesDown
    ? held !== undefined && versionOrder(held, from!) > 0
      ? held
      : from
    : annotation === undefined
      ? undefined
      : null;
  const piText = current
    ? setAnnotationFor(
        current,
        setAnnotationFor(
          current,
          setScalar(
            current.text,
            ['spec', 'packageRef', 'versionSelection', 'constraints'],
            written.constraints!,
            isKind('PackageInstall'),
            current.parsed.documents,
          ),
          annotation,
        ),
        hold,
        ROLLED_BACK_FROM_ANNOTATION,
      )
    : renderPackageInstall({
        name: settings.packageInstallName,
        namespace: settings.namespace,
        serviceAccountName: settings.serviceAccountName,
        refName: packages.refName!,
        selection,
        valuesSecretName: secretName,
      });
  if (piText === current?.text) return undefined;
  return { path: piPath, content: piText, action: current ? 'update' : 'create', secret: false };
}

/** After the values Secret: its checks against the Package's schema, the --values note, the kustomization. */
function finishEnvironment(
  ctx: Context,
  { component, packages, env, environment, settings, result, fail }: Planning,
  { target, from }: Chosen,
  request: Pick<InstallRequest, 'values'>,
  planned: PlannedSecret,
): EnvironmentResult {
  const { layout } = ctx.config;
  const dir = `${component.dir}/${environment}`;
  const piPath = `${dir}/${layout.packageInstallFile}`;
  const secretPath = `${dir}/${layout.valuesSecretFile}`;
  for (const d of planned.diagnostics) d.severity === 'error' ? fail(d) : ctx.diagnostics.push(d);
  if (planned.file) result.files.push(planned.file);
  // Encrypted when it was, when it will be (plannedSecret seals it), or when a data value holds a
  // nested SOPS document (decrypted with the key, its values are as secret): shown changed/unchanged only.
  const encrypted =
    env.encrypted !== undefined || (env.nestedSops?.length ?? 0) > 0 || settings.secretFormat === 'sops';
  const problems = planned.secret ? ctx.values.check(target, planned.secret, { encrypted }) : [];
  if (planned.secret) {
    for (const d of problems) fail(planned.toSource(d));
    result.valuesKeysChanged = changedKeys(env.valuesSecret?.merged ?? {}, planned.secret.merged);
  }
  if (request.values !== undefined && env.valuesSecret)
    valuesKeyNote(ctx, env.valuesSecret, layout.valuesKey, secretPath);
  const kustomization = kustomizationFile(ctx, dir, env, [piPath, secretPath]);
  if (kustomization) result.files.push(kustomization);
  result.review = reviewFacts({
    packages: packages.packages,
    fromVersion: from,
    target,
    valuesBefore: env.valuesSecret?.merged,
    valuesAfter: planned.secret?.merged,
    encrypted,
    ...unreadValues(env, planned, problems),
  });
  return result;
}

/**
 * Why the review shows no values: none could be read, or they do not validate — a value in the
 * wrong place (a password pasted under `port`) may be a secret, so an invalid document shows none.
 */
function unreadValues(
  env: EnvironmentFiles,
  planned: PlannedSecret,
  problems: Diagnostic[],
): { unread?: string } {
  if (env.encrypted && !env.encrypted.document)
    return { unread: 'the values Secret is SOPS-encrypted and no age key was given' };
  if (!planned.secret || problems.length > 0 || hasErrors(planned.diagnostics))
    return { unread: 'the values do not validate (see the errors), so none is shown' };
  return {};
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

/** Names of top-level values keys that were added, removed or changed. */
function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

/**
 * An annotation (default: downgradable) of the PackageInstall in `text`, `current`'s text as edited:
 * a string sets it, undefined removes it, null leaves it. One `current` does not have is not there
 * to remove (the edits before this one touch no other annotation), and the text is not parsed again.
 */
function setAnnotationFor(
  current: PackageInstallFile,
  text: string,
  annotation: string | undefined | null,
  name = DOWNGRADABLE_ANNOTATION,
): string {
  if (annotation === null) return text;
  if (annotation === undefined && !annotatedAs(current, name)) return text;
  return setAnnotation(text, name, annotation, isKind('PackageInstall'));
}

/** Does the PackageInstall document setAnnotation() edits, as read, carry the annotation? */
function annotatedAs(current: PackageInstallFile, name: string): boolean {
  const doc = current.parsed.documents.find((d) => isKind('PackageInstall')(d.value))?.doc;
  return doc?.hasIn(['metadata', 'annotations', name]) ?? false;
}

/** The version a rollback left, from the PackageInstall's hold annotation (a version, else no hold). */
function rolledBackFrom(current: EnvironmentFiles['packageInstall']): string | undefined {
  const value = current?.doc.getIn(['metadata', 'annotations', ROLLED_BACK_FROM_ANNOTATION]);
  return typeof value === 'string' && parseRelaxed(value) !== undefined ? value : undefined;
}
