/**
 * OpenAPI 3.0 schema → JSON Schema (draft-07) for ajv. kapp-controller stores a valuesSchema without reading it
 * (nothing in the cluster ever checks one), so whatever a schema gets wrong is a quirk, not an error: it is read the
 * most lenient way that still checks what the schema clearly says, and a note (a warning on the Package) names the
 * place in the schema. Only a schema whose root is not a schema object cannot be read at all.
 */
import { FORMAT_NAMES } from './ajv.js';
import { accepts, coerceDefault, isObj, isPlainMap, put, typeOf, typesOf } from './json.js';
import { unsupportedPattern } from './pattern.js';
import type { Obj, PathSegment, SchemaNote } from './types.js';

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
const TYPE_ALIASES: Record<string, string> = { bool: 'boolean', int: 'integer' };
// Copied when plainly valid (each has a check below). Everything not handled in normalise() (title, description,
// example(s), x-*, deprecated, $id, discriminator…) is documentation and dropped quietly: it changes nothing a value
// may be. Dropping $id also keeps ajv from registering schemas by id.
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const isFiniteNumber = (v: unknown) => Number.isFinite(v);
const PLAIN_KEYWORDS: Record<string, { valid: (v: unknown) => boolean; wants: string }> = {
  multipleOf: { valid: (v) => isFiniteNumber(v) && (v as number) > 0, wants: 'a number above 0' },
  maximum: { valid: isFiniteNumber, wants: 'a number' },
  minimum: { valid: isFiniteNumber, wants: 'a number' },
  uniqueItems: { valid: (v) => typeof v === 'boolean', wants: 'true or false' },
  const: { valid: () => true, wants: 'a value' },
};
for (const k of ['maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties'])
  PLAIN_KEYWORDS[k] = { valid: isCount, wants: 'a whole number of at least 0' };

class SchemaError extends Error {}

/** A schema path as the user wrote it: `openAPIv3.properties.a["b c"].items[0]`. */
export function schemaPathText(at: PathSegment[]): string {
  const seg = (s: PathSegment) =>
    typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$-]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
  return `openAPIv3${at.map(seg).join('')}`;
}

/** The whole valuesSchema normalised, or why it cannot be read at all; notes are pushed onto `notes` either way. */
export function normaliseValuesSchema(
  openAPIv3: unknown,
  notes: SchemaNote[],
): { normalized: Obj; error?: never } | { error: string } {
  try {
    if (openAPIv3 === null || openAPIv3 === undefined) {
      notes.push({ path: [], message: 'valuesSchema has no openAPIv3 schema: any values are accepted' });
      return { normalized: {} };
    }
    if (!isObj(openAPIv3))
      throw new SchemaError(
        `invalid valuesSchema at openAPIv3: must be a schema object, not ${typeOf(openAPIv3)}`,
      );
    return { normalized: normalise(openAPIv3, { vp: [], sp: [], notes }) };
  } catch (err) {
    if (!(err instanceof SchemaError)) throw err;
    return { error: err.message };
  }
}

/** Where a node is. vp: values path; sp: schema path. */
interface Place {
  vp: PathSegment[];
  sp: PathSegment[];
  notes: SchemaNote[];
}
/** A quirk at `place` (or at its keyword `key`): what was assumed, for a warning naming the schema path. */
function note(place: Place, key: PathSegment | undefined, message: string): void {
  const at = schemaPathText(key === undefined ? place.sp : [...place.sp, key]);
  place.notes.push({ path: place.vp, at, message });
}
const child = (place: Place, vp: PathSegment[], sp: PathSegment[]): Place => ({
  vp: [...place.vp, ...vp],
  sp: [...place.sp, ...sp],
  notes: place.notes,
});

/** What a node accepts as far as JSON types go; the default may widen it. `undefined` types: any type. */
interface Shape {
  types: string[] | undefined;
  nullable: boolean;
}

