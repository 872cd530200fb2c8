/**
 * SOPS end to end: the bundled action on a gitops repo whose dev environment encrypts its values
 * Secret with SOPS + age. The PR's params.yaml decrypts with the test key to the intended values,
 * its MAC verifies and its apiVersion/kind/metadata are readable; a rerun writes nothing; a new
 * version re-validates the encrypted values with sops-age-key and keeps params.yaml byte for byte;
 * planted secret values reach no log, summary, output or pull request body.
 */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decryptDocument, encryptDocument } from '../../src/sops/index.js';
import { COMPONENT, CONFIG, initialFiles, NEW_VERSION, newPackage } from '../e2e/fixtures.js';
import type { ActionRun } from '../e2e/run-action.js';
import { closeStandInsAfterAll, constraintOf, gitopsRepo, prsOf, supplyChainPush } from '../e2e/scenario.js';
import { hasAgeCli, verifySops } from '../helpers/sops-verify.js';
import { act } from './run-in-process.js';

closeStandInsAfterAll();

const DEV_PARAMS = `${COMPONENT}/dev/params.yaml`;
const STAGING_PARAMS = `${COMPONENT}/staging/params.yaml`;
const PLANTED = ['planted-host-Q8zr.example.com', 'planted-profile-W3mx'];
const CONFIG_SOPS = CONFIG.replace('  - name: dev\n', '  - name: dev\n    secretFormat: sops\n');

const devParams = (port = 8080) => `apiVersion: v1
kind: Secret
metadata:
  name: app.default.tap-values
stringData:
  values.yaml: |
    ---
    replicas: 1
    hostname: ${PLANTED[0]}
    port: ${port}
    log_level: debug
    env:
    - name: SPRING_PROFILES_ACTIVE
      value: ${PLANTED[1]}
`;

let identity: string;
let keyFile: string;
let recipient: string;

beforeAll(async () => {
  identity = await generateIdentity();
  recipient = await identityToRecipient(identity);
  keyFile = `# created: 2025-01-01T00:00:00Z\n# public key: ${recipient}\n${identity}\n`;
});

const sopsYaml = () =>
  `creation_rules:\n  - path_regex: /dev/params\\.yaml$\n    encrypted_regex: ^(data|stringData)$\n    age: ${recipient}\n`;

function expectNoPlanted(run: ActionRun, bodies: (string | null | undefined)[]): void {
  // `::add-mask::` lines are how a value is masked: the runner consumes them and never shows them.
  const stdout = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  const seen = [stdout, run.stderr, run.summary, JSON.stringify(run.outputs), ...bodies].join('\n');
  for (const value of PLANTED) expect(seen).not.toContain(value);
}

async function decrypted(text: string) {
  const result = await decryptDocument(text, { identities: [identity], file: DEV_PARAMS });
  expect(result.diagnostics).toEqual([]);
  return result.document!;
}

