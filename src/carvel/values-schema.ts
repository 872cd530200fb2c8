/**
 * Validate Package values against `spec.valuesSchema.openAPIv3`.
 *
 * kapp-controller never reads valuesSchema, so real schemas are sloppy OpenAPI 3.0 (ytt, kctrl's Helm
 * generator, hand-written community schemas). We normalise them into JSON Schema for ajv and add a note
 * whenever we had to assume something. Problems never quote the offending value, because values often hold
 * secrets. Things that come from the schema (enum members, limits, patterns, key names) may be quoted.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import * as formatsModule from 'ajv-formats';

export type PathSegment = string | number;
/** A schema quirk, reported as a warning, saying what was assumed. '*' in a path: any list item or map key. */
export interface SchemaNote {
  path: PathSegment[];
  message: string;
}
/** A values error; `path` goes from the values root. */
export interface ValuesProblem {
  path: PathSegment[];
  keyword: string;
  message: string;
}
export interface CompiledValuesSchema {
  validate(values: unknown): ValuesProblem[];
}
export type CompileResult =
  | { ok: true; schema: CompiledValuesSchema; notes: SchemaNote[]; normalized: object }
  | { ok: false; error: string; notes: SchemaNote[] };

type Obj = Record<string, unknown>;

// ajv-formats is CommonJS: Node's ESM import exposes module.exports as the namespace's default, bundlers may not.
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ??
  formatsModule) as FormatsPlugin;

// One instance for the module (each compiled function is standalone; see removeSchema below). `verbose` puts the
// schema and data on each error: we read the data's *type* only. `unicodeRegExp: false` accepts patterns copied
// from Go/Kubernetes that the `u` flag rejects (e.g. `\_`). `ownProperties`: a values key named `constructor`
// must not find Object.prototype's.
const ajv = new Ajv({
  allErrors: true,
  strict: false,
  verbose: true,
  logger: false,
  unicodeRegExp: false,
  ownProperties: true,
});
addFormats(ajv);

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
// Copied as written. Everything not handled in normalise() (title, description, example(s), x-*, deprecated,
// $id, discriminator…) is documentation and dropped; dropping $id also keeps the shared ajv instance clean.
const PLAIN_KEYWORDS = ['multipleOf', 'maximum', 'minimum', 'maxLength', 'minLength', 'maxItems', 'minItems'];
PLAIN_KEYWORDS.push('uniqueItems', 'maxProperties', 'minProperties', 'required', 'const');

class SchemaError extends Error {
  at: PathSegment[] = [];
}
function fail(at: PathSegment[], message: string): never {
  throw Object.assign(new SchemaError(message), { at });
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON type of a value as ajv names it ('integer' for whole numbers). Never the value itself. */
function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}
const accepts = (types: readonly string[], t: string) =>
  types.includes(t) || (t === 'integer' && types.includes('number'));
const typesOf = (s: Obj): string[] | undefined =>
  s.type === undefined ? undefined : Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];

/** kctrl's Helm generator writes `default: "{}"`/`"[]"` (strings) for empty maps/lists and `"null"` for null. */
function coerceDefault(d: unknown, type: unknown): unknown {
  if (type === 'object' && d === '{}') return {};
  if (type === 'array' && d === '[]') return [];
  return type === 'null' && d === 'null' ? null : d;
}

function schemaPathText(at: PathSegment[]): string {
  const seg = (s: PathSegment) =>
    typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$-]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
  return `openAPIv3${at.map(seg).join('')}`;
}

function readTypes(node: Obj, vp: PathSegment[], sp: PathSegment[], notes: SchemaNote[]) {
  const raw = node.type;
  if (raw === undefined) return undefined;
  const list: unknown[] = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : [raw];
  if (list.some((t) => typeof t !== 'string'))
    fail([...sp, 'type'], `type must be a type name, not ${typeOf(raw)}`);
  if (raw === 'null') {
    // kctrl's Helm generator writes it for a chart value that is null: the real type is unknown, and a
    // null-only key would reject every value a user sets.
    const message =
      'type "null" (kctrl writes it for Helm values that default to null): any value is accepted';
    notes.push({ path: vp, message });
    return [];
  }
  return (list as string[]).map((t) => {
    const alias = t === 'bool' ? 'boolean' : t === 'int' ? 'integer' : undefined;
    if (alias) notes.push({ path: vp, message: `type "${t}" is not an OpenAPI type; read as "${alias}"` });
    else if (!JSON_TYPES.has(t)) fail([...sp, 'type'], `unknown type "${t}"`);
    return alias ?? t;
  });
}

