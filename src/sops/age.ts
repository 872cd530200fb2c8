/**
 * The data key's age layer: sops stores the 32-byte data key once per recipient as an ASCII-armored
 * age file (`age/keysource.go`). Built on `age-encryption` (typage, by the age author), so the files
 * are standard age: the `age` CLI decrypts them.
 */
import type * as AgeEncryption from 'age-encryption';

// age's code is loaded when a key is first wrapped or unwrapped: a run that meets no SOPS file never loads it.
let ageModule: Promise<typeof AgeEncryption> | undefined;
const age = () => {
  ageModule ??= import('age-encryption');
  return ageModule;
};

export interface AgeStanza {
  recipient: string;
  /** The armored age file of the data key, as sops writes it (ends with a newline). */
  enc: string;
}

export const DATA_KEY_BYTES = 32;

const IDENTITY_LINE = /^AGE-SECRET-KEY-(PQ-)?1[0-9A-Z]+$/;
const RECIPIENT = /^age1(pq1)?[0-9a-z]+$/;

/** The identities in an age key file (or in a secret holding one): its `AGE-SECRET-KEY-…` lines. */
export function parseAgeIdentities(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => IDENTITY_LINE.test(line));
}

export function isAgeRecipient(text: string): boolean {
  return RECIPIENT.test(text);
}

/** Wrap the data key for each recipient. Throws only for a recipient `isAgeRecipient` let through. */
export async function wrapDataKey(dataKey: Uint8Array, recipients: readonly string[]): Promise<AgeStanza[]> {
  const { armor, Encrypter } = await age();
  const stanzas: AgeStanza[] = [];
  for (const recipient of recipients) {
    const encrypter = new Encrypter();
    encrypter.addRecipient(recipient);
    const file = await encrypter.encrypt(dataKey);
    stanzas.push({ recipient, enc: armor.encode(file) });
  }
  return stanzas;
}

export type UnwrapFailure = 'no-identity' | 'bad-identity' | 'bad-key';

/**
 * The data key from the first stanza one of the identities opens. `no-identity`: none matches;
 * `bad-key`: an identity matched but the file is damaged or does not hold a 32-byte key.
 */
export async function unwrapDataKey(
  stanzas: readonly AgeStanza[],
  identities: readonly string[],
): Promise<{ dataKey: Uint8Array } | { failure: UnwrapFailure }> {
  const { armor, Decrypter } = await age();
  const decrypter = new Decrypter();
  try {
    for (const identity of identities) decrypter.addIdentity(identity);
  } catch {
    return { failure: 'bad-identity' };
  }
  let failure: UnwrapFailure = 'no-identity';
  for (const stanza of stanzas) {
    let file: Uint8Array;
    try {
      file = armor.decode(stanza.enc);
    } catch {
      failure = 'bad-key';
      continue;
    }
    try {
      const dataKey = await decrypter.decrypt(file, 'uint8array');
      if (dataKey.length === DATA_KEY_BYTES) return { dataKey };
      failure = 'bad-key';
    } catch (e) {
      if (!(e instanceof Error && e.message.includes('no identity matched'))) failure = 'bad-key';
    }
  }
  return { failure };
}
