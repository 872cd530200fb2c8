/**
 * Schema quirks (issue 18): kapp-controller stores any valuesSchema without reading it, so whatever a real schema gets
 * wrong must never block the Package. Each quirk is read the most lenient way that still checks what the schema
 * clearly says, with a note (a warning on the Package) naming the schema path. Fixtures are minimal, written for
 * these tests; the comment on each names the public file that showed the quirk.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileValuesSchema,
  defaultValues,
  loadLinearEngine,
  type ValuesProblem,
} from '../../../src/carvel/values-schema.js';
import { propertyOptions } from '../../helpers/fc.js';

// RE2 is loaded by the planner's loader before it plans (src/plan/load/load.ts); these tests compile schemas directly.
await loadLinearEngine();

function compiled(schema: unknown) {
  const r = compileValuesSchema(schema);
  if (!r.ok) throw new Error(`expected the schema to compile: ${r.error}`);
  return { validate: r.schema.validate, notes: r.notes, normalized: r.normalized };
}
const keywords = (ps: ValuesProblem[]) => ps.map((p) => `${p.path.join('.')} ${p.keyword}`);
const notesAt = (notes: { at?: string; message: string }[]) => notes.map((n) => [n.at, n.message]);

describe('type quirks', () => {
  it('type: "" (Helm readme-generator output) accepts any type, noted; the list around it is still checked', () => {
    // vmware-tanzu/package-for-kubeapps 10.3.3/package.yaml @d6954bd: `extraHosts: {type: array, items: {type: ""}}`
    // (180 such items across its 11 Packages).
    const s = compiled({
      type: 'object',
      properties: { extraHosts: { type: 'array', default: [], items: { type: '' } } },
    });
    expect(notesAt(s.notes)).toEqual([
      ['openAPIv3.properties.extraHosts.items.type', 'type "" names no type: any type is accepted'],
    ]);
    expect(s.validate({ extraHosts: ['a.example.com', { name: 'b' }, 3] })).toEqual([]);
    expect(keywords(s.validate({ extraHosts: 'a.example.com' }))).toEqual(['extraHosts type']);
  });

  it('type with no value (YAML `type:` is null) accepts any type, noted', () => {
    const s = compiled({ properties: { affinity: { type: null, default: {} } } });
    expect(notesAt(s.notes)).toEqual([
      ['openAPIv3.properties.affinity.type', 'type is empty (null) names no type: any type is accepted'],
    ]);
    for (const v of [{}, 'x', 3, null]) expect(s.validate({ affinity: v })).toEqual([]);
  });

  it('a type that is no type name (42, "file") is ignored, noted; the other names in a list stay', () => {
    const s = compiled({
      properties: { a: { type: 42 }, b: { type: 'file' }, c: { type: ['string', 'map'] } },
    });
    expect(notesAt(s.notes)).toEqual([
      ['openAPIv3.properties.a.type', 'type 42 is not a type name: ignored'],
      ['openAPIv3.properties.b.type', 'type "file" is not a type name: ignored'],
      ['openAPIv3.properties.c.type', 'type "map" is not a type name: ignored'],
    ]);
    expect(s.validate({ a: [1], b: {}, c: 'x' })).toEqual([]);
    expect(keywords(s.validate({ c: 1 }))).toEqual(['c type']);
  });
});

describe('default, nullable and required quirks', () => {
  it('default: "null" (a string) on a nullable list is read as null, not as a reason to accept strings', () => {
    // vmware-tanzu/package-for-kubeapps 8.0.10/package.yaml @d6954bd:
    // `defaultPrereleasesVersionSelection: {type: array, default: "null", nullable: true}`.
    const schema = {
      properties: { sel: { type: 'array', items: { type: 'string' }, default: 'null', nullable: true } },
    };
    const s = compiled(schema);
    expect(s.notes).toEqual([]);
    expect(s.validate({ sel: null })).toEqual([]);
    expect(keywords(s.validate({ sel: 'rc' }))).toEqual(['sel type']);
    expect(defaultValues(schema)).toEqual({ sel: null });
  });

  it('required: true on a key (OpenAPI 2 style) is noted and not enforced; required: "x" likewise', () => {
    // The issue 18 list (hand-written schemas in the Swagger 2.0 habit); no public Package with it was found.
    const s = compiled({
      type: 'object',
      properties: { host: { type: 'string', required: true }, tls: { type: 'object', required: 'cert' } },
    });
    expect(notesAt(s.notes)).toEqual([
      ['openAPIv3.properties.host.required', 'required: true on a key is OpenAPI 2 style: not enforced'],
      ['openAPIv3.properties.tls.required', 'required must be a list of key names, not string: not enforced'],
    ]);
    expect(s.validate({})).toEqual([]);
    expect(s.validate({ tls: {} })).toEqual([]);
    expect(keywords(s.validate({ host: 1 }))).toEqual(['host type']);
  });

  it('an enum listing a value twice is one allowed value, quietly', () => {
    const s = compiled({ properties: { mode: { type: 'string', enum: ['a', 'b', 'a'] } } });
    expect(s.notes).toEqual([]);
    expect(s.validate({ mode: 'a' })).toEqual([]);
    expect(keywords(s.validate({ mode: 'c' }))).toEqual(['mode enum']);
  });

  it('a required list naming a key twice is one required key, quietly', () => {
    const s = compiled({ type: 'object', required: ['a', 'a'], properties: { a: { type: 'string' } } });
    expect(s.notes).toEqual([]);
    expect(keywords(s.validate({}))).toEqual(['a required']);
  });

  it('nullable: "true" (a string) is read as true, noted', () => {
    const s = compiled({ properties: { n: { type: 'integer', nullable: 'true' } } });
    expect(notesAt(s.notes)).toEqual([
      ['openAPIv3.properties.n.nullable', 'nullable is string, not true or false: read as true'],
    ]);
    expect(s.validate({ n: null })).toEqual([]);
  });
});

describe('structure quirks: a part that is not a schema is ignored, noted, and the rest still holds', () => {
  const cases: [string, object, string, string, unknown][] = [
    // vmware-tanzu/package-for-kubeapps packaging-templates/package.yaml @d6954bd: `properties: #@ data.values.properties`
    // renders `properties: null` when the data value is unset.
    [
      'properties: null',
      { properties: null },
      'openAPIv3.properties',
      'properties is empty (null), not a map: ignored',
      { any: 1 },
    ],
    [
      'a key with no schema (`a:`)',
      { properties: { a: null } },
      'openAPIv3.properties.a',
      'is empty (null), not a schema object: any value is accepted there',
      { a: [1] },
    ],
    [
      'additionalProperties: null',
      { type: 'object', additionalProperties: null },
      'openAPIv3.additionalProperties',
      'additionalProperties is empty (null), not true, false or a schema: ignored',
      { x: 1 },
    ],
    [
      'items: 5',
      { type: 'array', items: 5 },
      'openAPIv3.items',
      'items is integer, not a schema: ignored',
      [1, 'a'],
    ],
    [
      'items: []',
      { properties: { l: { type: 'array', items: [] } } },
      'openAPIv3.properties.l.items',
      'items is an empty list, not a schema: ignored',
      { l: [1, 'a'] },
    ],
    [
      'enum: "a"',
      { properties: { e: { enum: 'a' } } },
      'openAPIv3.properties.e.enum',
      'enum must be a list of the allowed values, not string: not checked',
      { e: 'b' },
    ],
    [
      'enum: []',
      { properties: { e: { type: 'string', enum: [] } } },
      'openAPIv3.properties.e.enum',
      'enum must be a list of the allowed values, not an empty list (no value could pass): not checked',
      { e: 'b' },
    ],
    [
      'oneOf: []',
      { properties: { o: { oneOf: [] } } },
      'openAPIv3.properties.o.oneOf',
      'oneOf is an empty list, not a list of schemas: ignored',
      { o: 1 },
    ],
    [
      'not: null (would otherwise reject everything)',
      { properties: { n: { not: null } } },
      'openAPIv3.properties.n.not',
      'not is empty (null), not a schema: ignored',
      { n: 1 },
    ],
    [
      '$ref',
      { properties: { r: { $ref: '#/definitions/x' } } },
      'openAPIv3.properties.r.$ref',
      '$ref is not followed: what it points to is not checked',
      { r: 1 },
    ],
    [
      'minimum: "x"',
      { properties: { m: { type: 'integer', minimum: 'x' } } },
      'openAPIv3.properties.m.minimum',
      'minimum must be a number, not "x": not checked',
      { m: -5 },
    ],
    [
      'format: 7',
      { properties: { f: { type: 'string', format: 7 } } },
      'openAPIv3.properties.f.format',
      'format is not a name: not checked',
      { f: 'x' },
    ],
  ];
  it.each(cases)('%s', (_, schema, at, message, values) => {
    const s = compiled(schema);
    expect(notesAt(s.notes)).toEqual([[at, message]]);
    expect(s.validate(values)).toEqual([]);
  });

  it('a number written as a string is read as the number, noted', () => {
    const s = compiled({ properties: { replicas: { type: 'integer', minimum: '1', maxLength: '3' } } });
    expect(notesAt(s.notes)).toEqual([
      ['openAPIv3.properties.replicas.minimum', 'minimum is the string "1"; read as the number 1'],
      ['openAPIv3.properties.replicas.maxLength', 'maxLength is the string "3"; read as the number 3'],
    ]);
    expect(keywords(s.validate({ replicas: 0 }))).toEqual(['replicas minimum']);
  });

  it('additionalProperties: {} allows any other key, quietly (it says just that)', () => {
    const s = compiled({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: {} });
    expect(s.notes).toEqual([]);
    expect(s.validate({ a: 'x', other: [1] })).toEqual([]);
  });

  it('documentation (title, description, example(s), x-*, deprecated) changes nothing a value may be: dropped quietly', () => {
    // kapp-controller examples/cert-manager-tce-pkg/pkg.yml (title, examples at the root); vrabbi/tap-oss Packages.
    const s = compiled({
      title: 't',
      examples: [{ a: 1 }],
      'x-kubernetes-preserve-unknown-fields': true,
      properties: { a: { type: 'integer', description: 'd', example: 2, 'x-order': 1, deprecated: true } },
    });
    expect(s.notes).toEqual([]);
    expect(keywords(s.validate({ a: 'x' }))).toEqual(['a type']);
  });
});

describe('any schema whose root is a map is read, never refused', () => {
  it('property: an arbitrary JSON object compiles, every note names a place in openAPIv3 (seed 42)', () => {
    // Keys drawn from the keywords a schema may hold, so the generator reaches the normaliser's every branch.
    const KEYWORDS = [
      'type',
      'properties',
      'items',
      'additionalProperties',
      'required',
      'enum',
      'nullable',
      'default',
    ];
    KEYWORDS.push(
      'pattern',
      'format',
      'minimum',
      'maxLength',
      'oneOf',
      'anyOf',
      'allOf',
      'not',
      'patternProperties',
    );
    const leaf = fc.oneof(
      fc.constantFrom(
        '',
        'null',
        'string',
        'object',
        'array',
        'integer',
        'bool',
        'file',
        '^(a+)+$',
        '(?=x)',
        'true',
      ),
      fc.integer({ min: -2, max: 3 }),
      fc.boolean(),
      fc.constant(null),
    );
    const { schema } = fc.letrec((tie) => ({
      schema: fc.dictionary(fc.constantFrom(...KEYWORDS, 'a', 'b'), tie('value'), { maxKeys: 4 }),
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        tie('schema'),
        fc.array(tie('value'), { maxLength: 3 }),
      ),
    }));
    fc.assert(
      fc.property(schema, fc.jsonValue({ maxDepth: 3 }), (s, values) => {
        const r = compileValuesSchema(s);
        expect(r.ok, r.ok ? '' : r.error).toBe(true);
        for (const n of r.notes) expect(n.at ?? 'openAPIv3').toMatch(/^openAPIv3/);
        if (r.ok) expect(() => r.schema.validate(values)).not.toThrow();
      }),
      propertyOptions({ seed: 42, numRuns: 400 }),
    );
  });
});