/** OpenAPI 3.0 schema → JSON Schema (draft-07) for ajv. vp: values path (for notes); sp: schema path (errors). */
function normalise(node: unknown, vp: PathSegment[], sp: PathSegment[], notes: SchemaNote[]): Obj {
  if (!isObj(node)) return fail(sp, `must be a schema object, not ${typeOf(node)}`);
  const note = (message: string) => notes.push({ path: vp, message });
  const out: Obj = {};
  let types = readTypes(node, vp, sp, notes);
  let nullable = node.nullable === true;
  const { properties: props, additionalProperties: ap, items } = node;
  if (props !== undefined && !isObj(props))
    fail([...sp, 'properties'], 'properties must be a map of key → schema');
  // properties/items without a type mean an object/list (JSON Schema alone would let a string through). Quiet:
  // hand-written schemas routinely omit the root type.
  if (types === undefined && (props !== undefined || ap !== undefined)) types = ['object'];
  if (types === undefined && items !== undefined) types = ['array'];

  for (const k of PLAIN_KEYWORDS) if (node[k] !== undefined) out[k] = node[k];
  // A default of the wrong *type* is sloppy typing (kapp-controller never checks): accept what it shows. A default
  // that fails a value rule (kadras `domain_name: {default: "", minLength: 4}`) is ytt's way of saying "you must
  // set this", so enum/minLength/minimum stay as written.
  if ('default' in node) {
    const d = coerceDefault(node.default, node.type);
    out.default = d;
    if (d === null && types?.length && !types.includes('null') && !nullable) {
      // grafana, harbor, fluent-bit: `default: null` on a string/integer means "not set", as in ytt and Helm.
      nullable = true;
      note('default is null but the key is not nullable; null is accepted (it means "not set")');
    } else if (d !== null && types?.length && !accepts(types, typeOf(d))) {
      // grafana `grafana_ini: {type: object, default: "See default values file"}`: the real values are strings.
      const t = typeOf(d) === 'integer' ? 'number' : typeOf(d);
      note(`default is of type ${t} but the type is ${types.join(' or ')}; ${t} is accepted too`);
      types = [...types, t];
    }
  }
  // `{default: null, nullable: true}` with no type: ytt's `any=True` when nested (normal, so quiet), kctrl's
  // "no schema" at the root (worth saying: nothing is checked).
  if (types === undefined && nullable && vp.length === 0) {
    note('valuesSchema is {nullable: true} with no type (kctrl\'s "no schema"): any values are accepted');
  }
  if (node.enum !== undefined) {
    if (!Array.isArray(node.enum)) fail([...sp, 'enum'], 'enum must be a list');
    // OpenAPI 3.0: nullable lets null past an enum too.
    out.enum = nullable && !node.enum.includes(null) ? [...node.enum, null] : node.enum;
  }
  if (types?.length) {
    const t = nullable && !types.includes('null') ? [...types, 'null'] : types;
    out.type = t.length === 1 ? t[0] : t;
  }
  // OpenAPI 3.0's exclusiveMinimum/Maximum are booleans qualifying minimum/maximum; draft-07 wants the number.
  for (const ex of ['exclusiveMinimum', 'exclusiveMaximum'] as const) {
    const lim = ex === 'exclusiveMinimum' ? 'minimum' : 'maximum';
    if (node[ex] === true && typeof node[lim] === 'number') {
      out[ex] = node[lim];
      delete out[lim];
    } else if (typeof node[ex] === 'number') out[ex] = node[ex];
  }
  if (node.pattern !== undefined) {
    if (typeof node.pattern !== 'string') fail([...sp, 'pattern'], 'pattern must be a string');
    try {
      new RegExp(node.pattern);
    } catch (err) {
      fail([...sp, 'pattern'], `pattern is not a valid regular expression (${(err as Error).message})`);
    }
    out.pattern = node.pattern;
  }
  // ajv-formats knows OpenAPI's own (float, int32…); anything else (`cidr`, `int-or-string`) only documents.
  if (typeof node.format === 'string' && Object.hasOwn(ajv.formats, node.format)) out.format = node.format;

  if (isObj(props)) {
    const p: Obj = {};
    for (const [k, child] of Object.entries(props))
      p[k] = normalise(child, [...vp, k], [...sp, 'properties', k], notes);
    out.properties = p;
  }
  if (typeof ap === 'boolean') out.additionalProperties = ap;
  else if (isObj(ap))
    out.additionalProperties = normalise(ap, [...vp, '*'], [...sp, 'additionalProperties'], notes);
  else if (ap !== undefined)
    fail([...sp, 'additionalProperties'], 'additionalProperties must be a boolean or a schema');
  if (Array.isArray(items))
    out.items = items.map((it, i) => normalise(it, [...vp, i], [...sp, 'items', i], notes));
  else if (items !== undefined) out.items = normalise(items, [...vp, '*'], [...sp, 'items'], notes);
  if (node.not !== undefined) out.not = normalise(node.not, vp, [...sp, 'not'], notes);
  for (const kw of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = node[kw];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0)
      fail([...sp, kw], `${kw} must be a non-empty list of schemas`);
    const branches = list.map((b, i) => normalise(b, vp, [...sp, kw, i], notes));
    if (kw === 'oneOf' && branchesOverlap(branches)) {
      // kctrl's Helm-derived schemas (crossplane) offer nullable integer *and* number: a strict oneOf would
      // reject 3 (integer and number) and null (every branch).
      note('oneOf branches overlap (a value can match several); read as anyOf');
      out.anyOf = [...((out.anyOf as unknown[]) ?? []), ...branches];
    } else out[kw] = branches;
  }
  return out;
}

