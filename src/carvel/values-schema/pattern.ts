/**
 * `pattern` and `patternProperties` run on RE2 (re2js, a pure-JS port: ncc bundles it into dist/, a native addon it
 * cannot), whose matching is linear in the value's length. On a backtracking engine a Package author's
 * `^(a+)+$` took seconds on a 29-character value; a valuesSchema comes from whoever publishes the Package.
 * A pattern RE2 cannot compile (lookarounds, backreferences) is reported and left unchecked, never handed to
 * JavaScript's RegExp.
 *
 * re2js is imported on first need, not at load: importing it builds its Unicode tables (by profile ~4 % of the
 * action's CPU, ~6 % of `flux-pkg validate`'s; the CLI's validate of examples/gitops measured 0.98× and 1.01× the
 * wall time before, within the machine's noise), which a repository whose schemas have no pattern never uses. The
 * planner is synchronous, so the engine is loaded ahead, by the loader (src/plan/load/load.ts, for every Package
 * it reads): loadLinearEngineFor(schema). A schema with a pattern compiled before that fails loudly
 * (LinearEngineNotLoadedError), never unchecked.
 */
import type { RE2JS } from 're2js';

let engine: typeof RE2JS | undefined;

/** A pattern was about to be compiled before loadLinearEngineFor() loaded RE2: a caller that skipped the loader. */
export class LinearEngineNotLoadedError extends Error {}

/** RE2, loaded when `openAPIv3` has a pattern, a patternProperties or a `format: regex` anywhere (else nothing). */
export async function loadLinearEngineFor(openAPIv3: unknown): Promise<void> {
  if (!engine && usesPatterns(openAPIv3)) await loadLinearEngine();
}

/** RE2, whatever the schema (tests that compile schemas without the loader). */
export async function loadLinearEngine(): Promise<void> {
  engine ??= (await import('re2js')).RE2JS;
}

/** Whether compiling or checking against `openAPIv3` needs RE2: true also for a property named `pattern` (harmless). */
export function usesPatterns(openAPIv3: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [openAPIv3];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node); // YAML aliases share nodes: each is looked at once
    if (!Array.isArray(node)) {
      const o = node as Record<string, unknown>;
      if (Object.hasOwn(o, 'pattern') || Object.hasOwn(o, 'patternProperties') || o.format === 'regex')
        return true;
    }
    stack.push(...Object.values(node));
  }
  return false;
}

/** Throws LinearEngineNotLoadedError when `openAPIv3` needs RE2 and nobody loaded it: a loud failure, not a pattern left unchecked. */
export function requireLinearEngineFor(openAPIv3: unknown): void {
  if (!engine && usesPatterns(openAPIv3)) loadedEngine();
}

function loadedEngine(): typeof RE2JS {
  if (engine) return engine;
  throw new LinearEngineNotLoadedError(
    'internal error: a valuesSchema pattern was compiled before the RE2 engine was loaded (await loadLinearEngineFor(schema) first, as src/plan/load/load.ts does)',
  );
}

/** What ajv's `code.regExp` option must return: ajv calls `test` for `pattern`, and keys its cache by toString(). */
export interface LinearRegExp {
  test(s: string): boolean;
  toString(): string;
}

/** Compiled patterns by source. A Package's schemas repeat across its versions; this keeps the set bounded. */
const COMPILED_KEPT = 1024;
const compiled = new Map<string, LinearRegExp>();

/**
 * JSON Schema's `pattern` is an ECMA-262 regular expression searched anywhere in the string (not anchored).
 * RE2JS.translateRegExp rewrites the JavaScript-only spellings RE2 would misread (`(?<name>`, `\uXXXX`, `\cA`, `[^]`);
 * RE2JS#test is an unanchored search. Throws (RE2JSSyntaxException) when RE2 cannot compile the pattern.
 */
export function linearRegExp(pattern: string): LinearRegExp {
  let re = compiled.get(pattern);
  if (re) return re;
  const RE2 = loadedEngine();
  const compiledRe = RE2.compile(RE2.translateRegExp(pattern));
  re = { test: (s: string) => compiledRe.test(s), toString: () => `/${pattern}/re2` };
  if (compiled.size >= COMPILED_KEPT) compiled.delete(compiled.keys().next().value as string);
  compiled.set(pattern, re);
  return re;
}

/** ajv's `code.regExp`: flags are ignored (ajv passes "u" or ""; RE2 reads every pattern as Unicode). */
export const regExpEngine = Object.assign((pattern: string, _flags: string) => linearRegExp(pattern), {
  code: 'linearRegExp', // only read by ajv's standalone code generation, which this project does not use
});

/** Why RE2 cannot run a pattern (lookaround, backreference, bad syntax), or undefined when it can. */
export function unsupportedPattern(pattern: string): string | undefined {
  try {
    linearRegExp(pattern);
    return undefined;
  } catch (err) {
    if (err instanceof LinearEngineNotLoadedError) throw err;
    // re2js: "error parsing regexp: invalid or unsupported Perl syntax: `(?=`"
    return (err as Error).message.replace(/^error parsing regexp: /, '');
  }
}
