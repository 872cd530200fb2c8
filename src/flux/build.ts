/**
 * What Flux's kustomize-controller builds from an environment folder, for the features an
 * environment folder may use: `resources` (files and folders inside it) and `namespace`. Every other
 * kustomization field that can change the objects is refused at its line, so what this builds is
 * what Flux applies (kubernetes-sigs/kustomize api/types/kustomization.go lists the fields, lines
 * 36-182 at 12f9e63). Pure: the loader hands it every file of the folder, read and parsed.
 */
import type { Document } from 'yaml';
import { type Diagnostic, type ErrorCode, error } from '../diagnostics.js';
import { type ParsedYaml, positionAt } from '../yaml/parse.js';
import { generatedResources, KUSTOMIZATION_FILES, kustomizationFilesIn } from './kustomize.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A file as the loader read it: parsed (or refused); absent when it does not exist. */
export interface BuildFile {
  parsed?: ParsedYaml;
}

/** One object of the build: where it was written, and its value as Flux applies it. */
export interface BuiltObject {
  file: string;
  parsed: ParsedYaml;
  doc: Document.Parsed;
  /** The document's value with the kustomization's namespace applied (the parsed document is not changed). */
  value: Obj;
  kind?: string;
  name?: string;
  namespace?: string;
}

export interface Build {
  objects: BuiltObject[];
  diagnostics: Diagnostic[];
  /** Listed resources that do not exist (kustomize fails on each): their errors are here, not in diagnostics. */
  missing: { path: string; diagnostic: Diagnostic }[];
  /** The folder's own kustomization file, when it has exactly one. */
  kustomization?: string;
}

/** Kustomization fields this builder implements (resources, namespace) or that cannot change what the gate reads. */
const SUPPORTED = new Set(['apiVersion', 'kind', 'metadata', 'resources', 'namespace', 'sortOptions']);

/**
 * Labels change no PackageInstall or Secret semantics (kapp-controller reads no label of either) and
 * are not applied here: the gate reads names, namespaces, annotations and spec, which they never touch.
 */
const IGNORED = new Set(['commonLabels', 'labels']);

/** Why a field is refused in an environment folder: each one changes (or adds) objects the gate would not see. */
const REFUSED: Record<string, string> = {
  bases: 'bases (a deprecated alias of resources): list the files under resources',
  patches: 'patches change objects after the gate read them',
  patchesStrategicMerge: 'patches change objects after the gate read them',
  patchesJson6902: 'patches change objects after the gate read them',
  components: 'components add patches and resources from outside the folder',
  configMapGenerator: 'generators create objects no file in the folder holds',
  secretGenerator:
    'generators create objects no file in the folder holds: write the Secret as a file (SOPS-encrypted)',
  generators: 'generator plugins create objects no file holds',
  generatorOptions: 'generator options change generated names and labels',
  transformers: 'transformer plugins change objects',
  validators: 'validator plugins run code during the build',
  replacements: 'replacements copy fields between objects',
  vars: 'vars substitute fields of objects',
  images: 'images rewrite container images',
  imageTags: 'imageTags rewrite container images',
  replicas: 'replicas change objects',
  namePrefix: 'a name prefix renames objects, the values Secret a PackageInstall names included',
  nameSuffix: 'a name suffix renames objects, the values Secret a PackageInstall names included',
  commonAnnotations:
    'annotations change what kapp-controller does with a PackageInstall (packaging.carvel.dev/downgradable, ext.packaging.carvel.dev/*)',
  buildMetadata: 'build metadata adds annotations and labels to objects',
  helmCharts: 'Helm charts render objects no file in the folder holds',
  helmChartInflationGenerator: 'Helm charts render objects no file in the folder holds',
  helmGlobals: 'Helm charts render objects no file in the folder holds',
  crds: 'crds change how patches and names apply to custom resources',
  openapi: 'an OpenAPI schema changes which objects are namespaced and how they merge',
  configurations: 'transformer configurations change which fields namePrefix, namespace and others touch',
};

/** Nested kustomizations deeper than this are refused (kustomize itself detects cycles; the gate bounds its work). */
const MAX_DEPTH = 8;

/**
 * The objects an environment folder builds. `files`: every file under `dir` (repository paths),
 * read; a folder without a kustomization file is built from the one Flux generates.
 */
