/**
 * SOPS through the bundle (dist/index.js run as the runner runs it): a `secretFormat: sops`
 * environment's pull request, updated by a newer Package, keeps params.yaml byte for byte (the bundle
 * encrypts, then decrypts with sops-age-key to compare plaintexts), and the file decrypts
 * independently (age CLI + AES-GCM + the MAC recomputed without src/sops).
 *
 * Two bundled runs: each costs a node start-up and ~34 stand-in requests (a few git processes each),
 * seconds on a loaded machine; the bundle's own CPU is ~0.8 s a run. Updates by several newer
 * Packages, and the rest of SOPS, run in process in __tests__/shell/sops.test.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hasAgeCli, verifySops } from '../helpers/sops-verify.js';
import { COMPONENT, CONFIG, initialFiles, newPackage } from './fixtures.js';
import { act, closeStandInsAfterAll, constraintOf, gitopsRepo, prsOf, supplyChainPush } from './scenario.js';

closeStandInsAfterAll();

const DEV_PARAMS = `${COMPONENT}/dev/params.yaml`;
const CONFIG_SOPS = CONFIG.replace('  - name: dev\n', '  - name: dev\n    secretFormat: sops\n');
const DEV_VALUES = `apiVersion: v1
kind: Secret
metadata:
  name: app.default.tap-values
stringData:
  values.yaml: |
    ---
    replicas: 1
    hostname: dist-planted-Z4kq.example.com
    port: 8080
    log_level: debug
`;

let keyFile: string;
let recipient: string;

beforeAll(async () => {
  const identity = await generateIdentity();
  recipient = await identityToRecipient(identity);
  keyFile = `# public key: ${recipient}\n${identity}\n`;
});

describe('SOPS, bundled', () => {
  it('a newer Package updating the open PR keeps its encrypted params.yaml byte for byte', async () => {
    const files: Record<string, string> = {
      ...initialFiles(),
      'flux-pkg.yaml': CONFIG_SOPS,
      '.sops.yaml': `creation_rules:\n  - path_regex: /dev/params\\.yaml$\n    encrypted_regex: ^(data|stringData)$\n    age: ${recipient}\n`,
      [DEV_PARAMS]: DEV_VALUES,
    };
    const standIn = await gitopsRepo(files);
    const branchName = `flux-pkg/${COMPONENT}/dev`;
    const first = newPackage();
    const run = await act(standIn, supplyChainPush(standIn, { [first.path]: first.content }), {
      'sops-age-key': keyFile,
    });
    expect(run.code, run.stdout).toBe(0);
    const written = standIn.readTree(branchName)[DEV_PARAMS]!;
    expect(written).toMatch(/^sops:/m);
    expect(written).not.toContain('dist-planted-Z4kq');
    const newer = newPackage('20230601000000.0.0');
    const next = await act(standIn, supplyChainPush(standIn, { [newer.path]: newer.content }), {
      'sops-age-key': keyFile,
    });
    expect(next.code, next.stdout).toBe(0);
    expect(prsOf(next).find((p) => p.environment === 'dev')?.operation).toBe('updated');
    const branch = standIn.readTree(branchName);
    expect(constraintOf(branch[`${COMPONENT}/dev/packageinstall.yaml`]!)).toBe('20230601000000.0.0');
    expect(branch[DEV_PARAMS]).toBe(written);
    if (hasAgeCli) {
      const keyPath = join(mkdtempSync(join(tmpdir(), 'sops-verify-')), 'key.txt');
      writeFileSync(keyPath, keyFile);
      expect(verifySops(written, keyPath)['stringData.values.yaml']).toBe(
        parse(DEV_VALUES).stringData['values.yaml'],
      );
    } else console.warn('SKIPPED: the independent check of params.yaml needs the age CLI');
  }, 60_000); // two bundled runs: twice one test's budget
});
