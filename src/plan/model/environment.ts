/**
 * An environment folder as the planner sees it: its PackageInstall, its values Secret (decrypted
 * when the loader had the key) and its kustomization file, built from what the loader read.
 */
import type { Document } from 'yaml';
import { selectHighest, type VersionSelection } from '../../carvel/semver.js';
import { readValuesSecret, type ValuesSecret } from '../../carvel/values-secret.js';
import type { Layout } from '../../config/config.js';
import { type Diagnostic, error, type Position, warning } from '../../diagnostics.js';
import { type Build, type BuiltObject, buildFolder } from '../../flux/build.js';
import type { DecryptResult } from '../../sops/index.js';
import { isSopsDocument } from '../../sops/index.js';
import type { NestedSops } from '../../sops/nested.js';
import { type ParsedYaml, positionAt } from '../../yaml/parse.js';
import { type ComponentPackages, own } from './packages.js';
import { type EncryptedSecret, encryptedSecretOf, nestedSecretOf } from './secrets.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A file as the loader read it: parsed (or refused) and its text; neither when it does not exist. */
export interface FileRead {
  parsed?: ParsedYaml;
  text?: string;
}

/** What the loader read for one environment folder: the planner's input for it. */
export interface EnvironmentReads {
  dir: string;
  /** Every file under the folder (repository paths), read and parsed. */
  files: ReadonlyMap<string, FileRead>;
  /** The decryption of `decryptedFile` (the values Secret's file, when it is SOPS-encrypted and keys were given). */
  decrypted?: DecryptResult;
  decryptedFile?: string;
  /** SOPS documents nested in the values Secret's data values (Flux decrypts those), when it has any. */
  nested?: NestedSops;
  /** The caller gave age identities. */
  keysGiven: boolean;
}

export interface PackageInstallFile {
  file: string;
  parsed: ParsedYaml;
  text: string;
  doc: Document.Parsed;
  name?: string;
  namespace?: string;
  refName?: string;
  selection?: VersionSelection;
  secretNames: string[];
}

/** A Secret the folder builds that is not the values Secret: checked for encryption like it. */
export interface OtherSecret {
  file: string;
  name?: string;
  encrypted: boolean;
}

export interface EnvironmentFiles {
  packageInstall?: PackageInstallFile;
  /**
   * The PackageInstall is one the folder builds (what Flux applies). False when it was read from
   * packageinstall.yaml because the build holds none: install repairs that, validate refuses it.
   */
  packageInstallBuilt: boolean;
  valuesSecret?: ValuesSecret;
  valuesSecretText?: string;
  /** Where the values Secret was read from (the file that holds the Secret the PackageInstall names). */
  valuesSecretFile?: string;
  /** The values Secret is one the folder builds, in the PackageInstall's namespace. */
  valuesSecretBuilt: boolean;
  /** What reading valuesSecret from valuesSecretText reported (also in `diagnostics`). */
  valuesSecretDiagnostics?: Diagnostic[];
  /** Set when the values Secret's file is SOPS-encrypted: valuesSecret is then read from its plaintext, if decrypted. */
  encrypted?: EncryptedSecret;
  /** Every other Secret the folder builds. */
  otherSecrets: OtherSecret[];
  /** data keys of params.yaml that hold a nested SOPS document: its values cannot be replaced. */
  nestedSops?: string[];
  /** The folder's kustomization file (kustomization.yaml, .yml or Kustomization), when it has one. */
  kustomizationPath?: string;
  kustomizationText?: string;
  /** The folder has files (an environment Flux applies something for). */
  hasFiles: boolean;
  /**
   * The kustomization lists packageinstall.yaml or params.yaml, which do not exist: kustomize fails.
   * Install writes them (so it goes on); validate reports these.
   */
  missingListed: Diagnostic[];
  diagnostics: Diagnostic[];
}

/** A file is one SOPS-encrypted document, which the loader decrypts when it has the key. */
export function isEncryptedSecret(read: FileRead): boolean {
  const { parsed, text } = read;
  return (
    text !== undefined &&
    parsed !== undefined &&
    parsed.diagnostics.length === 0 &&
    parsed.documents.length === 1 &&
    isSopsDocument(parsed.documents[0]!.value)
  );
}

