/**
 * The registry of diagnostic codes (src/diagnostics/codes.ts) is complete and every code in it is produced by a test.
 * "Produced" is read from the test sources: a test names a code it asserts as a quoted string ('x', "x" or `x`);
 * this file and the docs drift test, which name every code, do not count. A code no test produces yet is listed
 * below, and the list can only shrink: a listed code that a test now produces fails here until it is removed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES, type DiagnosticCode } from '../../src/diagnostics/codes.js';
import { error, warning } from '../../src/diagnostics.js';

const TESTS = new URL('../', import.meta.url).pathname;
const NAMES_EVERY_CODE = new Set(['diagnostics/codes.test.ts', 'meta/diagnostics-doc.test.ts']);

/** Codes no test produces yet; each is a debt (see the report of the change that made this list). */
const NOT_YET_PRODUCED: readonly DiagnosticCode[] = [
  'sops.key-groups',
  'values.schema-rule',
  'plan.unsafe-path',
  'bootstrap.no-version',
  'sops.bad-key',
];

function testSources(): string[] {
  return readdirSync(TESTS, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ts$/.test(e.name))
    .map((e) => relative(TESTS, join(e.parentPath, e.name)))
    .filter((file) => !NAMES_EVERY_CODE.has(file))
    .map((file) => readFileSync(join(TESTS, file), 'utf8'));
}

function codesNamedIn(sources: readonly string[], codes: readonly string[]): Set<string> {
  const text = sources.join('\n');
  return new Set(
    codes.filter((c) => [`'${c}'`, `"${c}"`, `\`${c}\``].some((quoted) => text.includes(quoted))),
  );
}

describe('the diagnostic code registry', () => {
  const codes = Object.keys(CODES) as DiagnosticCode[];
  const named = codesNamedIn(testSources(), codes);

  it('has every code produced by a test, or listed as not yet produced', () => {
    expect(codes.filter((c) => !named.has(c) && !NOT_YET_PRODUCED.includes(c))).toEqual([]);
  });

  it('lists as not yet produced only codes that no test produces', () => {
    expect(NOT_YET_PRODUCED.filter((c) => named.has(c))).toEqual([]);
  });

  it('reads a code as produced only when a test quotes it', () => {
    const found = codesNamedIn(["expect(d.code).toBe('yaml.syntax')", 'yaml.duplicate-key in prose'], codes);
    expect([...found]).toEqual(['yaml.syntax']);
  });

  it('says for every code its meaning and its fix, in sentences', () => {
    for (const [code, entry] of Object.entries(CODES)) {
      expect(code).toMatch(/^[a-z]+\.[a-zA-Z-]+$/);
      expect(entry.meaning.length, code).toBeGreaterThan(10);
      expect(entry.fix.length, code).toBeGreaterThan(3);
      expect(entry.severity === 'either', code).toBe('when' in entry);
    }
  });

  it('is frozen: no code is added or changed at run time', () => {
    expect(Object.isFrozen(CODES)).toBe(true);
    expect(Object.isFrozen(CODES['yaml.syntax'])).toBe(true);
  });

  it('accepts in error() and warning() only codes of the matching severity (checked by tsc)', () => {
    expect(error('yaml.syntax', 'm', 'f').severity).toBe('error');
    expect(warning('values.plain-secret', 'm', 'f').severity).toBe('warning');
    // @ts-expect-error a code that is not in the registry does not compile
    error('made.up', 'm', 'f');
    // @ts-expect-error a warning-only code is no error
    error('plan.downgrade', 'm', 'f');
    // @ts-expect-error an error-only code is no warning
    warning('yaml.syntax', 'm', 'f');
  });
});
