/**
 * A valuesSchema `pattern` is checked by RE2 in the CLI (in process, on a copy of the bundled example), though
 * re2js is loaded only when a schema has one: the loader loads it before the synchronous planner compiles the
 * schema. `(?i)` is RE2's spelling (JavaScript's RegExp rejects it): a finding on it is RE2's.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const EXAMPLE = new URL('../../examples/gitops', import.meta.url).pathname;
const APP = 'app.default.tap';

/** The example with every Package's hostname limited to letters: dev's app.dev.example.com has dots. */
function exampleWithPatterns(): string {
  const repo = join(mkdtempSync(join(tmpdir(), 'flux-pkg-pattern-')), 'repo');
  cpSync(EXAMPLE, repo, { recursive: true });
  const packages = join(repo, APP, 'packages');
  for (const name of readdirSync(packages)) {
    const file = join(packages, name);
    const text = readFileSync(file, 'utf8');
    const patterned = text.replace(
      '        hostname:\n',
      '        hostname:\n          pattern: "(?i)^[A-Z]+$"\n',
    );
    expect(patterned).not.toBe(text);
    writeFileSync(file, patterned);
  }
  return repo;
}

it('validate reports values.pattern at the values file that does not match', async () => {
  let out = '';
  const code = await main(['validate', '--repo', exampleWithPatterns(), '--json'], {
    out: (t) => (out += t),
    err: () => {},
  });
  expect(code).not.toBe(0);
  const found = (JSON.parse(out).diagnostics as { code: string; file: string }[]).filter(
    (d) => d.code === 'values.pattern',
  );
  expect(found.map((d) => d.file)).toContain(`${APP}/dev/params.yaml`);
});
