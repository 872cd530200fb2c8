import { describe, expect, it, vi } from 'vitest';
import { usesPatterns } from '../../../../src/carvel/values-schema/pattern.js';

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
  // The engine is loaded once per module instance, and test files share a worker's modules (isolate: false):
  // fresh instances, so the state before the load is this test's own whatever ran before it.
  it('fails loudly before the load, and checks by RE2 after it', async () => {
    vi.resetModules();
    const { loadLinearEngineFor } = await import('../../../../src/carvel/values-schema/pattern.js');
    const { compileValuesSchema, LinearEngineNotLoadedError } = await import(
      '../../../../src/carvel/values-schema.js'
    );
    const schema = { type: 'object', properties: { p: { type: 'string', pattern: '(?i)^[a-z]+$' } } };
    expect(() => compileValuesSchema(schema)).toThrow(LinearEngineNotLoadedError);
    expect(compileValuesSchema({ type: 'object' }).ok).toBe(true);
    await loadLinearEngineFor(schema);
    const compiled = compileValuesSchema(schema);
    if (!compiled.ok) throw new Error(compiled.error);
    expect(compiled.schema.validate({ p: 'ABC' })).toEqual([]);
    expect(compiled.schema.validate({ p: 'A.C' }).map((p) => p.keyword)).toEqual(['pattern']);
  });
});
