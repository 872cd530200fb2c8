import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import {
  type CompiledValuesSchema,
  type CompileResult,
  compileValuesSchema,
  defaultValues,
  loadLinearEngine,
  type SchemaNote,
  type ValuesProblem,
} from '../../src/carvel/values-schema.js';
import { propertyOptions } from '../helpers/fc.js';

// RE2 is loaded by the planner's loader before it plans (src/plan/load/load.ts); these tests compile schemas directly.
await loadLinearEngine();

function compiled(schema: unknown): CompiledValuesSchema & { notes: SchemaNote[]; normalized: object } {
  const r = compileValuesSchema(schema);
  if (!r.ok) throw new Error(`expected the schema to compile: ${r.error}`);
  return { validate: r.schema.validate, notes: r.notes, normalized: r.normalized };
}
/** "a.b.0 keyword" — compact enough to list every expected problem of a real file. */
const brief = (ps: ValuesProblem[]) => ps.map((p) => `${p.path.join('.')} ${p.keyword}`);
/** Notes grouped by what was assumed, so a new kind of quirk in a real schema shows up as a diff. */
function noteKinds(notes: SchemaNote[]): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const { message } of notes) {
    const kind =
      [
        [/^default is null/, 'default null → nullable'],
        [/^default is of type/, 'default type widened'],
        [/^type "(bool|int)"/, 'type alias'],
        [/^type "null"/, 'type null → any'],
        [/^oneOf branches overlap/, 'oneOf → anyOf'],
        [/any values are accepted$/, 'no schema'],
      ].find(([re]) => (re as RegExp).test(message))?.[1] ?? message;
    kinds[kind as string] = (kinds[kind as string] ?? 0) + 1;
  }
  return kinds;
}

// ---------------------------------------------------------------------------------------------------------------
// Real Packages (see SOURCES.md there). Outside this workspace the folder is absent and the block is skipped.

// ../shared beside the repository root, in any clone.
const REFERENCE =
  process.env.CARVEL_REFERENCE_PACKAGES ??
  fileURLToPath(new URL('../../../shared/reference/packages', import.meta.url));
const haveReference = existsSync(REFERENCE);
if (!haveReference) console.warn(`values-schema: skipping real-Package tests, ${REFERENCE} does not exist`);

/**
 * Notes each real schema is expected to produce. Anything not listed produces none: ytt's nested
 * `{nullable: true, default: …}` (any=True, e.g. contour, engineering-platform) is normal and quiet.
 */
const EXPECTED_NOTES: Record<string, Record<string, number>> = {
  'community-edition/fluent-bit-1.9.5': { 'default null → nullable': 3 },
  // grafana_ini/datasource_yaml/dashboardProvider_yaml are `type: object` with a string default, and the
  // package's own values file sets them to multi-line strings: the schema's type is wrong, not the values.
  'community-edition/grafana-7.5.16': { 'default null → nullable': 6, 'default type widened': 3 },
  'community-edition/harbor-2.6.3': { 'default null → nullable': 31 },
  'community-edition/velero-1.9.2': { 'type alias': 3 }, // type: bool
  'kadras-packages/crossplane.packages.kadras.io.2.3.4': { 'oneOf → anyOf': 2 }, // revisionHistoryLimit ×2
  'kapp-controller/dynatrace.carvel.dev.1.0.0': { 'no schema': 1 }, // {default: null, nullable: true}
};

/**
 * Problems of `defaultValues(schema)` against the schema itself. These are not normaliser gaps: they are keys
 * the package deliberately leaves for the user, and a platform engineer wants exactly these errors when a
 * values Secret forgets them.
 * - harbor: `required` secrets with no default (admin password, encryption key, component secrets).
 * - kadras (ytt): `default: ""` + `minLength: 4` is ytt's `@schema/validation min_len=4` on an empty default,
 *   i.e. "must be set"; ytt itself fails the same way in the cluster.
 */
