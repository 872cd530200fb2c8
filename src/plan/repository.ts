/**
 * The gitops repo as the planner sees it: which components and environments exist, their Packages,
 * PackageInstalls and values Secrets. Files are read lazily through the snapshot and at most once.
 */
import type { Document } from 'yaml';
import { dns1123LabelProblem, dns1123SubdomainProblem } from '../carvel/names.js';
import { type CarvelPackage, looksLikePackage, validatePackage } from '../carvel/package.js';
import { compare, parseRelaxed, type VersionSelection } from '../carvel/semver.js';
import { readValuesSecret, type ValuesSecret } from '../carvel/values-secret.js';
import type { Layout } from '../config/config.js';
import { type Diagnostic, error, warning } from '../diagnostics.js';
import { KUSTOMIZATION_FILES } from '../flux/kustomize.js';
import { type FileEntry, readBounded, type Snapshot } from '../repo/snapshot.js';
import { isSopsDocument } from '../sops/index.js';
import { DEFAULT_LIMITS, type ParsedYaml, parseYaml, positionAt, tooLargeYaml } from '../yaml/parse.js';
import { type EncryptedSecret, readEncryptedSecret, type SopsKeys } from './secrets.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isYamlFile = (p: string) => p.endsWith('.yaml') || p.endsWith('.yml');
/**
 * The same string, not sharing the file's text. V8 keeps a substring as a slice of its parent: a
 * version or constraint that outlives its file (in the plan's results) would keep the whole file
 * text alive, and a large repo's results would hold every Package file.
 */
const own = (s: string): string => JSON.parse(JSON.stringify(s)) as string;

export interface ComponentLayout {
  name: string;
  /** Folder of the component, repo-relative, no trailing slash. */
  dir: string;
  packageFiles: string[];
  /** Environment folders that exist (hold any of the environment's files). */
  environments: string[];
}

