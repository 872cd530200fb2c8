/**
 * Validate Package values against `spec.valuesSchema.openAPIv3`.
 *
 * kapp-controller never reads valuesSchema, so real schemas are sloppy OpenAPI 3.0 (ytt, kctrl's Helm
 * generator, hand-written community schemas). We normalise them into JSON Schema for ajv and say, as a
 * note, every time we had to assume something. Problems never quote the offending value: values often
 * hold secrets. Schema values (enum members, limits, patterns) may be quoted.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import * as formatsModule from 'ajv-formats';

export type PathSegment = string | number;
/** A schema quirk, reported as a warning, saying what was assumed. */
export interface SchemaNote {
  path: PathSegment[];
  message: string;
}
/** A values error. `path` goes from the values root; '*' in a note path means any array item or map key. */
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
type FormatsPlugin = typeof formatsModule.default;

// ajv-formats is CommonJS: under Node ESM the default import is module.exports itself, under bundlers `.default`.
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ??
  formatsModule) as FormatsPlugin;

// One instance for the module. `verbose` gives errors their schema and data (we read the data's *type* only);
// `unicodeRegExp: false` accepts the patterns people copy from Go/Kubernetes that the `u` flag rejects.
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, logger: false, unicodeRegExp: false });
addFormats(ajv);

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
// Keywords copied as written (after the checks below); everything else — title, description, example(s),
// x-*, deprecated, $id, discriminator… — is documentation and dropped.
const PLAIN_KEYWORDS = [
  'multipleOf',
  'maximum',
  'minimum',
  'maxLength',
  'minLength',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'const',
  'default',
];