/** A child schema: a schema object, or (noted) no constraint at all: `a:` with nothing under it is YAML's null. */
function normalise(node: unknown, place: Place): Obj {
  if (!isObj(node)) {
    const what = node === null ? 'empty (null)' : `${typeOf(node)}`;
    note(place, undefined, `is ${what}, not a schema object: any value is accepted there`);
    return {};
  }
  const out: Obj = {};
  const shape = readShape(node, place);
  copyPlainKeywords(node, out, place);
  copyRequired(node, out, place);
  copyDefault(node, out, shape, place);
  // `{default: null, nullable: true}` with no type: ytt's `any=True` when nested (normal, so quiet), kctrl's
  // "no schema" at the root (worth saying: nothing is checked).
  if (shape.types === undefined && shape.nullable && place.vp.length === 0) {
    const message =
      'valuesSchema is {nullable: true} with no type (kctrl\'s "no schema"): any values are accepted';
    place.notes.push({ path: place.vp, message });
  }
  copyEnumAndType(node, out, shape, place);
  copyExclusiveLimits(node, out);
  copyPattern(node, out, place);
  copyFormat(node, out, place);
  if (node.$ref !== undefined) note(place, '$ref', '$ref is not followed: what it points to is not checked');
  normaliseChildren(node, out, place);
  normalisePatternProperties(node, out, place);
  normaliseCompounds(node, out, place);
  return out;
}

function readShape(node: Obj, place: Place): Shape {
  let types = readTypes(node, place);
  const { properties: props, additionalProperties: ap, items } = node;
  // properties/items without a type mean an object/list (JSON Schema alone would let a string through). Quiet:
  // hand-written schemas routinely omit the root type.
  if (types === undefined && (isObj(props) || isObj(ap) || typeof ap === 'boolean')) types = ['object'];
  if (types === undefined && (isObj(items) || Array.isArray(items))) types = ['array'];
  return { types, nullable: readNullable(node, place) };
}

function readNullable(node: Obj, place: Place): boolean {
  const raw = node.nullable;
  if (raw === undefined || typeof raw === 'boolean') return raw === true;
  const read = raw === 'true';
  note(place, 'nullable', `nullable is ${typeOf(raw)}, not true or false: read as ${read}`);
  return read;
}

function readTypes(node: Obj, place: Place): string[] | undefined {
  const raw = node.type;
  if (raw === undefined) return undefined;
  if (raw === null || raw === '') {
    // Schemas generated from Helm values write it for a value whose type the generator could not tell.
    note(
      place,
      'type',
      `type ${raw === null ? 'is empty (null)' : '""'} names no type: any type is accepted`,
    );
    return undefined;
  }
  if (raw === 'null') {
    // kctrl's Helm generator writes it for a chart value that is null: the real type is unknown, and a
    // null-only key would reject every value a user sets.
    const message =
      'type "null" (kctrl writes it for Helm values that default to null): any value is accepted';
    note(place, 'type', message);
    return [];
  }
  const list: unknown[] = Array.isArray(raw) ? raw : [raw];
  const types: string[] = [];
  for (const t of list) {
    const alias = typeof t === 'string' && Object.hasOwn(TYPE_ALIASES, t) ? TYPE_ALIASES[t] : undefined;
    if (alias) note(place, 'type', `type "${t}" is not an OpenAPI type; read as "${alias}"`);
    else if (typeof t !== 'string' || !JSON_TYPES.has(t)) {
      const what = typeof t === 'string' ? `"${t}"` : schemaValue(t);
      note(place, 'type', `type ${what} is not a type name: ignored`);
      continue;
    }
    const name = alias ?? (t as string);
    if (!types.includes(name)) types.push(name);
  }
  return types.length > 0 ? types : undefined;
}

/** A schema's own value, for a note (schemas are public; values never appear in one). */
const schemaValue = (v: unknown) => {
  const text = JSON.stringify(v) ?? typeOf(v);
  return text.length > 40 ? typeOf(v) : text;
};

