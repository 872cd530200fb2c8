/**
 * A Package's `pattern` and `patternProperties` run on RE2 (linear time), never on JavaScript's backtracking RegExp:
 * whoever publishes a Package writes the patterns, and `^(a+)+$` on a 29-character value took 5.3 s (issue 16 §6).
 */
import { describe, expect, it } from 'vitest';
import { compileValuesSchema, loadLinearEngine, type SchemaNote } from '../../../src/carvel/values-schema.js';

// RE2 is loaded by the planner's loader before it plans (src/plan/load/load.ts); these tests compile schemas directly.
await loadLinearEngine();

function compiled(schema: unknown) {
  const r = compileValuesSchema(schema);
  if (!r.ok) throw new Error(`expected the schema to compile: ${r.error}`);
  return { validate: r.schema.validate, notes: r.notes, normalized: r.normalized };
}
const keywords = (ps: { path: unknown[]; keyword: string }[]) =>
  ps.map((p) => `${p.path.join('.')} ${p.keyword}`);

describe('patterns run in linear time', () => {
  it('the catastrophic ^(a+)+$ gives its verdict on a 50-character value', () => {
    const s = compiled({ properties: { name: { type: 'string', pattern: '^(a+)+$' } } });
    // On a backtracking engine the failing value below takes about 2^50 steps: this test would never finish.
    expect(keywords(s.validate({ name: `${'a'.repeat(50)}!` }))).toEqual(['name pattern']);
    expect(s.validate({ name: 'a'.repeat(50) })).toEqual([]);
  });

  it('the same holds under patternProperties, for keys', () => {
    const s = compiled({ type: 'object', patternProperties: { '^(a+)+$': { type: 'integer' } } });
    expect(keywords(s.validate({ [`${'a'.repeat(50)}`]: 'x' }))).toEqual([`${'a'.repeat(50)} type`]);
    expect(s.validate({ [`${'a'.repeat(50)}!`]: 'x' })).toEqual([]);
  });

  it('a pattern is searched anywhere in the value, as JSON Schema says (not anchored)', () => {
    const s = compiled({ properties: { v: { type: 'string', pattern: 'b+' } } });
    expect(s.validate({ v: 'abbc' })).toEqual([]);
    expect(keywords(s.validate({ v: 'ac' }))).toEqual(['v pattern']);
  });

  it("RE2's own syntax works: Go's (?i) (which JavaScript's RegExp rejects) and Go-style \\_", () => {
    const s = compiled({
      properties: {
        a: { type: 'string', pattern: '^(?i)abc$' },
        b: { type: 'string', pattern: '^[\\w\\_]+$' },
      },
    });
    expect(s.notes).toEqual([]);
    expect(s.validate({ a: 'ABC', b: 'x_y' })).toEqual([]);
    expect(keywords(s.validate({ a: 'abd', b: 'x y' }))).toEqual(['a pattern', 'b pattern']);
  });

  it('JavaScript spellings RE2 lacks are translated: \\uXXXX, named groups', () => {
    const s = compiled({ properties: { a: { type: 'string', pattern: '^\\u00e9(?<rest>x*)$' } } });
    expect(s.validate({ a: 'éxx' })).toEqual([]);
    expect(keywords(s.validate({ a: 'exx' }))).toEqual(['a pattern']);
  });
});

describe('a pattern RE2 cannot run is a warning, never an error and never a backtracking match', () => {
  const cases: [string, string, string][] = [
    ['a lookahead', '^(?=.*[0-9]).{8,}$', 'invalid or unsupported Perl syntax'],
    ['a lookbehind', '(?<!x)y', 'invalid named capture'],
    ['a backreference', '^(a)\\1$', 'invalid escape sequence'],
    ['broken syntax', '([', 'missing closing ]'],
  ];
  it.each(cases)('%s: noted "not checked" at the schema path, and any value passes', (_, pattern, why) => {
    const s = compiled({ properties: { password: { type: 'string', pattern } } });
    expect(s.notes).toEqual<SchemaNote[]>([
      {
        path: ['password'],
        at: 'openAPIv3.properties.password.pattern',
        message: expect.stringMatching(
          /^pattern .* is not checked: the linear-time engine \(RE2\) cannot run it/,
        ),
      },
    ]);
    expect(s.notes[0]!.message).toContain(why);
    expect(JSON.stringify(s.normalized)).not.toContain('pattern');
    expect(s.validate({ password: 'short' })).toEqual([]);
    // The rest of the key's schema still holds.
    expect(keywords(s.validate({ password: 5 }))).toEqual(['password type']);
  });

  it('a patternProperties key RE2 cannot run leaves those keys, and additionalProperties: false, unchecked', () => {
    const s = compiled({
      type: 'object',
      properties: { known: { type: 'string' } },
      patternProperties: { '^x-(?!internal)': { type: 'string' }, '^n-': { type: 'integer' } },
      additionalProperties: false,
    });
    expect(s.notes.map((n) => [n.at, n.message])).toEqual([
      [
        'openAPIv3.patternProperties',
        expect.stringContaining('the keys matching ^x-(?!internal) are not checked'),
      ],
      ['openAPIv3.additionalProperties', expect.stringContaining('additionalProperties is not checked')],
    ]);
    // Would be rejected as unknown had additionalProperties stayed: which keys the pattern covers is unknown.
    expect(s.validate({ known: 'k', 'x-a': 1, other: true })).toEqual([]);
    expect(keywords(s.validate({ 'n-1': 'one' }))).toEqual(['n-1 type']);
  });

  it('a pattern that is not a string is noted, not checked', () => {
    const s = compiled({ properties: { a: { type: 'string', pattern: 42 } } });
    expect(s.notes).toEqual([
      {
        path: ['a'],
        at: 'openAPIv3.properties.a.pattern',
        message: 'pattern must be a string, not integer: not checked',
      },
    ]);
    expect(s.validate({ a: 'x' })).toEqual([]);
  });
});

describe('patternProperties', () => {
  it('checks the keys a pattern matches, and additionalProperties: false spares them', () => {
    const s = compiled({
      type: 'object',
      properties: { replicas: { type: 'integer' } },
      patternProperties: { '^label-[a-z]+$': { type: 'string', maxLength: 3 } },
      additionalProperties: false,
    });
    expect(s.notes).toEqual([]);
    expect(s.validate({ replicas: 1, 'label-app': 'abc' })).toEqual([]);
    expect(keywords(s.validate({ 'label-app': 'abcd', 'label-9': 'x' }))).toEqual([
      'label-9 additionalProperties',
      'label-app maxLength',
    ]);
  });
});
