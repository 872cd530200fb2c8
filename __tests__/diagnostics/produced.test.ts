/**
 * Every diagnostic code is produced by some test (codes.test.ts checks that). These are the codes no
 * other test produced: for each, the smallest repository state (or request) that produces it through
 * the public planner, and the file and line the diagnostic names.
 */
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { validatePackage } from '../../src/carvel/package.js';
import type { DiagnosticCode } from '../../src/diagnostics.js';
import { checkRenderedFile } from '../../src/flux/validate.js';
import { type BootstrapRequest, requestProblems } from '../../src/plan/modes/bootstrap/request.js';
import { plan } from '../../src/plan/plan.js';
import type { Request } from '../../src/plan/types.js';
import { type FileEntry, MemorySnapshot, RefusedReadError, type Snapshot } from '../../src/repo/snapshot.js';
import { decryptDocument, encryptDocument } from '../../src/sops/index.js';
import { parseYaml } from '../../src/yaml/parse.js';
import { packageFile, packageInstallFile, paramsFile, sampleRepo } from '../helpers/gitops.js';

const REF = 'app.default.tap';
const PKG = `${REF}/packages/1.1.0.yaml`;
const DEV_PI = `${REF}/dev/packageinstall.yaml`;
const DEV_PARAMS = `${REF}/dev/params.yaml`;
const CONFIG = 'flux-pkg.yaml';
const VALIDATE: Request = { kind: 'validate' };
const INSTALL: Request = { kind: 'install' };

/** 1-based line of the first line of `text` that contains `needle` (the test's own anchor, not a number). */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`the fixture has no line with ${needle}`);
  return index + 1;
}

interface Case {
  code: DiagnosticCode;
  /** sampleRepo's files with these replaced (undefined: deleted). */
  files: Record<string, string | undefined>;
  request?: Request;
  file: string;
  /** The line the diagnostic names: a needle found in the file, or a number (0: no line). */
  at: string | number;
}

