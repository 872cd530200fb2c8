/**
 * SOPS for YAML documents with age keys, without the sops binary: decrypt (MAC verified), encrypt
 * (unchanged values keep their ciphertext), and `.sops.yaml` creation rules. Pure: no file or
 * network access; the caller reads the files and the key.
 */
export { type AgeStanza, isAgeRecipient, parseAgeIdentities } from './age.js';
export { type CreationRule, creationRuleFor, parseSopsConfig, type SopsConfig } from './creation-rules.js';
export {
  type DecryptedDocument,
  type DecryptOptions,
  type DecryptResult,
  decryptDocument,
} from './decrypt.js';
export { type EncryptOptions, type EncryptResult, encryptDocument } from './encrypt.js';
export { isSopsDocument, SOPS_VERSION, type SopsMetadata } from './metadata.js';
export { DEFAULT_RULE, type EncryptionRule, SECRET_RULE } from './rule.js';
