/**
 * Encrypted values Secrets in the planner: secretFormat sops writes params.yaml encrypted for the
 * `.sops.yaml` recipients; with the key an encrypted file is decrypted, its values validated against
 * the new version and kept byte for byte; without it the file is left alone; a wrong key or a
 * tampered file is an error at the file; requireEncryption refuses plain Secrets.
 */
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { plan } from '../../src/plan/plan.js';
import type { PlanResult, Request } from '../../src/plan/types.js';
import { MemorySnapshot } from '../../src/repo/snapshot.js';
import { decryptDocument, encryptDocument } from '../../src/sops/index.js';
import { packageFile, packageInstallFile, paramsFile, sampleRepo } from '../helpers/gitops.js';

const REF = 'app.default.tap';
const PARAMS = `${REF}/dev/params.yaml`;
const PROD_PARAMS = `${REF}/prod/params.yaml`;
const SECRET_HOST = 'secret-host-Xq7v.example.com';
const errorsOf = (r: PlanResult) => r.diagnostics.filter((d) => d.severity === 'error');
const codes = (r: PlanResult) => r.diagnostics.map((d) => d.code);
const run = (files: Record<string, string>, request: Request) => plan(new MemorySnapshot(files), request);

let identity: string;
let recipient: string;
let otherIdentity: string;
let encryptedDev: string;

const sopsConfig = (r: string) =>
  `creation_rules:\n  - path_regex: .*/params\\.yaml$\n    encrypted_regex: ^(data|stringData)$\n    age: ${r}\n`;

beforeAll(async () => {
  identity = await generateIdentity();
  recipient = await identityToRecipient(identity);
  otherIdentity = await generateIdentity();
  const plain = paramsFile(REF, `replicas: 2\nhostname: ${SECRET_HOST}\n`);
  encryptedDev = (await encryptDocument(plain, { recipients: [recipient], file: PARAMS })).text!;
});

/** dev holds an encrypted params.yaml; a new Package version 1.2.0 was added. */
const encryptedRepo = (extra: Record<string, string> = {}) =>
  sampleRepo({
    '.sops.yaml': sopsConfig(recipient),
    [PARAMS]: encryptedDev,
    [`${REF}/packages/1.2.0.yaml`]: packageFile(REF, '1.2.0'),
    'flux-pkg.yaml':
      'environments:\n  - name: dev\n    secretFormat: sops\n  - name: prod\n    promoteFrom: dev\n',
    ...extra,
  });

