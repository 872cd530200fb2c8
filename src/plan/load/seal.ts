/**
 * Sealing a values Secret: the one asynchronous step inside an install plan. Encrypting needs an age
 * key wrap (age-encryption's API is asynchronous); the loader reads the nearest `.sops.yaml` then,
 * and only then, as before. What to encrypt and what the result means are decided synchronously in
 * install-secret.ts.
 */
import { decryptDocument, encryptDocument } from '../../sops/index.js';
import { encryptionFor, sopsConfigPath } from '../model/secrets.js';
import type { Sealed, SealRequest } from '../modes/install/secret.js';
import type { SopsKeys } from '../types.js';
import type { RepoReader } from './reader.js';

export async function sealSecret(
  reader: RepoReader,
  paths: readonly string[],
  keys: SopsKeys | undefined,
  request: SealRequest,
): Promise<Sealed> {
  const { path, plain, settings, previous } = request;
  const configPath = sopsConfigPath(paths, path);
  const sopsConfig = configPath
    ? { path: configPath, text: (await reader.yaml(configPath)).text }
    : undefined;
  const found = encryptionFor(sopsConfig, path, settings, previous);
  if (!found.encryption) return { diagnostics: found.diagnostics };
  const encrypted = await encryptDocument(plain, {
    recipients: found.encryption.recipients,
    rule: found.encryption.rule,
    previous,
    file: path,
  });
  if (encrypted.text === undefined) return { diagnostics: encrypted.diagnostics };
  const sameAs = samePlaintext(keys, path, plain, found.encryption.recipients);
  return { text: encrypted.text, diagnostics: [], sameAs };
}

/** A comparison of an encrypted file's plaintext and recipients with ours; undefined without identities. */
function samePlaintext(
  keys: SopsKeys | undefined,
  file: string,
  plain: string,
  recipients: readonly string[],
): ((text: string) => Promise<boolean>) | undefined {
  if (!keys || keys.identities.length === 0) return undefined;
  return async (text) => {
    const { document } = await decryptDocument(text, { identities: keys.identities, file });
    if (!document) return false;
    keys.onDecrypted?.(document.secrets);
    const theirs = document.metadata.age.map((s) => s.recipient).sort();
    return document.text === plain && JSON.stringify(theirs) === JSON.stringify([...recipients].sort());
  };
}
