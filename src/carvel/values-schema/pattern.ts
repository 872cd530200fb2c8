/**
 * `pattern` and `patternProperties` run on RE2 (re2js, a pure-JS port: ncc bundles it into dist/, a native addon it
 * cannot), whose matching is linear in the value's length. On a backtracking engine a Package author's
 * `^(a+)+$` took seconds on a 29-character value; a valuesSchema comes from whoever publishes the Package.
 * A pattern RE2 cannot compile (lookarounds, backreferences) is reported and left unchecked, never handed to
 * JavaScript's RegExp.
 */
import { RE2JS } from 're2js';

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
  const engine = RE2JS.compile(RE2JS.translateRegExp(pattern));
  re = { test: (s: string) => engine.test(s), toString: () => `/${pattern}/re2` };
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
    // re2js: "error parsing regexp: invalid or unsupported Perl syntax: `(?=`"
    return (err as Error).message.replace(/^error parsing regexp: /, '');
  }
}
