import { Ajv } from 'ajv';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compiler } from '../../../../src/carvel/values-schema/ajv.js';
import { compileByParts, errorsOf } from '../../../../src/carvel/values-schema/compile.js';
import { propertyOptions } from '../../../helpers/fc.js';

afterEach(() => vi.restoreAllMocks());

/** A schema of its own each test: compiled parts are shared by content across the run. */
const unique = (tag: string) => ({ type: 'string', maxLength: 40, description: tag });

const schema = (tag: string) => ({
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, description: tag },
    port: { type: 'integer', minimum: 1, maximum: 65535, description: tag },
    tls: {
      type: 'object',
      properties: { enabled: { type: 'boolean' }, secret: unique(tag) },
      description: tag,
    },
    level: { type: 'string', enum: ['debug', 'info'], description: tag },
  },
});

describe('compileByParts', () => {
  it('gives the errors of the schema compiled whole, in the same order', () => {
    const values = fc.dictionary(
      fc.constantFrom('name', 'port', 'tls', 'level', 'other'),
      fc.oneof(
        fc.string({ maxLength: 3 }),
        fc.integer({ min: -5, max: 70_000 }),
        fc.boolean(),
        fc.record({ enabled: fc.oneof(fc.boolean(), fc.string()), secret: fc.string({ maxLength: 50 }) }),
      ),
    );
    const s = schema('agree');
    const parts = compileByParts(s);
    const whole = errorsOf(compiler().compile(s));
    fc.assert(
      fc.property(values, (data) => {
        expect(parts(data)).toEqual(whole(data));
      }),
      propertyOptions({ numRuns: 200 }),
    );
  });

  it('compiles a property only once a value holds its key, then reuses it', () => {
    const compile = vi.spyOn(Ajv.prototype, 'compile');
    const check = compileByParts(schema('lazy'));
    expect(compile).toHaveBeenCalledTimes(1); // the root alone
    expect(check({ name: 'a' })).toEqual([]);
    expect(compile).toHaveBeenCalledTimes(2); // name
    expect(check({ name: 'b', port: 0 }).map((e) => e.instancePath)).toEqual(['/port']);
    expect(check({ name: 'c', port: 1 })).toEqual([]);
    expect(compile).toHaveBeenCalledTimes(3); // port, once
  });

  it('checks nothing but the root for values that set no property', () => {
    const compile = vi.spyOn(Ajv.prototype, 'compile');
    const check = compileByParts(schema('empty'));
    expect(check({}).map((e) => e.message)).toEqual(["must have required property 'name'"]);
    expect(compile).toHaveBeenCalledTimes(1);
  });
});