class SchemaError extends Error {
  constructor(
    readonly at: PathSegment[],
    message: string,
  ) {
    super(message);
  }
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON type of a value, as ajv names it ('integer' for whole numbers). Never the value itself. */
function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

const acceptsType = (types: readonly string[], t: string) =>
  types.includes(t) || (t === 'integer' && types.includes('number'));

/** kctrl's Helm generator writes `default: "{}"`/`"[]"` (strings) for empty maps/lists and `"null"` for null. */
function coerceDefault(d: unknown, type: unknown): unknown {
  if (type === 'object' && d === '{}') return {};
  if (type === 'array' && d === '[]') return [];
  if (type === 'null' && d === 'null') return null;
  return d;
}

function schemaPathText(at: PathSegment[]): string {
  let s = 'openAPIv3';
  for (const seg of at)
    s +=
      typeof seg === 'number'
        ? `[${seg}]`
        : /^[A-Za-z_$][\w$-]*$/.test(seg)
          ? `.${seg}`
          : `[${JSON.stringify(seg)}]`;
  return s;
}

function readTypes(
  node: Obj,
  vp: PathSegment[],
  sp: PathSegment[],
  notes: SchemaNote[],
): string[] | undefined {
  const raw = node.type;
  if (raw === undefined) return undefined;
  const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : undefined;
  if (!list || list.some((t) => typeof t !== 'string')) {
    throw new SchemaError([...sp, 'type'], `type must be a type name such as "string", not ${typeOf(raw)}`);
  }
  if (raw === 'null') {
    // kctrl's Helm generator writes `type: "null"` for a key whose chart default is null: the real type is unknown.
    notes.push({
      path: vp,
      message:
        'type "null" (kctrl writes it for Helm values that default to null): the real type is unknown, so any value is accepted',
    });
    return [];
  }
  return list.map((t: string) => {
    const alias = t === 'bool' ? 'boolean' : t === 'int' ? 'integer' : undefined;
    if (alias) {
      notes.push({ path: vp, message: `type "${t}" is not an OpenAPI type; read as "${alias}"` });
      return alias;
    }
    if (!JSON_TYPES.has(t)) throw new SchemaError([...sp, 'type'], `unknown type "${t}"`);
    return t;
  });
}

function normalise(node: unknown, vp: PathSegment[], sp: PathSegment[], notes: SchemaNote[]): Obj {
  if (!isObj(node)) throw new SchemaError(sp, `must be a schema object, not ${typeOf(node)}`);
  const out: Obj = {};
  let types = readTypes(node, vp, sp, notes);
  let nullable = node.nullable === true;
  const props = node.properties;
  if (props !== undefined && !isObj(props))
    throw new SchemaError([...sp, 'properties'], 'properties must be a map of key → schema');
  // A schema with properties/items but no type means an object/list; JSON Schema would let a string through.
  if (types === undefined && (props !== undefined || isObj(node.additionalProperties))) types = ['object'];
  if (types === undefined && node.items !== undefined) types = ['array'];

  for (const k of PLAIN_KEYWORDS) if (node[k] !== undefined) out[k] = node[k];
  if ('default' in node) {
    const d = coerceDefault(node.default, node.type);
    out.default = d;
    // The schema's own default must be accepted: ytt and Helm treat null as "not set" (grafana, harbor).
    if (d === null && types?.length && !types.includes('null') && !nullable) {
      nullable = true;
      notes.push({
        path: vp,
        message: 'default is null but the key is not nullable; null is accepted (it means "not set")',
      });
    } else if (d !== null && types?.length && !acceptsType(types, typeOf(d))) {
      // e.g. grafana `grafana_ini: {type: object, default: "See default values file"}`, whose real values are strings.
      const t = typeOf(d) === 'integer' ? 'number' : typeOf(d);
      notes.push({
        path: vp,
        message: `default is ${t === 'array' || t === 'object' ? 'an' : 'a'} ${t} but type is ${types.join(' or ')}; ${t} is accepted too`,
      });
      types = [...types, t];
    }
  }
  if (types === undefined && nullable) {
    notes.push({
      path: vp,
      message: vp.length
        ? 'no type but nullable (ytt `@schema/type any=True`): any value is accepted'
        : 'valuesSchema has no type (kctrl writes {default: null, nullable: true} when a package has no schema): any values are accepted',
    });
  }
  if (node.enum !== undefined) {
    if (!Array.isArray(node.enum)) throw new SchemaError([...sp, 'enum'], 'enum must be a list');
    const e = [...node.enum];
    if (
      'default' in out &&
      out.default !== null &&
      !e.some((x) => JSON.stringify(x) === JSON.stringify(out.default))
    ) {
      notes.push({ path: vp, message: 'default is not one of the enum values; it is accepted too' });
      e.push(out.default);
    }
    if (nullable && !e.includes(null)) e.push(null); // OpenAPI 3.0: nullable lets null past the enum too
    out.enum = e;
  }
  if (types?.length)
    out.type =
      nullable && !types.includes('null') ? [...types, 'null'] : types.length === 1 ? types[0] : types;
  // OpenAPI 3.0 exclusiveMinimum/Maximum are booleans qualifying minimum/maximum; JSON Schema 7 wants the number.
  for (const [ex, lim] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (node[ex] === true && typeof node[lim] === 'number') {
      out[ex] = node[lim];
      delete out[lim];
    } else if (typeof node[ex] === 'number') out[ex] = node[ex];
  }
  if (node.pattern !== undefined) {
    if (typeof node.pattern !== 'string')
      throw new SchemaError([...sp, 'pattern'], 'pattern must be a string');
    try {
      new RegExp(node.pattern);
    } catch (err) {
      throw new SchemaError(
        [...sp, 'pattern'],
        `pattern is not a valid regular expression (${(err as Error).message})`,
      );
    }
    out.pattern = node.pattern;
  }
  // Unknown formats (OpenAPI's float, int32, password…) only document the value.
  if (typeof node.format === 'string' && node.format in ajv.formats) out.format = node.format;

  if (isObj(props)) {
    const p: Obj = {};
    for (const [k, child] of Object.entries(props))
      p[k] = normalise(child, [...vp, k], [...sp, 'properties', k], notes);
    out.properties = p;
  }
  const ap = node.additionalProperties;
  if (typeof ap === 'boolean') out.additionalProperties = ap;
  else if (isObj(ap))
    out.additionalProperties = normalise(ap, [...vp, '*'], [...sp, 'additionalProperties'], notes);
  else if (ap !== undefined)
    throw new SchemaError(
      [...sp, 'additionalProperties'],
      'additionalProperties must be a boolean or a schema',
    );
  if (Array.isArray(node.items))
    out.items = node.items.map((it, i) => normalise(it, [...vp, i], [...sp, 'items', i], notes));
  else if (node.items !== undefined) out.items = normalise(node.items, [...vp, '*'], [...sp, 'items'], notes);
  if (node.not !== undefined) out.not = normalise(node.not, vp, [...sp, 'not'], notes);
  for (const kw of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = node[kw];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0)
      throw new SchemaError([...sp, kw], `${kw} must be a non-empty list of schemas`);
    const branches = list.map((b, i) => normalise(b, vp, [...sp, kw, i], notes));
    if (kw === 'oneOf' && typedBranchesOverlap(branches)) {
      // Helm-derived schemas (crossplane) list nullable integer *and* number: a strict oneOf rejects 3 and null.
      notes.push({ path: vp, message: 'oneOf branches overlap (a value can match several); read as anyOf' });
      out.anyOf = out.anyOf ? [...(out.anyOf as unknown[]), ...branches] : branches;
    } else out[kw] = branches;
  }
  return out;
}

