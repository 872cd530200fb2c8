/**
 * An independent check of a SOPS file, sharing no code with src/sops: the `age` CLI unwraps the data
 * key, node:crypto opens every AES-256-GCM envelope, and the MAC is recomputed (SHA-512 over every
 * leaf's text in document order, uppercase hex) and compared with the stored one. Enough for what the
 * action writes: maps of strings (ints, floats and bools as sops prints them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createDecipheriv, createHash } from 'node:crypto';
import { parse } from 'yaml';

export const hasAgeCli = spawnSync('age', ['--version']).status === 0;

const ENVELOPE = /^ENC\[AES256_GCM,data:(.*),iv:(.+),tag:(.+),type:(.+)\]$/;

function open(envelope: string, key: Buffer, aad: string): string {
  const [, data, iv, tag] = ENVELOPE.exec(envelope) ?? [];
  if (data === undefined) throw new Error('not an envelope');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv!, 'base64'));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(tag!, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
}

/** The plaintext values (by key path) of a SOPS YAML file; throws when a tag or the MAC does not verify. */
export function verifySops(text: string, keyFile: string): Record<string, string> {
  const doc = parse(text) as Record<string, unknown> & {
    sops: { age: { enc: string }[]; lastmodified: string; mac: string; encrypted_regex?: string };
  };
  const key = execFileSync('age', ['-d', '-i', keyFile], { input: doc.sops.age[0]!.enc });
  const encrypted = new RegExp(doc.sops.encrypted_regex ?? '^$');
  const hash = createHash('sha512');
  const values: Record<string, string> = {};
  const walk = (node: unknown, path: string[]): void => {
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      for (const [k, v] of Object.entries(node)) if (path.length > 0 || k !== 'sops') walk(v, [...path, k]);
    } else if (Array.isArray(node)) {
      for (const item of node) walk(item, path);
    } else if (node !== null && node !== undefined) {
      const isSecret = path.some((k) => encrypted.test(k));
      const plain = isSecret && node !== '' ? open(String(node), key, `${path.join(':')}:`) : String(node);
      hash.update(typeof node === 'boolean' ? (node ? 'True' : 'False') : plain);
      values[path.join('.')] = plain;
    }
  };
  walk(doc, []);
  const stored = open(doc.sops.mac, key, doc.sops.lastmodified);
  if (stored !== hash.digest('hex').toUpperCase()) throw new Error('MAC mismatch');
  return values;
}
