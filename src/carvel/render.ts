/**
 * Rendering the files of one environment: the PackageInstall, its values Secret and the
 * kustomization.yaml that lists them. New files are rendered whole; existing files are edited in
 * place, touching only the scalar that must change, so comments, key order and fields a person
 * added survive, and the pull request's diff is exactly the version bump.
 */
import { Document, isMap, isScalar, isSeq, parseAllDocuments, parseDocument, Scalar, stringify } from 'yaml';
import type { YamlDocument } from '../yaml/parse.js';
import type { VersionSelection } from './semver.js';

export const PACKAGE_INSTALL_API_VERSION = 'packaging.carvel.dev/v1alpha1';
const STRINGIFY = { lineWidth: 0, indentSeq: false } as const;

/** `{version}` in the configured template becomes the Package version: "{version}" pins, ">={version}" follows. */
export function constraintFor(template: string, version: string): string {
  return template.replaceAll('{version}', version);
}

/** The settings a version selection depends on (a subset of flux-pkg.yaml's resolved Settings). */
export interface SelectionSettings {
  constraint: string;
  prereleases: boolean | string[];
}

export function versionSelectionFor(settings: SelectionSettings, version: string): VersionSelection {
  const selection: VersionSelection = { constraints: constraintFor(settings.constraint, version) };
  if (settings.prereleases === true) selection.prereleases = {};
  else if (Array.isArray(settings.prereleases)) selection.prereleases = { identifiers: settings.prereleases };
  return selection;
}

export interface PackageInstallInput {
  name: string;
  namespace?: string;
  serviceAccountName: string;
  refName: string;
  selection: VersionSelection;
  valuesSecretName: string;
}

export function renderPackageInstall(input: PackageInstallInput): string {
  const metadata: Record<string, string> = { name: input.name };
  if (input.namespace) metadata.namespace = input.namespace;
  const doc = new Document({
    apiVersion: PACKAGE_INSTALL_API_VERSION,
    kind: 'PackageInstall',
    metadata,
    spec: {
      serviceAccountName: input.serviceAccountName,
      packageRef: { refName: input.refName, versionSelection: input.selection },
      values: [{ secretRef: { name: input.valuesSecretName } }],
    },
  });
  return doc.toString(STRINGIFY);
}

export interface ValuesSecretInput {
  name: string;
  namespace?: string;
  valuesKey: string;
  /** The values YAML, as it will sit under the key. */
  values: string;
}

export function renderValuesSecret(input: ValuesSecretInput): string {
  const metadata: Record<string, string> = { name: input.name };
  if (input.namespace) metadata.namespace = input.namespace;
  const doc = new Document({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata,
    stringData: {} as Record<string, unknown>,
  });
  doc.setIn(['stringData', input.valuesKey], blockScalar(input.values));
  return doc.toString(STRINGIFY);
}

/** Values YAML for an environment that has none yet: schema defaults apply in the cluster. */
export function emptyValues(component: string, environment: string): string {
  return `# Values for ${component} in ${environment}; the Package's valuesSchema lists what can be set.\n{}\n`;
}

export function renderKustomization(resources: readonly string[]): string {
  return new Document({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: [...resources],
  }).toString(STRINGIFY);
}

/** Which document of a multi-document file to edit: the first whose plain value this accepts. */
export type DocumentPick = (value: unknown) => boolean;
const anyDocument: DocumentPick = () => true;

/**
 * Edit one document of a file and keep every other byte as it was: the edited document's text is
 * spliced back between its neighbours, so a ServiceAccount before a PackageInstall, or the comments
 * and `---` around it, are untouched. The file is assumed to parse (the planner read it first).
 */
function editDocument(
  text: string,
  pick: DocumentPick,
  edit: (doc: Document.Parsed) => string | undefined,
): string {
  const list = parsedDocuments(text);
  const doc = list.find((d) => d.errors.length === 0 && pick(d.toJS()));
  if (!doc) throw new Error('editDocument: no document to edit'); // a planner bug: it read this file first
  const edited = edit(doc);
  if (edited === undefined) return text;
  if (list.length === 1) return edited;
  // A document's text runs from the end of the one before it (comments before it are its own, and
  // toString() writes them) to the end of its node, a `...` marker included.
  const index = list.indexOf(doc);
  const start = index === 0 ? 0 : list[index - 1]!.range[2];
  const end = doc.range[2];
  return text.slice(0, start) + edited + text.slice(end);
}

