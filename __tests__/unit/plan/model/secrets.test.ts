import { describe, expect, it } from 'vitest';
import { BUILT_IN_SETTINGS } from '../../../../src/config/config.js';
import { encryptionFor, plainSecretProblem, repoEncrypts } from '../../../../src/plan/model/secrets.js';
import { nearestSopsConfig } from '../../../../src/sops/updatekeys.js';
import { repo } from '../../repo-state.js';

const FILE = 'apps/app/dev/params.yaml';
const AGE = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';

describe('nearestSopsConfig (the seal and the re-wrap share it): the nearest .sops.yaml, as sops looks', () => {
  it('the file’s folder first, then each parent, then the root', () => {
    expect(
      nearestSopsConfig(new Set(['.sops.yaml', 'apps/.sops.yaml', 'apps/app/dev/.sops.yaml']), FILE),
    ).toBe('apps/app/dev/.sops.yaml');
    expect(nearestSopsConfig(new Set(['.sops.yaml', 'apps/.sops.yaml', 'other/.sops.yaml']), FILE)).toBe(
      'apps/.sops.yaml',
    );
    expect(nearestSopsConfig(new Set(['.sops.yaml']), FILE)).toBe('.sops.yaml');
    expect(nearestSopsConfig(new Set(['apps/app/prod/.sops.yaml']), FILE)).toBeUndefined();
  });
});

describe('encryptionFor: whom a values Secret is encrypted for', () => {
  const sops = { ...BUILT_IN_SETTINGS, secretFormat: 'sops' as const };

  it('the first creation rule whose path_regex matches the path below the .sops.yaml folder', () => {
    const text = `creation_rules:\n  - path_regex: prod/.*\n    age: age1other\n  - path_regex: dev/params\\.yaml$\n    encrypted_regex: ^(data|stringData)$\n    age: ${AGE}\n`;
    const { encryption, diagnostics } = encryptionFor({ path: 'apps/app/.sops.yaml', text }, FILE, sops);
    expect(diagnostics).toEqual([]);
    expect(encryption?.recipients).toEqual([AGE]);
  });

  it('refuses a rule that would encrypt what Flux must read, at the rule', () => {
    const text = `creation_rules:\n  - path_regex: .*\n    age: ${AGE}\n    encrypted_regex: ^(kind|stringData)$\n`;
    const { encryption, diagnostics } = encryptionFor({ path: '.sops.yaml', text }, FILE, sops);
    expect(encryption).toBeUndefined();
    expect(diagnostics).toMatchObject([
      {
        code: 'sops.rule-hides-metadata',
        file: '.sops.yaml',
        path: '.creation_rules[0]',
        message: expect.stringContaining('kind'),
      },
    ]);
  });

  it('without a rule: the sopsAgeRecipients setting; with neither, an error saying where to add one', () => {
    expect(
      encryptionFor(undefined, FILE, { ...sops, sopsAgeRecipients: [AGE] }).encryption?.recipients,
    ).toEqual([AGE]);
    expect(encryptionFor(undefined, FILE, sops).diagnostics).toMatchObject([
      {
        code: 'sops.no-recipients',
        file: FILE,
        message: expect.stringContaining('.sops.yaml creation rule'),
      },
    ]);
  });
});

describe('plainSecretProblem and repoEncrypts', () => {
  it('plain text: an error with requireEncryption, a warning where the repository encrypts, else nothing', () => {
    expect(plainSecretProblem(FILE, { ...BUILT_IN_SETTINGS, requireEncryption: true }, false)).toMatchObject({
      code: 'values.plain-secret',
      severity: 'error',
    });
    expect(plainSecretProblem(FILE, BUILT_IN_SETTINGS, true)).toMatchObject({
      code: 'values.plain-secret',
      severity: 'warning',
    });
    expect(plainSecretProblem(FILE, BUILT_IN_SETTINGS, false)).toBeUndefined();
  });

  it('a repository encrypts when it has a .sops.yaml anywhere or configures secretFormat sops', () => {
    expect(repoEncrypts(['a/.sops.yaml'], [])).toBe(true);
    expect(repoEncrypts(['a/b.sops.yaml'], [])).toBe(false);
    expect(repoEncrypts([], [{ secretFormat: 'sops' }])).toBe(true);
    expect(repoEncrypts(['README.md'], [{ secretFormat: 'plain' }])).toBe(false);
  });
});

describe('an encrypted params.yaml read without a key (encryptedSecretOf through environmentFiles)', () => {
  const ENCRYPTED = `apiVersion: v1
kind: Secret
metadata:
  name: app-values
stringData:
  values.yaml: ENC[AES256_GCM,data:AAAA,iv:BBBB,tag:CCCC,type:str]
sops:
  mac: ENC[AES256_GCM,data:DDDD,iv:EEEE,tag:FFFF,type:str]
  lastmodified: "2026-01-01T00:00:00Z"
  version: 3.9.0
`;

  it('keeps its name and text, reads no values, and warns once at the top that nothing is checked', () => {
    const env = repo()
      .component('app', { packages: ['1.0.0'] })
      .environment('dev')
      .file('app/dev/params.yaml', ENCRYPTED)
      .environmentFiles('app', 'dev');
    expect(env.encrypted).toMatchObject({ name: 'app-values', source: ENCRYPTED });
    expect(env.encrypted?.document).toBeUndefined();
    expect(env.valuesSecret).toBeUndefined();
    expect(env.diagnostics).toMatchObject([
      { code: 'sops.no-key', severity: 'warning', file: 'app/dev/params.yaml', line: 1 },
    ]);
  });
});
