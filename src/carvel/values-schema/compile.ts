/** A normalised schema compiled to a check, in parts that successive versions of a Package share. */
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { compiler } from './ajv.js';
import { escapePointer, isObj, isPlainMap } from './json.js';
import type { Obj } from './types.js';

/** ajv's errors for a value; none when it is valid. */
export type Check = (data: unknown) => ErrorObject[];
export const errorsOf =
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

/**
 * The schema compiled as two kinds of function, giving ajv's errors in ajv's order: one for the root with every
 * property's schema replaced by `{}` (which ajv compiles to nothing), and one per property, shared by content.
 * ajv checks a property's schema only when the value is an object holding the key (own, not undefined), after
 * every keyword of the root itself (a root with patternProperties, which ajv checks after properties, is compiled
 * whole); its errors are the property function's, with the property's place put in front of their paths.
 *
 * A property's function is compiled when a value first holds its key: values set a few of a schema's keys (a
 * chart's schema lists hundreds), and the others are never checked. Should compiling one throw then (a normalised
 * schema that passed the meta-schema does not), the schema is checked whole from then on, as when compiling in
 * parts trips at once.
 */
export function compileByParts(schema: Obj): Check {
  let instance: Ajv | undefined;
  const compile = (s: Obj) => {
    instance ??= compiler();
    return errorsOf(instance.compile(s));
  };
  const props = schema.properties;
  // ajv checks patternProperties after properties: in parts, its errors would come first.
  if (!isPlainMap(props) || schema.patternProperties !== undefined) return compile(schema);
  const keys = Object.keys(props);
  const split = keys.filter((k) => !alwaysValid(props[k] as Obj));
  if (split.length === 0) return compile(schema);
  const root = compile({ ...schema, properties: Object.fromEntries(keys.map((k) => [k, {}])) });
  const parts = split.map((key): Part => {
    const at = escapePointer(key);
    return { key, instancePath: `/${at}`, schemaPath: `#/properties/${encodeURIComponent(at)}` };
  });
  let whole: Check | undefined;
  const byParts = (data: unknown): ErrorObject[] => {
    const errors = root(data);
    if (!isObj(data)) return errors;
    let all = errors;
    for (const part of parts) {
      const value = data[part.key];
      if (value === undefined || !Object.hasOwn(data, part.key)) continue;
      part.check ??= compiledOrThrow(() => cachedPart(props[part.key] as Obj, compile));
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
  return (data) => {
    if (whole) return whole(data);
    try {
      return byParts(data);
    } catch (err) {
      if (!(err instanceof PartNotCompiled)) throw err; // a check that threw (see compileValuesSchema)
      whole = compile(schema);
      return whole(data);
    }
  };
}

/** A property's place, and its check once a value held it. */
interface Part {
  key: string;
  instancePath: string;
  schemaPath: string;
  check?: Check;
}

/** A part that ajv could not compile; not a check that threw while checking a value. */
class PartNotCompiled extends Error {}

function compiledOrThrow(compile: () => Check): Check {
  try {
    return compile();
  } catch {
    throw new PartNotCompiled();
  }
}

/** A part's check from the cache, or compiled now and kept as the most recently used. */
function cachedPart(part: Obj, compile: (s: Obj) => Check): Check {
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
  return check;
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
    if (isObj(v) && Object.getPrototypeOf(v) !== Object.prototype) plain = false;
    return v;
  });
  return plain ? json : undefined;
}
