/** The ajv instances: one long-lived for the meta-schema, and a fresh one per values schema. */
import { Ajv } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import * as formatsModule from 'ajv-formats';
import { once } from '../../once.js';
import { regExpEngine, unsupportedPattern } from './pattern.js';

// ajv-formats is CommonJS: Node's ESM import exposes module.exports as the namespace's default, bundlers may not.
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ??
  formatsModule) as FormatsPlugin;

// Options shared by every instance. `unicodeRegExp: false` accepts patterns copied from Go/Kubernetes that the `u`
// flag rejects (e.g. `\_`). `ownProperties`: a values key named `constructor` must not find Object.prototype's.
// Every pattern runs on RE2 (see pattern.ts), never on JavaScript's backtracking RegExp.
const OPTIONS = {
  allErrors: true,
  strict: false,
  logger: false,
  unicodeRegExp: false,
  ownProperties: true,
} as const;

/**
 * ajv-formats' `regex` format asks JavaScript's RegExp; the meta-schema uses it for `pattern`, and a pattern here is
 * what RE2 compiles (Go's `(?i)` included), so the format says the same.
 */
function addFormatsTo(instance: Ajv): void {
  addFormats(instance);
  instance.addFormat('regex', (s: string) => unsupportedPattern(s) === undefined);
}

/**
 * The formats every instance knows: ajv-formats' full set (`regex` is replaced, not added). normalise() keeps a
 * `format` only when it is one of these. A list, not an instance's `formats`, so that asking needs no instance
 * (a test holds it equal to what addFormatsTo() registers).
 */
export const FORMAT_NAMES: ReadonlySet<string> = new Set([
  'date',
  'time',
  'date-time',
  'iso-time',
  'iso-date-time',
  'duration',
  'uri',
  'uri-reference',
  'uri-template',
  'url',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
  'uuid',
  'json-pointer',
  'json-pointer-uri-fragment',
  'relative-json-pointer',
  'byte',
  'int32',
  'int64',
  'float',
  'double',
  'password',
  'binary',
]);

/**
 * One long-lived instance checks normalised schemas against JSON Schema's meta-schema. It never compiles a values
 * schema, so it holds nothing per Package. Made on first use: adding draft-07's meta-schema costs a few milliseconds
 * (compiling it on the first check, tens), and most schemas are plainly valid without asking it (meta-schema.ts).
 */
export const metaSchemaChecker = once(() => {
  const instance = new Ajv({ ...OPTIONS, verbose: true, code: { regExp: regExpEngine } });
  addFormatsTo(instance);
  return instance;
});

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
export function compiler(): Ajv {
  const instance = new Ajv({
    ...OPTIONS,
    verbose: false,
    validateSchema: false,
    meta: false,
    addUsedSchema: false,
    code: { optimize: false, process: compileEagerly, regExp: regExpEngine },
  });
  addFormatsTo(instance);
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
