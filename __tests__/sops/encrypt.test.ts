/**
 * Writing SOPS files: what a reviewer sees in the pull request (plaintext apiVersion/kind/metadata, one
 * changed line per changed value), what a tampered file does (refused, naming only the key path), and
 * what several recipients and the wrong key do.
 */
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type DecryptedDocument, decryptDocument, encryptDocument } from '../../src/sops/index.js';

const PLAIN = `# Values for app in dev
apiVersion: v1
kind: Secret
metadata:
  name: app-values # the PackageInstall names this Secret
  namespace: apps
stringData:
  values.yaml: |
    # Values for app in dev
    hostname: planted-secret-host.example
    password: planted-hunter2-value
  token: planted-token-value
  replicas: 3
  ratio: 0.25
  debug: false
`;
const PLANTED = ['planted-secret-host', 'planted-hunter2-value', 'planted-token-value'];

let alice: { identity: string; recipient: string };
let bob: { identity: string; recipient: string };
let carol: { identity: string; recipient: string };
const person = async () => {
  const identity = await generateIdentity();
  return { identity, recipient: await identityToRecipient(identity) };
};
beforeAll(async () => {
  [alice, bob, carol] = [await person(), await person(), await person()];
});

async function encrypt(plain: unknown = PLAIN, previous?: DecryptedDocument, recipients = [alice.recipient]) {
  const result = await encryptDocument(plain, { recipients, previous, file: 'app/dev/params.yaml' });
  expect(result.diagnostics).toEqual([]);
  return result;
}
async function decrypt(text: string, identities = [alice.identity]) {
  return decryptDocument(text, { identities, file: 'app/dev/params.yaml' });
}

describe('an encrypted values Secret', () => {
  it('keeps apiVersion, kind, metadata and their comments readable and encrypts stringData', async () => {
    const { text } = await encrypt();
    const lines = text!.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      '# Values for app in dev',
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: app-values # the PackageInstall names this Secret',
      '  namespace: apps',
      'stringData:',
    ]);
    for (const planted of PLANTED) expect(text).not.toContain(planted);
    const value = parse(text!) as { stringData: Record<string, string>; sops: Record<string, unknown> };
    expect(value.stringData['values.yaml']).toMatch(/^ENC\[AES256_GCM,data:.+,iv:.+,tag:.+,type:str\]$/);
    expect(value.stringData.replicas).toMatch(/type:int\]$/);
    expect(value.stringData.ratio).toMatch(/type:float\]$/);
    expect(value.stringData.debug).toMatch(/type:bool\]$/);
    const iv = /iv:([^,]+)/.exec(value.stringData.token!)![1]!;
    expect(Buffer.from(iv, 'base64')).toHaveLength(32);
    expect(Object.keys(value.sops)).toEqual(['age', 'lastmodified', 'mac', 'encrypted_regex', 'version']);
    expect(value.sops.encrypted_regex).toBe('^(data|stringData)$');
    expect(value.sops.lastmodified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('decrypts to the same document, comments and key order included', async () => {
    const { text } = await encrypt();
    const result = await decrypt(text!);
    expect(result.diagnostics).toEqual([]);
    expect(result.document!.text).toBe(PLAIN);
  });

  it('gives every recipient the data key; each one decrypts on its own', async () => {
    const { text } = await encrypt(PLAIN, undefined, [alice.recipient, bob.recipient, carol.recipient]);
    for (const who of [alice, bob, carol]) {
      const result = await decrypt(text!, [who.identity]);
      expect(result.diagnostics).toEqual([]);
      expect(result.document!.text).toBe(PLAIN);
    }
  });

  it('lists the decrypted values for masking: every encrypted value, none of the plaintext fields', async () => {
    const { text } = await encrypt();
    const { secrets } = (await decrypt(text!)).document!;
    expect(secrets).toEqual([
      '# Values for app in dev\nhostname: planted-secret-host.example\npassword: planted-hunter2-value\n',
      'planted-token-value',
      '3',
      '0.25',
      'False',
    ]);
  });

  it('an invalid identity or none at all is a clear error that does not echo the identity', async () => {
    const { text } = await encrypt();
    const bad = await decrypt(text!, ['AGE-SECRET-KEY-1PLANTEDNOTAKEY']);
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['sops.bad-identity']);
    expect(JSON.stringify(bad.diagnostics)).not.toContain('PLANTED');
    const none = await decrypt(text!, []);
    expect(none.diagnostics.map((d) => d.message)).toEqual([
      `no age identity given; this file is encrypted for ${alice.recipient}`,
    ]);
  });

  it('with the wrong key says no identity matches, naming the recipients and nothing else', async () => {
    const { text } = await encrypt(PLAIN, undefined, [alice.recipient, bob.recipient]);
    const result = await decrypt(text!, [carol.identity]);
    expect(result.document).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d!.code).toBe('sops.no-identity');
    expect(d!.message).toContain('no age identity matches the recipients');
    expect(d!.message).toContain(alice.recipient);
    expect(d!.message).toContain(bob.recipient);
    expect(d!.file).toBe('app/dev/params.yaml');
    expect(d!.line).toBeGreaterThan(1);
    expect(JSON.stringify(result.diagnostics)).not.toContain('ENC[');
  });
});

