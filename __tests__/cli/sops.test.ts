/**
 * The CLI on an encrypted repo: validate and plan decrypt params.yaml with --sops-age-key-file (or
 * SOPS_AGE_KEY_FILE / SOPS_AGE_KEY, as sops reads them), say so without a key, fail on a wrong one,
 * and never print a value.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decryptDocument, encryptDocument } from '../../src/sops/index.js';
import { EXAMPLE, type Workspace, workspace } from '../hostile/fixture.js';

const PARAMS = 'app.default.tap/dev/params.yaml';
const PLANTED = 'planted-cli-host-R2kd.example.com';
let identity: string;
let recipient: string;
let ws: Workspace;
let keyFile: string;

beforeAll(async () => {
  identity = await generateIdentity();
  recipient = await identityToRecipient(identity);
});

async function encryptedWorkspace(): Promise<Workspace> {
  ws = workspace();
  const plain = readFileSync(join(EXAMPLE, PARAMS), 'utf8').replace(/hostname: .*/, `hostname: ${PLANTED}`);
  ws.write(PARAMS, (await encryptDocument(plain, { recipients: [recipient], file: PARAMS })).text!);
  keyFile = join(ws.base, 'key.txt');
  writeFileSync(keyFile, `# public key: ${recipient}\n${identity}\n`);
  return ws;
}

const SOURCES = ['SOPS_AGE_KEY_FILE', 'SOPS_AGE_KEY', 'SOPS_AGE_KEY_CMD', 'XDG_CONFIG_HOME'] as const;
const saved = Object.fromEntries(SOURCES.map((name) => [name, process.env[name]]));
// The developer's own ~/.config/sops/age/keys.txt would be read too (as sops reads it): point away.
const noConfig = mkdtempSync(join(tmpdir(), 'flux-pkg-xdg-'));
beforeEach(() => {
  delete process.env.SOPS_AGE_KEY_CMD;
  process.env.XDG_CONFIG_HOME = noConfig;
});
afterEach(() => {
  for (const name of SOURCES)
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
});
afterAll(() => rmSync(noConfig, { recursive: true, force: true }));

describe('flux-pkg on a repo with an encrypted values Secret', () => {
  it('validate checks the encrypted values with --sops-age-key-file, and says so without it', async () => {
    await encryptedWorkspace();
    delete process.env.SOPS_AGE_KEY_FILE;
    delete process.env.SOPS_AGE_KEY;
    const withKey = await ws.run('validate', '--repo', '$REPO', '--sops-age-key-file', keyFile);
    expect(withKey.code).toBe(0);
    expect(withKey.all).not.toContain('sops.no-key');
    const without = await ws.run('validate', '--repo', '$REPO');
    expect(without.code).toBe(0);
    expect(without.err).toContain(`${PARAMS}:1:1: warning: the values Secret is SOPS-encrypted`);
    for (const run of [withKey, without]) expect(run.all).not.toContain(PLANTED);
  });

  it('reads SOPS_AGE_KEY_FILE and SOPS_AGE_KEY like sops; a wrong key is an error at the file', async () => {
    await encryptedWorkspace();
    process.env.SOPS_AGE_KEY_FILE = keyFile;
    const fromFile = await ws.run('validate', '--repo', '$REPO', '--json');
    expect(JSON.parse(fromFile.out).diagnostics.map((d: { code: string }) => d.code)).not.toContain(
      'sops.no-key',
    );
    delete process.env.SOPS_AGE_KEY_FILE;
    process.env.SOPS_AGE_KEY = identity;
    expect((await ws.run('validate', '--repo', '$REPO')).all).not.toContain('sops.no-key');
    process.env.SOPS_AGE_KEY = await generateIdentity();
    const wrong = await ws.run('validate', '--repo', '$REPO');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(new RegExp(`${PARAMS}:\\d+:\\d+: error: no age identity matches`));
    expect(wrong.all).not.toContain(PLANTED);
  });

  it("reads sops's default key file ($XDG_CONFIG_HOME/sops/age/keys.txt) and says so in --help", async () => {
    await encryptedWorkspace();
    delete process.env.SOPS_AGE_KEY_FILE;
    delete process.env.SOPS_AGE_KEY;
    const config = mkdtempSync(join(tmpdir(), 'flux-pkg-xdg-'));
    mkdirSync(join(config, 'sops', 'age'), { recursive: true });
    writeFileSync(join(config, 'sops', 'age', 'keys.txt'), readFileSync(keyFile));
    process.env.XDG_CONFIG_HOME = config;
    const run = await ws.run('validate', '--repo', '$REPO');
    rmSync(config, { recursive: true, force: true });
    expect(run.code).toBe(0);
    expect(run.all).not.toContain('sops.no-key');
    expect(run.all).not.toContain('no age key was given');
    const help = await ws.run('--help');
    for (const source of ['SOPS_AGE_KEY_CMD', 'SOPS_AGE_KEY_FILE', 'sops/age/keys.txt'])
      expect(help.out).toContain(source);
  });

  it('plan --write with the key keeps params.yaml byte for byte; a missing key file is a usage error', async () => {
    await encryptedWorkspace();
    delete process.env.SOPS_AGE_KEY_FILE;
    delete process.env.SOPS_AGE_KEY;
    const before = readFileSync(join(ws.repo, PARAMS), 'utf8');
    const run = await ws.run('plan', '--repo', '$REPO', '--sops-age-key-file', keyFile, '--write');
    expect(run.code).toBe(0);
    expect(readFileSync(join(ws.repo, PARAMS), 'utf8')).toBe(before);
    const decrypted = await decryptDocument(before, { identities: [identity], file: PARAMS });
    expect(decrypted.document!.text).toContain(PLANTED);
    expect(run.all).not.toContain(PLANTED);
    const missing = await ws.run(
      'validate',
      '--repo',
      '$REPO',
      '--sops-age-key-file',
      join(ws.base, 'nope.txt'),
    );
    expect(missing.code).toBe(2);
  });
});