describe('values Secrets encrypted with SOPS', () => {
  it('secretFormat sops: the PR holds params.yaml encrypted for .sops.yaml, and a rerun writes nothing', async () => {
    const files: Record<string, string> = {
      ...initialFiles(),
      'flux-pkg.yaml': CONFIG_SOPS,
      '.sops.yaml': sopsYaml(),
    };
    files[DEV_PARAMS] = devParams();
    const standIn = await gitopsRepo(files);
    const pkg = newPackage();
    const event = supplyChainPush(standIn, { [pkg.path]: pkg.content });

    const run = await act(standIn, event, { 'sops-age-key': keyFile });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs['changed-files']!)).toContain(DEV_PARAMS);
    const text = standIn.readTree(`flux-pkg/${COMPONENT}/dev`)[DEV_PARAMS]!;
    const value = parse(text);
    expect(value).toMatchObject({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'app.default.tap-values' },
    });
    expect(value.stringData['values.yaml']).toMatch(/^ENC\[AES256_GCM,data:/);
    expect(value.sops.encrypted_regex).toBe('^(data|stringData)$');
    expect(value.sops.age.map((s: { recipient: string }) => s.recipient)).toEqual([recipient]);
    const document = await decrypted(text); // the MAC is verified here
    expect(document.text).toBe(devParams());
    // staging stays plain, and the summary says so.
    expect(standIn.readTree(`flux-pkg/${COMPONENT}/staging`)[STAGING_PARAMS]).toBe(files[STAGING_PARAMS]);
    expect(run.summary).toContain('stored in plain text');
    expectNoPlanted(
      run,
      standIn.pulls.map((p) => p.body),
    );

    const writes = standIn.writes().length;
    // A rerun of the event: the delivery cursor is at main, nothing is left to deliver.
    const rerun = await act(standIn, event, { 'sops-age-key': keyFile });
    expect(rerun.code).toBe(0);
    expect(standIn.writes().length).toBe(writes);
    expect(rerun.summary).toContain('nothing changed since the last delivery');
    expectNoPlanted(rerun, []);
    // Planned again (the packages input bypasses the cursor): SOPS's random data key and IVs would
    // give a new ciphertext, yet the same plaintext keeps the PR's params.yaml as it is.
    const replan = await act(standIn, event, { 'sops-age-key': keyFile, packages: pkg.path });
    expect(replan.code, replan.stdout).toBe(0);
    expect(prsOf(replan).map((p) => p.operation)).toEqual(['unchanged', 'unchanged']);
    expect(standIn.writes().length).toBe(writes);
    expect(standIn.readTree(`flux-pkg/${COMPONENT}/dev`)[DEV_PARAMS]).toBe(text);
    expectNoPlanted(replan, []);
  });

  it('newer Packages updating the open PR keep its encrypted params.yaml byte for byte (plaintext decides)', async () => {
    const files: Record<string, string> = {
      ...initialFiles(),
      'flux-pkg.yaml': CONFIG_SOPS,
      '.sops.yaml': sopsYaml(),
    };
    files[DEV_PARAMS] = devParams();
    const standIn = await gitopsRepo(files);
    const branchName = `flux-pkg/${COMPONENT}/dev`;
    const pkg = newPackage();
    const first = await act(standIn, supplyChainPush(standIn, { [pkg.path]: pkg.content }), {
      'sops-age-key': keyFile,
    });
    expect(first.code).toBe(0);
    const written = standIn.readTree(branchName)[DEV_PARAMS]!;
    for (const version of ['20230601000000.0.0', '20230701000000.0.0']) {
      const newer = newPackage(version);
      const run = await act(standIn, supplyChainPush(standIn, { [newer.path]: newer.content }), {
        'sops-age-key': keyFile,
      });
      expect(run.code).toBe(0);
      expect(prsOf(run).find((p) => p.environment === 'dev')?.operation).toBe('updated');
      const branch = standIn.readTree(branchName);
      expect(constraintOf(branch[`${COMPONENT}/dev/packageinstall.yaml`]!)).toBe(version);
      expect(branch[DEV_PARAMS]).toBe(written);
    }
    expect((await decrypted(written)).text).toBe(devParams());
    if (hasAgeCli) {
      const keyPath = join(mkdtempSync(join(tmpdir(), 'sops-verify-')), 'key.txt');
      writeFileSync(keyPath, keyFile);
      expect(verifySops(written, keyPath)['stringData.values.yaml']).toBe(
        parse(devParams()).stringData['values.yaml'],
      );
    } else console.warn('SKIPPED: the independent check of params.yaml needs the age CLI');
  }, 90_000); // three runs of the action: three times one test's budget

  it('a new version with sops-age-key re-validates the encrypted values and keeps params.yaml byte for byte', async () => {
    const encrypted = await encryptDocument(devParams(), { recipients: [recipient], file: DEV_PARAMS });
    const files: Record<string, string> = {
      ...initialFiles(),
      'flux-pkg.yaml': CONFIG_SOPS,
      '.sops.yaml': sopsYaml(),
    };
    files[DEV_PARAMS] = encrypted.text!;
    const standIn = await gitopsRepo(files);
    const pkg = newPackage();
    const event = supplyChainPush(standIn, { [pkg.path]: pkg.content });

    const run = await act(standIn, event, { 'sops-age-key': keyFile });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs['changed-files']!)).not.toContain(DEV_PARAMS);
    const branch = standIn.readTree(`flux-pkg/${COMPONENT}/dev`);
    expect(branch[DEV_PARAMS]).toBe(encrypted.text);
    expect(constraintOf(branch[`${COMPONENT}/dev/packageinstall.yaml`]!)).toBe(NEW_VERSION);
    expect(run.stdout).not.toContain('sops.no-key');
    expectNoPlanted(
      run,
      standIn.pulls.map((p) => p.body),
    );
  });

  it('encrypted values that break the new schema fail the run at params.yaml, without a value in any output', async () => {
    const encrypted = await encryptDocument(devParams(0), { recipients: [recipient], file: DEV_PARAMS });
    const files: Record<string, string> = {
      ...initialFiles(),
      'flux-pkg.yaml': CONFIG_SOPS,
      '.sops.yaml': sopsYaml(),
    };
    files[DEV_PARAMS] = encrypted.text!;
    const standIn = await gitopsRepo(files);
    const pkg = newPackage();
    const event = supplyChainPush(standIn, { [pkg.path]: pkg.content });

    const run = await act(standIn, event, { 'sops-age-key': keyFile });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`::error title=values\\.\\w+,file=${DEV_PARAMS.replaceAll('.', '\\.')},line=\\d+.*\\.port`),
    );
    expect(standIn.pulls).toEqual([]);
    expectNoPlanted(run, []);
  });

  it('without sops-age-key an encrypted params.yaml is left as it is, with a warning naming it', async () => {
    const encrypted = await encryptDocument(devParams(), { recipients: [recipient], file: DEV_PARAMS });
    const files: Record<string, string> = {
      ...initialFiles(),
      'flux-pkg.yaml': CONFIG_SOPS,
      '.sops.yaml': sopsYaml(),
    };
    files[DEV_PARAMS] = encrypted.text!;
    const standIn = await gitopsRepo(files);
    const pkg = newPackage();
    const event = supplyChainPush(standIn, { [pkg.path]: pkg.content });

    const run = await act(standIn, event);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `::warning title=sops\\.no-key,file=${DEV_PARAMS.replaceAll('.', '\\.')}.*no age key was given`,
      ),
    );
    expect(standIn.readTree(`flux-pkg/${COMPONENT}/dev`)[DEV_PARAMS]).toBe(encrypted.text);
    expectNoPlanted(
      run,
      standIn.pulls.map((p) => p.body),
    );
  });
});