const branchTypes = (b: Obj): string[] | undefined =>
  b.type === undefined ? undefined : Array.isArray(b.type) ? (b.type as string[]) : [b.type as string];

/** Only branches that all declare a type are judged; untyped branches (`required: [a]`) are deliberate. */
function typedBranchesOverlap(branches: Obj[]): boolean {
  const seen: string[] = [];
  for (const b of branches) {
    const types = branchTypes(b);
    if (!types) return false;
    for (const t of types) {
      if (
        seen.includes(t) ||
        (t === 'integer' && seen.includes('number')) ||
        (t === 'number' && seen.includes('integer'))
      )
        return true;
    }
    seen.push(...types);
  }
  return false;
}

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
  if (!ajv.validateSchema(normalized)) {
    const e = ajv.errors?.[0];
    const at = e
      ? e.instancePath
          .split('/')
          .slice(1)
          .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      : [];
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
    ajv.removeSchema(normalized); // the compiled function is standalone; don't let the shared instance grow
  }
  const validate = (values: unknown): ValuesProblem[] => {
    const v = values ?? {}; // an empty values file is no values, as for ytt
    return fn(v) ? [] : toProblems(fn.errors ?? [], v);
  };
  return { ok: true, schema: { validate }, notes, normalized };
}

// ---- problems ----

