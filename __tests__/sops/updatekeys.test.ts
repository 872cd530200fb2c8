/**
 * `updatekeys` on a file the real sops wrote (Flux's test data, sops 3.10.2): the data key is wrapped
 * for the recipients the rule now gives; values, ciphertext, lastmodified and the MAC stay, byte for
 * byte; only the sops.age list changes. And the pure check a push run makes: which files' recipients
 * differ from their creation rule.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  decryptDocument,
  encryptDocument,
  parseAgeIdentities,
  parseSopsConfig,
} from '../../src/sops/index.js';
import { recipientChange, updateKeys } from '../../src/sops/updatekeys.js';
import { hasSopsReference, sopsReference } from './reference-dir.js';

const FILE = 'flux-kustomize-controller/global__secret.yaml';
const read = (name: string) => readFileSync(`${sopsReference}${name}`, 'utf8');
const hasAge = spawnSync('age', ['--version']).status === 0;
if (!hasAge) console.warn('SKIPPED: the independent data-key check needs the age CLI (apt-get install age)');
const dir = mkdtempSync(join(tmpdir(), 'updatekeys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let newcomer: { identity: string; recipient: string };
beforeAll(async () => {
  const identity = await generateIdentity();
  newcomer = { identity, recipient: await identityToRecipient(identity) };
});

type Meta = { sops: { age: { recipient: string; enc: string }[]; lastmodified: string; mac: string } };

describe.skipIf(!hasSopsReference)('updatekeys on a file written by sops 3.10.2', () => {
  it('adds a recipient: only sops.age changes, the old stanza stays, the new one opens the same data key', async () => {
    const text = read(FILE);
    const owner = parseAgeIdentities(read('flux-kustomize-controller/keys__age-global.txt'));
    const before = parse(text) as Meta;
    const oldRecipient = before.sops.age[0]!.recipient;
    const result = await updateKeys(text, {
      identities: owner,
      recipients: [oldRecipient, newcomer.recipient],
      file: FILE,
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.changed).toBe(true);
    const after = parse(result.text!) as Meta;
    expect(after.sops.age[0]).toEqual(before.sops.age[0]);
    expect(after.sops.age.map((s) => s.recipient)).toEqual([oldRecipient, newcomer.recipient]);
    expect([after.sops.lastmodified, after.sops.mac]).toEqual([before.sops.lastmodified, before.sops.mac]);
    // Every line outside the age list is the same line.
    const outside = (t: string) => t.split('\n').filter((l) => !/^ {4}(- recipient| {2}enc| {4})/.test(l));
    expect(outside(result.text!)).toEqual(outside(text));
    // The newcomer decrypts it, MAC verified, to what the owner reads.
    const theirs = await decryptDocument(result.text!, { identities: [newcomer.identity], file: FILE });
    expect(theirs.diagnostics).toEqual([]);
    expect(theirs.document!.value).toMatchObject({ stringData: { key: 'global-value' } });
    // Unchanged recipients: the same bytes.
    const again = await updateKeys(result.text!, {
      identities: [newcomer.identity],
      recipients: [newcomer.recipient, oldRecipient],
    });
    expect(again).toEqual({ text: result.text, changed: false, diagnostics: [] });
  });

  it.skipIf(!hasAge)('the age CLI opens the same data key from the old and the new stanza', async () => {
    const text = read(FILE);
    const ownerKey = join(dir, 'owner.txt');
    writeFileSync(ownerKey, read('flux-kustomize-controller/keys__age-global.txt'));
    const newKey = join(dir, 'new.txt');
    writeFileSync(newKey, `${newcomer.identity}\n`);
    const result = await updateKeys(text, {
      identities: parseAgeIdentities(read('flux-kustomize-controller/keys__age-global.txt')),
      recipients: [newcomer.recipient],
    });
    const [oldStanza] = (parse(text) as Meta).sops.age;
    const [newStanza] = (parse(result.text!) as Meta).sops.age;
    const open = (key: string, enc: string) => execFileSync('age', ['-d', '-i', key], { input: enc });
    expect(open(newKey, newStanza!.enc).toString('hex')).toBe(open(ownerKey, oldStanza!.enc).toString('hex'));
  });

  it('without an identity of the file, or on a tampered file, nothing is rewritten', async () => {
    const text = read(FILE);
    const noKey = await updateKeys(text, {
      identities: [newcomer.identity],
      recipients: [newcomer.recipient],
    });
    expect(noKey.text).toBeUndefined();
    expect(noKey.diagnostics.map((d) => d.code)).toEqual(['sops.no-identity']);
    const tampered = text.replace('namespace: default', 'namespace: other');
    const owner = parseAgeIdentities(read('flux-kustomize-controller/keys__age-global.txt'));
    const refused = await updateKeys(tampered, { identities: owner, recipients: [newcomer.recipient] });
    expect(refused.diagnostics.map((d) => d.code)).toEqual(['sops.mac']);
  });
});

describe('which files a recipient change in .sops.yaml touches (no key needed)', () => {
  it('names added and removed recipients per file; files already in line and non-SOPS files are left out', async () => {
    const alice = await identityToRecipient(await generateIdentity());
    const bob = await identityToRecipient(await generateIdentity());
    const plain = 'apiVersion: v1\nkind: Secret\nstringData:\n  a: b\n';
    const forAlice = (await encryptDocument(plain, { recipients: [alice] })).text!;
    const config = parseSopsConfig(
      `creation_rules:\n  - path_regex: prod/\n    age: ${alice}\n  - path_regex: dev/\n    age: ${alice},${bob}\n`,
    ).config!;
    expect(recipientChange(forAlice, 'prod/params.yaml', config, 'prod/params.yaml')).toBeUndefined();
    expect(recipientChange(forAlice, 'dev/params.yaml', config, 'dev/params.yaml')).toEqual({
      file: 'dev/params.yaml',
      added: [bob],
      removed: [],
      recipients: [alice, bob],
    });
    expect(recipientChange(plain, 'dev/params.yaml', config, 'dev/params.yaml')).toBeUndefined();
    expect(recipientChange(forAlice, 'other/params.yaml', config, 'other/params.yaml')).toBeUndefined();
  });
});
