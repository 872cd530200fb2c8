/**
 * Hostile values and Package files, judged as Kubernetes and kapp-controller judge them: stringData
 * over data, every Secret key a values file, `__proto__` a key like any other, multi-document files
 * edited in place, names valid after expansion, broken Package files reported by plan and validate
 * alike, secretFormat sops without recipients refused.
 */
import { describe, expect, it } from 'vitest';
import { expandNameTemplate, nameTemplateProblem } from '../../src/carvel/names.js';
import { compileValuesSchema } from '../../src/carvel/values-schema.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { plan } from '../../src/plan/plan.js';
import type { PlanResult, Request } from '../../src/plan/types.js';
import { MemorySnapshot } from '../../src/repo/snapshot.js';
import { parseYaml } from '../../src/yaml/parse.js';
import { packageInstallFile, paramsFile, sampleRepo } from '../helpers/gitops.js';

const REF = 'app.default.tap';
const PARAMS = `${REF}/dev/params.yaml`;
const PI = `${REF}/dev/packageinstall.yaml`;
const errorsOf = (r: PlanResult) => r.diagnostics.filter((d) => d.severity === 'error');
const run = (files: Record<string, string>, request: Request) => plan(new MemorySnapshot(files), request);
const b64 = (s: string) => Buffer.from(s).toString('base64');
const secretHead = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: app.default.tap-values\n';

describe('a values Secret as the API server and kapp-controller read it', () => {
  it('a key in both data and stringData is the stringData one', async () => {
    // data says replicas: 0 (invalid), stringData says 2: the API server keeps stringData.
    const params = `${secretHead}data:\n  values.yaml: ${b64('replicas: 0\n')}\nstringData:\n  values.yaml: |\n    replicas: 2\n`;
    const ok = await run(sampleRepo({ [PARAMS]: params }), { kind: 'validate' });
    expect(errorsOf(ok)).toEqual([]);
    expect(ok.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'values.data-overridden', file: PARAMS, line: 6 }),
    );
    const swapped = `${secretHead}data:\n  values.yaml: ${b64('replicas: 2\n')}\nstringData:\n  values.yaml: |\n    replicas: 0\n`;
    const bad = await run(sampleRepo({ [PARAMS]: swapped }), { kind: 'validate' });
    expect(errorsOf(bad)).toEqual([
      expect.objectContaining({ code: 'values.minimum', file: PARAMS, line: 9, path: '.replicas' }),
    ]);
  });

  it('every key is a values file, whatever it is called, in sorted order', async () => {
    const params = `${secretHead}stringData:\n  b-values: |\n    replicas: 0\n  a-values: |\n    replicas: 3\n`;
    const result = await run(sampleRepo({ [PARAMS]: params }), { kind: 'validate' });
    // b-values sorts after a-values, so ytt sees replicas: 0.
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({ code: 'values.minimum', file: PARAMS, line: 7, path: '.replicas' }),
    ]);
    const broken = `${secretHead}stringData:\n  notes.txt: |\n    a: [oops\n  values.yaml: |\n    replicas: 2\n`;
    const parse = await run(sampleRepo({ [PARAMS]: broken }), { kind: 'validate' });
    expect(errorsOf(parse)).toEqual([
      expect.objectContaining({ code: 'yaml.syntax', file: PARAMS, line: 8 }),
    ]);
  });

  it('install --values says it adds the configured key beside keys under other names', async () => {
    const params = `${secretHead}stringData:\n  other.yaml: |\n    replicas: 2\n`;
    const result = await run(sampleRepo({ [PARAMS]: params }), {
      kind: 'install',
      components: [REF],
      environments: ['dev'],
      values: 'hostname: x.example.com\n',
    });
    expect(errorsOf(result)).toEqual([]);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'values.key-edited',
        file: PARAMS,
        message: expect.stringContaining('adds key "values.yaml" beside "other.yaml"'),
      }),
    );
    const written = result.files.find((f) => f.path === PARAMS)!.content;
    expect(written).toContain('other.yaml: |\n    replicas: 2\n');
    expect(written).toContain('values.yaml: |\n    hostname: x.example.com\n');
  });
});

