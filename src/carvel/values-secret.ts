/**
 * The values Secret (params.yaml): a v1 Secret whose keys kapp-controller feeds to ytt as data-values
 * files, in sorted key order, later keys overriding earlier ones. Each key's YAML is parsed with its
 * positions mapped back into params.yaml, so a bad value is reported on its real line.
 */
import { type Document, isMap, isScalar, type Node, type Pair, Scalar } from 'yaml';
import { type Diagnostic, error, warning } from '../diagnostics.js';
import { DEFAULT_LIMITS, type ParsedYaml, type PathSegment, parseYaml, positionAt } from '../yaml/parse.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One key of the Secret, parsed as a ytt data-values document. */
export interface ValuesEntry {
  key: string;
  /** The key's YAML, parsed with positions in params.yaml coordinates. */
  parsed: ParsedYaml;
  /** The merged value of the key's documents (ytt merges multi-document data-values files too). */
  value: unknown;
}

export interface ValuesSecret {
  file: string;
  name: string;
  namespace?: string;
  /** Entries in the order ytt applies them (sorted by key). */
  entries: ValuesEntry[];
  /** Every key of the Secret (after stringData over data), sorted; also those that did not parse. */
  keys: string[];
  /** What ytt sees: every entry merged in order. */
  merged: Obj;
}

/**
 * Find the Secret document in params.yaml and read its keys as kapp-controller does: every key is a
 * data-values file, whatever it is called. (The configured values key only says where install
 * writes; see `hasValuesKey`.)
 */
export function readValuesSecret(
  parsed: ParsedYaml,
  text: string,
): { secret?: ValuesSecret; diagnostics: Diagnostic[] } {
  const file = parsed.file;
  const diagnostics: Diagnostic[] = [];
  const secrets = parsed.documents.filter((d) => isObject(d.value) && d.value.kind === 'Secret');
  if (secrets.length !== 1) {
    diagnostics.push(
      error(
        'values.secret-missing',
        secrets.length === 0
          ? 'expected a values Secret (apiVersion v1, kind Secret) in this file'
          : `expected one values Secret in this file, found ${secrets.length}`,
        file,
        parsed.position(0),
      ),
    );
    return { diagnostics };
  }
  const { doc, value } = secrets[0]!;
  const secret = value as Obj;
  const metadata = isObject(secret.metadata) ? secret.metadata : {};
  if (secret.apiVersion !== 'v1') {
    diagnostics.push(
      error(
        'values.secret-api-version',
        'a Secret must have apiVersion "v1"',
        file,
        positionAt(parsed, doc, ['apiVersion']),
        '.apiVersion',
      ),
    );
  }
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  if (!name) {
    diagnostics.push(
      error(
        'values.secret-name',
        'the values Secret needs metadata.name',
        file,
        positionAt(parsed, doc, ['metadata']),
        '.metadata.name',
      ),
    );
  }

  const entries: ValuesEntry[] = [];
  const pairs = secretKeys(parsed, doc, diagnostics);
  for (const pair of pairs) {
    const entry = readEntry(parsed, text, pair.pair, pair.encoded, diagnostics);
    if (entry) entries.push(entry);
  }
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const merged: Obj = {};
  for (const entry of entries) if (isObject(entry.value)) mergeDataValues(merged, entry.value);
  return {
    secret: {
      file,
      name,
      namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
      entries,
      keys: pairs.map((k) => String((k.pair.key as Scalar).value)).sort(),
      merged,
    },
    diagnostics,
  };
}

/**
 * The Secret's keys as the API server stores them: `stringData` is merged over `data`, so a key in
 * both is the stringData one (the data value is dropped unread).
 */
function secretKeys(
  parsed: ParsedYaml,
  doc: Document.Parsed,
  diagnostics: Diagnostic[],
): { pair: Pair<Node, Node>; encoded: boolean }[] {
  const byKey = new Map<string, { pair: Pair<Node, Node>; encoded: boolean }>();
  for (const [field, encoded] of [
    ['data', true],
    ['stringData', false],
  ] as const) {
    const map = doc.getIn([field], true) as Node | undefined;
    if (map === undefined || map === null) continue;
    if (!isMap(map)) {
      diagnostics.push(
        error(
          'values.secret-data',
          `${field} must be a mapping of keys to values files`,
          parsed.file,
          positionAt(parsed, doc, [field]),
          `.${field}`,
        ),
      );
      continue;
    }
    for (const pair of map.items as Pair<Node, Node>[]) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (!encoded && byKey.has(key)) {
        diagnostics.push(
          warning(
            'values.data-overridden',
            `key "${key}" is in both data and stringData; the API server keeps the stringData one, so the data one is ignored`,
            parsed.file,
            parsed.position(byKey.get(key)!.pair.key.range?.[0] ?? 0),
            `.data[${JSON.stringify(key)}]`,
          ),
        );
      }
      byKey.set(key, { pair, encoded });
    }
  }
  return [...byKey.values()];
}