describe('secretFormat: sops writes encrypted values Secrets', () => {
  it('a new environment gets params.yaml encrypted for the .sops.yaml recipients, metadata readable', async () => {
    const files = sampleRepo({
      '.sops.yaml': sopsConfig(recipient),
      [PARAMS]: undefined,
      'flux-pkg.yaml': 'defaults:\n  secretFormat: sops\n',
    });
    const result = await run(files, { kind: 'install', environments: ['dev'] });
    expect(errorsOf(result)).toEqual([]);
    const written = result.files.find((f) => f.path === PARAMS)!;
    expect(written).toMatchObject({ action: 'create', secret: true });
    const value = parse(written.content);
    expect(value).toMatchObject({ apiVersion: 'v1', kind: 'Secret', metadata: { name: `${REF}-values` } });
    expect(value.stringData['values.yaml']).toMatch(/^ENC\[AES256_GCM,/);
    expect(value.sops.age.map((s: { recipient: string }) => s.recipient)).toEqual([recipient]);
    const decrypted = await decryptDocument(written.content, { identities: [identity], file: PARAMS });
    expect(decrypted.diagnostics).toEqual([]);
    expect(
      parse((decrypted.document!.value as { stringData: Record<string, string> }).stringData['values.yaml']),
    ).toBeTypeOf('object');
  });

  it('a plain params.yaml is encrypted when its environment says sops (recipients from flux-pkg.yaml)', async () => {
    const files = sampleRepo({
      'flux-pkg.yaml': `defaults:\n  secretFormat: sops\n  sopsAgeRecipients: [${recipient}]\n`,
    });
    const result = await run(files, { kind: 'install', environments: ['dev'] });
    expect(errorsOf(result)).toEqual([]);
    const written = result.files.find((f) => f.path === PARAMS)!;
    expect(written.content).not.toContain('dev.example.com');
    const decrypted = await decryptDocument(written.content, { identities: [identity], file: PARAMS });
    const values = (decrypted.document!.value as { stringData: Record<string, string> }).stringData[
      'values.yaml'
    ];
    expect(values).toContain('hostname: dev.example.com');
  });

  it('without any recipient it is an error at params.yaml and nothing is written', async () => {
    const files = sampleRepo({ 'flux-pkg.yaml': 'defaults:\n  secretFormat: sops\n' });
    const result = await run(files, { kind: 'install', environments: ['dev'] });
    expect(result.files).toEqual([]);
    expect(errorsOf(result)).toEqual([expect.objectContaining({ code: 'sops.no-recipients', file: PARAMS })]);
  });
});

describe('an encrypted params.yaml on a new Package version', () => {
  it('with the key: values validated against the new version, file byte-identical, values masked', async () => {
    const masked: string[] = [];
    const result = await run(encryptedRepo(), {
      kind: 'install',
      environments: ['dev'],
      sops: { identities: [identity], onDecrypted: (s) => masked.push(...s) },
    });
    expect(errorsOf(result)).toEqual([]);
    expect(result.environments[0]).toMatchObject({ toVersion: '1.2.0', valuesKeysChanged: [] });
    expect(result.files.map((f) => f.path)).toEqual([`${REF}/dev/packageinstall.yaml`]);
    expect(masked.join('\n')).toContain(SECRET_HOST);
  });

  it('with the key, an invalid encrypted value is an error on its line of the encrypted file', async () => {
    const plain = paramsFile(REF, `replicas: 0\nhostname: ${SECRET_HOST}\n`);
    const bad = (await encryptDocument(plain, { recipients: [recipient], file: PARAMS })).text!;
    const result = await run(encryptedRepo({ [PARAMS]: bad }), {
      kind: 'validate',
      sops: { identities: [identity] },
    });
    const [problem] = errorsOf(result);
    // Encrypted values say which path fails, never which rule (no oracle on a secret: issue 16 §5).
    expect(problem).toMatchObject({
      code: 'values.withheld',
      file: PARAMS,
      path: '.replicas',
      message: expect.stringContaining('.replicas (encrypted) does not satisfy the schema; details withheld'),
    });
    expect(problem!.message).not.toMatch(/minimum|>=/);
    const line = bad.split('\n')[problem!.line - 1]!;
    expect(line).toMatch(/^ {2}values\.yaml: ENC\[/);
    expect(JSON.stringify(result)).not.toContain(SECRET_HOST);
  });

  it('without the key: a warning naming the file, the file untouched, the PackageInstall still updated', async () => {
    const result = await run(encryptedRepo(), { kind: 'install', environments: ['dev'] });
    expect(errorsOf(result)).toEqual([]);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'sops.no-key', file: PARAMS, severity: 'warning' }),
    );
    expect(result.files.map((f) => f.path)).toEqual([`${REF}/dev/packageinstall.yaml`]);
  });

  it('without the key, asking to change the values is an error', async () => {
    const result = await run(encryptedRepo(), {
      kind: 'install',
      environments: ['dev'],
      components: [REF],
      values: 'replicas: 4\n',
    });
    expect(result.files).toEqual([]);
    expect(errorsOf(result)).toEqual([expect.objectContaining({ code: 'sops.no-key', file: PARAMS })]);
  });

  it('with the key, new values are encrypted and only they change ciphertext', async () => {
    const result = await run(encryptedRepo(), {
      kind: 'install',
      environments: ['dev'],
      components: [REF],
      values: `replicas: 4\nhostname: ${SECRET_HOST}\n`,
      sops: { identities: [identity] },
    });
    expect(errorsOf(result)).toEqual([]);
    const written = result.files.find((f) => f.path === PARAMS)!;
    expect(written.content).not.toContain('replicas');
    const after = await decryptDocument(written.content, { identities: [identity], file: PARAMS });
    expect(after.document!.text).toContain('replicas: 4');
    expect(result.environments[0]!.valuesKeysChanged).toEqual(['replicas']);
  });

  it('with the key, new values that break the schema are withheld: one problem per path, no rule', async () => {
    const result = await run(encryptedRepo(), {
      kind: 'install',
      environments: ['dev'],
      components: [REF],
      values: `replicas: 0\nhostname: ${SECRET_HOST}\nsecret-named-key: 1\n`,
      sops: { identities: [identity] },
    });
    expect(errorsOf(result).map((d) => [d.code, d.path])).toEqual([
      ['values.withheld', '.'], // the unknown key is reported at its map: its name is part of the ciphertext
      ['values.withheld', '.replicas'],
    ]);
    expect(JSON.stringify(result.diagnostics)).not.toMatch(/secret-named-key|minimum|>=/);
  });

  it('a wrong key is an error at the file, nothing written', async () => {
    const result = await run(encryptedRepo(), {
      kind: 'install',
      environments: ['dev'],
      sops: { identities: [otherIdentity] },
    });
    expect(result.files).toEqual([]);
    expect(errorsOf(result)).toEqual([expect.objectContaining({ code: 'sops.no-identity', file: PARAMS })]);
  });

  it('a tampered file is an error at the file, in install and validate', async () => {
    const value = parse(encryptedDev);
    const tampered = encryptedDev.replace(`name: ${value.metadata.name}`, 'name: renamed-values');
    expect(tampered).not.toBe(encryptedDev);
    for (const kind of ['install', 'validate'] as const) {
      const result = await run(encryptedRepo({ [PARAMS]: tampered }), {
        kind,
        sops: { identities: [identity] },
      } as Request);
      expect(result.files).toEqual([]);
      expect(errorsOf(result)).toEqual([expect.objectContaining({ code: 'sops.mac', file: PARAMS })]);
    }
  });
});

