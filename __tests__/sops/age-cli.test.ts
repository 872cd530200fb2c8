/**
 * The age layer is standard age: Debian's `age` binary (the Go reference implementation, as sops uses)
 * opens the data key of a file this project encrypted, and that key decrypts a value with nothing but
 * node:crypto. A key made by `age-keygen` works with the project's decryption too.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createDecipheriv } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseDocument, type Scalar } from 'yaml';
import { decryptDocument, encryptDocument, parseAgeIdentities } from '../../src/sops/index.js';

const hasAge =
  spawnSync('age', ['--version']).status === 0 && spawnSync('age-keygen', ['--help']).error === undefined;
if (!hasAge)
  console.warn('SKIPPED: the age CLI interop test needs `age` and `age-keygen` (apt-get install age)');

const dir = mkdtempSync(join(tmpdir(), 'sops-age-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasAge)('the age CLI reads what this project writes', () => {
  it('age -d -i key.txt opens the armored data key; the key decrypts stringData with node:crypto', async () => {
    const keyFile = join(dir, 'key.txt');
    execFileSync('age-keygen', ['-o', keyFile], { stdio: 'pipe' });
    const identities = parseAgeIdentities(readFileSync(keyFile, 'utf8'));
    expect(identities).toHaveLength(1);
    const recipient = execFileSync('age-keygen', ['-y', keyFile], { encoding: 'utf8' }).trim();

    const plain =
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  token: from-the-cli-test\n';
    const { text } = await encryptDocument(plain, { recipients: [recipient] });
    const doc = parse(text!) as { stringData: { token: string }; sops: { age: { enc: string }[] } };
    const encFile = join(dir, 'data-key.age');
    writeFileSync(encFile, doc.sops.age[0]!.enc);
    const dataKey = execFileSync('age', ['-d', '-i', keyFile, encFile]);
    expect(dataKey).toHaveLength(32);

    const [, data, iv, tag, type] = /^ENC\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\]$/.exec(
      doc.stringData.token,
    )!;
    expect(type).toBe('str');
    const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(iv!, 'base64'));
    decipher.setAAD(Buffer.from('stringData:token:'));
    decipher.setAuthTag(Buffer.from(tag!, 'base64'));
    const value = Buffer.concat([decipher.update(Buffer.from(data!, 'base64')), decipher.final()]);
    expect(value.toString('utf8')).toBe('from-the-cli-test');

    const result = await decryptDocument(text!, { identities });
    expect(result.document!.text).toBe(plain);
  });

  it('a data key wrapped by `age -e -a` is read by the project (the other direction)', async () => {
    const keyFile = join(dir, 'other.txt');
    execFileSync('age-keygen', ['-o', keyFile], { stdio: 'pipe' });
    const recipient = execFileSync('age-keygen', ['-y', keyFile], { encoding: 'utf8' }).trim();
    const { text } = await encryptDocument('stringData:\n  a: b\n', { recipients: [recipient] });
    const dataKey = execFileSync('age', ['-d', '-i', keyFile], {
      input: (parse(text!) as Enc).sops.age[0]!.enc,
    });
    const rewrapped = execFileSync('age', ['-e', '-a', '-r', recipient], {
      input: dataKey,
      encoding: 'utf8',
    });
    const doc = parseDocument(text!);
    (doc.getIn(['sops', 'age', 0, 'enc'], true) as Scalar).value = rewrapped;
    const swapped = doc.toString({ lineWidth: 0 });
    expect(swapped).not.toBe(text);
    const result = await decryptDocument(swapped, {
      identities: parseAgeIdentities(readFileSync(keyFile, 'utf8')),
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.document!.value).toEqual({ stringData: { a: 'b' } });
  });
});

type Enc = { sops: { age: { enc: string }[] } };