/** Does the Secret hold the configured values key (the one install writes)? */
export function hasValuesKey(secret: ValuesSecret, valuesKey: string): boolean {
  return secret.keys.includes(valuesKey);
}

function readEntry(
  outer: ParsedYaml,
  text: string,
  pair: Pair<Node, Node>,
  encoded: boolean,
  diagnostics: Diagnostic[],
): ValuesEntry | undefined {
  const file = outer.file;
  if (!isScalar(pair.key)) return undefined;
  const key = String(pair.key.value);
  const keyPos = outer.position(pair.key.range?.[0] ?? 0);
  const node = pair.value;
  if (!isScalar(node) || (typeof node.value !== 'string' && node.value !== null)) {
    diagnostics.push(
      error(
        'values.not-a-string',
        `key "${key}" must hold the values YAML as a string (use a block scalar: "${key}: |")`,
        file,
        keyPos,
      ),
    );
    return undefined;
  }
  let source = typeof node.value === 'string' ? node.value : '';
  if (encoded) source = Buffer.from(source, 'base64').toString('utf8');
  const origin = encoded ? { lineOffset: keyPos.line - 1, columnOffset: 0 } : scalarOrigin(text, node);
  const parsed = parseYaml(file, source, DEFAULT_LIMITS, origin);
  if (encoded) parsed.position = () => keyPos; // base64 has no line structure to point into
  const problems = parsed.diagnostics.map((d) => ({
    ...d,
    message: `${d.message} (in values key "${key}")`,
  }));
  if (problems.length > 0) {
    // kapp-controller hands every key to ytt as a data-values file: each one must parse.
    diagnostics.push(...problems);
    return undefined;
  }
  const docs = parsed.documents.map((d) => d.value);
  const value = docs.reduce<unknown>(
    (acc, v) => (isObject(acc) && isObject(v) ? mergeDataValues(acc, v) : (v ?? acc)),
    undefined,
  );
  if (value !== undefined && !isObject(value)) {
    diagnostics.push(
      error(
        'values.not-a-map',
        `values key "${key}" must hold a YAML mapping of values`,
        file,
        parsed.position(0),
      ),
    );
    return undefined;
  }
  return { key, parsed, value: value ?? {} };
}

/**
 * Where a scalar's content starts in the file. A block scalar's text begins on the line after its
 * header (`|`, `|-`, `|2`), with the block's indentation removed from every line.
 */
function scalarOrigin(text: string, node: Scalar): { lineOffset: number; columnOffset: number } {
  const start = node.range?.[0] ?? 0;
  const headerLine = lineOf(text, start);
  if (node.type !== Scalar.BLOCK_LITERAL && node.type !== Scalar.BLOCK_FOLDED) {
    const column = start - text.lastIndexOf('\n', start - 1);
    const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE ? 1 : 0;
    return { lineOffset: headerLine - 1, columnOffset: column - 1 + quoted };
  }
  const header = text.slice(
    start,
    text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start),
  );
  const explicit = /[1-9]/.exec(header);
  let indent = 0;
  if (explicit) {
    indent = lineIndent(text, start) + Number(explicit[0]);
  } else {
    const rest = text.slice(text.indexOf('\n', start) + 1).split('\n');
    const firstContent = rest.find((l) => l.trim() !== '');
    indent = firstContent ? firstContent.length - firstContent.trimStart().length : 0;
  }
  return { lineOffset: headerLine, columnOffset: indent };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function lineIndent(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(lineStart);
  return line.length - line.trimStart().length;
}

/**
 * ytt data-values merge: maps merge key by key, everything else (arrays included) is replaced. Keys
 * are defined, never assigned: a key named `__proto__` stays a key (assigning it would set the
 * object's prototype, and the key would vanish from what the schema check sees).
 */
export function mergeDataValues(target: Obj, source: Obj): Obj {
  for (const key of Object.keys(source)) {
    const value = source[key];
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
    const merged = isObject(current) && isObject(value) ? mergeDataValues(copyMap(current), value) : value;
    Object.defineProperty(target, key, {
      value: merged,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return target;
}

function copyMap(map: Obj): Obj {
  return mergeDataValues({}, map);
}

/** Where a values path points in params.yaml: the entry whose key last set it, else the values key itself. */
export function locateValuesPath(
  secret: ValuesSecret,
  path: readonly PathSegment[],
): { parsed: ParsedYaml; doc?: Document.Parsed } | undefined {
  for (let i = secret.entries.length - 1; i >= 0; i--) {
    const entry = secret.entries[i]!;
    for (let d = entry.parsed.documents.length - 1; d >= 0; d--) {
      const { doc } = entry.parsed.documents[d]!;
      if (path.length === 0 || doc.hasIn(path.slice(0, 1))) return { parsed: entry.parsed, doc };
    }
  }
  const last = secret.entries[secret.entries.length - 1];
  return last ? { parsed: last.parsed, doc: last.parsed.documents[0]?.doc } : undefined;
}