const EXPECTED_DEFAULT_PROBLEMS: Record<string, string[]> = {
  'community-edition/harbor-2.6.3': [
    'harborAdminPassword required',
    'secretKey required',
    'core.secret required',
    'core.xsrfKey required',
    'jobservice.secret required',
    'registry.secret required',
  ],
  'kadras-packages/dependency-track.packages.kadras.io.5.0.4': [
    'domain_name minLength',
    'ingress_issuer minLength',
  ],
  'kadras-packages/knative-serving.packages.kadras.io.1.23.0': ['domain_name minLength'],
};

/**
 * Problems of each example values file. Not listed → valid. The harbor and velero files are ytt data-values
 * *defaults* (`#@data/values`) whose empty leaves (`key:` = null) are placeholders the user must fill or that
 * ytt tolerates because those packages have no ytt schema; their hand-written OpenAPI gives no `default: null`,
 * so null is rightly rejected there. The kadras files come from older commits of the package sources (SOURCES.md)
 * and use keys the current schema no longer has.
 */
const nullLeaves = (paths: string[]) => paths.map((p) => `${p} type`);
const EXPECTED_VALUES_PROBLEMS: Record<string, string[]> = {
  'community-edition/harbor-2.6.3.values.yaml': nullLeaves([
    'tlsCertificate.tls.crt',
    'tlsCertificate.tls.key',
    'tlsCertificate.ca.crt',
    'tlsCertificate.tlsSecretLabels',
    'tlsCertificateSecretName',
    'harborAdminPassword',
    'secretKey',
    'database.password',
    'database.shmSizeLimit',
    'database.maxIdleConns',
    'database.maxOpenConns',
    'exporter.cacheDuration',
    'core.secret',
    'core.xsrfKey',
    'jobservice.secret',
    'registry.secret',
    'trivy.timeout',
    'proxy.httpProxy',
    'proxy.httpsProxy',
    'pspNames',
    'caBundleSecretName',
    'trace.namespace',
    'trace.jaeger.username',
    'trace.jaeger.password',
    'trace.jaeger.agent_host',
    'trace.jaeger.agent_port',
  ]),
  'community-edition/velero-1.9.2.values.yaml': nullLeaves([
    'credential.extraEnvVars',
    'credential.extraSecretRef',
    'backupStorageLocation.spec.existingSecret.name',
    'backupStorageLocation.spec.existingSecret.key',
    'backupStorageLocation.spec.objectStorage.caCert',
    'backupStorageLocation.spec.objectStorage.prefix',
    'backupStorageLocation.spec.configAWS.s3ForcePathStyle',
    'backupStorageLocation.spec.configAWS.s3Url',
    'backupStorageLocation.spec.configAWS.publicUrl',
    'backupStorageLocation.spec.configAWS.serverSideEncryption',
    'backupStorageLocation.spec.configAWS.kmsKeyId',
    'backupStorageLocation.spec.configAWS.signatureVersion',
    'backupStorageLocation.spec.configAWS.profile',
    'backupStorageLocation.spec.configAWS.insecureSkipTLSVerify',
    'backupStorageLocation.spec.configAzure.resourceGroup',
    'backupStorageLocation.spec.configAzure.storageAccount',
    'backupStorageLocation.spec.configAzure.storageAccountKeyEnvVar',
    'backupStorageLocation.spec.configAzure.subscriptionId',
    'backupStorageLocation.spec.configAzure.blockSizeInBytes',
    'serviceAccount.annotations',
    'serviceAccount.labels',
    'environmentVariables',
  ]),
  'kadras-packages/cert-manager.packages.kadras.io.1.21.1.values.yaml': [
    'leader_election.lease_duration additionalProperties',
    'leader_election.renew_deadline additionalProperties',
    'leader_election.retry_period additionalProperties',
  ],
  'kadras-packages/contour.packages.kadras.io.1.33.6.values.yaml': [
    'infrastructure_provider additionalProperties',
  ],
};
EXPECTED_VALUES_PROBLEMS['kadras-packages/cert-manager.packages.kadras.io.1.21.1.values-secret.yaml'] =
  EXPECTED_VALUES_PROBLEMS['kadras-packages/cert-manager.packages.kadras.io.1.21.1.values.yaml']!;
