/**
 * The values a package will run with, for a reviewer: the environment's values merged over the
 * valuesSchema's defaults. kapp-controller itself applies no schema default (it never reads
 * valuesSchema, see research/carvel.md §4): the package's templates do, and schemas are usually
 * generated from those templates, so the defaults are what runs where the environment sets nothing.
 * The environment's values are the Secret's keys merged in sorted key order, later keys winning,
 * as kapp-controller hands them to ytt (ValuesSecret.merged; carvel.md §3).
 *
 * A value is kept in these facts only where it may be shown: under a key that looks secret
 * (password, token, key, secret, credentials), a schema node marked `format: password`,
 * `writeOnly` or an `x-…sensitive`/`x-…secret` extension, or set by an encrypted values Secret,
 * only "changed" or "unchanged" is recorded — the value never enters the facts.
 */

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export type Path = readonly (string | number)[];

/** A key name that says its value is a credential. Over-matching hides a value; under-matching would leak one. */
export const SECRET_KEY = /pass(word|wd|phrase)?|token|secret|credential|key|cert|auth|private|salt|dsn/i;

/** How deep defaults and values are walked; real charts' values stay well inside. */
const MAX_DEPTH = 24;
/** Longest value shown, in characters of its JSON form. */
export const MAX_VALUE = 120;

export interface ValueLine {
  /** `a.b[0].c`, keys that are not plain identifiers quoted. */
  path: string;
  state: 'added' | 'removed' | 'changed' | 'unchanged';
  /** JSON of the value before/after; absent when hidden or when there is none. */
  before?: string;
  after?: string;
  /** A secret-looking or encrypted value: shown as changed/unchanged only. */
  hidden: boolean;
  /** The value comes from the schema's default (the environment does not set it). */
  fromDefault: boolean;
}

export interface KeyDefault {
  path: string;
  /** JSON of the default; absent when hidden or when the key has none. */
  value?: string;
  hidden: boolean;
}

export interface DefaultChange {
  path: string;
  before?: string;
  after?: string;
  hidden: boolean;
}

export interface ValuesReview {
  /** The environment's values come from a SOPS-encrypted Secret. */
  encrypted: boolean;
  /** Why the environment's own values were not read (encrypted without a key): only schema facts then. */
  unread?: string;
  /** Every leaf of the effective values, before and after, in the order ytt sees them. */
  lines: ValueLine[];
  /** Keys the new schema adds, with their defaults. */
  newKeys: KeyDefault[];
  /** Keys whose schema default changed, old → new. */
  changedDefaults: DefaultChange[];
  /** Keys the new schema drops that the environment still sets: an error under additionalProperties: false. */
  removedButSet: { path: string; severity: 'error' | 'warning' }[];
  /** Required by the new schema and not by the old one. */
  nowRequired: string[];
}

export interface ValuesSide {
  /** The Package's valuesSchema.openAPIv3 (undefined: none). */
  schema: unknown;
  /** The environment's merged values; undefined: not read (or a new environment, before). */
  values?: Obj;
}

// ---- paths ---------------------------------------------------------------------------------------

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * JSON text with every character that Markdown, HTML or a terminal could act on written as a JSON
 * `\\uXXXX` escape: still the same JSON, one line, and nothing in it can close a code block or a tag.
 */
