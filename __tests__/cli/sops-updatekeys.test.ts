/**
 * `flux-pkg sops updatekeys`: after .sops.yaml gives a file a new recipient, the command wraps the
 * data key for it (the newcomer can read the file), keeps values and MAC, and a second run finds
 * nothing to do. Without --write nothing is written.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decryptDocument, encryptDocument } from '../../src/sops/index.js';
import { workspace } from '../hostile/fixture.js';

const PARAMS = 'app.default.tap/dev/params.yaml';
const SOURCES = ['SOPS_AGE_KEY_FILE', 'SOPS_AGE_KEY', 'SOPS_AGE_KEY_CMD', 'XDG_CONFIG_HOME'] as const;
const saved = Object.fromEntries(SOURCES.map((name) => [name, process.env[name]]));
const noConfig = mkdtempSync(join(tmpdir(), 'flux-pkg-xdg-'));
beforeEach(() => {
  for (const name of SOURCES) delete process.env[name];
  process.env.XDG_CONFIG_HOME = noConfig;
});
afterEach(() => {
  for (const name of SOURCES)
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
});
afterAll(() => rmSync(noConfig, { recursive: true, force: true }));

const rule = (...recipients: string[]) =>
  `creation_rules:\n  - path_regex: /dev/params\\.yaml$\n    encrypted_regex: ^(data|stringData)$\n    age: ${recipients.join(',')}\n`;

describe('flux-pkg sops updatekeys', () => {
  it('wraps the data key for a recipient .sops.yaml added; a rerun has nothing to do', async () => {
    const [alice, bob] = [await generateIdentity(), await generateIdentity()];
    const [aliceR, bobR] = [await identityToRecipient(alice), await identityToRecipient(bob)];
    const ws = workspace();
    const plain = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: v\nstringData:\n  values.yaml: "a: 1"\n';
    const encrypted = (await encryptDocument(plain, { recipients: [aliceR], file: PARAMS })).text!;
    ws.write(PARAMS, encrypted);
    ws.write('.sops.yaml', rule(aliceR, bobR));
    const aliceKey = join(ws.base, 'alice.txt');
    writeFileSync(aliceKey, `${alice}\n`);

    const dry = await ws.run('sops', 'updatekeys', '--repo', '$REPO', '--sops-age-key-file', aliceKey);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(`${PARAMS}: +${bobR}`);
    expect(readFileSync(join(ws.repo, PARAMS), 'utf8')).toBe(encrypted);

    const run = await ws.run(
      'sops',
      'updatekeys',
      PARAMS,
      '--repo',
      '$REPO',
      '--sops-age-key-file',
      aliceKey,
      '--write',
    );
    expect(run.code).toBe(0);
    const after = readFileSync(join(ws.repo, PARAMS), 'utf8');
    expect(parse(after).sops.mac).toBe(parse(encrypted).sops.mac);
    const asBob = await decryptDocument(after, { identities: [bob], file: PARAMS });
    expect(asBob.diagnostics).toEqual([]);
    expect(asBob.document!.text).toBe(plain);

    const again = await ws.run(
      'sops',
      'updatekeys',
      '--repo',
      '$REPO',
      '--sops-age-key-file',
      aliceKey,
      '--write',
    );
    expect(again.code).toBe(0);
    expect(again.out).toContain('already has the recipients');
    expect(readFileSync(join(ws.repo, PARAMS), 'utf8')).toBe(after);
  });

  it('without a key that opens the file it fails at the file; an unknown subcommand is a usage error', async () => {
    const ws = workspace();
    const aliceR = await identityToRecipient(await generateIdentity());
    const encrypted = (await encryptDocument('stringData:\n  a: b\n', { recipients: [aliceR] })).text!;
    ws.write(PARAMS, encrypted);
    ws.write('.sops.yaml', rule(aliceR, await identityToRecipient(await generateIdentity())));
    const run = await ws.run('sops', 'updatekeys', '--repo', '$REPO', '--write');
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${PARAMS}:`);
    expect(readFileSync(join(ws.repo, PARAMS), 'utf8')).toBe(encrypted);
    expect((await ws.run('sops', 'rotate', '--repo', '$REPO')).code).toBe(2);
    expect((await ws.run('sops', 'updatekeys', 'nope.yaml', '--repo', '$REPO')).code).toBe(2);
  });
});