/** The folder as Flux builds it (flux/build.ts). */
export function buildEnvironment(reads: Pick<EnvironmentReads, 'dir' | 'files'>): Build {
  return buildFolder(reads.dir, reads.files);
}

/**
 * The file holding the values Secret the folder's PackageInstall names (the loader decrypts it when
 * it is encrypted), or the layout's values Secret file when the build holds no PackageInstall.
 */
export function valuesSecretFileOf(
  reads: EnvironmentReads,
  layout: Layout,
  build: Build,
): string | undefined {
  const installs = build.objects.filter(isPackageInstall);
  if (installs.length > 1) return undefined;
  const secret = installs[0] ? namedSecret(build, installs[0]) : undefined;
  if (secret) return secret.file;
  const fallback = `${reads.dir}/${layout.valuesSecretFile}`;
  return reads.files.has(fallback) ? fallback : undefined;
}

const isPackageInstall = (o: BuiltObject) => o.kind === 'PackageInstall';

/**
 * The built Secret a PackageInstall's first spec.values entry names, in its namespace if there is
 * one there (a Flux Kustomization's targetNamespace puts both in one namespace anyway; see
 * namespaceProblem).
 */
function namedSecret(build: Build, pi: BuiltObject): BuiltObject | undefined {
  const spec = isObject(pi.value.spec) ? pi.value.spec : {};
  const first = Array.isArray(spec.values) ? spec.values[0] : undefined;
  const name = isObject(first) && isObject(first.secretRef) ? first.secretRef.name : undefined;
  if (typeof name !== 'string') return undefined;
  const named = build.objects.filter((o) => o.kind === 'Secret' && o.name === name);
  return named.find((o) => o.namespace === pi.namespace) ?? named[0];
}

/** The planner's view of an environment folder: what its kustomization builds, read as a PackageInstall and its values Secret. */
export function environmentFiles(
  reads: EnvironmentReads,
  layout: Layout,
  build: Build = buildEnvironment(reads),
): EnvironmentFiles {
  const diagnostics: Diagnostic[] = [...build.diagnostics];
  const result: EnvironmentFiles = {
    diagnostics,
    packageInstallBuilt: false,
    valuesSecretBuilt: false,
    otherSecrets: [],
    hasFiles: reads.files.size > 0,
    missingListed: [],
  };
  const ours = new Set([
    `${reads.dir}/${layout.packageInstallFile}`,
    `${reads.dir}/${layout.valuesSecretFile}`,
  ]);
  for (const { path, diagnostic } of build.missing)
    (ours.has(path) ? result.missingListed : diagnostics).push(diagnostic);
  const installs = build.objects.filter(isPackageInstall);
  if (installs.length > 1) {
    const where = installs.map((o) => `${o.file}:${o.parsed.position(o.doc.range[0]).line}`).join(', ');
    diagnostics.push(
      error(
        'packageinstall.multiple',
        `the folder builds ${installs.length} PackageInstalls (${where}); an environment holds one PackageInstall per component: keep one`,
        installs[1]!.file,
        installs[1]!.parsed.position(installs[1]!.doc.range[0]),
      ),
    );
  } else if (installs.length === 1) {
    const o = installs[0]!;
    result.packageInstall = readPackageInstall(
      o.parsed,
      reads.files.get(o.file)?.text ?? '',
      o.doc,
      o.value,
      diagnostics,
    );
    result.packageInstallBuilt = true;
  } else packageInstallFromLayout(reads, layout, result);
  valuesSecretOf(reads, layout, build, result);
  otherSecretsOf(build, result);
  if (build.kustomization) {
    result.kustomizationPath = build.kustomization;
    result.kustomizationText = reads.files.get(build.kustomization)?.text;
  }
  return result;
}

/** No PackageInstall is built: packageinstall.yaml as it is (install lists it; validate refuses the folder). */
function packageInstallFromLayout(reads: EnvironmentReads, layout: Layout, result: EnvironmentFiles): void {
  const piPath = `${reads.dir}/${layout.packageInstallFile}`;
  const pi = reads.files.get(piPath);
  if (!pi?.parsed || pi.text === undefined) {
    if (pi?.parsed) result.diagnostics.push(...pi.parsed.diagnostics);
    return;
  }
  if (pi.parsed.diagnostics.length > 0) {
    result.diagnostics.push(...pi.parsed.diagnostics);
    return;
  }
  const found = pi.parsed.documents.filter((d) => isObject(d.value) && d.value.kind === 'PackageInstall');
  if (found.length === 1)
    result.packageInstall = readPackageInstall(
      pi.parsed,
      pi.text,
      found[0]!.doc,
      found[0]!.value as Obj,
      result.diagnostics,
    );
}