function valuesPath(pointer: string, root: unknown): PathSegment[] {
  const out: PathSegment[] = [];
  let cur = root;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const seg = Array.isArray(cur) ? Number(key) : key;
    out.push(seg);
    cur = isObj(cur) || Array.isArray(cur) ? (cur as Record<PathSegment, unknown>)[seg] : undefined;
  }
  return out;
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const plural = (n: unknown, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function describeBranch(b: Obj): string[] {
  if (Array.isArray(b.enum)) return [`one of ${b.enum.map(show).join(', ')}`];
  if ('const' in b) return [show(b.const)];
  return branchTypes(b) ?? [b.properties || b.required ? 'object' : 'constrained value'];
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

function suggest(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(1, Math.min(3, Math.floor(key.length / 3))) + 1; // a typo, not a different word
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

function message(e: ErrorObject): string {
  const p = e.params as Obj;
  switch (e.keyword) {
    case 'type':
      return `must be ${String(p.type).split(',').join(' or ')}, not ${typeOf(e.data)}`;
    case 'enum':
      return `must be one of: ${(p.allowedValues as unknown[]).map(show).join(', ')}`;
    case 'const':
      return `must be ${show(p.allowedValue)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${p.comparison} ${p.limit}`;
    case 'multipleOf':
      return `must be a multiple of ${p.multipleOf}`;
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `must be at least ${plural(p.limit, 'character')}`;
    case 'maxLength':
      return `must be at most ${plural(p.limit, 'character')}`;
    case 'minItems':
      return `must have at least ${plural(p.limit, 'item')}`;
    case 'maxItems':
      return `must have at most ${plural(p.limit, 'item')}`;
    case 'minProperties':
      return `must have at least ${plural(p.limit, 'key')}`;
    case 'maxProperties':
      return `must have at most ${plural(p.limit, 'key')}`;
    case 'uniqueItems':
      return 'must not contain duplicate items';
    case 'pattern':
      return `must match the pattern ${p.pattern}`;
    case 'format':
      return `must be a valid ${p.format}`;
    case 'required':
      return 'is required but missing';
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const known = Object.keys((e.parentSchema?.properties as Obj | undefined) ?? {});
      const hint = suggest(key, known);
      return `unknown key "${key}" (not in the Package's valuesSchema${hint ? `; did you mean "${hint}"?` : ''})`;
    }
    case 'anyOf':
    case 'oneOf': {
      const shapes = [...new Set((e.schema as Obj[]).flatMap(describeBranch))].join(' | ');
      return Array.isArray(p.passingSchemas)
        ? `matches more than one allowed shape (${shapes}) but must match exactly one`
        : `does not match any allowed shape: ${shapes}`;
    }
    case 'not':
      return 'must not match the excluded shape';
    default:
      return e.message ?? `fails ${e.keyword}`; // ajv's messages are built from the schema, never the data
  }
}

/**
 * ajv reports every failing anyOf/oneOf branch and then the compound. Keep one message per compound, except
 * when exactly one branch takes the value's type: then that branch's own errors say more ("must be >= 1").
 */
function toProblems(errors: ErrorObject[], root: unknown): ValuesProblem[] {
  const rules: { drop: string; keep?: string }[] = [];
  const quiet = new Set<ErrorObject>();
  for (const e of errors) {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') continue;
    const drop = `${e.schemaPath}/`;
    const t = typeOf(e.data);
    const fits = (e.schema as Obj[]).flatMap((b, i) => (acceptsType(branchTypes(b) ?? [t], t) ? [i] : []));
    if (fits.length === 1 && !Array.isArray((e.params as Obj).passingSchemas)) {
      rules.push({ drop, keep: `${drop}${fits[0]}/` });
      quiet.add(e);
    } else rules.push({ drop });
  }
  const seen = new Set<string>();
  const problems: ValuesProblem[] = [];
  for (const e of errors) {
    if (quiet.has(e)) continue;
    if (rules.some((r) => e.schemaPath.startsWith(r.drop) && !(r.keep && e.schemaPath.startsWith(r.keep))))
      continue;
    const path = valuesPath(e.instancePath, root);
    const p = e.params as Obj;
    if (e.keyword === 'additionalProperties') path.push(String(p.additionalProperty));
    else if (e.keyword === 'required') path.push(String(p.missingProperty));
    const msg = message(e);
    const key = `${JSON.stringify(path)}\0${msg}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path, keyword: e.keyword, message: msg });
  }
  return problems;
}

// ---- defaults ----

/**
 * Like Kubernetes structural defaulting: a node's own default first, then its properties' defaults fill the
 * keys it lacks. An object with no default and no defaulted children is left out (so its `required` does
 * not fire for a block the user never opened).
 */
function defaultsOf(node: unknown): unknown {
  if (!isObj(node)) return undefined;
  const own = 'default' in node ? structuredClone(coerceDefault(node.default, node.type)) : undefined;
  if (!isObj(node.properties) || (own !== undefined && !isObj(own))) return own;
  const out: Obj = own ?? {};
  for (const [k, child] of Object.entries(node.properties)) {
    if (k in out) continue;
    const d = defaultsOf(child);
    if (d !== undefined) out[k] = d;
  }
  return own !== undefined || Object.keys(out).length > 0 ? out : undefined;
}

/** A values document made of the schema's defaults; `{}` when the schema has none. */
export function defaultValues(openAPIv3: unknown): unknown {
  return defaultsOf(openAPIv3) ?? {};
}