const packageWith = (edit: (text: string) => string) => edit(packageFile(REF, '1.1.0'));
const devPiWith = (edit: (text: string) => string) => edit(packageInstallFile(REF, '1.0.0'));
const devParams = (values: string) => paramsFile(REF, values);
const secret = (body: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${REF}-values\n${body}`;

const CASES: Case[] = [
  {
    code: 'yaml.too-many-documents',
    files: { [PKG]: `${packageFile(REF, '1.1.0')}${'---\n{}\n'.repeat(1000)}` },
    file: PKG,
    at: 0,
  },
  { code: 'config.empty', files: { [CONFIG]: '{}\n' }, file: CONFIG, at: 1 },
  {
    code: 'config.documents',
    files: { [CONFIG]: 'prFlow: per-component\n---\nprFlow: per-environment\n' },
    file: CONFIG,
    at: 1,
  },
  { code: 'config.path', files: { [CONFIG]: 'layout:\n  packagesDir: ../elsewhere\n' }, file: CONFIG, at: 2 },
  {
    code: 'config.duplicate-environment',
    files: { [CONFIG]: 'environments:\n- name: dev\n- name: dev\n' },
    file: CONFIG,
    at: 3,
  },
  {
    code: 'config.unknown-environment',
    files: { [CONFIG]: 'environments:\n- name: dev\n- name: prod\n  promoteFrom: staging\n' },
    file: CONFIG,
    at: 4,
  },
  {
    code: 'layout.no-component',
    files: Object.fromEntries(Object.keys(sampleRepo()).map((p) => [p, undefined])),
    file: '',
    at: 0,
  },
  {
    code: 'request.promote',
    files: {},
    request: { kind: 'promote', promotions: [{ component: 'Not_A_Name', environment: 'prod' }] },
    file: '',
    at: 0,
  },
  {
    code: 'promote.unknown-version',
    files: {},
    request: {
      kind: 'promote',
      promotions: [{ component: REF, environment: 'prod', from: 'dev', version: '9.9.9' }],
    },
    file: `${REF}/packages`,
    at: 0,
  },
  { code: 'package.empty', files: { [PKG]: '' }, file: PKG, at: 0 },
  {
    code: 'package.spec',
    files: { [PKG]: packageWith((t) => t.slice(0, t.indexOf('spec:'))) },
    file: PKG,
    at: 1,
  },
  {
    code: 'package.name',
    files: { [PKG]: packageWith((t) => t.replace(`  name: ${REF}.1.1.0\n`, '  labels: {}\n')) },
    file: PKG,
    at: 'labels:',
  },
  {
    code: 'package.duplicate-version',
    files: { [`${REF}/packages/1.1.0-copy.yaml`]: packageFile(REF, '1.1.0') },
    file: `${REF}/packages/1.1.0.yaml`,
    at: 1,
  },
  {
    code: 'packageinstall.missing',
    files: { [DEV_PI]: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n' },
    request: VALIDATE,
    file: DEV_PI,
    at: 1,
  },
  {
    code: 'packageinstall.api-version',
    files: {
      [DEV_PI]: devPiWith((t) => t.replace('packaging.carvel.dev/v1alpha1', 'packaging.carvel.dev/v1')),
    },
    request: VALIDATE,
    file: DEV_PI,
    at: 'apiVersion:',
  },
  {
    code: 'packageinstall.package-ref',
    files: { [DEV_PI]: devPiWith((t) => t.replace(`    refName: ${REF}\n`, '')) },
    request: VALIDATE,
    file: DEV_PI,
    at: 'packageRef:',
  },
  {
    code: 'packageinstall.service-account',
    files: { [DEV_PI]: devPiWith((t) => t.replace('  serviceAccountName: default-ns-sa\n', '')) },
    request: VALIDATE,
    file: DEV_PI,
    at: 'spec:',
  },
  {
    code: 'packageinstall.values',
    files: {
      [DEV_PI]: devPiWith((t) => t.replace(`  - secretRef:\n      name: ${REF}-values\n`, '  - {}\n')),
    },
    request: VALIDATE,
    file: DEV_PI,
    at: '- {}',
  },
  {
    code: 'packageinstall.annotations',
    files: {
      [DEV_PI]: devPiWith((t) =>
        t
          .replace('    team: payments # a field a person added\n', '')
          .replace('  annotations:', '  annotations: just-text'),
      ),
    },
    request: VALIDATE,
    file: DEV_PI,
    at: 'annotations:',
  },
  {
    code: 'packageinstall.ref-name',
    files: { [DEV_PI]: devPiWith((t) => t.replace(`    refName: ${REF}`, '    refName: other.default.tap')) },
    request: VALIDATE,
    file: DEV_PI,
    at: 'apiVersion:',
  },
  {
    code: 'values.secret-missing',
    files: { [DEV_PARAMS]: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n' },
    request: VALIDATE,
    file: DEV_PARAMS,
    at: 1,
  },
  {
    code: 'values.secret-api-version',
    files: { [DEV_PARAMS]: devParams('replicas: 2\n').replace('apiVersion: v1', 'apiVersion: v2') },
    request: VALIDATE,
    file: DEV_PARAMS,
    at: 'apiVersion:',
  },
  {
    code: 'values.secret-name',
    files: { [DEV_PARAMS]: devParams('replicas: 2\n').replace(`  name: ${REF}-values`, '  labels: {}') },
    request: VALIDATE,
    file: DEV_PARAMS,
    at: 'metadata:',
  },
  {
    code: 'values.secret-data',
    files: { [DEV_PARAMS]: secret('stringData: just-text\n') },
    request: VALIDATE,
    file: DEV_PARAMS,
    at: 'stringData:',
  },
  {
    code: 'values.not-a-string',
    files: { [DEV_PARAMS]: secret('stringData:\n  values.yaml:\n    replicas: 2\n') },
    request: VALIDATE,
    file: DEV_PARAMS,
    at: 'values.yaml:',
  },
  {
    code: 'values.not-a-map',
    files: { [DEV_PARAMS]: secret('stringData:\n  values.yaml: |\n    - a\n') },
    request: VALIDATE,
    file: DEV_PARAMS,
    at: '- a',
  },
];

async function produced(c: Case) {
  const repo = sampleRepo(c.files);
  const result = await plan(new MemorySnapshot(repo), c.request ?? INSTALL);
  const line = typeof c.at === 'number' ? c.at : lineOf(repo[c.file] ?? '', c.at);
  return { result, line };
}

describe('each code no other test produces, from the smallest repository state', () => {
  it.each(CASES.map((c) => [c.code, c] as const))('%s', async (code, c) => {
    const { result, line } = await produced(c);
    const found = result.diagnostics.filter((d) => d.code === code);
    expect(found, JSON.stringify(result.diagnostics)).not.toEqual([]);
    expect(
      found.map((d) => [d.file, d.line]),
      JSON.stringify(found),
    ).toContainEqual([c.file, line]);
  });
});

/** A snapshot whose listing holds a FIFO where a values Secret belongs: never read, always named. */
class SpecialFileSnapshot implements Snapshot {
  constructor(
    private readonly inner: MemorySnapshot,
    private readonly special: string,
  ) {}
  async list(): Promise<FileEntry[]> {
    return [...(await this.inner.list()), { path: this.special, kind: 'special' }];
  }
  read(path: string) {
    return this.inner.read(path);
  }
}

describe('files the action refuses to read', () => {
  it('repo.special: a FIFO in an environment folder', async () => {
    const snapshot = new SpecialFileSnapshot(
      new MemorySnapshot(sampleRepo({ [DEV_PARAMS]: undefined })),
      DEV_PARAMS,
    );
    const result = await plan(snapshot, VALIDATE);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'repo.special', file: DEV_PARAMS, severity: 'error' }),
    );
  });
});

describe('codes the planner cannot reach, from the module that reports them', () => {
  it('package.not-an-object: a Package document that is a list (the planner sorts it out by kind first)', () => {
    const parsed = parseYaml('pkg.yaml', '- a\n- b\n');
    const first = parsed.documents[0]!;
    const { diagnostics } = validatePackage(parsed, first.doc, first.value);
    expect(diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ['package.not-an-object', 'pkg.yaml', 1],
    ]);
  });
});

/** One property per schema keyword, and a value for each that fails it (the needle that finds its line). */
const KEYWORDS: [code: DiagnosticCode, schema: string, value: string][] = [
  ['values.type', 't: {type: integer}', 't: "x"'],
  ['values.enum', 'e: {type: string, enum: [a, b]}', 'e: c'],
  ['values.const', 'c: {type: string, const: fixed}', 'c: other'],
  ['values.maximum', 'mx: {type: integer, maximum: 5}', 'mx: 9'],
  ['values.exclusiveMinimum', 'xn: {type: integer, minimum: 0, exclusiveMinimum: true}', 'xn: 0'],
  ['values.exclusiveMaximum', 'xm: {type: integer, maximum: 9, exclusiveMaximum: true}', 'xm: 9'],
  ['values.multipleOf', 'mo: {type: integer, multipleOf: 5}', 'mo: 7'],
  ['values.minLength', 'sn: {type: string, minLength: 3}', 'sn: ab'],
  ['values.maxLength', 'sx: {type: string, maxLength: 2}', 'sx: abc'],
  ['values.minItems', 'ln: {type: array, items: {type: string}, minItems: 2}', 'ln: [a]'],
  ['values.maxItems', 'lx: {type: array, items: {type: string}, maxItems: 1}', 'lx: [a, b]'],
  [
    'values.minProperties',
    'pn: {type: object, minProperties: 2, additionalProperties: {type: string}}',
    'pn: {a: x}',
  ],
  [
    'values.maxProperties',
    'px: {type: object, maxProperties: 1, additionalProperties: {type: string}}',
    'px: {a: x, b: y}',
  ],
  ['values.uniqueItems', 'ui: {type: array, uniqueItems: true, items: {type: string}}', 'ui: [a, a]'],
  ['values.pattern', 'p: {type: string, pattern: "^[a-z]+$"}', 'p: ABC'],
  ['values.format', 'f: {type: string, format: date-time}', 'f: yesterday'],
  ['values.required', 'r: {type: object, required: [k], properties: {k: {type: string}}}', 'r: {}'],
  ['values.not', 'n: {not: {type: string}}', 'n: text'],
  ['values.anyOf', 'a: {anyOf: [{type: integer}, {type: boolean}]}', 'a: text'],
  ['values.oneOf', 'o: {oneOf: [{type: integer}, {type: boolean}]}', 'o: text'],
];

describe('values that fail one schema keyword each', () => {
  const schema = `      openAPIv3:
        type: object
        properties:
${KEYWORDS.map(([, s]) => `          ${s}`).join('\n')}`;
  const params = devParams(KEYWORDS.map(([, , v]) => v).join('\n'));
  const repo = sampleRepo({
    [`${REF}/packages/1.0.0.yaml`]: packageFile(REF, '1.0.0', schema),
    [`${REF}/packages/1.1.0.yaml`]: packageFile(REF, '1.1.0', schema),
    [DEV_PARAMS]: params,
  });
  const result = plan(new MemorySnapshot(repo), VALIDATE);

  it.each(KEYWORDS.map(([code, , value]) => [code, value] as const))(
    '%s at the value %s',
    async (code, value) => {
      const found = (await result).diagnostics.filter((d) => d.code === code);
      expect(
        found.map((d) => [d.file, d.line]),
        JSON.stringify((await result).diagnostics),
      ).toContainEqual([DEV_PARAMS, lineOf(params, value)]);
    },
  );
});

describe('more repository states', () => {
  const cases: Case[] = [
    {
      code: 'config.misnamed',
      files: { 'flux-pkg.yml': 'prFlow: per-component\n' },
      file: 'flux-pkg.yml',
      at: 1,
    },
    {
      code: 'config.misnamed',
      files: { '.github/flux-pkg.yaml': 'prFlow: per-component\n' },
      file: '.github/flux-pkg.yaml',
      at: 1,
    },
    {
      code: 'layout.no-environment',
      files: Object.fromEntries(
        Object.keys(sampleRepo())
          .filter((p) => !p.includes('/packages/'))
          .map((p) => [p, undefined]),
      ),
      request: VALIDATE,
      file: `${REF}/packages/1.0.0.yaml`,
      at: 0,
    },
    {
      code: 'plan.no-version',
      files: {
        [`${REF}/packages/1.0.0.yaml`]: undefined,
        [PKG]: undefined,
        [`${REF}/packages/2.0.0-rc.1.yaml`]: packageFile(REF, '2.0.0-rc.1'),
      },
      file: REF,
      at: 0,
    },
  ];
  it.each(cases.map((c) => [c.code, c.file, c] as const))('%s at %s', async (code, _file, c) => {
    const { result, line } = await produced(c);
    const found = result.diagnostics.filter((d) => d.code === code);
    expect(
      found.map((d) => [d.file, d.line]),
      JSON.stringify(result.diagnostics),
    ).toContainEqual([c.file, line]);
  });
});

describe('bootstrap request fields', () => {
  const request: BootstrapRequest = {
    kind: 'bootstrap',
    components: [REF],
    environment: 'qa',
    gitUrl: 'https://github.com/acme/gitops',
    branch: 'main',
  };
  it.each([
    ['request.kubeconfig-secret-name', { kubeconfigSecretName: 'Not_A_Name' }],
    ['request.git-secret-name', { gitSecretName: 'Not_A_Name' }],
    ['request.commit-status-secret-name', { commitStatusSecretName: 'Not_A_Name' }],
    ['request.sops-age-secret-name', { sopsAgeSecretName: 'Not_A_Name' }],
  ] as const)('%s: an input that is no object name', (code, field) => {
    expect(requestProblems(request)).toEqual([]);
    const problems = requestProblems({ ...request, ...field });
    expect(problems.map((d) => [d.code, d.file, d.line])).toEqual([[code, '', 0]]);
    expect(problems[0]!.message).toContain('"Not_A_Name" is not an object name');
  });
});

describe('SOPS documents the encryption refuses', () => {
  const recipient = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';
  it.each([
    ['sops.documents', 'a: 1\n---\nb: 2\n', 1],
    ['sops.alias', 'stringData:\n  a: &x 1\n  b: *x\n', 3],
    ['sops.key-type', 'stringData:\n  ? [a, b]\n  : 1\n', 1], // at the map that holds the key
  ] as const)('%s', async (code, text, line) => {
    const result = await encryptDocument(text, { recipients: [recipient], file: 'params.yaml' });
    expect(result.diagnostics.map((d) => [d.code, d.file, d.line])).toContainEqual([
      code,
      'params.yaml',
      line,
    ]);
  });

  it('sops.rule: an encryption rule that is no regular expression', async () => {
    const result = await encryptDocument('a: 1\n', {
      recipients: [recipient],
      rule: { encryptedRegex: '(' },
      file: 'params.yaml',
    });
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([['sops.rule', 'params.yaml']]);
  });

  it('sops.metadata: a sops block without its fields', async () => {
    const result = await decryptDocument('a: ENC[x]\nsops:\n  version: 3.9.0\n', {
      identities: [],
      file: 'p.yaml',
    });
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([['sops.metadata', 'p.yaml']]);
    expect(result.diagnostics[0]!.line).toBeGreaterThan(1);
  });
});

describe('codes that need a SOPS setup or a tampered file', () => {
  const recipient = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';

  it('sops.rule-hides-metadata: a .sops.yaml rule that would encrypt the Secret metadata', async () => {
    const sopsYaml = `creation_rules:\n  - path_regex: .*/params\\.yaml$\n    encrypted_regex: ^(metadata|stringData)$\n    age: ${recipient}\n`;
    const files = sampleRepo({
      '.sops.yaml': sopsYaml,
      [DEV_PARAMS]: undefined,
      'flux-pkg.yaml': 'defaults:\n  secretFormat: sops\n',
    });
    const result = await plan(new MemorySnapshot(files), { kind: 'install', environments: ['dev'] });
    const found = result.diagnostics.filter((d) => d.code === 'sops.rule-hides-metadata');
    expect(
      found.map((d) => [d.file, d.line]),
      JSON.stringify(result.diagnostics),
    ).toEqual([['.sops.yaml', lineOf(sopsYaml, '- path_regex')]]);
  });

  it('sops.value-type: an encrypted value whose type tag was changed', async () => {
    const identity = await generateIdentity();
    const encrypted = await encryptDocument(secret('stringData:\n  values.yaml: "replicas: 2"\n'), {
      recipients: [await identityToRecipient(identity)],
      file: 'params.yaml',
    });
    const tampered = encrypted.text!.replace(/type:str\]/, 'type:nope]');
    expect(tampered).not.toBe(encrypted.text);
    const result = await decryptDocument(tampered, { identities: [identity], file: 'params.yaml' });
    expect(result.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ['sops.value-type', 'params.yaml', lineOf(tampered, 'values.yaml:')],
    ]);
  });

  it('sops.comment: an encrypted comment whose ciphertext was changed (a warning: the comment is kept)', async () => {
    const identity = await generateIdentity();
    const plain = secret('stringData:\n  # who set this\n  values.yaml: "replicas: 2"\n');
    const encrypted = await encryptDocument(plain, {
      recipients: [await identityToRecipient(identity)],
      file: 'params.yaml',
    });
    // One character of the comment's ciphertext changed: it no longer authenticates.
    const tampered = encrypted.text!.replace(/#ENC\[AES256_GCM,data:(.)/, (whole, first: string) =>
      whole.slice(0, -1).concat(first === 'A' ? 'B' : 'A'),
    );
    expect(tampered).not.toBe(encrypted.text);
    const result = await decryptDocument(tampered, { identities: [identity], file: 'params.yaml' });
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.file, d.line])).toEqual([
      ['sops.comment', 'warning', 'params.yaml', lineOf(tampered, 'stringData:')],
    ]);
  });

  it('promote.no-version: the environment promoted from selects no version', async () => {
    const files = sampleRepo({
      [DEV_PI]: devPiWith((t) => t.replace('constraints: 1.0.0', 'constraints: 9.9.9')),
    });
    const result = await plan(new MemorySnapshot(files), {
      kind: 'promote',
      promotions: [{ component: REF, environment: 'prod', from: 'dev' }],
    });
    const found = result.diagnostics.filter((d) => d.code === 'promote.no-version');
    expect(
      found.map((d) => d.file),
      JSON.stringify(result.diagnostics),
    ).toEqual([`${REF}/packages`]);
  });
});

describe('the last few', () => {
  it('repo.outside: a file whose folder resolves outside the repository (as LocalSnapshot refuses it)', async () => {
    const inner = new MemorySnapshot(sampleRepo());
    const snapshot: Snapshot = {
      list: () => inner.list(),
      read: async (path) => {
        if (path === DEV_PARAMS) throw new RefusedReadError(path, 'outside');
        return inner.read(path);
      },
    };
    const result = await plan(snapshot, VALIDATE);
    const found = result.diagnostics.filter((d) => d.code === 'repo.outside');
    expect(
      found.map((d) => [d.file, d.severity]),
      JSON.stringify(result.diagnostics),
    ).toEqual([[DEV_PARAMS, 'error']]);
  });

  it('values.uncheckable: a values key named valueOf where the schema compares values', async () => {
    const schema = `      openAPIv3:
        type: object
        properties:
          list: {type: array, uniqueItems: true, items: {type: object, additionalProperties: true}}`;
    const params = devParams('list:\n- valueOf: 1\n- valueOf: 2\n');
    const files = sampleRepo({
      [`${REF}/packages/1.0.0.yaml`]: packageFile(REF, '1.0.0', schema),
      [`${REF}/packages/1.1.0.yaml`]: packageFile(REF, '1.1.0', schema),
      [DEV_PARAMS]: params,
    });
    const result = await plan(new MemorySnapshot(files), VALIDATE);
    const found = result.diagnostics.filter((d) => d.code === 'values.uncheckable');
    expect(
      found.map((d) => d.file),
      JSON.stringify(result.diagnostics),
    ).toContain(DEV_PARAMS);
  });
});

describe('the backstop on files bootstrap renders (a generator bug, never the repository)', () => {
  it('bootstrap.empty: a rendered file with no document', () => {
    expect(checkRenderedFile('clusters/brain/x.yaml', '').map((d) => [d.code, d.file])).toEqual([
      ['bootstrap.empty', 'clusters/brain/x.yaml'],
    ]);
  });

  it('bootstrap.schema: a rendered Kustomization its API refuses', () => {
    const text =
      'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: x\nspec:\n  interval: often\n';
    const found = checkRenderedFile('clusters/brain/x.yaml', text);
    expect(found.map((d) => [d.code, d.file])).toContainEqual(['bootstrap.schema', 'clusters/brain/x.yaml']);
    expect(found[0]!.message).toMatch(/^document 1: /);
  });
});

describe('a manual promotion past its promoteFrom environment', () => {
  it('promote.skips-upstream: prod is given a version dev does not run (a warning: the gate will refuse it)', async () => {
    const files = sampleRepo({ [CONFIG]: 'environments:\n- name: dev\n- name: prod\n  promoteFrom: dev\n' });
    const result = await plan(new MemorySnapshot(files), {
      kind: 'promote',
      promotions: [{ component: REF, environment: 'prod', version: '1.1.0' }],
    });
    const found = result.diagnostics.filter((d) => d.code === 'promote.skips-upstream');
    expect(
      found.map((d) => [d.severity, d.file]),
      JSON.stringify(result.diagnostics),
    ).toEqual([['warning', '']]);
  });
});