export function buildFolder(dir: string, files: ReadonlyMap<string, BuildFile>): Build {
  const diagnostics: Diagnostic[] = [];
  const objects: BuiltObject[] = [];
  const paths = new Set(files.keys());
  const own = kustomizationFilesIn(paths, dir);
  const missing: Build['missing'] = [];
  const build: Build = {
    objects,
    diagnostics,
    missing,
    kustomization: own.length === 1 ? own[0] : undefined,
  };
  const level: Level = { root: dir, files, paths, diagnostics, missing };
  objects.push(...buildLevel(level, dir, 0));
  return build;
}

interface Level {
  /** The environment folder: nothing outside it is built. */
  root: string;
  files: ReadonlyMap<string, BuildFile>;
  paths: ReadonlySet<string>;
  diagnostics: Diagnostic[];
  missing: Build['missing'];
}

/** One kustomization root: its resources accumulated (kusttarget.go accumulateResources), then its namespace applied. */
function buildLevel(level: Level, dir: string, depth: number): BuiltObject[] {
  const found = kustomizationFilesIn(level.paths, dir);
  if (found.length > 1) {
    level.diagnostics.push(
      error(
        'kustomization.multiple',
        `the folder has several kustomization files (${found.map((f) => f.slice(dir.length + 1)).join(', ')}); kustomize refuses it: keep one`,
        found[1]!,
      ),
    );
    return [];
  }
  if (found.length === 0) {
    // Flux generates a kustomization listing the folder's YAML files (kustomize.ts).
    const resources = generatedResources(level.paths, dir).map((r) => ({ entry: r, at: undefined }));
    return accumulate(level, dir, resources, depth, undefined);
  }
  const file = found[0]!;
  const parsed = level.files.get(file)?.parsed;
  if (!parsed) return [];
  level.diagnostics.push(...parsed.diagnostics);
  if (parsed.diagnostics.length > 0) return [];
  const docs = parsed.documents.filter((d) => d.value !== undefined && d.value !== null);
  if (docs.length !== 1 || !isObject(docs[0]!.value)) {
    level.diagnostics.push(
      error('kustomization.invalid', 'a kustomization file holds one mapping', file, parsed.position(0)),
    );
    return [];
  }
  const { doc, value } = docs[0]! as { doc: Document.Parsed; value: Obj };
  const at = (path: (string | number)[]) => positionAt(parsed, doc, path);
  if (!fieldsAllowed(level, file, value, at)) return [];
  const resources = resourceEntries(level, file, value.resources, at);
  const namespace = namespaceOf(level, file, value.namespace, at);
  if (!resources) return [];
  const objects = accumulate(level, dir, resources, depth, file);
  return namespace === undefined ? objects : objects.map((o) => withNamespace(o, namespace));
}

/** Every field either implemented, harmless, or refused at its line with the reason. */
function fieldsAllowed(
  level: Level,
  file: string,
  value: Obj,
  at: (path: (string | number)[]) => { line: number; column: number },
): boolean {
  let allowed = true;
  const refuse = (code: ErrorCode, key: string, message: string) => {
    allowed = false;
    level.diagnostics.push(error(code, message, file, at([key]), `.${key}`));
  };
  if (value.kind !== undefined && value.kind !== 'Kustomization')
    refuse(
      'kustomization.kind',
      'kind',
      `an environment folder's kustomization is kind Kustomization (found ${JSON.stringify(value.kind)}): a Component brings patches the gate does not judge`,
    );
  for (const key of Object.keys(value)) {
    if (SUPPORTED.has(key) || IGNORED.has(key)) continue;
    const reason = REFUSED[key];
    refuse(
      'kustomization.unsupported',
      key,
      reason
        ? `${key} is not allowed in an environment folder: ${reason}, so what Flux applies would not be what the gate validated. Remove it and write the objects as files in the folder`
        : `${key} is not a kustomization field the gate knows (kustomize refuses unknown fields): remove it`,
    );
  }
  return allowed;
}

interface Entry {
  entry: string;
  /** Where the entry is written; undefined for a generated kustomization. */
  at?: { line: number; column: number };
}

function resourceEntries(
  level: Level,
  file: string,
  resources: unknown,
  at: (path: (string | number)[]) => { line: number; column: number },
): Entry[] | undefined {
  if (resources === undefined || resources === null) return [];
  if (!Array.isArray(resources) || resources.some((r) => typeof r !== 'string')) {
    level.diagnostics.push(
      error('kustomization.invalid', 'resources is a list of paths', file, at(['resources']), '.resources'),
    );
    return undefined;
  }
  return (resources as string[]).map((entry, i) => ({ entry, at: at(['resources', i]) }));
}

