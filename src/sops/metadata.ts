/**
 * The `sops` metadata block (`stores/stores.go` struct metadata), read and written. Only age keys are
 * used here; other key types (pgp, kms, …) are read past. sops ≤3.9 wrote empty lists (`kms: []`),
 * 3.10 leaves them out; both are read. Written in sops's field order.
 */
import { type Document, isMap, isScalar, type Pair, Scalar, type YAMLMap } from 'yaml';
import type { AgeStanza } from './age.js';
import { type EncryptionRule, RULE_FIELDS, ruleProblem } from './rule.js';
import { METADATA_KEY } from './tree.js';

/** The sops format version this module writes (the layout of sops 3.10: no empty key lists). */
export const SOPS_VERSION = '3.10.2';

export interface SopsMetadata {
  age: AgeStanza[];
  /** RFC 3339, UTC, seconds: the MAC's AAD. */
  lastModified: string;
  /** The MAC envelope. */
  mac: string;
  rule: EncryptionRule;
  macOnlyEncrypted: boolean;
  version: string;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The top-level `sops` pair of a document, if any. */
export function metadataPair(doc: Document): Pair | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  return root.items.find((p) => isScalar(p.key) && p.key.value === METADATA_KEY) as Pair | undefined;
}

/** Whether a document is a SOPS file the way Flux decides it: a `sops` map with a non-empty `mac`. */
export function isSopsDocument(value: unknown): boolean {
  return (
    isObject(value) && isObject(value.sops) && typeof value.sops.mac === 'string' && value.sops.mac !== ''
  );
}

export type MetadataResult = { metadata: SopsMetadata } | { problem: string; field: string };

/** Read the metadata from the plain value of the `sops` key. Messages name fields, never values. */
export function readMetadata(raw: unknown): MetadataResult {
  if (!isObject(raw)) return { problem: 'the sops metadata must be a map', field: '' };
  const groups = Array.isArray(raw.key_groups) ? raw.key_groups : undefined;
  if (groups && groups.length > 1) {
    return { problem: 'several key_groups (Shamir secret sharing) are not supported', field: 'key_groups' };
  }
  const ageSource = groups ? (isObject(groups[0]) ? groups[0].age : undefined) : raw.age;
  const age = readAge(ageSource);
  if (!age) return { problem: 'sops.age must be a list of {recipient, enc}', field: 'age' };
  if (age.length === 0) return { problem: 'this file has no age recipients', field: 'age' };
  for (const field of ['lastmodified', 'mac'] as const) {
    if (typeof raw[field] !== 'string' || raw[field] === '') {
      return { problem: `sops.${field} is missing or not a string`, field };
    }
  }
  for (const field of ['unencrypted_comment_regex', 'encrypted_comment_regex']) {
    if (raw[field]) return { problem: `sops.${field} is not supported`, field };
  }
  const rule: EncryptionRule = {};
  for (const [name, field] of Object.entries(RULE_FIELDS) as [keyof EncryptionRule, string][]) {
    const value = raw[field];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') return { problem: `sops.${field} must be a string`, field };
    rule[name] = value;
  }
  const problem = ruleProblem(rule);
  if (problem) return { problem: `sops metadata: ${problem}`, field: '' };
  return {
    metadata: {
      age,
      lastModified: raw.lastmodified as string,
      mac: raw.mac as string,
      rule,
      macOnlyEncrypted: raw.mac_only_encrypted === true,
      version: raw.version === undefined ? '' : String(raw.version),
    },
  };
}

function readAge(source: unknown): AgeStanza[] | undefined {
  if (source === undefined || source === null) return [];
  if (!Array.isArray(source)) return undefined;
  const stanzas: AgeStanza[] = [];
  for (const item of source) {
    if (!isObject(item) || typeof item.recipient !== 'string' || typeof item.enc !== 'string')
      return undefined;
    stanzas.push({ recipient: item.recipient, enc: item.enc });
  }
  return stanzas;
}

/** The `sops` block as a YAML node in sops's field order, armored keys as literal blocks. */
export function metadataNode(doc: Document, metadata: SopsMetadata): YAMLMap {
  const fields: Obj = {
    age: metadata.age.map((s) => ({ recipient: s.recipient, enc: s.enc })),
    lastmodified: metadata.lastModified,
    mac: metadata.mac,
  };
  for (const [name, field] of Object.entries(RULE_FIELDS) as [keyof EncryptionRule, string][]) {
    if (metadata.rule[name]) fields[field] = metadata.rule[name];
  }
  if (metadata.macOnlyEncrypted) fields.mac_only_encrypted = true;
  fields.version = metadata.version;
  const node = doc.createNode(fields) as YAMLMap;
  const age = node.get('age', true) as unknown as { items: YAMLMap[] };
  for (const stanza of age.items) {
    const enc = stanza.get('enc', true) as Scalar;
    enc.type = Scalar.BLOCK_LITERAL;
  }
  (node.get('lastmodified', true) as Scalar).type = Scalar.QUOTE_DOUBLE;
  return node;
}

/** RFC 3339 in UTC to the second, like Go's `time.RFC3339` on a UTC time. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
