/**
 * OpenAPI 3.0 schema → JSON Schema (draft-07) for ajv, with a note whenever a quirk had to be assumed away. A schema
 * that cannot be read fails with the place in the original schema (`openAPIv3.properties.a.type`).
 */
import { ajv } from './ajv.js';
import { accepts, coerceDefault, isObj, put, typeOf, typesOf } from './json.js';
import type { Obj, PathSegment, SchemaNote } from './types.js';

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

/** A schema path as the user wrote it: `openAPIv3.properties.a["b c"].items[0]`. */
export function schemaPathText(at: PathSegment[]): string {
  const seg = (s: PathSegment) =>
    typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$-]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
  return `openAPIv3${at.map(seg).join('')}`;
}

/** The whole valuesSchema normalised, or why it cannot be; notes are pushed onto `notes` either way. */
export function normaliseValuesSchema(
  openAPIv3: unknown,
  notes: SchemaNote[],
): { normalized: Obj; error?: never } | { error: string } {
  try {
    if (openAPIv3 === null || openAPIv3 === undefined) {
      notes.push({ path: [], message: 'valuesSchema has no openAPIv3 schema: any values are accepted' });
      return { normalized: {} };
    }
    return { normalized: normalise(openAPIv3, [], [], notes) };
  } catch (err) {
    if (!(err instanceof SchemaError)) throw err;
    return { error: `invalid valuesSchema at ${schemaPathText(err.at)}: ${err.message}` };
  }
}

/** Where a node is. vp: values path (for notes); sp: schema path (errors). */
interface Place {
  vp: PathSegment[];
  sp: PathSegment[];
  notes: SchemaNote[];
}
/** What a node accepts as far as JSON types go; the default may widen it. `undefined` types: any type. */
interface Shape {
  types: string[] | undefined;
  nullable: boolean;
}

/** OpenAPI 3.0 schema → JSON Schema (draft-07) for ajv. vp: values path (for notes); sp: schema path (errors). */
function normalise(node: unknown, vp: PathSegment[], sp: PathSegment[], notes: SchemaNote[]): Obj {
  if (!isObj(node)) return fail(sp, `must be a schema object, not ${typeOf(node)}`);
  const place: Place = { vp, sp, notes };
  const out: Obj = {};
  const shape = readShape(node, place);
  for (const k of PLAIN_KEYWORDS) if (node[k] !== undefined) out[k] = node[k];
  copyDefault(node, out, shape, place);
  // `{default: null, nullable: true}` with no type: ytt's `any=True` when nested (normal, so quiet), kctrl's
  // "no schema" at the root (worth saying: nothing is checked).
  if (shape.types === undefined && shape.nullable && vp.length === 0) {
    const message =
      'valuesSchema is {nullable: true} with no type (kctrl\'s "no schema"): any values are accepted';
    notes.push({ path: vp, message });
  }
  copyEnumAndType(node, out, shape, sp);
  copyExclusiveLimits(node, out);
  copyPattern(node, out, sp);
  // ajv-formats knows OpenAPI's own (float, int32…); anything else (`cidr`, `int-or-string`) only documents.
  if (typeof node.format === 'string' && Object.hasOwn(ajv.formats, node.format)) out.format = node.format;
  normaliseChildren(node, out, place);
  normaliseCompounds(node, out, place);
  return out;
}

