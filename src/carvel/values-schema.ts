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

// Options shared by every instance. `unicodeRegExp: false` accepts patterns copied from Go/Kubernetes that the `u`
// flag rejects (e.g. `\_`). `ownProperties`: a values key named `constructor` must not find Object.prototype's.
const OPTIONS = {
  allErrors: true,
  strict: false,
  logger: false,
  unicodeRegExp: false,
  ownProperties: true,
} as const;

// One long-lived instance checks normalised schemas against JSON Schema's meta-schema and knows the formats. It never
// compiles a values schema, so it holds nothing per Package.
const ajv = new Ajv({ ...OPTIONS, verbose: true });
addFormats(ajv);

/**
 * Each values schema is compiled by an instance of its own: an Ajv instance keeps every function it compiled (and the
 * schema values they use) in its scope for as long as it lives, and each compiled function keeps its instance alive,
 * so a shared instance would grow with every Package of the run. A fresh instance costs well under a millisecond, and
 * lives as long as something compiled by it is in use (a cached part: see compileByParts). What makes compiling cheap:
 * - `code.optimize: false`: ajv's optimisation passes over the generated code cost more than they save when every
 *   function runs a handful of times (one per environment);
 * - `verbose: false`: errors carry neither the schema nor the data; toProblems() finds both from the error's paths;
 * - `validateSchema: false`, `meta: false`: compileValuesSchema() has already checked the schema against the
 *   meta-schema (with the instance above), so ajv's own check in compile() would be the same check twice;
 * - `code.process`: see compileEagerly().
 */
function compiler(): Ajv {
  const instance = new Ajv({
    ...OPTIONS,
    verbose: false,
    validateSchema: false,
    meta: false,
    addUsedSchema: false,
    code: { optimize: false, process: compileEagerly },
  });
  addFormats(instance);
  return instance;
}

/**
 * ajv's code is `<constants>return function validateN(…){…}`. V8 pre-parses a function body and compiles it fully on
 * the first call, so every body is parsed twice; written in parentheses, V8 compiles it at once, parsing it once.
 * The same function either way (left as it is if ajv ever writes it differently).
 */
function compileEagerly(source: string): string {
  const start = 'return function ';
  const at = source.indexOf(start);
  return at === -1 ? source : `${source.slice(0, at)}return (function ${source.slice(at + start.length)})`;
}

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
// Copied as written. Everything not handled in normalise() (title, description, example(s), x-*, deprecated,
// $id, discriminator…) is documentation and dropped; dropping $id also keeps ajv from registering schemas by id.
const PLAIN_KEYWORDS = ['multipleOf', 'maximum', 'minimum', 'maxLength', 'minLength', 'maxItems', 'minItems'];
PLAIN_KEYWORDS.push('uniqueItems', 'maxProperties', 'minProperties', 'required', 'const');