EXPECTED_VALUES_PROBLEMS['kadras-packages/contour.packages.kadras.io.1.33.6.values-secret.yaml'] =
  EXPECTED_VALUES_PROBLEMS['kadras-packages/contour.packages.kadras.io.1.33.6.values.yaml']!;

interface RealPackage {
  id: string; // "<dir>/<file without .yaml>"
  openAPIv3: unknown;
  valuesFiles: { name: string; values: unknown }[];
}

function loadReference(): RealPackage[] {
  if (!haveReference) return [];
  const out: RealPackage[] = [];
  for (const dir of readdirSync(REFERENCE)
    .filter((d) => !d.includes('.'))
    .sort()) {
    const files = readdirSync(join(REFERENCE, dir));
    for (const file of files.filter((f) => f.endsWith('.yaml') && !f.includes('.values')).sort()) {
      const base = file.slice(0, -'.yaml'.length);
      const docs = parseAllDocuments(readFileSync(join(REFERENCE, dir, file), 'utf8')).map((d) => d.toJS());
      const pkg = docs.find((d) => d?.kind === 'Package');
      const valuesFiles = files
        .filter((f) => f === `${base}.values.yaml` || f === `${base}.values-secret.yaml`)
        .map((f) => {
          const doc = parse(readFileSync(join(REFERENCE, dir, f), 'utf8'));
          // The kadras files are the Secret a PackageInstall points at: the values are its values.yaml key.
          const values = f.endsWith('-secret.yaml') ? parse(doc.stringData['values.yaml']) : doc;
          return { name: `${dir}/${f}`, values };
        });
      out.push({ id: `${dir}/${base}`, openAPIv3: pkg.spec.valuesSchema?.openAPIv3, valuesFiles });
    }
  }
  return out;
}