/**
 * By type only. A branch without constraints (ytt any=True, kctrl `type: "null"`) overlaps everything; otherwise an
 * untyped branch (`required: [a]`) means a deliberate "exactly one of" and the oneOf stays.
 */
function branchesOverlap(branches: Obj[]): boolean {
  if (branches.length > 1 && branches.some((b) => Object.keys(b).every((k) => k === 'default'))) return true;
  const seen = new Set<string>();
  for (const b of branches) {
    const types = typesOf(b);
    if (!types) return false;
    for (const t of types) {
      const clash = t === 'integer' ? 'number' : t === 'number' ? 'integer' : t;
      if (seen.has(t) || seen.has(clash)) return true;
    }
    for (const t of types) seen.add(t);
  }
  return false;
}

const unescapeToken = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

export function compileValuesSchema(openAPIv3: unknown): CompileResult {
  const notes: SchemaNote[] = [];
  let normalized: Obj;
  try {
    if (openAPIv3 === null || openAPIv3 === undefined) {
      notes.push({ path: [], message: 'valuesSchema has no openAPIv3 schema: any values are accepted' });
      normalized = {};
    } else normalized = normalise(openAPIv3, [], [], notes);
  } catch (err) {
    if (!(err instanceof SchemaError)) throw err;
    return { ok: false, error: `invalid valuesSchema at ${schemaPathText(err.at)}: ${err.message}`, notes };
  }
  // Backstop for what normalise() copies unchecked (`minimum: "1"`, `required: "x"`). The normalised schema
  // keeps the original's shape, so ajv's path into it names the same place in the original.
  if (!ajv.validateSchema(normalized)) {
    const e = ajv.errors?.[0];
    const at = e ? e.instancePath.split('/').slice(1).map(unescapeToken) : [];
    return {
      ok: false,
      error: `invalid valuesSchema at ${schemaPathText(at)}: ${e?.message ?? 'rejected'}`,
      notes,
    };
  }
  let fn: ValidateFunction;
  try {
    fn = ajv.compile(normalized);
  } catch (err) {
    return { ok: false, error: `valuesSchema cannot be compiled: ${(err as Error).message}`, notes };
  } finally {
    ajv.removeSchema(normalized); // keep the shared instance from holding every schema ever compiled
  }
  const validate = (values: unknown): ValuesProblem[] => {
    const v = values ?? {}; // an empty values file means no values, as for ytt
    return fn(v) ? [] : toProblems(fn.errors ?? [], v);
  };
  return { ok: true, schema: { validate }, notes, normalized };
}

// ---- problems ----

/** JSON pointer → segments; a segment is a number only where the data there is a list. */
function valuesPath(pointer: string, root: unknown): PathSegment[] {
  const out: PathSegment[] = [];
  let cur = root;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const seg = Array.isArray(cur) ? Number(raw) : unescapeToken(raw);
    out.push(seg);
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<PathSegment, unknown>)[seg] : undefined;
  }
  return out;
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const count = (n: unknown, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function describeBranch(b: Obj): string[] {
  if (Array.isArray(b.enum)) return [`one of ${b.enum.map(show).join(', ')}`];
  if ('const' in b) return [show(b.const)];
  return typesOf(b) ?? [b.properties || b.required ? 'object' : 'constrained value'];
}

/** Optimal-string-alignment distance: Levenshtein plus adjacent swaps ("hots" → "host" is one edit). */
function editDistance(a: string, b: string): number {
  let [older, prev] = [[] as number[], Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j]!, older[j - 2]! + 1);
    }
    [older, prev] = [prev, row];
  }
  return prev[b.length]!;
}

