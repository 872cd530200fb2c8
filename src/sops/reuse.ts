/**
 * What a decryption leaves behind for the next encryption of the same file: the data key and the
 * envelope of every (key path, type, plaintext), so unchanged values keep their ciphertext and IV and
 * a pull request's diff shows only what changed (sops's IV stash, `aes/cipher.go`). Kept in a
 * WeakMap, off the decrypted document, so the data key is never serialised or logged with it.
 */
import type { TypedText } from './cipher.js';

export interface ReuseState {
  dataKey: Uint8Array;
  envelopes: Map<string, string>;
}

const states = new WeakMap<object, ReuseState>();

export function envelopeKey(aad: string, value: TypedText): string {
  return `${aad}\u0000${value.type}\u0000${value.text}`;
}

export function rememberReuse(owner: object, state: ReuseState): void {
  states.set(owner, state);
}

export function reuseOf(owner: object): ReuseState | undefined {
  return states.get(owner);
}