function namespaceOf(
  level: Level,
  file: string,
  namespace: unknown,
  at: (path: (string | number)[]) => { line: number; column: number },
): string | undefined {
  if (namespace === undefined || namespace === null || namespace === '') return undefined;
  if (typeof namespace === 'string') return namespace;
  level.diagnostics.push(
    error('kustomization.invalid', 'namespace is a string', file, at(['namespace']), '.namespace'),
  );
  return undefined;
}

/** A remote resource kustomize would fetch (a URL, a git address, a go-getter address). */
const REMOTE =
  /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/|gitlab\.com\/|bitbucket\.org\/)|\?ref=|^[^/]+\.[a-z]+\/.*\/\/|::/i;

/** The entries, in order: each file's documents, each folder's build (kusttarget.go accumulateResources). */
function accumulate(
  level: Level,
  dir: string,
  entries: Entry[],
  depth: number,
  kustomization: string | undefined,
): BuiltObject[] {
  const objects: BuiltObject[] = [];
  const ids = new Map<string, string>();
  const where = kustomization ?? `${dir}/${KUSTOMIZATION_FILES[0]}`;
  const refuse = (code: ErrorCode, entry: Entry, message: string) =>
    level.diagnostics.push(error(code, message, where, entry.at ?? { line: 0, column: 0 }, '.resources'));
  for (const entry of entries) {
    const path = resolve(dir, entry.entry);
    if (REMOTE.test(entry.entry))
      refuse(
        'kustomization.remote',
        entry,
        `the resource "${entry.entry}" is remote: an environment folder builds only from its own files (a remote base changes without a pull request). Copy what it needs into the folder`,
      );
    else if (path === undefined || (path !== level.root && !path.startsWith(`${level.root}/`)))
      refuse(
        'kustomization.outside',
        entry,
        `the resource "${entry.entry}" is outside the environment folder ${level.root}: a change there reaches this environment without the gate judging it here. Move it into the folder`,
      );
    else if (level.paths.has(path)) objects.push(...fileObjects(level, path, ids));
    else if ([...level.paths].some((p) => p.startsWith(`${path}/`)))
      objects.push(...folderObjects(level, path, entry, depth, refuse, ids));
    else
      level.missing.push({
        path,
        diagnostic: error(
          'kustomization.resource-missing',
          `the resource "${entry.entry}" does not exist: kustomize fails, and Flux applies nothing of this folder. Add the file or remove the entry`,
          where,
          entry.at ?? { line: 0, column: 0 },
          '.resources',
        ),
      });
  }
  return objects;
}

function folderObjects(
  level: Level,
  path: string,
  entry: Entry,
  depth: number,
  refuse: (code: ErrorCode, entry: Entry, message: string) => void,
  ids: Map<string, string>,
): BuiltObject[] {
  if (kustomizationFilesIn(level.paths, path).length === 0) {
    // kusttarget.go accumulateDirectory: a folder resource is built as a kustomization root.
    refuse(
      'kustomization.resource-missing',
      entry,
      `the resource "${entry.entry}" is a folder without a kustomization file: kustomize fails. List its files instead`,
    );
    return [];
  }
  if (depth >= MAX_DEPTH) {
    refuse('kustomization.depth', entry, `kustomizations nest deeper than ${MAX_DEPTH} here: flatten them`);
    return [];
  }
  const objects = buildLevel(level, path, depth + 1);
  for (const o of objects) registerId(level, o, ids);
  return objects;
}

/** A file's documents as objects; empty documents are skipped, as kustomize does. */
function fileObjects(level: Level, path: string, ids: Map<string, string>): BuiltObject[] {
  const parsed = level.files.get(path)?.parsed;
  if (!parsed) return [];
  level.diagnostics.push(...parsed.diagnostics);
  if (parsed.diagnostics.length > 0) return [];
  const objects: BuiltObject[] = [];
  for (const { doc, value } of parsed.documents) {
    if (value === undefined || value === null) continue;
    if (
      !isObject(value) ||
      typeof value.kind !== 'string' ||
      value.kind === 'List' ||
      value.kind.endsWith('List')
    ) {
      level.diagnostics.push(
        error(
          'kustomization.not-an-object',
          'every document of a resource is one Kubernetes object (with apiVersion, kind and metadata.name): kustomize fails on this one',
          path,
          parsed.position(doc.range[0]),
        ),
      );
      continue;
    }
    const object = builtObject(path, parsed, doc as Document.Parsed, value);
    if (registerId(level, object, ids)) objects.push(object);
  }
  return objects;
}

