/**
 * Validate Package values against `spec.valuesSchema.openAPIv3`.
 *
 * kapp-controller never reads valuesSchema, so real schemas are sloppy OpenAPI 3.0 (ytt, kctrl's Helm
 * generator, hand-written community schemas). We normalise them into JSON Schema for ajv and add a note
 * whenever we had to assume something. Problems never quote the offending value, because values often hold
 * secrets. Things that come from the schema (enum members, limits, patterns, key names) may be quoted.
 *
 * The steps live beside this file in values-schema/: normalise.ts (OpenAPI 3.0 → JSON Schema, and its notes),
 * meta-schema.ts (the backstop check of the result), ajv.ts and compile.ts (compiling, in cached parts),
 * messages.ts (ajv's errors → problems, "did you mean" from suggest.ts), defaults.ts (a document of defaults).
 */
import { compiler } from './values-schema/ajv.js';
import { type Check, compileByParts, errorsOf } from './values-schema/compile.js';
import { toProblems, WITHHELD, withheldProblems } from './values-schema/messages.js';
import { metaSchemaError } from './values-schema/meta-schema.js';
import { normaliseValuesSchema } from './values-schema/normalise.js';
import { requireLinearEngineFor } from './values-schema/pattern.js';
import type { CompileResult, SchemaNote, ValidateOptions, ValuesProblem } from './values-schema/types.js';

export { COMPILED_PARTS_KEPT } from './values-schema/compile.js';
export { defaultValues } from './values-schema/defaults.js';
export {
  LinearEngineNotLoadedError,
  loadLinearEngine,
  loadLinearEngineFor,
} from './values-schema/pattern.js';
export type {
  CompiledValuesSchema,
  CompileResult,
  PathSegment,
  SchemaNote,
  ValidateOptions,
  ValuesProblem,
} from './values-schema/types.js';

const UNCHECKABLE: ValuesProblem = {
  path: [],
  keyword: 'uncheckable',
  message:
    'cannot be checked against the valuesSchema: a map in the values has a key named valueOf or toString where the schema compares values (uniqueItems, enum, const); rename the key',
};

export function compileValuesSchema(openAPIv3: unknown): CompileResult {
  requireLinearEngineFor(openAPIv3);
  const notes: SchemaNote[] = [];
  const normalised = normaliseValuesSchema(openAPIv3, notes);
  if (normalised.error !== undefined) return { ok: false, error: normalised.error, notes };
  const { normalized } = normalised;
  let invalid: string | undefined;
  try {
    invalid = metaSchemaError(normalized);
  } catch (err) {
    // ajv's deep equality calls an object's own `valueOf`: `enum: [{valueOf: 1}, …]` throws there.
    invalid = `it cannot be checked (${(err as Error).message})`;
  }
  if (invalid !== undefined) return { ok: false, error: invalid, notes };
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
  const validate = (values: unknown, { encrypted = false }: ValidateOptions = {}): ValuesProblem[] => {
    const v = values ?? {}; // an empty values file means no values, as for ytt
    let errors: ReturnType<Check>;
    try {
      errors = check(v);
    } catch {
      // ajv's deep equality (uniqueItems, enum, const) calls an object's own `valueOf`/`toString`: a
      // values key of that name makes it throw. Nothing about the value goes into the message.
      return [encrypted ? { path: [], keyword: 'withheld', message: WITHHELD } : UNCHECKABLE];
    }
    if (errors.length === 0) return [];
    return encrypted ? withheldProblems(errors, v, normalized) : toProblems(errors, v, normalized);
  };
  return { ok: true, schema: { validate }, notes, normalized };
}