/** Components and environments, from the file list alone (nothing is read). */
export function discover(paths: readonly string[], layout: Layout): ComponentLayout[] {
  const prefix = layout.componentsPath ? `${layout.componentsPath.replace(/\/+$/, '')}/` : '';
  const envFiles = new Set([layout.packageInstallFile, layout.valuesSecretFile]);
  const components = new Map<string, ComponentLayout>();
  const get = (name: string) => {
    let c = components.get(name);
    if (!c) {
      c = { name, dir: `${prefix}${name}`, packageFiles: [], environments: [] };
      components.set(name, c);
    }
    return c;
  };
  for (const path of paths) {
    if (!path.startsWith(prefix)) continue;
    const parts = path.slice(prefix.length).split('/');
    if (parts.length !== 3 || parts[0]!.startsWith('.')) continue;
    const [component, folder, file] = parts as [string, string, string];
    if (folder === layout.packagesDir && isYamlFile(file)) get(component).packageFiles.push(path);
    else if (envFiles.has(file)) {
      const c = get(component);
      if (!c.environments.includes(folder)) c.environments.push(folder);
    }
  }
  for (const c of components.values()) {
    c.packageFiles.sort();
    c.environments.sort();
  }
  return [...components.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Component names are refNames in TAP's layout (DNS-1123 subdomains); environments are DNS-1123 labels. */
export function nameProblem(kind: 'component' | 'environment', name: string): string | undefined {
  if (name.includes('/') || name.includes('..') || name === '.') return `must not contain "/" or ".."`;
  return kind === 'component' ? dns1123SubdomainProblem(name) : dns1123LabelProblem(name);
}

/** Reads and parses files through the snapshot, each at most once, refusing oversized ones unread. */
export class RepoReader {
  readonly #cache = new Map<string, Promise<{ parsed?: ParsedYaml; text?: string }>>();
  /** Reads started by prefetch() that yaml() has not asked for yet. */
  readonly #reads = new Map<string, Promise<Read>>();
  #entries?: Promise<Map<string, FileEntry>>;

  constructor(readonly snapshot: Snapshot) {}

  async exists(path: string): Promise<boolean> {
    return (await this.#entryMap()).has(path);
  }

  yaml(path: string): Promise<{ parsed?: ParsedYaml; text?: string }> {
    let cached = this.#cache.get(path);
    if (!cached) {
      const read = this.#reads.get(path) ?? this.#read(path);
      this.#reads.delete(path);
      cached = read.then((r) => parse(path, r));
      this.#cache.set(path, cached);
    }
    return cached;
  }

  /**
   * Start reading files the planner is about to ask for, all at once: files read one after another
   * wait on the disk (or the network) once each. Only files that will be asked for belong here.
   * They are parsed when yaml() asks for them, so what it returns is the same either way, and
   * parsed documents live no longer than without prefetching (which keeps the heap small).
   */
  prefetch(paths: Iterable<string>): void {
    for (const path of paths) {
      if (this.#cache.has(path) || this.#reads.has(path)) continue;
      const read = this.#read(path);
      // A failed read surfaces when yaml() is awaited, as without prefetching; never as an unhandled rejection.
      read.catch(() => {});
      this.#reads.set(path, read);
    }
  }

  /** Drop what was read under a folder: a large repo is planned component by component in bounded memory. */
  forget(dir: string): void {
    const prefix = `${dir}/`;
    for (const cache of [this.#cache, this.#reads])
      for (const path of cache.keys()) if (path.startsWith(prefix)) cache.delete(path);
  }

  async #entryMap() {
    this.#entries ??= this.snapshot.list().then((entries) => new Map(entries.map((e) => [e.path, e])));
    return this.#entries;
  }

  async #read(path: string): Promise<Read> {
    const entry = (await this.#entryMap()).get(path);
    if (!entry) return {};
    const size = entry.size ?? (entry.kind ? undefined : await this.snapshot.size?.(path));
    const read = await readBounded(this.snapshot, path, DEFAULT_LIMITS.maxBytes, { ...entry, size });
    if (read.refused?.reason === 'too-large')
      return { tooLarge: read.refused.size ?? DEFAULT_LIMITS.maxBytes + 1 };
    if (read.refused)
      return { refused: refusedYaml(path, `repo.${read.refused.reason}`, read.refused.message) };
    return { text: read.text };
  }
}

/** A file as read: its text, its size when it was refused for it, or why it was refused unread; none when it does not exist. */
interface Read {
  text?: string;
  tooLarge?: number;
  refused?: ParsedYaml;
}

function parse(path: string, read: Read): { parsed?: ParsedYaml; text?: string } {
  if (read.tooLarge !== undefined)
    return { parsed: tooLargeYaml(path, read.tooLarge, DEFAULT_LIMITS.maxBytes) };
  if (read.refused) return { parsed: read.refused };
  if (read.text === undefined) return {};
  return { parsed: parseYaml(path, read.text), text: read.text };
}

/** A file refused unread (a symbolic link, a FIFO): an error at the file, never a silent skip. */
export function refusedYaml(file: string, code: string, message: string): ParsedYaml {
  const diagnostic = error(code, message, file);
  return { file, documents: [], diagnostics: [diagnostic], position: () => ({ line: 0, column: 0 }) };
}

export interface ComponentPackages {
  packages: CarvelPackage[];
  /** The one refName all Packages of the component share (undefined when there are none or they disagree). */
  refName?: string;
  diagnostics: Diagnostic[];
}

export async function loadPackages(
  reader: RepoReader,
  component: ComponentLayout,
): Promise<ComponentPackages> {
  const diagnostics: Diagnostic[] = [];
  const packages: CarvelPackage[] = [];
  for (const file of component.packageFiles) {
    const { parsed } = await reader.yaml(file);
    if (!parsed) continue;
    diagnostics.push(...parsed.diagnostics);
    if (parsed.diagnostics.length === 0 && parsed.documents.length === 0) {
      diagnostics.push(
        error('package.empty', 'the file holds no document; a packages folder holds Package files', file),
      );
    }
    for (const { doc, value } of parsed.documents) {
      if (!looksLikePackage(value)) {
        if (!isPackageCompanion(value)) {
          diagnostics.push(
            error(
              'package.kind',
              'expected a Carvel Package (kind: Package) or PackageMetadata in a packages folder',
              file,
              positionAt(parsed, doc, ['kind']),
              '.kind',
            ),
          );
        }
        continue;
      }
      const result = validatePackage(parsed, doc, value);
      diagnostics.push(...result.diagnostics);
      if (result.pkg) {
        const { name, refName, version, releaseNotes } = result.pkg;
        packages.push({
          ...result.pkg,
          name: own(name),
          refName: own(refName),
          version: own(version),
          releaseNotes: releaseNotes === undefined ? undefined : own(releaseNotes),
        });
      }
    }
  }
  const refNames = [...new Set(packages.map((p) => p.refName))];
  if (refNames.length > 1) {
    for (const pkg of packages.filter((p) => p.refName !== packages[0]!.refName)) {
      diagnostics.push(
        error(
          'package.ref-name-conflict',
          `component "${component.name}" has Packages of several refNames (${refNames.join(', ')}); one component holds one package`,
          pkg.file,
          { line: pkg.line, column: 1 },
          '.spec.refName',
        ),
      );
    }
  }
  const seen = new Map<string, CarvelPackage>();
  for (const pkg of packages) {
    const twin = seen.get(pkg.version);
    if (twin) {
      diagnostics.push(
        error(
          'package.duplicate-version',
          `version ${pkg.version} is also defined in ${twin.file}`,
          pkg.file,
          { line: pkg.line, column: 1 },
          '.spec.version',
        ),
      );
    }
    seen.set(pkg.version, pkg);
  }
  packages.sort((a, b) => compare(parseRelaxed(a.version)!, parseRelaxed(b.version)!));
  return { packages, refName: refNames.length === 1 ? refNames[0] : undefined, diagnostics };
}

/** What else a Carvel packages folder holds beside Packages: a component's PackageMetadata. */
function isPackageCompanion(value: unknown): boolean {
  return (
    isObject(value) &&
    value.kind === 'PackageMetadata' &&
    value.apiVersion === 'data.packaging.carvel.dev/v1alpha1'
  );
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

/** The files loadEnvironment() reads for an environment folder, in the order it reads them. */
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
  /** The folder's kustomization file (kustomization.yaml, .yml or Kustomization), when it has one. */
  kustomizationPath?: string;
  kustomizationText?: string;
  diagnostics: Diagnostic[];
}

export async function loadEnvironment(
  reader: RepoReader,
  dir: string,
  layout: Layout,
  keys?: SopsKeys,
): Promise<EnvironmentFiles> {
  const diagnostics: Diagnostic[] = [];
  const result: EnvironmentFiles = { diagnostics };
  const piPath = `${dir}/${layout.packageInstallFile}`;
  const pi = await reader.yaml(piPath);
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
  const secretPath = `${dir}/${layout.valuesSecretFile}`;
  const secret = await reader.yaml(secretPath);
  if (secret.parsed) {
    diagnostics.push(...secret.parsed.diagnostics);
    if (secret.text !== undefined && secret.parsed.diagnostics.length === 0) {
      const isEncrypted =
        secret.parsed.documents.length === 1 && isSopsDocument(secret.parsed.documents[0]!.value);
      const read = isEncrypted
        ? await readEncryptedSecret(secret.parsed, secret.text, keys)
        : { ...readValuesSecret(secret.parsed, secret.text), encrypted: undefined };
      result.encrypted = read.encrypted;
      diagnostics.push(...read.diagnostics);
      result.valuesSecret = read.secret;
      result.valuesSecretText = secret.text;
      result.valuesSecretDiagnostics = read.diagnostics;
    }
  }
  await loadKustomization(reader, dir, result);
  return result;
}

/** The folder's one kustomization file; kustomize refuses a folder with several. */
async function loadKustomization(reader: RepoReader, dir: string, result: EnvironmentFiles): Promise<void> {
  const found: string[] = [];
  for (const name of KUSTOMIZATION_FILES)
    if (await reader.exists(`${dir}/${name}`)) found.push(`${dir}/${name}`);
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
  const kustomization = await reader.yaml(found[0]!);
  if (kustomization.parsed) result.diagnostics.push(...kustomization.parsed.diagnostics);
  result.kustomizationPath = found[0];
  result.kustomizationText = kustomization.text;
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