/** Limits and flags, copied when they are what JSON Schema wants; a number written as a string is read as one. */
function copyPlainKeywords(node: Obj, out: Obj, place: Place): void {
  for (const [k, { valid, wants }] of Object.entries(PLAIN_KEYWORDS)) {
    const v = node[k];
    if (v === undefined) continue;
    const asNumber = typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined;
    if (valid(v)) out[k] = v;
    else if (asNumber !== undefined && valid(asNumber)) {
      note(place, k, `${k} is the string "${v}"; read as the number ${asNumber}`);
      out[k] = asNumber;
    } else note(place, k, `${k} must be ${wants}, not ${schemaValue(v)}: not checked`);
  }
}

function copyRequired(node: Obj, out: Obj, place: Place): void {
  const r = node.required;
  if (r === undefined || (Array.isArray(r) && r.length === 0)) return;
  if (typeof r === 'boolean') {
    // Swagger 2.0 / hand-written habit: a key's own flag. JSON Schema lists required keys on the object above.
    note(place, 'required', `required: ${r} on a key is OpenAPI 2 style: not enforced`);
  } else if (!Array.isArray(r) || r.some((k) => typeof k !== 'string')) {
    const kind = Array.isArray(r) ? 'a list holding other things' : typeOf(r);
    note(place, 'required', `required must be a list of key names, not ${kind}: not enforced`);
  } else out.required = [...new Set(r)]; // a name listed twice is still one required key
}

// A default of the wrong *type* is sloppy typing (kapp-controller never checks): accept what it shows. A default
// that fails a value rule (kadras `domain_name: {default: "", minLength: 4}`) is ytt's way of saying "you must
// set this", so enum/minLength/minimum stay as written.
function copyDefault(node: Obj, out: Obj, shape: Shape, place: Place): void {
  if (!('default' in node)) return;
  const d = coerceDefault(node.default, node.type);
  out.default = d;
  const { types } = shape;
  if (d === null && types?.length && !types.includes('null') && !shape.nullable) {
    // grafana, harbor, fluent-bit: `default: null` on a string/integer means "not set", as in ytt and Helm.
    shape.nullable = true;
    note(
      place,
      'default',
      'default is null but the key is not nullable; null is accepted (it means "not set")',
    );
  } else if (d !== null && types?.length && !accepts(types, typeOf(d))) {
    // grafana `grafana_ini: {type: object, default: "See default values file"}`: the real values are strings.
    const t = typeOf(d) === 'integer' ? 'number' : typeOf(d);
    note(
      place,
      'default',
      `default is of type ${t} but the type is ${types.join(' or ')}; ${t} is accepted too`,
    );
    shape.types = [...types, t];
  }
}

function copyEnumAndType(node: Obj, out: Obj, { types, nullable }: Shape, place: Place): void {
  const list = node.enum;
  if (Array.isArray(list) && list.length > 0) {
    // A value listed twice is still one allowed value (JSON Schema wants them distinct); objects are left as written.
    const distinct = list.every((v) => v === null || typeof v !== 'object') ? [...new Set(list)] : list;
    // OpenAPI 3.0: nullable lets null past an enum too.
    out.enum = nullable && !distinct.includes(null) ? [...distinct, null] : distinct;
  } else if (list !== undefined) {
    const what = Array.isArray(list) ? 'an empty list (no value could pass)' : typeOf(list);
    note(place, 'enum', `enum must be a list of the allowed values, not ${what}: not checked`);
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
    if (node[ex] === true && typeof out[lim] === 'number') {
      out[ex] = out[lim];
      delete out[lim];
    } else if (isFiniteNumber(node[ex])) out[ex] = node[ex];
  }
}

/** A pattern RE2 cannot run (lookaround, backreference) is left unchecked, never handed to a backtracking engine. */
function copyPattern(node: Obj, out: Obj, place: Place): void {
  const { pattern } = node;
  if (pattern === undefined) return;
  if (typeof pattern !== 'string') {
    note(place, 'pattern', `pattern must be a string, not ${typeOf(pattern)}: not checked`);
    return;
  }
  const why = unsupportedPattern(pattern);
  if (why === undefined) out.pattern = pattern;
  else note(place, 'pattern', `pattern ${pattern} is not checked: ${notLinear(why)}`);
}
const notLinear = (why: string) => `the linear-time engine (RE2) cannot run it (${why})`;