function readShape(node: Obj, { vp, sp, notes }: Place): Shape {
  let types = readTypes(node, vp, sp, notes);
  const { properties: props, additionalProperties: ap, items } = node;
  if (props !== undefined && !isObj(props))
    fail([...sp, 'properties'], 'properties must be a map of key → schema');
  // properties/items without a type mean an object/list (JSON Schema alone would let a string through). Quiet:
  // hand-written schemas routinely omit the root type.
  if (types === undefined && (props !== undefined || ap !== undefined)) types = ['object'];
  if (types === undefined && items !== undefined) types = ['array'];
  return { types, nullable: node.nullable === true };
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

// A default of the wrong *type* is sloppy typing (kapp-controller never checks): accept what it shows. A default
// that fails a value rule (kadras `domain_name: {default: "", minLength: 4}`) is ytt's way of saying "you must
// set this", so enum/minLength/minimum stay as written.
function copyDefault(node: Obj, out: Obj, shape: Shape, { vp, notes }: Place): void {
  if (!('default' in node)) return;
  const note = (message: string) => notes.push({ path: vp, message });
  const d = coerceDefault(node.default, node.type);
  out.default = d;
  const { types } = shape;
  if (d === null && types?.length && !types.includes('null') && !shape.nullable) {
    // grafana, harbor, fluent-bit: `default: null` on a string/integer means "not set", as in ytt and Helm.
    shape.nullable = true;
    note('default is null but the key is not nullable; null is accepted (it means "not set")');
  } else if (d !== null && types?.length && !accepts(types, typeOf(d))) {
    // grafana `grafana_ini: {type: object, default: "See default values file"}`: the real values are strings.
    const t = typeOf(d) === 'integer' ? 'number' : typeOf(d);
    note(`default is of type ${t} but the type is ${types.join(' or ')}; ${t} is accepted too`);
    shape.types = [...types, t];
  }
}

function copyEnumAndType(node: Obj, out: Obj, { types, nullable }: Shape, sp: PathSegment[]): void {
  if (node.enum !== undefined) {
    if (!Array.isArray(node.enum)) fail([...sp, 'enum'], 'enum must be a list');
    // OpenAPI 3.0: nullable lets null past an enum too.
    out.enum = nullable && !node.enum.includes(null) ? [...node.enum, null] : node.enum;
  }
  if (types?.length) {
    const t = nullable && !types.includes('null') ? [...types, 'null'] : types;
    out.type = t.length === 1 ? t[0] : t;
  }
}

// OpenAPI 3.0's exclusiveMinimum/Maximum are booleans qualifying minimum/maximum; draft-07 wants the number.
function copyExclusiveLimits(node: Obj, out: Obj): void {
  for (const ex of ['exclusiveMinimum', 'exclusiveMaximum'] as const) {
    const lim = ex === 'exclusiveMinimum' ? 'minimum' : 'maximum';
    if (node[ex] === true && typeof node[lim] === 'number') {
      out[ex] = node[lim];
      delete out[lim];
    } else if (typeof node[ex] === 'number') out[ex] = node[ex];
  }
}

function copyPattern(node: Obj, out: Obj, sp: PathSegment[]): void {
  if (node.pattern === undefined) return;
  if (typeof node.pattern !== 'string') fail([...sp, 'pattern'], 'pattern must be a string');
  try {
    new RegExp(node.pattern);
  } catch (err) {
    fail([...sp, 'pattern'], `pattern is not a valid regular expression (${(err as Error).message})`);
  }
  out.pattern = node.pattern;
}

/** properties, additionalProperties, items and not, each normalised in turn. */
function normaliseChildren(node: Obj, out: Obj, { vp, sp, notes }: Place): void {
  const { properties: props, additionalProperties: ap, items } = node;
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
}

function normaliseCompounds(node: Obj, out: Obj, { vp, sp, notes }: Place): void {
  for (const kw of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = node[kw];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0)
      fail([...sp, kw], `${kw} must be a non-empty list of schemas`);
    const branches = list.map((b, i) => normalise(b, vp, [...sp, kw, i], notes));
    if (kw === 'oneOf' && branchesOverlap(branches)) {
      // kctrl's Helm-derived schemas (crossplane) offer nullable integer *and* number: a strict oneOf would
      // reject 3 (integer and number) and null (every branch).
      notes.push({ path: vp, message: 'oneOf branches overlap (a value can match several); read as anyOf' });
      out.anyOf = [...((out.anyOf as unknown[]) ?? []), ...branches];
    } else out[kw] = branches;
  }
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