describe('multi-document files', () => {
  const serviceAccount =
    '# the install identity\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa  # keep\n---\n';
  it('plan edits the PackageInstall after a ServiceAccount and keeps the ServiceAccount byte-identical', async () => {
    const pi = `${serviceAccount}${packageInstallFile(REF, '1.0.0')}---\nkind: ConfigMap\napiVersion: v1\nmetadata: {name: c}\n`;
    const repo = sampleRepo({ [PI]: pi });
    for (const kind of ['validate', 'install'] as const) {
      const result = await run(repo, { kind });
      expect(errorsOf(result)).toEqual([]);
    }
    const result = await run(repo, { kind: 'install' });
    const written = result.files.find((f) => f.path === PI)!.content;
    expect(written).toBe(pi.replace('constraints: 1.0.0', 'constraints: 1.1.0'));
  });

  it('a structural edit (no constraints yet) touches only the PackageInstall document', async () => {
    const pi = `${serviceAccount}${packageInstallFile(REF, '1.0.0').replace(/ {6}constraints: 1.0.0\n/, '      prereleases: {}\n')}`;
    const result = await run(sampleRepo({ [PI]: pi }), { kind: 'install' });
    const written = result.files.find((f) => f.path === PI)?.content ?? '';
    expect(written.startsWith(serviceAccount)).toBe(true);
    expect(parseYaml(PI, written).documents[1]?.value).toMatchObject({
      spec: { packageRef: { versionSelection: { constraints: '1.1.0', prereleases: {} } } },
    });
  });

  it('--values edits the Secret of a multi-document params.yaml and keeps the others byte-identical', async () => {
    const params = `${serviceAccount}${paramsFile(REF, 'replicas: 2\n')}`;
    const result = await run(sampleRepo({ [PARAMS]: params }), {
      kind: 'install',
      components: [REF],
      environments: ['dev'],
      values: 'replicas: 4\n',
    });
    expect(errorsOf(result)).toEqual([]);
    const written = result.files.find((f) => f.path === PARAMS)!.content;
    expect(written.startsWith(serviceAccount)).toBe(true);
    expect(written).toContain('values.yaml: |\n    replicas: 4\n');
  });
});

describe('__proto__ is a key like any other', () => {
  it('a top-level __proto__ in the values is checked against the schema (additionalProperties: false)', async () => {
    const params = paramsFile(REF, 'replicas: 2\n__proto__:\n  polluted: true\n');
    const result = await run(sampleRepo({ [PARAMS]: params }), { kind: 'validate' });
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({
        code: 'values.additionalProperties',
        file: PARAMS,
        line: 8,
        path: '.__proto__',
      }),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a schema property named __proto__ is type-checked', () => {
    // As a Package's YAML gives it (an object literal's `__proto__:` would set the prototype instead).
    const schema = parseYaml(
      'p.yaml',
      'type: object\nproperties:\n  __proto__: {type: integer}\n  a: {type: string}\n',
    );
    const compiled = compileValuesSchema(schema.documents[0]!.value);
    if (!compiled.ok) throw new Error(compiled.error);
    const values = (text: string) => parseYaml('v.yaml', text).documents[0]!.value;
    expect(compiled.schema.validate(values('__proto__: 3\n'))).toEqual([]);
    expect(compiled.schema.validate(values('__proto__: three\n'))).toEqual([
      expect.objectContaining({ path: ['__proto__'], keyword: 'type' }),
    ]);
  });
});

