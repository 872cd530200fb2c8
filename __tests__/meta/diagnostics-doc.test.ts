/** docs/diagnostics.md cannot drift: it is what `npm run docs` writes from src/diagnostics/codes.ts. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS_PAGE, diagnosticsPage } from '../../scripts/docs.js';
import { CODES } from '../../src/diagnostics/codes.js';

const page = readFileSync(DIAGNOSTICS_PAGE, 'utf8');

describe('docs/diagnostics.md', () => {
  it('is what npm run docs writes (run it after changing src/diagnostics/codes.ts)', () => {
    expect(diagnosticsPage()).toBe(page);
  });

  it('has one row per code, and a change to an entry changes the page', () => {
    const rows = [...page.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect(rows.sort()).toEqual(Object.keys(CODES).sort());
    const edited = { ...CODES, 'yaml.syntax': { ...CODES['yaml.syntax'], fix: 'another fix' } };
    expect(diagnosticsPage(edited)).not.toBe(page);
  });
});