/** Flip one bit of one base64 field (data, iv or tag) in the envelope on the line holding `key:`. */
function flip(text: string, key: string, field: 'data' | 'iv' | 'tag'): string {
  return text
    .split('\n')
    .map((line) => {
      if (!line.trimStart().startsWith(`${key}:`)) return line;
      return line.replace(new RegExp(`${field}:([^,\\]]+)`), (_, b64: string) => {
        const bytes = Buffer.from(b64, 'base64');
        bytes[bytes.length >> 1]! ^= 0x01;
        return `${field}:${bytes.toString('base64')}`;
      });
    })
    .join('\n');
}

describe('a tampered file is refused, and the message names the key path, never a value', () => {
  const cases: [string, string, 'data' | 'iv' | 'tag', string, string][] = [
    ['a value', 'token', 'data', 'sops.value-authentication', '.stringData.token'],
    ['an IV', 'values.yaml', 'iv', 'sops.value-authentication', '.stringData["values.yaml"]'],
    ['a tag', 'replicas', 'tag', 'sops.value-authentication', '.stringData.replicas'],
    ['the MAC', 'mac', 'data', 'sops.mac', '.sops.mac'],
    ["the MAC's tag", 'mac', 'tag', 'sops.mac', '.sops.mac'],
  ];
  for (const [what, key, field, code, path] of cases) {
    it(`a flipped byte in ${what}`, async () => {
      const { text } = await encrypt();
      const tampered = flip(text!, key, field);
      expect(tampered).not.toBe(text);
      const result = await decrypt(tampered);
      expect(result.document).toBeUndefined();
      expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([[code, path]]);
      expect(result.diagnostics[0]!.line).toBe(
        tampered.split('\n').findIndex((l) => l.includes(`${key}:`)) + 1,
      );
      const said = JSON.stringify(result.diagnostics);
      for (const secret of [...PLANTED, 'ENC[', 'data:', 'iv:']) expect(said).not.toContain(secret);
    });
  }

  it('a plaintext value changed by hand (not encrypted, but in the MAC)', async () => {
    const { text } = await encrypt();
    const result = await decrypt(text!.replace('name: app-values', 'name: other-values'));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['sops.mac']);
    expect(result.diagnostics[0]!.message).toContain('MAC mismatch');
  });

  it('an envelope moved to another key (the key path is the AAD)', async () => {
    const { text } = await encrypt();
    const value = parse(text!) as { stringData: Record<string, string> };
    const moved = text!.replace(value.stringData.token!, value.stringData['values.yaml']!);
    const result = await decrypt(moved);
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['sops.value-authentication', '.stringData.token'],
    ]);
  });

  it('an encrypted value replaced by plaintext', async () => {
    const { text } = await encrypt();
    const value = parse(text!) as { stringData: Record<string, string> };
    const result = await decrypt(text!.replace(value.stringData.token!, 'planted-token-value'));
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['sops.value-format', '.stringData.token'],
    ]);
    expect(JSON.stringify(result.diagnostics)).not.toContain('planted-token-value');
  });
});