class SchemaError extends Error {
  at: PathSegment[] = [];
}
function fail(at: PathSegment[], message: string): never {
  throw Object.assign(new SchemaError(message), { at });
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Define, never assign: `o["__proto__"] = v` would set o's prototype, and the key would be gone. */
const put = (o: Obj, key: string, value: unknown) =>
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

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
      put(p, k, normalise(child, [...vp, k], [...sp, 'properties', k], notes));
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

const SIMPLE_TYPES = new Set(['array', 'boolean', 'integer', 'null', 'number', 'object', 'string']);
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const isPlainMap = (v: unknown): v is Obj => isObj(v) && Object.getPrototypeOf(v) === Object.prototype;
/** Distinct by ===, with nothing that deep equality could see otherwise (objects, NaN, ±0 are left to ajv). */
function plainlyDistinct(items: readonly unknown[], scalar: (v: unknown) => boolean): boolean {
  if (!items.every((v) => scalar(v) && v !== 0 && !Number.isNaN(v))) return false;
  return new Set(items).size === items.length;
}
const isScalarValue = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const isNumber = (v: unknown) => Number.isFinite(v);
/** Per keyword a normalised schema can hold: when its value is plainly what draft-07's meta-schema accepts. */
const PLAIN: Record<string, (v: unknown) => boolean> = {
  default: () => true,
  const: () => true,
  multipleOf: (v) => isNumber(v) && (v as number) > 0,
  maximum: isNumber,
  minimum: isNumber,
  exclusiveMaximum: isNumber,
  exclusiveMinimum: isNumber,
  maxLength: isCount,
  minLength: isCount,
  maxItems: isCount,
  minItems: isCount,
  maxProperties: isCount,
  minProperties: isCount,
  uniqueItems: (v) => typeof v === 'boolean',
  format: (v) => typeof v === 'string',
  required: (v) => Array.isArray(v) && plainlyDistinct(v, (s) => typeof s === 'string'),
  enum: (v) => Array.isArray(v) && v.length > 0 && plainlyDistinct(v, isScalarValue),
  type: (v) =>
    typeof v === 'string'
      ? SIMPLE_TYPES.has(v)
      : Array.isArray(v) && v.length > 0 && plainlyDistinct(v, (t) => SIMPLE_TYPES.has(t as string)),
  properties: (v) => isPlainMap(v) && Object.values(v).every(plainlyValid),
  additionalProperties: (v) => typeof v === 'boolean' || plainlyValid(v),
  items: (v) => (Array.isArray(v) ? v.length > 0 && v.every(plainlyValid) : plainlyValid(v)),
  not: (v) => plainlyValid(v),
  allOf: (v) => Array.isArray(v) && v.length > 0 && v.every(plainlyValid),
  anyOf: (v) => Array.isArray(v) && v.length > 0 && v.every(plainlyValid),
  oneOf: (v) => Array.isArray(v) && v.length > 0 && v.every(plainlyValid),
};

/**
 * True only when ajv's meta-schema check would surely pass: every keyword is one normalise() writes, with a plainly
 * valid value. False means "ask ajv" (a pattern, for one, is always left to ajv's regex check).
 */
function plainlyValid(schema: unknown): boolean {
  if (!isPlainMap(schema)) return false;
  for (const key in schema) {
    const check = Object.hasOwn(PLAIN, key) ? PLAIN[key] : undefined;
    if (!check?.(schema[key])) return false;
  }
  return true;
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
  // keeps the original's shape, so ajv's path into it names the same place in the original. Most schemas are
  // plainly valid, and saying so is much cheaper than asking ajv; anything less plain gets ajv's verdict.
  if (!plainlyValid(normalized) && !ajv.validateSchema(normalized)) {
    const e = ajv.errors?.[0];
    const at = e ? e.instancePath.split('/').slice(1).map(unescapeToken) : [];
    return {
      ok: false,
      error: `invalid valuesSchema at ${schemaPathText(at)}: ${e?.message ?? 'rejected'}`,
      notes,
    };
  }
  let check: Check;
  try {
    check = compileByParts(normalized);
  } catch {
    // Whatever compiling in parts tripped on, compiling the schema whole says it as ajv would.
    try {
      check = errorsOf(compiler().compile(normalized));
    } catch (err) {
      return { ok: false, error: `valuesSchema cannot be compiled: ${(err as Error).message}`, notes };
    }
  }
  const validate = (values: unknown): ValuesProblem[] => {
    const v = values ?? {}; // an empty values file means no values, as for ytt
    const errors = check(v);
    return errors.length === 0 ? [] : toProblems(errors, v, normalized);
  };
  return { ok: true, schema: { validate }, notes, normalized };
}

// ---- compiling in parts ----

/** ajv's errors for a value; none when it is valid. */
type Check = (data: unknown) => ErrorObject[];
const errorsOf =
  (fn: ValidateFunction): Check =>
  (data) =>
    fn(data) ? [] : (fn.errors ?? []);

/**
 * Compiled top-level properties by content, least recently used first. Successive versions of a Package mostly add
 * or change a few keys and keep the rest as it was: each distinct part is compiled once while it is in use.
 */
export const COMPILED_PARTS_KEPT = 256;
const compiledParts = new Map<string, Check>();

/** Holds no rule: valid whatever the value (ytt's any=True normalises to `{default: …}`). */
const alwaysValid = (schema: Obj) => Object.keys(schema).every((k) => k === 'default');
const isAjvObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The schema compiled as two kinds of function, giving ajv's errors in ajv's order: one for the root with every
 * property's schema replaced by `{}` (which ajv compiles to nothing), and one per property, shared by content.
 * ajv checks a property's schema only when the value is an object holding the key (own, not undefined), after
 * every keyword of the root itself (a normalised schema has no patternProperties or dependencies, which would come
 * later); its errors are the property function's, with the property's place put in front of their paths.
 */
function compileByParts(schema: Obj): Check {
  let instance: Ajv | undefined;
  const compile = (s: Obj) => {
    instance ??= compiler();
    return errorsOf(instance.compile(s));
  };
  const props = schema.properties;
  if (!isPlainMap(props)) return compile(schema);
  const keys = Object.keys(props);
  const split = keys.filter((k) => !alwaysValid(props[k] as Obj));
  if (split.length === 0) return compile(schema);
  const root = compile({ ...schema, properties: Object.fromEntries(keys.map((k) => [k, {}])) });
  const parts = split.map((key) => {
    const part = props[key] as Obj;
    const content = contentKey(part);
    let check = content === undefined ? undefined : compiledParts.get(content);
    if (check)
      compiledParts.delete(content!); // re-inserted below as the most recently used
    else check = compile(part);
    if (content !== undefined) {
      compiledParts.set(content, check);
      if (compiledParts.size > COMPILED_PARTS_KEPT)
        compiledParts.delete(compiledParts.keys().next().value as string);
    }
    const at = escapePointer(key);
    return { key, check, instancePath: `/${at}`, schemaPath: `#/properties/${encodeURIComponent(at)}` };
  });
  return (data) => {
    const errors = root(data);
    if (!isAjvObject(data)) return errors;
    let all = errors;
    for (const part of parts) {
      const value = data[part.key];
      if (value === undefined || !Object.hasOwn(data, part.key)) continue;
      const found = part.check(value);
      if (found.length === 0) continue;
      if (all === errors) all = [...errors];
      for (const e of found) {
        e.instancePath = part.instancePath + e.instancePath;
        e.schemaPath = part.schemaPath + e.schemaPath.slice(1);
        all.push(e);
      }
    }
    return all;
  };
}

/**
 * A key for a part that identical parts share and no different one does: JSON, with the numbers JSON cannot write
 * (NaN, ±Infinity, -0) told apart. Undefined (no sharing) when an object has another prototype than Object's,
 * which JSON cannot show (a `__proto__` key in a schema's properties).
 */
function contentKey(schema: Obj): string | undefined {
  let plain = true;
  const json = JSON.stringify(schema, (_, v: unknown) => {
    if (typeof v === 'number')
      return Number.isFinite(v) && !Object.is(v, -0) ? v : `\u0000${Object.is(v, -0) ? '-0' : v}`;
    if (typeof v === 'string') return v.startsWith('\u0000') ? `\u0000${v}` : v;
    if (isAjvObject(v) && Object.getPrototypeOf(v) !== Object.prototype) plain = false;
    return v;
  });
  return plain ? json : undefined;
}

// ---- problems ----

/**
 * What ajv's `verbose` option would have put on an error (the data it is about, the keyword's schema and the schema
 * holding the keyword), found by following its paths: compiling verbose code for every schema costs more than
 * looking these up for the few errors of invalid values.
 */
function addVerbose(e: ErrorObject, root: unknown, schema: Obj): void {
  let data = root;
  if (e.instancePath !== '')
    for (const raw of e.instancePath.slice(1).split('/')) {
      const seg = Array.isArray(data) ? Number(raw) : unescapeToken(raw);
      data =
        data !== null && typeof data === 'object' ? (data as Record<PathSegment, unknown>)[seg] : undefined;
    }
  // schemaPath is a URI fragment (`#/properties/a%20b/type`): each segment is URI-encoded after JSON-pointer escaping.
  let parent: unknown;
  let node: unknown = schema;
  for (const raw of e.schemaPath.split('/').slice(1)) {
    parent = node;
    node =
      isObj(node) || Array.isArray(node) ? (node as Obj)[unescapeToken(decodeURIComponent(raw))] : undefined;
  }
  e.data = data;
  e.schema = node;
  e.parentSchema = isObj(parent) ? parent : undefined;
}

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
    // The path already names the key: say what is wrong with it, once.
    return `is not a key of the Package's valuesSchema${hint ? ` (did you mean "${hint}"?)` : ''}`;
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
function toProblems(errors: ErrorObject[], root: unknown, schema: Obj): ValuesProblem[] {
  for (const e of errors) addVerbose(e, root, schema);
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
    if (d !== undefined) put(out, k, d);
  }
  return own !== undefined || Object.keys(out).length > 0 ? out : undefined;
}

/** A values document made of the schema's defaults; `{}` when there are none (or the root default is null). */
export function defaultValues(openAPIv3: unknown): unknown {
  return defaultsOf(openAPIv3) ?? {};
}
