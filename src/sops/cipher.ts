/**
 * One SOPS value: AES-256-GCM with a 32-byte IV and the key path as additional data, written as
 * `ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]` (sops `aes/cipher.go`). Typed values carry their type in
 * the envelope; their plaintext bytes are the canonical text sops's `ToBytes` gives, which is also
 * what the MAC hashes.
 */
import { nodeCrypto } from '../builtins.js';

/** The types sops writes into an envelope. `bytes` and `time` are read, never written here. */
export type SopsType = 'str' | 'int' | 'float' | 'bool' | 'bytes' | 'time' | 'comment';

/** A leaf as SOPS sees it: its type and its canonical plaintext (what is encrypted and MAC'd). */
export interface TypedText {
  type: SopsType;
  text: string;
}

/** A decrypted leaf's value as it goes back into YAML. */
export type SopsScalar = string | number | bigint | boolean;

const IV_BYTES = 32;
const TAG_BYTES = 16;
const ENVELOPE = /^ENC\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\]/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function isEnvelope(text: string): boolean {
  return ENVELOPE.test(text);
}

/** Why a value did not decrypt. Never carries the value itself. */
export type CipherFailure = 'format' | 'authentication' | 'type';

/** Encrypt one leaf. `iv` is only passed by tests; a fresh random IV is used otherwise. */
export function encryptText(value: TypedText, key: Uint8Array, aad: string, iv?: Uint8Array): string {
  if (value.text === '') return '';
  const nonce = iv ?? nodeCrypto().randomBytes(IV_BYTES);
  const cipher = nodeCrypto().createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(value.text, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
  return `ENC[AES256_GCM,data:${b64(data)},iv:${b64(nonce)},tag:${b64(tag)},type:${value.type}]`;
}

/** Decrypt one envelope; an empty string is an empty string, as in sops. */
export function decryptText(
  envelope: string,
  key: Uint8Array,
  aad: string,
): { value: TypedText } | { failure: CipherFailure } {
  if (envelope === '') return { value: { type: 'str', text: '' } };
  const match = ENVELOPE.exec(envelope);
  if (!match) return { failure: 'format' };
  const [data, iv, tag] = [match[1]!, match[2]!, match[3]!].map((part) =>
    BASE64.test(part) ? Buffer.from(part, 'base64') : undefined,
  );
  const type = match[4] as SopsType;
  if (!data || !iv || !tag || iv.length === 0 || tag.length !== TAG_BYTES) return { failure: 'format' };
  if (!['str', 'int', 'float', 'bool', 'bytes', 'time', 'comment'].includes(type)) return { failure: 'type' };
  let plain: Buffer;
  try {
    const decipher = nodeCrypto().createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    plain = Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    return { failure: 'authentication' };
  }
  const canonical = canonicalText(type, plain.toString('utf8'));
  return canonical === undefined ? { failure: 'type' } : { value: { type, text: canonical } };
}

/**
 * The text sops hashes for a decrypted value: it parses the plaintext as its type and prints it
 * again (Go `strconv`), so `int` "007" hashes as "7" and `bool` "true" as "True".
 */
function canonicalText(type: SopsType, text: string): string | undefined {
  if (type === 'int') {
    if (!/^[+-]?\d+$/.test(text)) return undefined;
    const n = BigInt(text.replace(/^\+/, ''));
    return n < INT64_MIN || n > INT64_MAX ? undefined : n.toString();
  }
  if (type === 'float') {
    const n = parseGoFloat(text);
    return n === undefined ? undefined : formatGoFloat(n);
  }
  if (type === 'bool') {
    if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return 'True';
    if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return 'False';
    return undefined;
  }
  return text;
}

/** The YAML value of a decrypted leaf. `time` and `bytes` come back as strings. */
export function scalarOf(value: TypedText): SopsScalar {
  switch (value.type) {
    case 'int': {
      const n = BigInt(value.text);
      return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
    }
    case 'float':
      return parseGoFloat(value.text)!;
    case 'bool':
      return value.text === 'True';
    default:
      return value.text;
  }
}

/**
 * The SOPS type and canonical text of a plaintext leaf. `isFloat` says a number was written as a
 * float (`1.0`), which JavaScript cannot tell from the integer 1.
 */
export function typedTextOf(value: SopsScalar, isFloat = false): TypedText {
  if (typeof value === 'string') return { type: 'str', text: value };
  if (typeof value === 'boolean') return { type: 'bool', text: value ? 'True' : 'False' };
  if (typeof value === 'bigint') return { type: 'int', text: value.toString() };
  if (!isFloat && Number.isSafeInteger(value) && !Object.is(value, -0)) {
    return { type: 'int', text: String(value) };
  }
  return { type: 'float', text: formatGoFloat(value) };
}

/** Go `strconv.FormatFloat(v, 'f', -1, 64)`: shortest round-trip digits, never an exponent. */
export function formatGoFloat(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  const sign = v < 0 || Object.is(v, -0) ? '-' : '';
  const [mantissa, exponent] = Math.abs(v).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exp = Number(exponent);
  if (exp >= digits.length - 1) return sign + digits + '0'.repeat(exp - digits.length + 1);
  if (exp >= 0) return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
}

/** Go `strconv.ParseFloat(s, 64)` for the forms sops writes and reasonable hand edits. */
export function parseGoFloat(text: string): number | undefined {
  if (/^[+]?inf(inity)?$/i.test(text)) return Infinity;
  if (/^-inf(inity)?$/i.test(text)) return -Infinity;
  if (/^nan$/i.test(text)) return Number.NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}