function builtObject(file: string, parsed: ParsedYaml, doc: Document.Parsed, value: Obj): BuiltObject {
  const metadata = isObject(value.metadata) ? value.metadata : {};
  return {
    file,
    parsed,
    doc,
    value,
    kind: value.kind as string,
    name: typeof metadata.name === 'string' ? metadata.name : undefined,
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
  };
}

/** kustomize refuses two objects with one id (group, kind, namespace, name): "already registered id". */
function registerId(level: Level, object: BuiltObject, ids: Map<string, string>): boolean {
  const group = String(object.value.apiVersion ?? '')
    .split('/')
    .slice(0, -1)
    .join('/');
  const id = `${group}|${object.kind}|${object.namespace ?? ''}|${object.name ?? ''}`;
  const first = ids.get(id);
  const here = `${object.file}:${object.parsed.position(object.doc.range[0]).line}`;
  if (first === undefined) {
    ids.set(id, here);
    return true;
  }
  level.diagnostics.push(
    error(
      'kustomization.duplicate',
      `${object.kind} "${object.name ?? ''}" is built twice (first at ${first}): kustomize fails, and Flux applies nothing of this folder. Keep one`,
      object.file,
      object.parsed.position(object.doc.range[0]),
    ),
  );
  return false;
}

/** `dir` joined with a relative entry, normalised; undefined for an absolute path or one above the repository. */
function resolve(dir: string, entry: string): string | undefined {
  if (entry.startsWith('/') || entry === '') return undefined;
  const parts = dir.split('/').filter(Boolean);
  for (const part of entry.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/**
 * Kinds kustomize knows to be cluster-scoped (kyaml/openapi/openapi.go IsCertainlyClusterScoped, from
 * its built-in Kubernetes schema): the namespace transformer leaves them alone. Any other kind — a
 * PackageInstall included — gets the namespace (api/filters/namespace/namespace.go metaNamespaceHack).
 */
const CLUSTER_SCOPED = new Set([
  '|Namespace',
  '|Node',
  '|PersistentVolume',
  '|ComponentStatus',
  'rbac.authorization.k8s.io|ClusterRole',
  'rbac.authorization.k8s.io|ClusterRoleBinding',
  'apiextensions.k8s.io|CustomResourceDefinition',
  'apiregistration.k8s.io|APIService',
  'storage.k8s.io|StorageClass',
  'storage.k8s.io|CSIDriver',
  'storage.k8s.io|CSINode',
  'storage.k8s.io|VolumeAttachment',
  'scheduling.k8s.io|PriorityClass',
  'node.k8s.io|RuntimeClass',
  'networking.k8s.io|IngressClass',
  'admissionregistration.k8s.io|MutatingWebhookConfiguration',
  'admissionregistration.k8s.io|ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io|ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io|ValidatingAdmissionPolicyBinding',
  'certificates.k8s.io|CertificateSigningRequest',
  'flowcontrol.apiserver.k8s.io|FlowSchema',
  'flowcontrol.apiserver.k8s.io|PriorityLevelConfiguration',
  'policy|PodSecurityPolicy',
]);

const groupOf = (apiVersion: unknown) =>
  typeof apiVersion === 'string' && apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';

/** The namespace transformer (api/filters/namespace/namespace.go run, with builtinpluginconsts/namespace.go's field specs). */
function withNamespace(object: BuiltObject, namespace: string): BuiltObject {
  const group = groupOf(object.value.apiVersion);
  const metadata = isObject(object.value.metadata) ? object.value.metadata : {};
  if (group === '' && object.kind === 'Namespace') {
    // namespace.go's field specs: a Namespace object is renamed to the namespace.
    return {
      ...object,
      name: namespace,
      value: { ...object.value, metadata: { ...metadata, name: namespace } },
    };
  }
  if (CLUSTER_SCOPED.has(`${group}|${object.kind}`)) return withDefaultSubjects(object, namespace);
  const value = { ...object.value, metadata: { ...metadata, namespace } };
  return withDefaultSubjects({ ...object, namespace, value }, namespace);
}

/** roleBindingHack (defaultOnly mode): binding subjects named "default" get the namespace. */
function withDefaultSubjects(object: BuiltObject, namespace: string): BuiltObject {
  if (object.kind !== 'RoleBinding' && object.kind !== 'ClusterRoleBinding') return object;
  const subjects = object.value.subjects;
  if (!Array.isArray(subjects)) return object;
  const changed = subjects.map((s) => (isObject(s) && s.name === 'default' ? { ...s, namespace } : s));
  return { ...object, value: { ...object.value, subjects: changed } };
}