// ajv-formats knows OpenAPI's own (float, int32…); anything else (`cidr`, `int-or-string`) is not checked.
function copyFormat(node: Obj, out: Obj, place: Place): void {
  const { format } = node;
  if (format === undefined) return;
  if (typeof format === 'string' && FORMAT_NAMES.has(format)) out.format = format;
  else {
    const what =
      typeof format === 'string' ? `"${format}" is not a format this check knows` : 'is not a name';
    note(place, 'format', `format ${what}: not checked`);
  }
}

/** properties, additionalProperties, items and not, each normalised in turn; one that is not a schema is noted. */
function normaliseChildren(node: Obj, out: Obj, place: Place): void {
  const { properties: props, additionalProperties: ap, items } = node;
  if (isObj(props)) {
    const p: Obj = {};
    for (const [k, c] of Object.entries(props)) put(p, k, normalise(c, child(place, [k], ['properties', k])));
    out.properties = p;
  } else if (props !== undefined)
    note(place, 'properties', `properties is ${what(props)}, not a map: ignored`);
  if (typeof ap === 'boolean') out.additionalProperties = ap;
  else if (isObj(ap)) out.additionalProperties = normalise(ap, child(place, ['*'], ['additionalProperties']));
  else if (ap !== undefined)
    note(
      place,
      'additionalProperties',
      `additionalProperties is ${what(ap)}, not true, false or a schema: ignored`,
    );
  if (Array.isArray(items) && items.length > 0)
    out.items = items.map((it, i) => normalise(it, child(place, [i], ['items', i])));
  else if (isObj(items)) out.items = normalise(items, child(place, ['*'], ['items']));
  else if (items !== undefined) note(place, 'items', `items is ${what(items)}, not a schema: ignored`);
  if (isObj(node.not)) out.not = normalise(node.not, child(place, [], ['not']));
  else if (node.not !== undefined) note(place, 'not', `not is ${what(node.not)}, not a schema: ignored`);
}
const what = (v: unknown) =>
  v === null ? 'empty (null)' : Array.isArray(v) && v.length === 0 ? 'an empty list' : typeOf(v);

/**
 * Keys by pattern, matched by RE2. A pattern RE2 cannot run says nothing about which keys it covers, so with one the
 * object's `additionalProperties: false` cannot be told either: both are left unchecked, with a note.
 */
function normalisePatternProperties(node: Obj, out: Obj, place: Place): void {
  const pp = node.patternProperties;
  if (pp === undefined) return;
  if (!isPlainMap(pp)) {
    note(place, 'patternProperties', `patternProperties is ${what(pp)}, not a map: ignored`);
    return;
  }
  const kept: Obj = {};
  let unchecked = false;
  for (const [pattern, c] of Object.entries(pp)) {
    const why = unsupportedPattern(pattern);
    if (why === undefined)
      put(kept, pattern, normalise(c, child(place, ['*'], ['patternProperties', pattern])));
    else {
      unchecked = true;
      note(place, 'patternProperties', `the keys matching ${pattern} are not checked: ${notLinear(why)}`);
    }
  }
  if (Object.keys(kept).length > 0) out.patternProperties = kept;
  if (unchecked && out.additionalProperties !== undefined && out.additionalProperties !== true) {
    note(
      place,
      'additionalProperties',
      'additionalProperties is not checked: a key pattern above cannot be run',
    );
    delete out.additionalProperties;
  }
}

function normaliseCompounds(node: Obj, out: Obj, place: Place): void {
  for (const kw of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = node[kw];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0) {
      note(place, kw, `${kw} is ${what(list)}, not a list of schemas: ignored`);
      continue;
    }
    const branches = list.map((b, i) => normalise(b, child(place, [], [kw, i])));
    if (kw === 'oneOf' && branchesOverlap(branches)) {
      // kctrl's Helm-derived schemas (crossplane) offer nullable integer *and* number: a strict oneOf would
      // reject 3 (integer and number) and null (every branch).
      note(place, kw, 'oneOf branches overlap (a value can match several); read as anyOf');
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