function valuesSecretOf(
  reads: EnvironmentReads,
  layout: Layout,
  build: Build,
  result: EnvironmentFiles,
): void {
  const file = valuesSecretFileOf(reads, layout, build);
  const secret = file ? reads.files.get(file) : undefined;
  if (!file || !secret?.parsed) return;
  const installs = build.objects.filter(isPackageInstall);
  const named = installs.length === 1 ? namedSecret(build, installs[0]!) : undefined;
  result.valuesSecretBuilt = named !== undefined;
  if (named && named.namespace !== installs[0]!.namespace)
    result.diagnostics.push(namespaceProblem(installs[0]!, named));
  if (!build.objects.some((o) => o.file === file)) result.diagnostics.push(...secret.parsed.diagnostics);
  if (secret.text === undefined || secret.parsed.diagnostics.length > 0) return;
  const read = isEncryptedSecret(secret)
    ? encryptedSecretOf(
        secret.parsed,
        secret.text,
        reads.keysGiven,
        reads.decryptedFile === file ? reads.decrypted : undefined,
      )
    : reads.nested
      ? nestedSecretOf(secret.parsed, secret.text, reads.nested)
      : { ...readValuesSecret(secret.parsed, secret.text), encrypted: undefined };
  result.encrypted = read.encrypted;
  result.diagnostics.push(...read.diagnostics);
  result.valuesSecret = read.secret;
  result.valuesSecretText = secret.text;
  result.valuesSecretFile = file;
  result.valuesSecretDiagnostics = read.diagnostics;
  if (reads.nested?.keys.length) result.nestedSops = reads.nested.keys;
}

/** kapp-controller reads the values Secret from the PackageInstall's namespace. */
function namespaceProblem(pi: BuiltObject, secret: BuiltObject): Diagnostic {
  const ns = (o: BuiltObject) => (o.namespace ? `namespace ${o.namespace}` : 'no namespace');
  return warning(
    'packageinstall.values-secret-namespace',
    `the PackageInstall has ${ns(pi)} and its values Secret "${secret.name}" ${ns(secret)}: kapp-controller reads the Secret from the PackageInstall's namespace, so this holds only if the Flux Kustomization sets targetNamespace. Give both the same namespace (or none)`,
    secret.file,
    secret.parsed.position(secret.doc.range[0]),
  );
}

function otherSecretsOf(build: Build, result: EnvironmentFiles): void {
  for (const o of build.objects) {
    if (o.kind !== 'Secret' || o.file === result.valuesSecretFile) continue;
    result.otherSecrets.push({ file: o.file, name: o.name, encrypted: isSopsDocument(o.value) });
  }
}

/**
 * Install and promote write packageinstall.yaml and params.yaml: a folder whose PackageInstall or
 * values Secret lives in another file would end up with two. Refused, with the fix.
 */
export function writtenElsewhereProblems(env: EnvironmentFiles, dir: string, layout: Layout): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const piPath = `${dir}/${layout.packageInstallFile}`;
  const secretPath = `${dir}/${layout.valuesSecretFile}`;
  const pi = env.packageInstall;
  if (pi && pi.file !== piPath)
    problems.push(
      error(
        'environment.written-elsewhere',
        `the PackageInstall of this environment is in ${pi.file}, and flux-pkg writes ${piPath}: move it there (one object in the file) so a new version replaces it instead of adding a second`,
        pi.file,
        pi.parsed.position(pi.doc.range[0]),
      ),
    );
  if (env.valuesSecretFile && env.valuesSecretFile !== secretPath)
    problems.push(
      error(
        'environment.written-elsewhere',
        `the values Secret of this environment is in ${env.valuesSecretFile}, and flux-pkg writes ${secretPath}: move it there (one object in the file)`,
        env.valuesSecretFile,
      ),
    );
  return problems;
}

