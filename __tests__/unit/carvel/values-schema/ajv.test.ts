import { describe, expect, it } from 'vitest';
import { compiler, FORMAT_NAMES, metaSchemaChecker } from '../../../../src/carvel/values-schema/ajv.js';
import { compileValuesSchema } from '../../../../src/carvel/values-schema.js';

describe('the formats normalise() keeps', () => {
  it('are exactly those an instance knows, so asking needs no instance', () => {
    expect([...FORMAT_NAMES].sort()).toEqual(Object.keys(compiler().formats).sort());
    expect([...FORMAT_NAMES].sort()).toEqual(Object.keys(metaSchemaChecker().formats).sort());
  });

  it('keep a format ajv-formats checks and drop, noted, a name Object.prototype has', () => {
    const result = compileValuesSchema({
      type: 'object',
      properties: {
        port: { type: 'integer', format: 'int32' },
        odd: { type: 'string', format: 'constructor' },
      },
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.normalized).toMatchObject({ properties: { port: { format: 'int32' } } });
    expect(result.normalized).not.toHaveProperty(['properties', 'odd', 'format']);
    expect(result.notes.map((n) => n.message)).toEqual([
      'format "constructor" is not a format this check knows: not checked',
    ]);
    expect(result.schema.validate({ port: 2 ** 31 }).map((p) => p.keyword)).toEqual(['format']);
  });
});