export function jsonSafe(json: string): string {
  return json.replace(/[<>&`|\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) =>
    [...Array(c.length).keys()].map((i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
  );
}

/** A values path for display: `a.b[0]["x.y"]`, in jsonSafe characters (repository text stays inert). */
export function formatValuesPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENT.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${jsonSafe(JSON.stringify(seg))}]`;
  }
  return out === '' ? '(root)' : out;
}

/** JSON of a value for display: one line, capped, jsonSafe. */
export function showValue(value: unknown): string {
  const safe = jsonSafe(JSON.stringify(value) ?? 'null');
  return safe.length > MAX_VALUE ? `${[...safe].slice(0, MAX_VALUE - 1).join('')}…` : safe;
}

// ---- schema walking ------------------------------------------------------------------------------

/** The schema node that describes `path` (properties, items, additionalProperties); undefined: none. */
export function schemaAt(schema: unknown, path: Path): Obj | undefined {
  let node: unknown = schema;
  for (const seg of path) {
    if (!isObject(node)) return undefined;
    if (typeof seg === 'number') node = node.items;
    else if (isObject(node.properties) && Object.hasOwn(node.properties, seg)) node = node.properties[seg];
    else node = isObject(node.additionalProperties) ? node.additionalProperties : undefined;
  }
  return isObject(node) ? node : undefined;
}

function marksSensitive(node: Obj | undefined): boolean {
  if (!node) return false;
  if (node.format === 'password' || node.writeOnly === true) return true;
  return Object.entries(node).some(
    ([k, v]) => /^x-.*(sensitive|secret)/i.test(k) && v !== false && v != null,
  );
}

/** Does this path hold a secret, by a key's name or by a mark in either schema on the way down? */
export function isSensitivePath(path: Path, schemas: readonly unknown[]): boolean {
  for (let i = 1; i <= path.length; i++) {
    const seg = path[i - 1]!;
    if (typeof seg === 'string' && SECRET_KEY.test(seg)) return true;
    if (schemas.some((s) => marksSensitive(schemaAt(s, path.slice(0, i))))) return true;
  }
  return schemas.some((s) => marksSensitive(schemaAt(s, [])));
}

/** The defaults a schema gives: a node's `default`, else an object of its properties' defaults. */
export function defaultsOf(schema: unknown, depth = 0): unknown {
  if (!isObject(schema) || depth > MAX_DEPTH) return undefined;
  if (Object.hasOwn(schema, 'default')) return schema.default;
  if (!isObject(schema.properties)) return undefined;
  const out: Obj = {};
  for (const [key, child] of Object.entries(schema.properties)) {
    const d = defaultsOf(child, depth + 1);
    if (d !== undefined) out[key] = d;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** ytt's data-values merge as an environment uses it: maps merge key by key, anything else replaces. */
export function mergeValues(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isObject(base) || !isObject(over)) return over;
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = mergeValues(base[k], v);
  return out;
}

/** Every leaf (scalars, empty maps and lists) with its path, in key order. */
export function leaves(
  value: unknown,
  path: Path = [],
  out = new Map<string, { path: Path; value: unknown }>(),
) {
  if (path.length > MAX_DEPTH) return out;
  if (isObject(value) && Object.keys(value).length > 0)
    for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  else if (Array.isArray(value) && value.length > 0)
    for (const [i, v] of value.entries()) leaves(v, [...path, i], out);
  else out.set(formatValuesPath(path), { path, value });
  return out;
}

/** Does the environment's own values set this path (or a value above it)? */
function sets(values: Obj | undefined, path: Path): boolean {
  let node: unknown = values;
  for (const seg of path) {
    if (Array.isArray(node) && typeof seg === 'number') node = node[seg];
    else if (isObject(node) && typeof seg === 'string' && Object.hasOwn(node, seg)) node = node[seg];
    else return false;
    if (!isObject(node) && !Array.isArray(node)) return true;
  }
  return node !== undefined;
}

// ---- the review ----------------------------------------------------------------------------------

/**
 * Effective values before and after a version change (before.values undefined: a new environment),
 * plus what the schema change means for them. `encrypted`: the values come from a SOPS Secret;
 * `unread`: they could not be read, so only the schemas are compared.
 */
export function reviewValues(
  before: ValuesSide | undefined,
  after: ValuesSide,
  options: { encrypted: boolean; unread?: string },
): ValuesReview {
  const schemas = [before?.schema, after.schema].filter((s) => s !== undefined);
  const hidden = (path: Path) =>
    isSensitivePath(path, schemas) ||
    (options.encrypted && (sets(before?.values, path) || sets(after.values, path)));
  const review: ValuesReview = {
    encrypted: options.encrypted,
    lines: [],
    newKeys: [],
    changedDefaults: [],
    removedButSet: [],
    nowRequired: [],
  };
  if (options.unread) review.unread = options.unread;
  else review.lines = valueLines(before, after, hidden);
  // A schema's defaults are the Package's, not the environment's: only a secret-looking key hides one.
  schemaFacts(review, before?.schema, after, (path) => isSensitivePath(path, schemas));
  return review;
}

function valueLines(
  before: ValuesSide | undefined,
  after: ValuesSide,
  hidden: (path: Path) => boolean,
): ValueLine[] {
  const effective = (side: ValuesSide) => mergeValues(defaultsOf(side.schema), side.values ?? {});
  const old = before?.values !== undefined ? leaves(effective(before)) : new Map();
  const now = leaves(effective(after));
  const lines: ValueLine[] = [];
  const line = (key: string, path: Path, a: unknown, b: unknown, has: [boolean, boolean]) => {
    const same = has[0] && has[1] && JSON.stringify(a) === JSON.stringify(b);
    const state = !has[0] ? 'added' : !has[1] ? 'removed' : same ? 'unchanged' : 'changed';
    const secret = hidden(path);
    const l: ValueLine = { path: key, state, hidden: secret, fromDefault: !sets(after.values, path) };
    if (!secret && has[0]) l.before = showValue(a);
    if (!secret && has[1]) l.after = showValue(b);
    lines.push(l);
  };
  for (const [key, { path, value }] of now) line(key, path, old.get(key)?.value, value, [old.has(key), true]);
  for (const [key, { path, value }] of old)
    if (!now.has(key)) line(key, path, value, undefined, [true, false]);
  return lines;
}

/** Schema paths: `.a.b` as schema-diff writes them; kept as path arrays here. */
function schemaPaths(schema: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (!isObject(schema) || prefix.length > MAX_DEPTH || !isObject(schema.properties)) return out;
  for (const [key, child] of Object.entries(schema.properties)) {
    out.push([...prefix, key]);
    schemaPaths(child, [...prefix, key], out);
  }
  return out;
}

function requiredPaths(schema: unknown, prefix: Path = [], out = new Set<string>()): Set<string> {
  if (!isObject(schema) || prefix.length > MAX_DEPTH || !isObject(schema.properties)) return out;
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  for (const [key, child] of Object.entries(schema.properties))
    if (required.has(key)) {
      out.add(formatValuesPath([...prefix, key]));
      requiredPaths(child, [...prefix, key], out);
    }
  return out;
}

function schemaFacts(
  review: ValuesReview,
  beforeSchema: unknown,
  after: ValuesSide,
  hidden: (path: Path) => boolean,
): void {
  const oldPaths = new Map(schemaPaths(beforeSchema).map((p) => [formatValuesPath(p), p]));
  const newPaths = new Map(schemaPaths(after.schema).map((p) => [formatValuesPath(p), p]));
  for (const [key, path] of newPaths) {
    const now = schemaAt(after.schema, path);
    const hasDefault = now !== undefined && Object.hasOwn(now, 'default');
    const secret = hidden(path);
    const shown = hasDefault && !secret ? showValue(now!.default) : undefined;
    if (!oldPaths.has(key)) {
      // A new environment: every key is new, and the effective values list them all.
      if (beforeSchema === undefined) continue;
      // An object without a default of its own is listed by its keys.
      if (!hasDefault && isObject(now?.properties)) continue;
      review.newKeys.push({ path: key, ...(shown !== undefined ? { value: shown } : {}), hidden: secret });
      continue;
    }
    const was = schemaAt(beforeSchema, path);
    const hadDefault = was !== undefined && Object.hasOwn(was, 'default');
    if (hadDefault === hasDefault && JSON.stringify(was?.default) === JSON.stringify(now?.default)) continue;
    // A parent's default that changed only because a child's did is reported at the child.
    if (isObject(was?.default) || isObject(now?.default)) if (isObject(now?.properties)) continue;
    const change: DefaultChange = { path: key, hidden: secret };
    if (!secret && hadDefault) change.before = showValue(was!.default);
    if (!secret && hasDefault) change.after = showValue(now!.default);
    review.changedDefaults.push(change);
  }
  if (beforeSchema !== undefined && after.values !== undefined)
    for (const [key, path] of oldPaths) {
      if (newPaths.has(key) || !sets(after.values, path)) continue;
      // Reported once, at the highest removed key.
      if (
        path.length > 1 &&
        !newPaths.has(formatValuesPath(path.slice(0, -1))) &&
        oldPaths.has(formatValuesPath(path.slice(0, -1)))
      )
        continue;
      const parent = schemaAt(after.schema, path.slice(0, -1));
      const closed = parent?.additionalProperties === false;
      review.removedButSet.push({ path: key, severity: closed ? 'error' : 'warning' });
    }
  const oldRequired = requiredPaths(beforeSchema);
  review.nowRequired = [...requiredPaths(after.schema)].filter((p) => !oldRequired.has(p));
}
