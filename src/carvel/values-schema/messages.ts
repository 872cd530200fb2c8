/**
 * ajv's errors → values problems. A message never quotes the offending value, because values often hold secrets;
 * what comes from the schema (enum members, limits, patterns, key names) may be quoted.
 */
import type { ErrorObject } from 'ajv';
import { accepts, isObj, typeOf, typesOf, unescapeToken } from './json.js';
import { suggest } from './suggest.js';
import type { Obj, PathSegment, ValuesProblem } from './types.js';

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

/** The values problems of ajv's errors for `root` against the normalised `schema`. */
export function toProblems(errors: ErrorObject[], root: unknown, schema: Obj): ValuesProblem[] {
  for (const e of errors) addVerbose(e, root, schema);
  const silenced = compoundRules(errors);
  const seen = new Set<string>();
  const problems: ValuesProblem[] = [];
  for (const e of errors) {
    if (silenced(e)) continue;
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

/**
 * ajv reports every failing anyOf/oneOf branch, then the compound. Keep one message per compound, except when
 * exactly one branch takes the value's type: that branch's own errors say more ("must be >= 1").
 */
function compoundRules(errors: ErrorObject[]): (e: ErrorObject) => boolean {
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
  return (e) => {
    const under = (prefix?: string) => prefix !== undefined && e.schemaPath.startsWith(prefix);
    return quiet.has(e) || rules.some((r) => under(r.drop) && !under(r.keep));
  };
}

/** The one message an encrypted value gets: nothing in it depends on the value beyond "it fails". */
export const WITHHELD = '(encrypted) does not satisfy the schema; details withheld';

/**
 * The problems of values that came from an encrypted Secret: at most one per values path, saying only that it fails.
 * Which rule failed (a pattern, an enum member, a bound, a missing key's name) depends on the value, and a schema can
 * make that an oracle: an allOf of one pattern per (position, character) had its errors spell the secret out.
 * A path stops before the first key the schema does not name: a map's own keys are part of the encrypted text too.
 */
export function withheldProblems(errors: ErrorObject[], root: unknown, schema: Obj): ValuesProblem[] {
  for (const e of errors) addVerbose(e, root, schema);
  const silenced = compoundRules(errors);
  const seen = new Set<string>();
  const problems: ValuesProblem[] = [];
  for (const e of errors) {
    if (silenced(e)) continue;
    const path = namedPrefix(valuesPath(e.instancePath, root), schema);
    const key = JSON.stringify(path);
    if (!seen.has(key)) problems.push({ path, keyword: 'withheld', message: WITHHELD });
    seen.add(key);
  }
  return problems;
}

/** The longest start of `path` whose every key the schema names (list indexes are not secret: only a count). */
function namedPrefix(path: PathSegment[], schema: Obj): PathSegment[] {
  let nodes: Obj[] = [schema];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    nodes = nodes.flatMap((n) => childSchemas(n, seg));
    if (nodes.length === 0) return path.slice(0, i);
  }
  return path;
}

/** The schemas a key or index of `node` meets, through allOf/anyOf/oneOf branches too. */
function childSchemas(node: Obj, seg: PathSegment): Obj[] {
  const found: Obj[] = [];
  const props = node.properties;
  if (typeof seg === 'string' && isObj(props) && Object.hasOwn(props, seg) && isObj(props[seg]))
    found.push(props[seg]);
  if (typeof seg === 'number') {
    const items = Array.isArray(node.items) ? node.items[seg] : node.items;
    found.push(isObj(items) ? items : {});
  }
  for (const kw of ['allOf', 'anyOf', 'oneOf'])
    if (Array.isArray(node[kw]))
      for (const b of node[kw] as unknown[]) if (isObj(b)) found.push(...childSchemas(b, seg));
  return found;
}