/** The closest sibling name, if it's close enough to be a typo (≤1 edit for short keys, ≤3 for long ones). */
function suggest(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(1, Math.min(3, Math.floor(key.length / 3))) + 1;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

const limit = (p: Obj, word: string) => count(p.limit, word);
const MESSAGES: Record<string, (p: Obj, e: ErrorObject) => string> = {
  type: (p, e) => `must be ${String(p.type).split(',').join(' or ')}, not ${typeOf(e.data)}`,
  enum: (p) => `must be one of: ${(p.allowedValues as unknown[]).map(show).join(', ')}`,
  const: (p) => `must be ${show(p.allowedValue)}`,
  minimum: (p) => `must be ${p.comparison} ${p.limit}`,
  multipleOf: (p) => `must be a multiple of ${p.multipleOf}`,
  minLength: (p) => (p.limit === 1 ? 'must not be empty' : `must be at least ${limit(p, 'character')}`),
  maxLength: (p) => `must be at most ${limit(p, 'character')}`,
  minItems: (p) => `must have at least ${limit(p, 'item')}`,
  maxItems: (p) => `must have at most ${limit(p, 'item')}`,
  minProperties: (p) => `must have at least ${limit(p, 'key')}`,
  maxProperties: (p) => `must have at most ${limit(p, 'key')}`,
  uniqueItems: () => 'must not contain duplicate items',
  pattern: (p) => `must match the pattern ${p.pattern}`,
  format: (p) => `must be a valid ${p.format}`,
  required: () => 'is required but missing',
  not: () => 'must not match the excluded shape',
  additionalProperties: (p, e) => {
    const hint = suggest(
      String(p.additionalProperty),
      Object.keys((e.parentSchema?.properties as Obj) ?? {}),
    );
    return `unknown key "${p.additionalProperty}" (not in the Package's valuesSchema${hint ? `; did you mean "${hint}"?` : ''})`;
  },
  anyOf: (p, e) => {
    const shapes = [...new Set((e.schema as Obj[]).flatMap(describeBranch))].join(' | ');
    return Array.isArray(p.passingSchemas)
      ? `matches more than one allowed shape (${shapes}) but must match exactly one`
      : `does not match any allowed shape: ${shapes}`;
  },
};
for (const k of ['maximum', 'exclusiveMinimum', 'exclusiveMaximum']) MESSAGES[k] = MESSAGES.minimum!;
MESSAGES.oneOf = MESSAGES.anyOf!;

/**
 * ajv reports every failing anyOf/oneOf branch, then the compound. Keep one message per compound, except when
 * exactly one branch takes the value's type: that branch's own errors say more ("must be >= 1").
 */
function toProblems(errors: ErrorObject[], root: unknown): ValuesProblem[] {
  const rules: { drop: string; keep?: string }[] = [];
  const quiet = new Set<ErrorObject>();
  for (const e of errors) {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') continue;
    const drop = `${e.schemaPath}/`;
    const t = typeOf(e.data);
    const fits = (e.schema as Obj[]).flatMap((b, i) => (accepts(typesOf(b) ?? [t], t) ? [i] : []));
    if (fits.length === 1 && !Array.isArray((e.params as Obj).passingSchemas)) {
      rules.push({ drop, keep: `${drop}${fits[0]}/` });
      quiet.add(e);
    } else rules.push({ drop });
  }
  const seen = new Set<string>();
  const problems: ValuesProblem[] = [];
  for (const e of errors) {
    const under = (prefix?: string) => prefix !== undefined && e.schemaPath.startsWith(prefix);
    if (quiet.has(e) || rules.some((r) => under(r.drop) && !under(r.keep))) continue;
    const p = e.params as Obj;
    const path = valuesPath(e.instancePath, root);
    if (e.keyword === 'additionalProperties') path.push(String(p.additionalProperty));
    else if (e.keyword === 'required') path.push(String(p.missingProperty));
    // ajv's own messages are built from the schema, never the data, so they are a safe fallback.
    const message = MESSAGES[e.keyword]?.(p, e) ?? e.message ?? `fails ${e.keyword}`;
    const key = `${JSON.stringify(path)}\0${message}`;
    if (!seen.has(key)) problems.push({ path, keyword: e.keyword, message });
    seen.add(key);
  }
  return problems;
}

// ---- defaults ----

/**
 * Like Kubernetes structural defaulting: a node's own default, then its properties' defaults fill the keys it
 * lacks. An object with no default and no defaulted descendants is left out, so its `required` does not fire
 * for a block nobody opened (harbor's optional `tlsCertificate`).
 */
function defaultsOf(node: unknown): unknown {
  if (!isObj(node)) return undefined;
  const own = 'default' in node ? structuredClone(coerceDefault(node.default, node.type)) : undefined;
  if (!isObj(node.properties) || (own !== undefined && !isObj(own))) return own;
  const out: Obj = own ?? {};
  for (const [k, child] of Object.entries(node.properties)) {
    const d = Object.hasOwn(out, k) ? undefined : defaultsOf(child);
    if (d !== undefined) out[k] = d;
  }
  return own !== undefined || Object.keys(out).length > 0 ? out : undefined;
}

/** A values document made of the schema's defaults; `{}` when there are none (or the root default is null). */
export function defaultValues(openAPIv3: unknown): unknown {
  return defaultsOf(openAPIv3) ?? {};
}