describe('promotion into an environment whose params.yaml is encrypted', () => {
  it('with the key: the PackageInstall moves, params.yaml is not rewritten (plaintext decides)', async () => {
    const plain = paramsFile(REF, `replicas: 3\nhostname: ${SECRET_HOST}\n`);
    const encryptedProd = (await encryptDocument(plain, { recipients: [recipient], file: PROD_PARAMS }))
      .text!;
    const files = encryptedRepo({
      [PROD_PARAMS]: encryptedProd,
      [`${REF}/dev/packageinstall.yaml`]: packageInstallFile(REF, '1.2.0'),
    });
    const result = await run(files, {
      kind: 'promote',
      promotions: [{ component: REF, environment: 'prod' }],
      sops: { identities: [identity] },
    });
    expect(errorsOf(result)).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual([`${REF}/prod/packageinstall.yaml`]);
  });
});

describe('plain values Secrets where encryption is expected', () => {
  it('warn in a repository that uses SOPS', async () => {
    const result = await run(encryptedRepo(), { kind: 'validate', sops: { identities: [identity] } });
    expect(errorsOf(result)).toEqual([]);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'values.plain-secret', file: PROD_PARAMS, severity: 'warning' }),
    );
    expect(result.diagnostics.filter((d) => d.file === PARAMS)).toEqual([]);
  });

  it('are errors with requireEncryption, in validate and install', async () => {
    const files = sampleRepo({ 'flux-pkg.yaml': 'defaults:\n  requireEncryption: true\n' });
    const validated = await run(files, { kind: 'validate' });
    expect(errorsOf(validated).map((d) => [d.code, d.file])).toEqual([
      ['values.plain-secret', PARAMS],
      ['values.plain-secret', PROD_PARAMS],
    ]);
    const installed = await run(files, { kind: 'install', environments: ['dev'] });
    expect(installed.files).toEqual([]);
    expect(codes(installed)).toContain('values.plain-secret');
  });

  it('say nothing in a repository that does not use SOPS', async () => {
    const result = await run(sampleRepo(), { kind: 'validate' });
    expect(codes(result)).not.toContain('values.plain-secret');
  });
});
