/**
 * An environment folder as the planner sees it: its PackageInstall, its values Secret (decrypted
 * when the loader had the key) and its kustomization file, built from what the loader read.
 */
import type { Document } from 'yaml';
import { selectHighest, type VersionSelection } from '../../carvel/semver.js';
import { readValuesSecret, type ValuesSecret } from '../../carvel/values-secret.js';
import type { Layout } from '../../config/config.js';
import { type Diagnostic, error, type Position, warning } from '../../diagnostics.js';
import { KUSTOMIZATION_FILES } from '../../flux/kustomize.js';
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
  packageInstall: FileRead;
  valuesSecret: FileRead;
  /** The decryption of an encrypted params.yaml; absent when it is not encrypted or no key was given. */
  decrypted?: DecryptResult;
  /** SOPS documents nested in params.yaml's data values (Flux decrypts those), when it has any. */
  nested?: NestedSops;
  /** The caller gave age identities. */
  keysGiven: boolean;
  /** Which of the folder's kustomization files exist. */
  kustomizationFiles: string[];
  /** The one kustomization file, when there is exactly one. */
  kustomization?: FileRead;
}

export interface PackageInstallFile {
  file: string;
  parsed: ParsedYaml;
  text: string;
  doc: Document.Parsed;
  name?: string;
  refName?: string;
  selection?: VersionSelection;
  secretNames: string[];
}

/** The files the loader reads for an environment folder, in the order it reads them. */
export function environmentPaths(dir: string, layout: Layout): string[] {
  return [
    `${dir}/${layout.packageInstallFile}`,
    `${dir}/${layout.valuesSecretFile}`,
    ...KUSTOMIZATION_FILES.map((name) => `${dir}/${name}`),
  ];
}

export interface EnvironmentFiles {
  packageInstall?: PackageInstallFile;
  valuesSecret?: ValuesSecret;
  valuesSecretText?: string;
  /** What reading valuesSecret from valuesSecretText reported (also in `diagnostics`). */
  valuesSecretDiagnostics?: Diagnostic[];
  /** Set when params.yaml is SOPS-encrypted: valuesSecret is then read from its plaintext, if decrypted. */
  encrypted?: EncryptedSecret;
  /** data keys of params.yaml that hold a nested SOPS document: its values cannot be replaced. */
  nestedSops?: string[];
  /** The folder's kustomization file (kustomization.yaml, .yml or Kustomization), when it has one. */
  kustomizationPath?: string;
  kustomizationText?: string;
  diagnostics: Diagnostic[];
}

/** params.yaml is one SOPS-encrypted document, which the loader decrypts when it has the key. */
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

/** The planner's view of an environment folder, from what the loader read (same diagnostics, same order). */
export function environmentFiles(reads: EnvironmentReads, layout: Layout): EnvironmentFiles {
  const diagnostics: Diagnostic[] = [];
  const result: EnvironmentFiles = { diagnostics };
  const piPath = `${reads.dir}/${layout.packageInstallFile}`;
  const pi = reads.packageInstall;
  if (pi.parsed && pi.text !== undefined) {
    diagnostics.push(...pi.parsed.diagnostics);
    const found = pi.parsed.documents.filter((d) => isObject(d.value) && d.value.kind === 'PackageInstall');
    if (found.length === 1)
      result.packageInstall = readPackageInstall(
        pi.parsed,
        pi.text,
        found[0]!.doc,
        found[0]!.value as Obj,
        diagnostics,
      );
    else if (pi.parsed.diagnostics.length === 0) {
      diagnostics.push(
        error(
          'packageinstall.missing',
          found.length === 0
            ? 'expected a PackageInstall in this file'
            : `expected one PackageInstall, found ${found.length}`,
          piPath,
          pi.parsed.position(0),
        ),
      );
    }
  } else if (pi.parsed) {
    diagnostics.push(...pi.parsed.diagnostics);
  }
  valuesSecretOf(reads, result);
  kustomizationOf(reads, result);
  return result;
}

function valuesSecretOf(reads: EnvironmentReads, result: EnvironmentFiles): void {
  const secret = reads.valuesSecret;
  if (!secret.parsed) return;
  result.diagnostics.push(...secret.parsed.diagnostics);
  if (secret.text === undefined || secret.parsed.diagnostics.length > 0) return;
  const read = isEncryptedSecret(secret)
    ? encryptedSecretOf(secret.parsed, secret.text, reads.keysGiven, reads.decrypted)
    : reads.nested
      ? nestedSecretOf(secret.parsed, secret.text, reads.nested)
      : { ...readValuesSecret(secret.parsed, secret.text), encrypted: undefined };
  result.encrypted = read.encrypted;
  result.diagnostics.push(...read.diagnostics);
  result.valuesSecret = read.secret;
  result.valuesSecretText = secret.text;
  result.valuesSecretDiagnostics = read.diagnostics;
  if (reads.nested?.keys.length) result.nestedSops = reads.nested.keys;
}

/** The folder's one kustomization file; kustomize refuses a folder with several. */
function kustomizationOf(reads: EnvironmentReads, result: EnvironmentFiles): void {
  const found = reads.kustomizationFiles;
  const dir = reads.dir;
  if (found.length === 0) return;
  if (found.length > 1) {
    result.diagnostics.push(
      error(
        'kustomization.multiple',
        `the folder has several kustomization files (${found.map((f) => f.slice(dir.length + 1)).join(', ')}); kustomize refuses it: keep one`,
        found[1]!,
      ),
    );
    return;
  }
  const kustomization = reads.kustomization ?? {};
  if (kustomization.parsed) result.diagnostics.push(...kustomization.parsed.diagnostics);
  result.kustomizationPath = found[0];
  result.kustomizationText = kustomization.text;
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