describe('object names after template expansion', () => {
  it('an invalid template is a config error at its line', async () => {
    for (const [template, line] of [
      ['""', 3],
      ['"{component}-.x"', 3],
      ['"{component}-{env}"', 3],
      ['"App-{component}"', 3],
    ] as const) {
      const config = `defaults:\n  constraint: "{version}"\n  packageInstallName: ${template}\n`;
      const result = await run(sampleRepo({ 'flux-pkg.yaml': config }), { kind: 'install' });
      expect(result.files).toEqual([]);
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({ code: 'config.name-template', file: 'flux-pkg.yaml', line }),
      ]);
    }
    const perEnv = 'environments:\n  - name: dev\n    valuesSecretName: "{component}."\n';
    const result = await run(sampleRepo({ 'flux-pkg.yaml': perEnv }), { kind: 'install' });
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({ code: 'config.name-template', file: 'flux-pkg.yaml', line: 3 }),
    ]);
  });

  it('a name over 253 characters keeps its suffix and a stable hash', () => {
    const component = `${'a'.repeat(120)}.${'b'.repeat(132)}`;
    expect(component.length).toBe(253);
    const name = expandNameTemplate('{component}-values', component);
    expect(name.length).toBeLessThanOrEqual(253);
    expect(name.endsWith('-values')).toBe(true);
    expect(nameTemplateProblem('{component}-values')).toBeUndefined();
    expect(name).toMatch(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/);
    expect(expandNameTemplate('{component}-values', component)).toBe(name);
    expect(expandNameTemplate('{component}-values', `${component.slice(0, -1)}c`)).not.toBe(name);
    expect(expandNameTemplate('{component}-values', 'short.app.tap')).toBe('short.app.tap-values');
  });
});

describe('Package files that are broken', () => {
  for (const [what, text, line] of [
    [
      'kind: package',
      'apiVersion: data.packaging.carvel.dev/v1alpha1\nkind: package\nmetadata:\n  name: x\n',
      2,
    ],
    ['an empty file', '', 0],
    ['a comment-only file', '# nothing\n', 0],
  ] as const) {
    it(`${what} in packages/ is an error in plan and in validate alike`, async () => {
      const file = `${REF}/packages/1.2.0.yaml`;
      const repo = sampleRepo({ [file]: text });
      const install = await run(repo, { kind: 'install' });
      const validate = await run(repo, { kind: 'validate' });
      expect(install.files).toEqual([]);
      const mine = (r: PlanResult) => errorsOf(r).filter((d) => d.file === file);
      expect(mine(install)).toEqual([expect.objectContaining({ file, line })]);
      expect(mine(validate)).toEqual(mine(install));
    });
  }

  it('a constraint that does not parse is reported as what the plan replaces, not as new', async () => {
    const repo = sampleRepo({ [PI]: packageInstallFile(REF, '"^1.0.0"') });
    const result = await run(repo, { kind: 'install' });
    const dev = result.environments.find((e) => e.environment === 'dev')!;
    expect(dev.fromVersion).toBeUndefined();
    expect(dev.fromConstraint).toBe('^1.0.0');
    expect(dev.toVersion).toBe('1.1.0');
  });
});

describe('messages say each thing once', () => {
  it('an unknown values key is named once', async () => {
    const result = await run(sampleRepo({ [PARAMS]: paramsFile(REF, 'replicsa: 2\n') }), {
      kind: 'validate',
    });
    const [problem] = errorsOf(result);
    const line = formatDiagnostic(problem!);
    expect(line).toContain('.replicsa');
    expect(line.split('replicsa').length - 1).toBe(1);
    expect(line).toContain('did you mean "replicas"?');
  });
});

describe('secretFormat: sops', () => {
  it('without an age recipient is an error at params.yaml, nothing written', async () => {
    const config = 'environments:\n  - name: dev\n  - name: prod\n    secretFormat: sops\n';
    const result = await run(sampleRepo({ 'flux-pkg.yaml': config }), { kind: 'install' });
    expect(result.files).toEqual([]);
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({ code: 'sops.no-recipients', file: `${REF}/prod/params.yaml` }),
    ]);
    const override = await run(sampleRepo(), { kind: 'install', overrides: { secretFormat: 'sops' } });
    expect(override.files).toEqual([]);
    expect(errorsOf(override)[0]).toMatchObject({ code: 'sops.no-recipients' });
  });
});
