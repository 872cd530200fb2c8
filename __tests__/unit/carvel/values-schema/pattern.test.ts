import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadLinearEngineFor, usesPatterns } from '../../../../src/carvel/values-schema/pattern.js';
import { compileValuesSchema } from '../../../../src/carvel/values-schema.js';

const ROOT = new URL('../../../../', import.meta.url).pathname;

describe('usesPatterns: whether a schema needs RE2', () => {
  it.each([
    [{ type: 'string', pattern: '^a$' }, true],
    [{ properties: { a: { items: { pattern: 'x' } } } }, true],
    [{ patternProperties: { '^x-': {} } }, true],
    [{ properties: { re: { type: 'string', format: 'regex' } } }, true],
    [{ properties: { a: { type: 'string', format: 'email' } } }, false],
    [{ type: 'object', properties: {} }, false],
    [undefined, false],
    ['pattern', false],
  ])('%j → %s', (schema, expected) => expect(usesPatterns(schema)).toBe(expected));

  it('looks at a node shared by YAML aliases once', () => {
    const shared: Record<string, unknown> = { type: 'object' };
    let node: Record<string, unknown> = shared;
    for (let i = 0; i < 64; i++) node = { properties: { a: node, b: node } };
    expect(usesPatterns(node)).toBe(false);
  });
});

describe('the RE2 engine is loaded before a pattern is compiled', () => {
  const schema = { type: 'object', properties: { p: { type: 'string', pattern: '(?i)^[a-z]+$' } } };

  // The engine is loaded once per process, and test files share a worker's modules (isolate: false):
  // the state before any load is a fresh process's. (vi.resetModules would not do: it gives later
  // files fresh copies of src/ beside the same @actions/core, whose summary keeps the first path.)
  it('fails loudly when a pattern is compiled before the load, and compiles a schema without one', () => {
    const module = new URL('../../../../src/carvel/values-schema.ts', import.meta.url).href;
    const script = `
      const { compileValuesSchema, LinearEngineNotLoadedError } = await import(${JSON.stringify(module)});
      let before;
      try { compileValuesSchema(${JSON.stringify(schema)}); before = 'compiled'; }
      catch (e) { before = e instanceof LinearEngineNotLoadedError ? 'not loaded' : String(e); }
      console.log(JSON.stringify([before, compileValuesSchema({ type: 'object' }).ok]));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual(['not loaded', true]);
  });

  it('checks by RE2 once loaded', async () => {
    await loadLinearEngineFor(schema);
    const compiled = compileValuesSchema(schema);
    if (!compiled.ok) throw new Error(compiled.error);
    expect(compiled.schema.validate({ p: 'ABC' })).toEqual([]);
    expect(compiled.schema.validate({ p: 'A.C' }).map((p) => p.keyword)).toEqual(['pattern']);
  });
});
