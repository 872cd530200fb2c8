/** Small facts about JSON values and JSON pointers that normalising, compiling and reporting all need. */
import type { Obj } from './types.js';

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isPlainMap = (v: unknown): v is Obj => isObj(v) && Object.getPrototypeOf(v) === Object.prototype;
/** Define, never assign: `o["__proto__"] = v` would set o's prototype, and the key would be gone. */
export const put = (o: Obj, key: string, value: unknown) =>
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

/** The JSON type of a value as ajv names it ('integer' for whole numbers). Never the value itself. */
export function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}
export const accepts = (types: readonly string[], t: string) =>
  types.includes(t) || (t === 'integer' && types.includes('number'));
export const typesOf = (s: Obj): string[] | undefined =>
  s.type === undefined ? undefined : Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];

/**
 * kctrl's Helm generator writes `default: "{}"`/`"[]"` (strings) for empty maps/lists and `"null"` for null; Helm-derived
 * schemas write `"null"` on other types too (vmware-tanzu/package-for-kubeapps 8.0.10/package.yaml,
 * `defaultPrereleasesVersionSelection: {type: array, default: "null", nullable: true}`). Only a string key's "null" is
 * the word.
 */
export function coerceDefault(d: unknown, type: unknown): unknown {
  if (type === 'object' && d === '{}') return {};
  if (type === 'array' && d === '[]') return [];
  return d === 'null' && typeof type === 'string' && type !== 'string' && type !== '' ? null : d;
}

export const unescapeToken = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');
export const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
