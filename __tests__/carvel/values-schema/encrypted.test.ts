/**
 * No oracle on encrypted values (issue 16 §5): values that came from an encrypted Secret get at most one problem per
 * values path, saying only that it fails. Which rule failed depends on the value, so a schema author could otherwise
 * read a secret back from the messages: an allOf of one pattern per (position, character) did exactly that.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileValuesSchema,
  loadLinearEngine,
  type ValuesProblem,
} from '../../../src/carvel/values-schema.js';
import { propertyOptions } from '../../helpers/fc.js';

// RE2 is loaded by the planner's loader before it plans (src/plan/load/load.ts); these tests compile schemas directly.
await loadLinearEngine();

const WITHHELD = '(encrypted) does not satisfy the schema; details withheld';
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function compiled(schema: unknown) {
  const r = compileValuesSchema(schema);
  if (!r.ok) throw new Error(`expected the schema to compile: ${r.error}`);
  return r.schema;
}

/** The attack: `^.{i}[^c]` fails exactly when the value's character i is c, so each error names one character. */
function oracleSchema(length: number) {
  const allOf = [];
  for (let i = 0; i < length; i++)
    for (const c of ALPHABET) allOf.push({ pattern: `^(.{${i}}[^${c}]|.{0,${i}}$)` });
  return { type: 'object', properties: { token: { type: 'string', allOf } } };
}

describe('values from an encrypted Secret', () => {
  const secret = 'hunter2s3cr3t';
  const schema = compiled(oracleSchema(secret.length));

  it('the plain check would spell the secret out: this is what the encrypted check must not do', () => {
    const problems = schema.validate({ token: secret });
    expect(problems).toHaveLength(secret.length);
    const leaked = problems.map((p) => /\[\^(.)\]/.exec(p.message)?.[1]).join('');
    expect(leaked).toBe(secret);
  });

  it('the allOf-per-character attack yields exactly one message for the key path, with no schema text', () => {
    expect(schema.validate({ token: secret }, { encrypted: true })).toEqual<ValuesProblem[]>([
      { path: ['token'], keyword: 'withheld', message: WITHHELD },
    ]);
  });

  it('a valid encrypted value has no problem at all', () => {
    expect(
      compiled({ properties: { token: { type: 'string', minLength: 4 } } }).validate(
        { token: 'abcd' },
        { encrypted: true },
      ),
    ).toEqual([]);
  });

  it('one problem per path, whatever rules fail there; nested keys the schema names keep their path', () => {
    const s = compiled({
      type: 'object',
      required: ['db'],
      properties: {
        db: {
          type: 'object',
          properties: {
            password: { type: 'string', minLength: 12, pattern: '[0-9]', not: { enum: ['changeme'] } },
            port: { type: 'integer', maximum: 65535, enum: [5432, 5433] },
          },
        },
      },
    });
    expect(s.validate({ db: { password: 'changeme', port: 70000 } }, { encrypted: true })).toEqual([
      { path: ['db', 'password'], keyword: 'withheld', message: WITHHELD },
      { path: ['db', 'port'], keyword: 'withheld', message: WITHHELD },
    ]);
    // A missing required key is reported at its object: whether it is there depends on the values.
    expect(s.validate({}, { encrypted: true })).toEqual([
      { path: [], keyword: 'withheld', message: WITHHELD },
    ]);
  });

  it("a map's own keys are not shown: a problem under a key the schema does not name is reported at the map", () => {
    const s = compiled({
      properties: {
        users: { type: 'object', additionalProperties: { type: 'string', pattern: '^\\$2y\\$' } },
        tokens: { type: 'array', items: { type: 'string', minLength: 8 } },
      },
      additionalProperties: false,
    });
    const problems = s.validate(
      { users: { 'alice-s3cret-name': 'plain' }, tokens: ['long-enough', 'short'], 'unknown-s3cret': 1 },
      { encrypted: true },
    );
    expect(problems.map((p) => p.path)).toEqual([[], ['users'], ['tokens', 1]]);
    expect(JSON.stringify(problems)).not.toContain('s3cret');
  });

  it('property: two different failing values of one path get identical messages (seed 42)', () => {
    const s = compiled({
      type: 'object',
      properties: {
        token: {
          type: 'string',
          minLength: 6,
          maxLength: 40,
          pattern: '^[a-z0-9-]+$',
          not: { enum: ['password', 'changeme'] },
          format: 'hostname',
          allOf: oracleSchema(6).properties.token.allOf,
        },
      },
    });
    const value = fc.oneof(
      fc.string({ maxLength: 50 }),
      fc.integer(),
      fc.constant(null),
      fc.boolean(),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }),
    );
    const fails = (v: unknown) => s.validate({ token: v }).length > 0;
    fc.assert(
      fc.property(value.filter(fails), value.filter(fails), (a, b) => {
        const [ma, mb] = [
          s.validate({ token: a }, { encrypted: true }),
          s.validate({ token: b }, { encrypted: true }),
        ];
        expect(ma).toEqual(mb);
        expect(ma).toEqual([{ path: ['token'], keyword: 'withheld', message: WITHHELD }]);
      }),
      propertyOptions({ seed: 42, numRuns: 300 }),
    );
  });

  it('a key named valueOf, which ajv cannot compare, is withheld the same way', () => {
    const s = compiled({ properties: { list: { type: 'array', uniqueItems: true } } });
    expect(s.validate({ list: [{ valueOf: 1 }, { valueOf: 2 }] }, { encrypted: true })).toEqual([
      { path: [], keyword: 'withheld', message: WITHHELD },
    ]);
  });
});
