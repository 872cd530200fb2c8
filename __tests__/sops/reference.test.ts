/**
 * Files the real sops binary wrote (Flux's and humphd/sops-age's test data, with their keys) decrypt to
 * the plaintexts their projects expect, with the MAC verified. No sops binary exists here (Debian does
 * not package it), so these files and the age CLI interop test are the proof of compatibility.
 */
import { readFileSync } from 'node:fs';
import { armor, Decrypter } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decryptDocument, encryptDocument, parseAgeIdentities } from '../../src/sops/index.js';
import { hasSopsReference, sopsReference } from './reference-dir.js';

const root = sopsReference;
const available = hasSopsReference;
if (!available) {
  console.warn(`SKIPPED: real SOPS file tests need ${root} (the shared reference data); it is absent here`);
}
const read = (name: string) => readFileSync(`${root}${name}`, 'utf8');
const identities = (name: string) => parseAgeIdentities(read(name));

const secret = (name: string, namespace?: string) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: namespace ? { name, namespace } : { name },
  ...(namespace ? { type: 'Opaque' } : {}),
});

describe.skipIf(!available)('files written by sops decrypt, MAC verified', () => {
  const flux = 'flux-kustomize-controller/';
  const cases = [
    {
      file: `${flux}algorithms__age.yaml`,
      key: `${flux}keys__age.txt`,
      plain: { ...secret('age'), stringData: { key: 'value' } },
      note: 'sops 3.9.0, empty key lists',
    },
    {
      file: `${flux}global__secret.yaml`,
      key: `${flux}keys__age-global.txt`,
      plain: { ...secret('global-age-secret', 'default'), stringData: { key: 'global-value' } },
      note: 'sops 3.10.2',
    },
    {
      file: `${flux}algorithms__age-pq.yaml`,
      key: `${flux}keys__age-pq.txt`,
      plain: { ...secret('age-pq'), stringData: { key: 'value' } },
      note: 'post-quantum hybrid recipient',
    },
  ];
  for (const c of cases) {
    it(`${c.file} (${c.note})`, async () => {
      const result = await decryptDocument(read(c.file), { identities: identities(c.key), file: c.file });
      expect(result.diagnostics).toEqual([]);
      expect(result.document!.value).toEqual(c.plain);
      expect(result.document!.metadata.rule).toEqual({ encryptedRegex: '^(data|stringData)$' });
    });
  }

  it('humphd/sops-age secret.enc.yaml: str, int, float, bool, map, list; 3 recipients; unencrypted_suffix', async () => {
    const file = 'humphd-sops-age/secret.enc.yaml';
    const result = await decryptDocument(read(file), {
      identities: identities('humphd-sops-age/key.txt'),
      file,
    });
    expect(result.diagnostics).toEqual([]);
    const { '0word': _onlyInJson, ...expected } = JSON.parse(read('humphd-sops-age/secret.json'));
    expect(result.document!.value).toEqual(expected);
    expect(result.document!.metadata.age).toHaveLength(3);
    expect(result.document!.metadata.rule).toEqual({ unencryptedSuffix: '_unencrypted' });
    // The MAC covers the typed values' canonical text: `int` 7 and `bool` True decrypt as their types.
    expect(result.document!.text).toMatch(/^int: 7$/m);
    expect(result.document!.text).toMatch(/^boolean: true$/m);
  });

  it('humphd/sops-age secret.enc.json (the JSON store: JSON is YAML; 7 is type float there)', async () => {
    const file = 'humphd-sops-age/secret.enc.json';
    const result = await decryptDocument(read(file), {
      identities: identities('humphd-sops-age/key.txt'),
      file,
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.document!.value).toEqual(JSON.parse(read('humphd-sops-age/secret.json')));
  });

  it('decrypt → encrypt of each unchanged file gives its bytes back (values read as sops reads them)', async () => {
    const files: [string, string][] = [
      [`${flux}algorithms__age.yaml`, `${flux}keys__age.txt`],
      [`${flux}global__secret.yaml`, `${flux}keys__age-global.txt`],
      [`${flux}algorithms__age-pq.yaml`, `${flux}keys__age-pq.txt`],
      ['humphd-sops-age/secret.enc.yaml', 'humphd-sops-age/key.txt'],
    ];
    for (const [file, key] of files) {
      const { document } = await decryptDocument(read(file), { identities: identities(key), file });
      const again = await encryptDocument(document!.text, {
        recipients: document!.metadata.age.map((s) => s.recipient),
        rule: document!.metadata.rule,
        previous: document,
        file,
      });
      expect([file, again.unchanged, again.text === read(file)]).toEqual([file, true, true]);
    }
  });

  it('one changed value in a file sops wrote changes its line, lastmodified and mac, nothing else', async () => {
    const cases: [string, string, string, string][] = [
      ['humphd-sops-age/secret.enc.yaml', 'humphd-sops-age/key.txt', 'string: string', 'string'],
      [`${flux}global__secret.yaml`, `${flux}keys__age-global.txt`, '  key: global-value', 'key'],
    ];
    for (const [file, key, line, name] of cases) {
      const { document } = await decryptDocument(read(file), { identities: identities(key), file });
      const edited = document!.text.replace(line, `${line}-changed`);
      const again = await encryptDocument(edited, {
        recipients: document!.metadata.age.map((s) => s.recipient),
        rule: document!.metadata.rule,
        previous: document,
        file,
      });
      const [before, after] = [read(file).split('\n'), again.text!.split('\n')];
      const changed = after.flatMap((l, i) => (l === before[i] ? [] : [l.split(':')[0]!.trim()]));
      expect([file, after.length, changed]).toEqual([file, before.length, [name, 'lastmodified', 'mac']]);
      const reread = await decryptDocument(again.text!, { identities: identities(key), file });
      expect(reread.diagnostics).toEqual([]);
      expect(reread.document!.text).toBe(edited);
    }
  });

  it('a Secret whose data holds a base64 SOPS JSON document (Flux secretGenerator style)', async () => {
    const outer = await decryptDocument(read(`${flux}inside__secret.yaml`), { identities: [] });
    expect(outer.diagnostics.map((d) => d.code)).toEqual(['sops.not-encrypted']);
    const data = (parse(read(`${flux}inside__secret.yaml`)) as { data: { key: string } }).data.key;
    const inner = Buffer.from(data, 'base64').toString('utf8');
    const result = await decryptDocument(inner, { identities: identities(`${flux}keys__age.txt`) });
    expect(result.diagnostics).toEqual([]);
    expect(result.document!.value).toEqual({ data: 'value' });
  });

  it('the same key with another identity in front still opens the file (every identity is tried)', async () => {
    const file = `${flux}global__secret.yaml`;
    const keys = [...identities(`${flux}keys__age.txt`), ...identities(`${flux}keys__age-global.txt`)];
    const result = await decryptDocument(read(file), { identities: keys, file });
    expect(result.diagnostics).toEqual([]);
  });

  it("sops's own age key vector: a standard armored age file (4 bytes, so not a data key)", async () => {
    const vector = JSON.parse(read('getsops-sops/age-keysource-mock-vector.json'));
    const decrypter = new Decrypter();
    decrypter.addIdentity(vector.identity);
    expect(await decrypter.decrypt(armor.decode(vector.encryptedKeyArmored), 'text')).toBe(vector.plaintext);
  });
});
