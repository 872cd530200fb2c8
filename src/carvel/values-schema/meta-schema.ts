/**
 * Backstop for what normalise() copies unchecked (`minimum: "1"`, `required: "x"`): the normalised schema checked
 * against draft-07's meta-schema, by a cheap plain-value test first and by ajv where that cannot tell.
 */
import { metaSchemaChecker } from './ajv.js';
import { isPlainMap, unescapeToken } from './json.js';
import { schemaPathText } from './normalise.js';
import type { Obj } from './types.js';

const SIMPLE_TYPES = new Set(['array', 'boolean', 'integer', 'null', 'number', 'object', 'string']);
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
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

/**
 * Why the normalised schema breaks the meta-schema, or undefined when it does not. The normalised schema keeps the
 * original's shape, so ajv's path into it names the same place in the original. Most schemas are plainly valid, and
 * saying so is much cheaper than asking ajv; anything less plain gets ajv's verdict.
 */
export function metaSchemaError(normalized: Obj): string | undefined {
  if (plainlyValid(normalized)) return undefined;
  const ajv = metaSchemaChecker();
  if (ajv.validateSchema(normalized)) return undefined;
  const e = ajv.errors?.[0];
  const at = e ? e.instancePath.split('/').slice(1).map(unescapeToken) : [];
  return `invalid valuesSchema at ${schemaPathText(at)}: ${e?.message ?? 'rejected'}`;
}