describe('re-encrypting keeps what did not change', () => {
  it('unchanged values: the previous text comes back byte for byte', async () => {
    const first = await encrypt();
    const previous = (await decrypt(first.text!)).document!;
    const again = await encrypt(PLAIN, previous);
    expect(again.unchanged).toBe(true);
    expect(again.text).toBe(first.text);
    // The same data as plain values loses the comments: a change, yet every envelope is kept.
    const fromValue = await encrypt(parse(PLAIN), previous);
    expect(fromValue.unchanged).toBe(false);
    const envelopes = (t: string) => t.match(/^ {2}(?!mac:)\S+: ENC\[.*$/gm);
    expect(envelopes(fromValue.text!)).toEqual(envelopes(first.text!));
    expect(envelopes(first.text!)).toHaveLength(5);
  });

  it('one changed value changes only its line, lastmodified and mac', async () => {
    const first = await encrypt();
    const previous = (await decrypt(first.text!)).document!;
    const edited = PLAIN.replace('  token: planted-token-value', '  token: planted-token-value-2');
    const second = await encryptDocument(edited, {
      recipients: [alice.recipient],
      previous,
      now: new Date(Date.parse(previous.metadata.lastModified) + 60_000),
    });
    const before = first.text!.split('\n');
    const after = second.text!.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = after.flatMap((line, i) => (line === before[i] ? [] : [line.split(':')[0]!.trim()]));
    expect(changed).toEqual(['token', 'lastmodified', 'mac']);
    const result = await decrypt(second.text!);
    expect(result.diagnostics).toEqual([]);
    expect(result.document!.text).toBe(edited);
  });

  it("a branch's copy under the same data key lends its envelopes; one under another key lends none", async () => {
    const base = (await decrypt((await encrypt()).text!)).document!;
    const onBranch = PLAIN.replace('  token: planted-token-value', '  token: planted-token-value-2');
    const branchText = (await encrypt(onBranch, base)).text!;
    const branch = (await decrypt(branchText)).document!;
    const now = onBranch.replace('  replicas: 3', '  replicas: 4');
    const token = (t: string) => (parse(t) as { stringData: { token: string } }).stringData.token;
    const options = { recipients: [alice.recipient], previous: base };
    const reused = await encryptDocument(now, { ...options, alsoReuse: [branch] });
    expect(token(reused.text!)).toBe(token(branchText));
    const stranger = (await decrypt((await encrypt(onBranch)).text!)).document!;
    const fresh = await encryptDocument(now, { ...options, alsoReuse: [stranger] });
    expect(token(fresh.text!)).not.toBe(token(branchText));
    expect((await decrypt(fresh.text!)).document!.text).toBe(now);
  });

  it('a new recipient keeps the data key, the envelopes and the old stanza; a removed one rotates the key', async () => {
    const first = await encrypt();
    const previous = (await decrypt(first.text!)).document!;
    const added = await encrypt(PLAIN, previous, [alice.recipient, bob.recipient]);
    const stanza = (t: string) => (parse(t) as { sops: { age: { enc: string }[] } }).sops.age;
    expect(stanza(added.text!)[0]).toEqual(stanza(first.text!)[0]);
    const token = (t: string) => (parse(t) as { stringData: { token: string } }).stringData.token;
    expect(token(added.text!)).toBe(token(first.text!));
    expect((await decrypt(added.text!, [bob.identity])).diagnostics).toEqual([]);

    const both = (await decrypt(added.text!)).document!;
    const removed = await encrypt(PLAIN, both, [bob.recipient]);
    expect(token(removed.text!)).not.toBe(token(first.text!));
    expect((await decrypt(removed.text!, [alice.identity])).diagnostics.map((d) => d.code)).toEqual([
      'sops.no-identity',
    ]);
    expect((await decrypt(removed.text!, [bob.identity])).document!.text).toBe(PLAIN);
  });
});

describe('what encryption refuses', () => {
  it('a secret key given as a recipient, without echoing it', async () => {
    const result = await encryptDocument(PLAIN, { recipients: [alice.identity] });
    expect(result.text).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['sops.recipient']);
    expect(result.diagnostics[0]!.message).toContain('secret key');
    expect(JSON.stringify(result.diagnostics)).not.toContain(alice.identity);
  });

  it('no recipients, an already encrypted document, a list at the root', async () => {
    expect((await encryptDocument(PLAIN, { recipients: [] })).diagnostics.map((d) => d.code)).toEqual([
      'sops.recipients',
    ]);
    const { text } = await encrypt();
    const again = await encryptDocument(text, { recipients: [alice.recipient], file: 'p.yaml' });
    expect(again.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['sops.already-encrypted', text!.split('\n').indexOf('sops:') + 1],
    ]);
    const list = await encryptDocument('- a\n- b\n', { recipients: [alice.recipient] });
    expect(list.diagnostics.map((d) => d.code)).toEqual(['sops.not-a-map']);
  });

  it('bad YAML, naming the line and never the text', async () => {
    const result = await encryptDocument('stringData:\n  a: planted-x\n  a: planted-y\n', {
      recipients: [alice.recipient],
      file: 'p.yaml',
    });
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([['yaml.duplicate-key', 3]]);
    expect(JSON.stringify(result.diagnostics)).not.toContain('planted');
  });
});

describe('sops value rules', () => {
  it('null stays null and unencrypted, an empty string stays empty, as sops does', async () => {
    const { text } = await encrypt({ stringData: { gone: null, empty: '', list: [] } });
    expect(text).toMatch(/^ {2}gone: null$/m);
    expect(text).toMatch(/^ {2}empty: ""$/m);
    expect((await decrypt(text!)).document!.value).toEqual({
      stringData: { gone: null, empty: '', list: [] },
    });
  });

  it('comments inside an encrypted map are encrypted (type comment) and come back', async () => {
    const plain = 'stringData:\n  # planted-comment about the token\n  token: t\n';
    const { text } = await encrypt(plain);
    expect(text).not.toContain('planted-comment');
    expect(text).toMatch(/^ {2}#ENC\[AES256_GCM,.*type:comment\]$/m);
    expect((await decrypt(text!)).document!.text).toBe(plain);
  });

  it('the default rule without encrypted_regex is sops\'s unencrypted_suffix "_unencrypted"', async () => {
    const result = await encryptDocument(
      { a: 'secret', b_unencrypted: 'visible' },
      { recipients: [alice.recipient], rule: { unencryptedSuffix: '_unencrypted' } },
    );
    expect(result.text).toContain('b_unencrypted: visible');
    expect(result.text).toMatch(/^a: ENC\[/m);
    expect(result.text).toMatch(/^ {2}unencrypted_suffix: _unencrypted$/m);
    expect((await decrypt(result.text!)).document!.value).toEqual({ a: 'secret', b_unencrypted: 'visible' });
  });
});
