/**
 * The SOPS MAC (`sops.go` Tree.Encrypt/Decrypt): SHA-512 over the canonical text of every leaf in
 * document order, encrypted ones and plaintext ones alike (only encrypted ones, after a fixed seed,
 * with `mac_only_encrypted`), printed as uppercase hex and stored encrypted with AAD = lastmodified.
 */

import { nodeCrypto } from '../builtins.js';
import { once } from '../once.js';

/** sops's `MACOnlyEncryptedInitialization` (sha256 of "sops"): the two modes never collide. */
const macOnlyEncryptedSeed = once(() => nodeCrypto().createHash('sha256').update('sops').digest());

export interface MacInput {
  text: string;
  encrypted: boolean;
}

export function computeMac(leaves: readonly MacInput[], macOnlyEncrypted: boolean): string {
  const hash = nodeCrypto().createHash('sha512');
  if (macOnlyEncrypted) hash.update(macOnlyEncryptedSeed());
  for (const leaf of leaves) {
    if (!macOnlyEncrypted || leaf.encrypted) hash.update(leaf.text, 'utf8');
  }
  return hash.digest('hex').toUpperCase();
}