describe.skipIf(!haveReference)('real Packages', () => {
  const packages = loadReference();

  it('finds the reference Packages and their values files', () => {
    expect(packages.length).toBe(27);
    expect(packages.flatMap((p) => p.valuesFiles).length).toBe(16);
  });

  describe.each(packages.map((p) => [p.id, p] as const))('%s', (id, pkg) => {
    const result: CompileResult = compileValuesSchema(pkg.openAPIv3);

    it('compiles, with the expected notes', () => {
      expect(result.ok, result.ok ? '' : result.error).toBe(true);
      expect(noteKinds(result.notes)).toEqual(EXPECTED_NOTES[id] ?? {});
    });

    it("accepts the schema's own defaults (except keys the user must set)", () => {
      // A Package whose schema does not compile fails here too, not only in the test above.
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(brief(result.schema.validate(defaultValues(pkg.openAPIv3)))).toEqual(
        EXPECTED_DEFAULT_PROBLEMS[id] ?? [],
      );
    });

    it.each(pkg.valuesFiles.map((f) => [f.name, f] as const))('validates %s as expected', (name, file) => {
      // A Package whose schema does not compile fails here too, not only in the test above.
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const problems = result.schema.validate(file.values);
      expect(brief(problems)).toEqual(EXPECTED_VALUES_PROBLEMS[name] ?? []);
      // The null-leaf files fail only on type, and say so without showing anything of the value.
      for (const p of problems.filter((x) => x.keyword === 'type')) expect(p.message).toMatch(/, not null$/);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// One fixture per rule.

describe('OpenAPI 3.0 normalisation', () => {
  it('nullable: true also accepts null, without a note', () => {
    const s = compiled({ properties: { a: { type: 'string', nullable: true }, b: { type: 'string' } } });
    expect(s.notes).toEqual([]);
    expect(s.validate({ a: null, b: 'x' })).toEqual([]);
    expect(s.validate({ a: 1 })).toEqual([
      { path: ['a'], keyword: 'type', message: 'must be string or null, not integer' },
    ]);
    expect(s.validate({ b: null })).toEqual([
      { path: ['b'], keyword: 'type', message: 'must be string, not null' },
    ]);
  });

  it('nullable enum lets null through', () => {
    const s = compiled({ properties: { e: { type: 'string', enum: ['a', 'b'], nullable: true } } });
    expect(s.validate({ e: null })).toEqual([]);
  });

  it('type bool and int are read as boolean and integer, with a note each', () => {
    const s = compiled({
      properties: { on: { type: 'bool', default: false }, n: { type: 'int', default: 1 } },
    });
    expect(s.notes).toEqual([
      {
        path: ['on'],
        at: 'openAPIv3.properties.on.type',
        message: 'type "bool" is not an OpenAPI type; read as "boolean"',
      },
      {
        path: ['n'],
        at: 'openAPIv3.properties.n.type',
        message: 'type "int" is not an OpenAPI type; read as "integer"',
      },
    ]);
    expect(s.validate({ on: true, n: 2 })).toEqual([]);
    expect(brief(s.validate({ on: 'yes', n: 1.5 }))).toEqual(['on type', 'n type']);
  });

  it('type "null" (kctrl Helm generator, `default: "null"`) accepts any value, with a note', () => {
    const s = compiled({ type: 'object', properties: { affinity: { type: 'null', default: 'null' } } });
    expect(s.notes).toEqual([
      {
        path: ['affinity'],
        at: 'openAPIv3.properties.affinity.type',
        message: expect.stringContaining('type "null"'),
      },
    ]);
    for (const v of [null, {}, 'x', 3, [1]]) expect(s.validate({ affinity: v })).toEqual([]);
    expect(defaultValues({ properties: { affinity: { type: 'null', default: 'null' } } })).toEqual({
      affinity: null,
    });
  });

  it('a schema with no type that is nullable, or no schema at all, accepts anything (note at the root only)', () => {
    for (const schema of [{ default: null, nullable: true }, null, undefined]) {
      const r = compileValuesSchema(schema);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.notes).toEqual([{ path: [], message: expect.stringContaining('any values are accepted') }]);
      expect(r.schema.validate({ anything: [1, { x: null }] })).toEqual([]);
      expect(defaultValues(schema)).toEqual({});
    }
    // Nested, it is ytt's `@schema/type any=True`: ordinary, so quiet.
    const nested = compiled({ type: 'object', properties: { cfg: { nullable: true, default: null } } });
    expect(nested.notes).toEqual([]);
    expect(nested.validate({ cfg: { deep: [1] } })).toEqual([]);
  });

  it('properties without type mean an object, quietly', () => {
    const s = compiled({ properties: { a: { type: 'string' } } });
    expect(s.notes).toEqual([]);
    expect(s.validate('just a string')).toEqual([
      { path: [], keyword: 'type', message: 'must be object, not string' },
    ]);
  });

  it('documentation keywords are dropped quietly; an unknown format is noted; known formats are checked', () => {
    // ajv-formats knows OpenAPI's float/int32/int64 (any number / range checks); `cidr` is nobody's.
    const s = compiled({
      title: 'x values schema',
      examples: [{ a: 1 }],
      'x-kubernetes-preserve-unknown-fields': true,
      properties: {
        f: {
          type: 'number',
          format: 'float',
          example: 1.5,
          'x-example-description': 'half',
          deprecated: true,
        },
        i: { type: 'integer', format: 'int64', description: 'an int' },
        c: { type: 'string', format: 'cidr' },
        u: { type: 'string', format: 'uri' },
      },
    });
    expect(JSON.stringify(s.normalized)).not.toMatch(/title|examples|x-|deprecated|description|cidr/);
    expect(s.notes).toEqual([
      {
        path: ['c'],
        at: 'openAPIv3.properties.c.format',
        message: 'format "cidr" is not a format this check knows: not checked',
      },
    ]);
    expect(s.validate({ f: 1.25, i: 2, c: '10.0.0.0/8', u: 'https://example.com' })).toEqual([]);
    expect(s.validate({ u: 'not a uri' })).toEqual([
      { path: ['u'], keyword: 'format', message: 'must be a valid uri' },
    ]);
  });

  it('patterns run on RE2, so Go-style escapes like \\_ compile', () => {
    const s = compiled({ properties: { id: { type: 'string', pattern: '^[\\w\\-\\_.]+$' } } });
    expect(s.validate({ id: 'a_b-c.d' })).toEqual([]);
    expect(brief(s.validate({ id: 'a b' }))).toEqual(['id pattern']);
  });

  it('OpenAPI 3.0 boolean exclusiveMinimum/Maximum become draft-07 numbers', () => {
    const s = compiled({
      properties: { r: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 1 } },
    });
    expect(s.validate({ r: 0 })).toEqual([
      { path: ['r'], keyword: 'exclusiveMinimum', message: 'must be > 0' },
    ]);
    expect(s.validate({ r: 1 })).toEqual([]);
  });

  it('default: null on a non-nullable type accepts null (it means "not set"), with a note', () => {
    const s = compiled({ properties: { maxSurge: { type: 'integer', default: null } } });
    expect(s.notes).toEqual([
      {
        path: ['maxSurge'],
        at: 'openAPIv3.properties.maxSurge.default',
        message: expect.stringContaining('default is null'),
      },
    ]);
    expect(s.validate({ maxSurge: null })).toEqual([]);
    expect(brief(s.validate({ maxSurge: 'x' }))).toEqual(['maxSurge type']);
  });

  it('a default of another type widens the type (note); kctrl\'s "{}"/"[]" string defaults are read as {}/[]', () => {
    const s = compiled({
      properties: {
        ini: { type: 'object', default: 'See default values file' },
        labels: { type: 'object', default: '{}' },
        args: { type: 'array', default: '[]' },
      },
    });
    expect(s.notes).toEqual([
      {
        path: ['ini'],
        at: 'openAPIv3.properties.ini.default',
        message: expect.stringContaining('string is accepted too'),
      },
    ]);
    expect(s.validate({ ini: '[log]\nmode = console\n', labels: {}, args: [] })).toEqual([]);
    expect(brief(s.validate({ labels: 'x', args: '[]' }))).toEqual(['labels type', 'args type']);
    expect(defaultValues({ properties: { labels: { type: 'object', default: '{}' } } })).toEqual({
      labels: {},
    });
  });

  it('defaults never make a key required; `required` stays as written', () => {
    const s = compiled({
      required: ['password'],
      properties: { password: { type: 'string' }, port: { type: 'integer', default: 80 } },
    });
    expect(s.validate({ password: 'p' })).toEqual([]);
    expect(s.validate({})).toEqual([
      { path: ['password'], keyword: 'required', message: 'is required but missing' },
    ]);
    // An empty values file (YAML null) is no values, as for ytt.
    expect(brief(s.validate(null))).toEqual(['password required']);
  });
});

describe('oneOf / anyOf', () => {
  const helmNullable = (types: string[]) => ({
    oneOf: types.map((type) => ({
      type,
      nullable: true,
      default: null,
      ...(type === 'array' ? { items: {} } : {}),
    })),
  });

  it('overlapping oneOf branches (integer/number, nullable) become anyOf with a note', () => {
    const s = compiled({
      properties: { revisionHistoryLimit: helmNullable(['integer', 'number', 'string']) },
    });
    expect(s.notes).toEqual([
      {
        path: ['revisionHistoryLimit'],
        at: 'openAPIv3.properties.revisionHistoryLimit.oneOf',
        message: 'oneOf branches overlap (a value can match several); read as anyOf',
      },
    ]);
    expect(JSON.stringify(s.normalized)).not.toContain('oneOf');
    for (const v of [3, 2.5, null, 'x']) expect(s.validate({ revisionHistoryLimit: v })).toEqual([]);
    expect(s.validate({ revisionHistoryLimit: true })).toEqual([
      {
        path: ['revisionHistoryLimit'],
        keyword: 'anyOf',
        message: 'does not match any allowed shape: integer | null | number | string',
      },
    ]);
  });

  it('a oneOf of disjoint types stays oneOf, and reports one clear problem', () => {
    const s = compiled({
      properties: { port: { oneOf: [{ type: 'integer', minimum: 1 }, { type: 'string' }] } },
    });
    expect(s.notes).toEqual([]);
    expect(s.validate({ port: true })).toEqual([
      { path: ['port'], keyword: 'oneOf', message: 'does not match any allowed shape: integer | string' },
    ]);
    // Only the integer branch takes an integer: its own error is the useful one.
    expect(s.validate({ port: 0 })).toEqual([
      { path: ['port'], keyword: 'minimum', message: 'must be >= 1' },
    ]);
  });

  it('a oneOf with an unconstrained branch (ytt any=True, kctrl type "null") is read as anyOf', () => {
    const s = compiled({
      properties: { v: { oneOf: [{ type: 'null', default: 'null' }, { type: 'string' }] } },
    });
    expect(s.notes.map((n) => n.message)).toContain(
      'oneOf branches overlap (a value can match several); read as anyOf',
    );
    for (const v of ['x', null, 3]) expect(s.validate({ v })).toEqual([]);
  });

  it('a oneOf of untyped branches is deliberate ("exactly one of") and stays strict', () => {
    const s = compiled({ type: 'object', oneOf: [{ required: ['a'] }, { required: ['b'] }] });
    expect(s.notes).toEqual([]);
    expect(s.validate({ a: 1 })).toEqual([]);
    expect(s.validate({ a: 1, b: 2 })).toEqual([
      {
        path: [],
        keyword: 'oneOf',
        message: 'matches more than one allowed shape (object) but must match exactly one',
      },
    ]);
  });
});

describe('values problems', () => {
  const schema = {
    type: 'object',
    additionalProperties: false,
    properties: {
      replicas: { type: 'integer', default: 1, minimum: 1, maximum: 5 },
      name: { type: 'string', default: 'app', minLength: 1, maxLength: 63 },
      code: { type: 'string', default: 'ab', minLength: 2, pattern: '^[a-z]+$' },
      mode: { type: 'string', default: 'a', enum: ['a', 'b', 'c'] },
      ingress: {
        type: 'object',
        additionalProperties: false,
        properties: { host: { type: 'string', default: '' }, tls: { type: 'boolean', default: false } },
      },
      hosts: { type: 'array', default: [], items: { type: 'string', maxLength: 3 } },
    },
  };
  const s = compiled(schema);

  it('accepts its defaults', () => {
    expect(defaultValues(schema)).toEqual({
      replicas: 1,
      name: 'app',
      code: 'ab',
      mode: 'a',
      ingress: { host: '', tls: false },
      hosts: [],
    });
    expect(s.validate(defaultValues(schema))).toEqual([]);
  });

  it('unknown key: the path is the key, with a did-you-mean among its siblings', () => {
    expect(s.validate({ replcas: 2 })).toEqual([
      {
        path: ['replcas'],
        keyword: 'additionalProperties',
        message: 'is not a key of the Package\'s valuesSchema (did you mean "replicas"?)',
      },
    ]);
    expect(s.validate({ ingress: { hots: 'x' } })[0]).toMatchObject({
      path: ['ingress', 'hots'],
      message: expect.stringContaining('did you mean "host"?'),
    });
    expect(s.validate({ Mode: 'a' })[0]?.message).toContain('did you mean "mode"?');
    expect(s.validate({ zzz: 1 })[0]?.message).toBe("is not a key of the Package's valuesSchema");
  });

  it('nested additionalProperties: false reports every unknown key at its own path', () => {
    expect(brief(s.validate({ ingress: { a: 1, b: 2 }, extra: {} }))).toEqual([
      'extra additionalProperties',
      'ingress.a additionalProperties',
      'ingress.b additionalProperties',
    ]);
  });

  it('enum', () => {
    expect(s.validate({ mode: 'd' })).toEqual([
      { path: ['mode'], keyword: 'enum', message: 'must be one of: a, b, c' },
    ]);
  });

  it('minimum / maximum', () => {
    expect(s.validate({ replicas: 0 })).toEqual([
      { path: ['replicas'], keyword: 'minimum', message: 'must be >= 1' },
    ]);
    expect(s.validate({ replicas: 6 })).toEqual([
      { path: ['replicas'], keyword: 'maximum', message: 'must be <= 5' },
    ]);
  });

  it('minLength / maxLength / pattern', () => {
    expect(s.validate({ name: '' })).toEqual([
      { path: ['name'], keyword: 'minLength', message: 'must not be empty' },
    ]);
    expect(s.validate({ name: 'x'.repeat(64) })).toEqual([
      { path: ['name'], keyword: 'maxLength', message: 'must be at most 63 characters' },
    ]);
    expect(s.validate({ code: 'A' })).toEqual([
      { path: ['code'], keyword: 'minLength', message: 'must be at least 2 characters' },
      { path: ['code'], keyword: 'pattern', message: 'must match the pattern ^[a-z]+$' },
    ]);
  });

  it('wrong type, with list indexes as numbers', () => {
    expect(s.validate({ replicas: '3', ingress: { tls: 'yes' }, hosts: ['a', 7] })).toEqual([
      { path: ['replicas'], keyword: 'type', message: 'must be integer, not string' },
      { path: ['ingress', 'tls'], keyword: 'type', message: 'must be boolean, not string' },
      { path: ['hosts', 1], keyword: 'type', message: 'must be string, not integer' },
    ]);
  });

  it('never puts a value in a message', () => {
    const secret = 'hunter2-SECRET-ab12cd34';
    const wild = compiled({
      type: 'object',
      additionalProperties: false,
      properties: {
        ...schema.properties,
        port: { oneOf: [{ type: 'integer' }, { type: 'boolean' }] },
        email: { type: 'string', format: 'email' },
        limit: { type: 'number', multipleOf: 5 },
        pair: { type: 'array', uniqueItems: true, maxItems: 1 },
        fixed: { const: 'exact' },
        notThis: { not: { type: 'string' } },
        labels: { type: 'object', maxProperties: 1, additionalProperties: { type: 'integer' } },
      },
    });
    const problems = wild.validate({
      replicas: secret,
      name: secret.repeat(10),
      code: secret,
      mode: secret,
      ingress: { host: { [secret]: secret }, tls: secret },
      hosts: [secret],
      port: secret,
      email: secret,
      limit: 7,
      pair: [secret, secret],
      fixed: secret,
      notThis: secret,
      labels: { a: secret, b: secret },
      [`${secret}-key`]: secret, // unknown keys are named (a key is not a value); their values are not shown
    });
    expect(problems.length).toBeGreaterThanOrEqual(15);
    for (const p of problems) expect(p.message.replace(`"${secret}-key"`, '')).not.toContain('hunter2');
    expect(problems.map((p) => p.message).join('\n')).not.toMatch(/\b7\b/);
  });
});

describe('schemas that cannot be read at all', () => {
  // Quirks inside a schema are read with a note (values-schema/quirks.test.ts); only a root that is no schema fails.
  const cases: [string, unknown, string][] = [
    ['schema is a string', 'hello', 'openAPIv3: must be a schema object, not string'],
    ['schema is a list', [{ type: 'object' }], 'openAPIv3: must be a schema object, not array'],
    ['schema is a number', 42, 'openAPIv3: must be a schema object, not integer'],
  ];
  it.each(cases)('%s → ok:false naming the schema path', (_, schema, expected) => {
    const r = compileValuesSchema(schema);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(expected);
  });
});

describe('defaultValues', () => {
  it('merges an object default with its children defaults, like Kubernetes structural defaulting', () => {
    const schema = {
      properties: {
        svc: {
          type: 'object',
          default: { port: 8080 },
          properties: { port: { default: 80 }, name: { default: 'web' } },
        },
        empty: { type: 'object', properties: { a: { type: 'string' } } }, // nothing to default: left out
        list: { type: 'array', items: { type: 'string', default: 'x' } }, // item defaults don't invent items
        toString: { type: 'string', default: 'own key, not Object.prototype' },
      },
    };
    expect(defaultValues(schema)).toEqual({
      svc: { port: 8080, name: 'web' },
      toString: 'own key, not Object.prototype',
    });
  });

  it('returns copies, never the schema objects', () => {
    const schema = { properties: { tags: { type: 'array', default: ['a'] } } };
    const d = defaultValues(schema) as { tags: string[] };
    d.tags.push('b');
    expect(schema.properties.tags.default).toEqual(['a']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property: any ytt-style schema (additionalProperties: false on every map, a default on every leaf, the
// validations ytt exports) accepts its own defaults.

const key = fc.oneof(
  fc.stringMatching(/^[a-z][a-zA-Z0-9_.-]{0,12}$/),
  fc.constantFrom('constructor', 'toString'),
);
const withDesc = <T extends object>(a: fc.Arbitrary<T>) =>
  fc
    .tuple(a, fc.option(fc.string(), { nil: undefined }))
    .map(([s, d]) => (d === undefined ? s : { ...s, description: d }));
const leaf = withDesc(
  fc.oneof(
    fc.string().map((d) => ({ type: 'string', default: d })),
    fc.integer().map((d) => ({ type: 'integer', default: d })),
    fc.boolean().map((d) => ({ type: 'boolean', default: d })),
    fc
      .double({ noNaN: true, noDefaultInfinity: true })
      .map((d) => ({ type: 'number', format: 'float', default: d })),
    fc.array(fc.string()).map((d) => ({ type: 'array', items: { type: 'string', default: '' }, default: d })),
    fc.constantFrom('string', 'integer', 'boolean').map((type) => ({ type, nullable: true, default: null })),
    fc.jsonValue().map((d) => ({ nullable: true, default: d })), // @schema/type any=True
    fc
      .tuple(fc.integer({ min: -1000, max: 1000 }), fc.nat(5), fc.nat(5))
      .map(([d, lo, hi]) => ({ type: 'integer', default: d, minimum: d - lo, maximum: d + hi })),
    fc
      .string({ maxLength: 20 })
      .map((d) => ({ type: 'string', default: d, minLength: d.length, maxLength: d.length + 3 })),
    fc
      .uniqueArray(fc.string(), { minLength: 1, maxLength: 5 })
      .chain((xs) => fc.constantFrom(...xs).map((d) => ({ type: 'string', enum: xs, default: d }))),
  ),
);
const { node: yttNode } = fc.letrec<{ node: object; map: object }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('map')),
  map: fc
    .dictionary(key, tie('node'), { maxKeys: 5 })
    .map((properties) => ({ type: 'object', additionalProperties: false, properties })),
}));
const yttSchema = fc
  .dictionary(key, yttNode, { maxKeys: 6 })
  .map((properties) => ({ type: 'object', additionalProperties: false, properties }));

describe('property: ytt-style schemas', () => {
  it('compile without notes and accept their own defaults', () => {
    fc.assert(
      fc.property(yttSchema, (schema) => {
        const r = compileValuesSchema(schema);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.notes).toEqual([]);
        expect(r.schema.validate(defaultValues(schema))).toEqual([]);
      }),
      propertyOptions({ numRuns: 300 }),
    );
  });
});

describe('values that trip ajv’s comparison', () => {
  it('a key named valueOf in a list the schema compares is a problem, not a crash, and shows no value', () => {
    const compiled = compileValuesSchema({
      type: 'object',
      properties: { list: { type: 'array', uniqueItems: true, items: { type: 'object' } } },
    });
    if (!compiled.ok) throw new Error(`the schema should compile: ${compiled.error}`);
    const problems = compiled.schema.validate({ list: [{ valueOf: 'hunter2' }, { valueOf: 'hunter2' }] });
    expect(problems).toEqual([expect.objectContaining({ keyword: 'uncheckable', path: [] })]);
    expect(JSON.stringify(problems)).not.toContain('hunter2');
  });

  it('a schema whose enum holds such objects does not compile, with a reason', () => {
    const compiled = compileValuesSchema({ enum: [{ valueOf: 1 }, { valueOf: 2 }] });
    if (compiled.ok) throw new Error('the schema should not compile');
    expect(compiled.error).toMatch(/cannot be checked/);
  });
});
