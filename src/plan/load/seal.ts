/**
 * Sealing a values Secret: the one asynchronous step inside an install plan. Encrypting needs an age
 * key wrap (age-encryption's API is asynchronous); the loader reads the nearest `.sops.yaml` then,
 * and only then, as before. What to encrypt and what the result means are decided synchronously in
 * install-secret.ts.
 */
import { decryptDocument, encryptDocument } from '../../sops/index.js';
import { nearestSopsConfig } from '../../sops/updatekeys.js';
import { type Encryption, encryptionFor } from '../model/secrets.js';
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
  const configPath = nearestSopsConfig(new Set(paths), path);
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
  const fromBranch = branchCopy(keys, request, found.encryption);
  return { text: encrypted.text, diagnostics: [], fromBranch };
}

/**
 * What to write over a pull request branch's copy of the file (PlannedFile.fromBranch), judged on
 * plaintext: the branch's bytes when it holds our plaintext for our recipients under our rule, so a
 * newer Package updating the pull request leaves params.yaml alone; when only values changed and the
 * branch shares our data key, its envelopes are reused too. Undefined without identities.
 */
function branchCopy(
  keys: SopsKeys | undefined,
  request: SealRequest,
  encryption: Encryption,
): ((text: string) => Promise<string | undefined>) | undefined {
  if (!keys || keys.identities.length === 0) return undefined;
  const { path, plain, previous } = request;
  return async (text) => {
    const { document } = await decryptDocument(text, { identities: keys.identities, file: path });
    if (!document) return undefined;
    keys.onDecrypted?.(document.secrets);
    const theirs = document.metadata.age.map((s) => s.recipient).sort();
    const sameKeys = JSON.stringify(theirs) === JSON.stringify([...encryption.recipients].sort());
    const sameRule = JSON.stringify(document.metadata.rule) === JSON.stringify(encryption.rule);
    if (!sameKeys || !sameRule || document.metadata.macOnlyEncrypted) return undefined;
    if (document.text === plain) return text;
    const again = await encryptDocument(plain, {
      ...encryption,
      previous,
      alsoReuse: [document],
      file: path,
    });
    return again.text;
  };
}
