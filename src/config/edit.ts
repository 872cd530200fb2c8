/**
 * Comment-preserving edits of flux-pkg.yaml. Bootstrap adds the environment it creates; the
 * rest of the file (comments, blank lines, key order, quoting) stays as the person wrote it.
 * Edits go through the yaml Document API, so the result is always one valid YAML document.
 */
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { type Diagnostic, error } from '../diagnostics.js';
import { CONFIG_FILE } from './config.js';

/** One `environments:` entry: its name, where it promotes from, and its own settings (in order). */
export interface EnvironmentEntry {
  name: string;
  promoteFrom?: string;
  settings?: Record<string, unknown>;
}

export interface ConfigEdit {
  text: string;
  /** False when the text is returned as given (the environment is already listed). */
  changed: boolean;
  diagnostics: Diagnostic[];
}

const NEW_FILE_HEADER =
  ' flux-pkg-action configuration: the environments in promotion order and their settings.\n' +
  ' Schema: schema/flux-pkg.schema.json of flux-pkg-action.';

/**
 * Add `entry` to `environments:` (at the end), creating the list or the whole file when absent.
 * An environment already listed is left alone unless `replace` is set, which rewrites that entry
 * in place (its position in the promotion order kept).
 */
export function addEnvironment(
  text: string | undefined,
  entry: EnvironmentEntry,
  options: { replace?: boolean; file?: string } = {},
): ConfigEdit {
  const file = options.file ?? CONFIG_FILE;
  if (text === undefined || text.trim() === '')
    return { text: newConfig(entry), changed: true, diagnostics: [] };
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    return refuse(text, file, `${file} does not parse as YAML; not editing it`);
  }
  if (!isMap(doc.contents)) return refuse(text, file, `${file} is not a mapping; not editing it`);
  const list = doc.contents.get('environments', true);
  const item = doc.createNode(entryObject(entry));
  if (list === undefined || list === null || (isScalar(list) && list.value === null)) {
    doc.set('environments', doc.createNode([entryObject(entry)]));
    return { text: doc.toString(styleOf(text)), changed: true, diagnostics: [] };
  }
  if (!isSeq(list)) return refuse(text, file, `environments in ${file} is not a list; not editing it`);
  const at = indexOf(list, entry.name);
  if (at >= 0 && !options.replace) return { text, changed: false, diagnostics: [] };
  const items = (list as YAMLSeq<unknown>).items;
  if (at >= 0) items[at] = item;
  else items.push(item);
  const edited = doc.toString(styleOf(text));
  return { text: edited, changed: edited !== text, diagnostics: [] };
}

function entryObject(entry: EnvironmentEntry): Record<string, unknown> {
  const object: Record<string, unknown> = { name: entry.name };
  if (entry.promoteFrom !== undefined) object.promoteFrom = entry.promoteFrom;
  for (const [key, value] of Object.entries(entry.settings ?? {})) {
    if (key !== 'name' && key !== 'promoteFrom' && value !== undefined) object[key] = value;
  }
  return object;
}

function indexOf(list: YAMLSeq, name: string): number {
  return list.items.findIndex((item) => isMap(item) && (item as YAMLMap).get('name') === name);
}

function newConfig(entry: EnvironmentEntry): string {
  const doc = parseDocument('environments: []\n');
  doc.set('environments', doc.createNode([entryObject(entry)]));
  doc.commentBefore = NEW_FILE_HEADER;
  return doc.toString(styleOf(''));
}

/** Keep the file's own sequence style: `- ` under its key, or indented by two. */
function styleOf(text: string) {
  const indented = /^([ \t]*)[^\s#-][^\n]*:[ \t]*(#[^\n]*)?\n(?:[ \t]*(?:#[^\n]*)?\n)*\1[ \t]+- /m.test(text);
  const flush = /^([ \t]*)[^\s#-][^\n]*:[ \t]*(#[^\n]*)?\n(?:[ \t]*(?:#[^\n]*)?\n)*\1- /m.test(text);
  return { indent: 2, lineWidth: 0, flowCollectionPadding: false, indentSeq: indented || !flush } as const;
}

function refuse(text: string, file: string, message: string): ConfigEdit {
  return { text, changed: false, diagnostics: [error('config.not-editable', message, file)] };
}

/**
 * Add `environment` to `components.<component>.environments` (creating the component's entry and
 * its list when absent), keeping the rest of the file. Already listed: the text as given.
 */
export function addComponentEnvironment(
  text: string,
  component: string,
  environment: string,
  options: { file?: string } = {},
): ConfigEdit {
  const file = options.file ?? CONFIG_FILE;
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return refuse(text, file, `${file} does not parse as YAML; not editing it`);
  if (!isMap(doc.contents)) return refuse(text, file, `${file} is not a mapping; not editing it`);
  const list = doc.getIn(['components', component, 'environments'], true);
  if (isSeq(list)) {
    if (list.items.some((i) => isScalar(i) && i.value === environment))
      return { text, changed: false, diagnostics: [] };
    list.add(doc.createNode(environment));
  } else if (list === undefined || list === null || (isScalar(list) && list.value === null)) {
    const components = doc.get('components', true);
    if (components !== undefined && components !== null && !isMap(components) && !isScalar(components))
      return refuse(text, file, `components in ${file} is not a mapping; not editing it`);
    if (!isMap(components)) doc.set('components', doc.createNode({}));
    const entry = doc.getIn(['components', component], true);
    if (entry !== undefined && entry !== null && !isMap(entry) && !(isScalar(entry) && entry.value === null))
      return refuse(text, file, `components.${component} in ${file} is not a mapping; not editing it`);
    if (!isMap(entry)) doc.setIn(['components', component], doc.createNode({}));
    doc.setIn(['components', component, 'environments'], doc.createNode([environment]));
  } else return refuse(text, file, `components.${component}.environments in ${file} is not a list`);
  return { text: doc.toString(styleOf(text)), changed: true, diagnostics: [] };
}