/** Every document of a text (parseAllDocuments gives none of an empty one). */
function parsedDocuments(text: string): Document.Parsed[] {
  const docs = parseAllDocuments(text);
  return Array.isArray(docs) ? docs : [];
}

/** Add missing entries to an existing kustomization file's resources, keeping everything else. */
export function ensureKustomizationResources(text: string, resources: readonly string[]): string {
  const doc = parseDocument(text);
  const list = doc.get('resources', true);
  const present = new Set(
    isSeq(list) ? list.items.map((i) => (isScalar(i) ? normaliseResource(String(i.value)) : '')) : [],
  );
  const missing = resources.filter((r) => !present.has(normaliseResource(r)));
  if (missing.length === 0) return text;
  if (isSeq(list)) for (const r of missing) list.add(r);
  else doc.set('resources', [...resources]);
  return doc.toString(STRINGIFY);
}

/** `./a/../b.yaml` and `b.yaml` name the same resource; kustomize refuses one listed twice. */
export function normaliseResource(entry: string): string {
  const out: string[] = [];
  for (const part of entry.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/') || '.';
}

/**
 * Set the scalar at `path` to `value` in the picked document, editing only that scalar's characters
 * in the text when it exists; otherwise fall back to a structural edit of that document (which may
 * re-indent it). `parsed`: the text's documents as the planner parsed them (parseYaml), which spares
 * a parse; they are only read.
 */
export function setScalar(
  text: string,
  path: readonly (string | number)[],
  value: string,
  pick: DocumentPick = anyDocument,
  parsed?: readonly YamlDocument[],
): string {
  const doc = parsed
    ? parsed.find((d) => pick(d.value))?.doc
    : parsedDocuments(text).find((d) => d.errors.length === 0 && pick(d.toJS()));
  const node = doc?.getIn(path, true);
  if (isScalar(node) && node.range) {
    if (node.value === value) return text;
    const [start, end] = node.range;
    return text.slice(0, start) + scalarText(value, node.type) + text.slice(end);
  }
  return editDocument(text, pick, (d) => {
    d.setIn(path, value);
    return d.toString(STRINGIFY);
  });
}

/**
 * Replace the YAML under the picked Secret's stringData key (values updates, only when asked). A
 * base64 `data` entry of the same key is removed: stringData would win over it anyway.
 */
export function setValues(
  text: string,
  valuesKey: string,
  values: string,
  pick: DocumentPick = anyDocument,
): string {
  return editDocument(text, pick, (doc) => {
    if (doc.hasIn(['data', valuesKey])) doc.deleteIn(['data', valuesKey]);
    doc.setIn(['stringData', valuesKey], blockScalar(values));
    return doc.toString(STRINGIFY);
  });
}

function blockScalar(value: string): Scalar {
  const scalar = new Scalar(value.endsWith('\n') ? value : `${value}\n`);
  scalar.type = Scalar.BLOCK_LITERAL;
  return scalar;
}

function scalarText(value: string, type: Scalar['type']): string {
  if (type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (type === Scalar.QUOTE_SINGLE) return `'${value.replaceAll("'", "''")}'`;
  return stringify(value, STRINGIFY).trimEnd();
}

/** Without it, kapp-controller stops reconciling a PackageInstall whose selected version went down. */
export const DOWNGRADABLE_ANNOTATION = 'packaging.carvel.dev/downgradable';

/**
 * The rollback hold: a rollback (promote with allow-downgrade) writes the version the environment
 * left; delivery offers it only versions newer than that (the next upgrade removes it).
 */
export const ROLLED_BACK_FROM_ANNOTATION = 'flux-pkg.dev/rolled-back-from';

/**
 * Set (a string) or remove (undefined) one metadata annotation, keeping comments; an annotations
 * mapping left empty is removed with it.
 */
export function setAnnotation(
  text: string,
  name: string,
  value: string | undefined,
  pick: DocumentPick = anyDocument,
): string {
  const path = ['metadata', 'annotations', name];
  return editDocument(text, pick, (doc) => {
    const present = doc.hasIn(path);
    if (value === undefined) {
      if (!present) return undefined;
      doc.deleteIn(path);
      const annotations = doc.getIn(['metadata', 'annotations'], true);
      if (isMap(annotations) && annotations.items.length === 0) doc.deleteIn(['metadata', 'annotations']);
      return doc.toString(STRINGIFY);
    }
    if (present && doc.getIn(path) === value) return undefined;
    const scalar = new Scalar(value);
    scalar.type = Scalar.QUOTE_DOUBLE;
    doc.setIn(path, scalar);
    return doc.toString(STRINGIFY);
  });
}