/** The version an environment's PackageInstall selects among the component's Packages, if any. */
export function selectedVersion(env: EnvironmentFiles, packages: ComponentPackages): string | undefined {
  const pi = env.packageInstall;
  if (!pi?.selection || pi.refName !== packages.refName) return undefined;
  return selectHighest(
    packages.packages.map((p) => p.version),
    pi.selection,
  ).version;
}

function readPackageInstall(
  parsed: ParsedYaml,
  text: string,
  doc: Document.Parsed,
  value: Obj,
  diagnostics: Diagnostic[],
): PackageInstallFile {
  const file = parsed.file;
  const at = (path: (string | number)[]) => positionAt(parsed, doc, path);
  const spec = isObject(value.spec) ? value.spec : {};
  const metadata = isObject(value.metadata) ? value.metadata : {};
  const ref = isObject(spec.packageRef) ? spec.packageRef : undefined;
  const vs = ref && isObject(ref.versionSelection) ? ref.versionSelection : undefined;
  requiredFieldProblems(file, value, spec, at, diagnostics);
  const secretNames: string[] = [];
  if (Array.isArray(spec.values)) {
    spec.values.forEach((v, i) => {
      const name = isObject(v) && isObject(v.secretRef) ? v.secretRef.name : undefined;
      if (typeof name === 'string') secretNames.push(name);
      else
        diagnostics.push(
          error(
            'packageinstall.values',
            'every spec.values entry needs secretRef.name',
            file,
            at(['spec', 'values', i]),
            `.spec.values[${i}]`,
          ),
        );
    });
  }
  let selection: VersionSelection | undefined;
  if (vs) {
    selection = {};
    if (vs.constraints !== undefined) selection.constraints = own(String(vs.constraints));
    if (isObject(vs.prereleases)) {
      const ids = vs.prereleases.identifiers;
      selection.prereleases = Array.isArray(ids) ? { identifiers: ids.map(String) } : {};
    }
  }
  if (isObject(value.metadata) && value.metadata.annotations && !isObject(value.metadata.annotations)) {
    diagnostics.push(
      warning(
        'packageinstall.annotations',
        'metadata.annotations should be a mapping',
        file,
        at(['metadata', 'annotations']),
      ),
    );
  }
  return {
    file,
    parsed,
    text,
    doc,
    name: typeof metadata.name === 'string' ? own(metadata.name) : undefined,
    namespace: typeof metadata.namespace === 'string' ? own(metadata.namespace) : undefined,
    refName: ref && typeof ref.refName === 'string' ? own(ref.refName) : undefined,
    selection,
    secretNames,
  };
}

/** What kapp-controller needs of a PackageInstall: its apiVersion, a packageRef with a versionSelection, a service account. */
function requiredFieldProblems(
  file: string,
  value: Obj,
  spec: Obj,
  at: (path: (string | number)[]) => Position,
  diagnostics: Diagnostic[],
): void {
  const ref = isObject(spec.packageRef) ? spec.packageRef : undefined;
  const vs = ref && isObject(ref.versionSelection) ? ref.versionSelection : undefined;
  if (value.apiVersion !== 'packaging.carvel.dev/v1alpha1') {
    diagnostics.push(
      error(
        'packageinstall.api-version',
        `apiVersion must be "packaging.carvel.dev/v1alpha1" for kind PackageInstall`,
        file,
        at(['apiVersion']),
        '.apiVersion',
      ),
    );
  }
  if (!ref || typeof ref.refName !== 'string') {
    diagnostics.push(
      error(
        'packageinstall.package-ref',
        'spec.packageRef.refName is required (kapp-controller fails at reconcile time without it)',
        file,
        at(['spec', 'packageRef']),
        '.spec.packageRef',
      ),
    );
  } else if (!vs) {
    diagnostics.push(
      error(
        'packageinstall.version-selection',
        'spec.packageRef.versionSelection is required (kapp-controller fails at reconcile time without it)',
        file,
        at(['spec', 'packageRef']),
        '.spec.packageRef.versionSelection',
      ),
    );
  }
  if (typeof spec.serviceAccountName !== 'string' && !isObject(spec.cluster)) {
    diagnostics.push(
      error(
        'packageinstall.service-account',
        'spec.serviceAccountName (or spec.cluster) is required',
        file,
        at(['spec']),
        '.spec.serviceAccountName',
      ),
    );
  }
}
