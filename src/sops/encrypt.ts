/**
 * Encrypt a YAML document into sops's format for age recipients. Given the previous decryption of the
 * same file, values that did not change keep their envelopes (ciphertext and IV) and the data key is
 * kept, so a pull request's diff shows only what changed; when nothing changed at all the previous
 * text comes back byte for byte.
 */
import { Document, isDocument, isMap, Scalar, type YAMLMap } from 'yaml';
import { nodeCrypto } from '../builtins.js';
import { type Diagnostic, error } from '../diagnostics.js';
import { formatPath, parseYaml, positionAt } from '../yaml/parse.js';
import { type AgeStanza, DATA_KEY_BYTES, isAgeRecipient, wrapDataKey } from './age.js';
import { encryptText, type TypedText } from './cipher.js';
import { commentTexts, mapCommentLines } from './comments.js';
import { type DecryptedDocument, STRINGIFY } from './decrypt.js';
import { computeMac, type MacInput } from './mac.js';
import { metadataNode, metadataPair, rfc3339, SOPS_VERSION } from './metadata.js';
import { envelopeKey, type ReuseState, reuseOf } from './reuse.js';
import { type EncryptionRule, encryptionPredicate, RULE_FIELDS, ruleProblem, SECRET_RULE } from './rule.js';
import { spliceEnvelopes } from './splice.js';
import { aadOf, type DocumentWalk, walkDocument } from './tree.js';

export interface EncryptOptions {
  /** age recipients (`age1…`), each gets the data key. */
  recipients: readonly string[];
  /** Which leaves to encrypt; default `encrypted_regex: ^(data|stringData)$`. */
  rule?: EncryptionRule;
  /** The previous version of this file, decrypted: unchanged values keep their ciphertext. */
  previous?: DecryptedDocument;
  /**
   * Other decryptions of this file (a pull request branch's copy): their envelopes are reused too,
   * but only when their data key is the one written with — a copy under another key is ignored.
   */
  alsoReuse?: readonly DecryptedDocument[];
  /** Repository-relative path, for diagnostics. */
  file?: string;
  /** The time written to `lastmodified`; now by default. */
  now?: Date;
}

export interface EncryptResult {
  /** The encrypted YAML; absent when there are errors. */
  text?: string;
  /** True when `previous` had the same plaintext, recipients and rule: `text` is its source as is. */
  unchanged: boolean;
  diagnostics: Diagnostic[];
}

/** `plain`: YAML text (comments and key order kept), a yaml Document, or plain data. */
export async function encryptDocument(plain: unknown, options: EncryptOptions): Promise<EncryptResult> {
  const file = options.file ?? '';
  const fail = (diagnostics: Diagnostic[]): EncryptResult => ({ unchanged: false, diagnostics });
  const rule = options.rule ?? SECRET_RULE;
  const problems = optionProblems(options.recipients, rule, file);
  if (problems.length > 0) return fail(problems);
  const loaded = plainDocument(plain, file);
  if ('diagnostics' in loaded) return fail(loaded.diagnostics);
  const { doc } = loaded;
  const walk = walkDocument(doc);
  if (walk.problems.length > 0) {
    return fail(
      walk.problems.map((p) => error(p.code, p.message, file, loaded.position(p.at), formatPath(p.at))),
    );
  }
  const recipients = [...new Set(options.recipients.map((r) => r.trim()))];
  const previous = options.previous;
  const comparison = previous ? compared(previous, doc, walk, recipients, rule) : 'other';
  if (previous && comparison === 'same') return { text: previous.source, unchanged: true, diagnostics: [] };
  const keys = await dataKeyFor(recipients, previous);
  const macInputs = encryptTree(walk, rule, withEnvelopesOf(keys.state, options.alsoReuse ?? []));
  const lastModified = rfc3339(options.now ?? new Date());
  const macHex = computeMac(macInputs, false);
  const mac = encryptText({ type: 'str', text: macHex }, keys.state.dataKey, lastModified);
  const spliced =
    previous && comparison === 'values'
      ? spliceEnvelopes(previous.source, walk.leaves, encryptionPredicate(rule), { lastModified, mac })
      : undefined;
  if (spliced !== undefined) return { text: spliced, unchanged: false, diagnostics: [] };
  const metadata = {
    age: keys.stanzas,
    lastModified,
    mac,
    rule,
    macOnlyEncrypted: false,
    version: SOPS_VERSION,
  };
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as YAMLMap;
  (doc.contents as YAMLMap).add(doc.createPair('sops', metadataNode(doc, metadata)));
  return { text: doc.toString(STRINGIFY), unchanged: false, diagnostics: [] };
}

function optionProblems(recipients: readonly string[], rule: EncryptionRule, file: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  if (recipients.length === 0)
    problems.push(error('sops.recipients', 'no age recipients to encrypt for', file));
  recipients.forEach((recipient, index) => {
    const text = recipient.trim();
    if (isAgeRecipient(text)) return;
    // Never echo it: a secret key pasted where a recipient belongs must not reach a log.
    const what = /^AGE-SECRET-KEY-/i.test(text)
      ? 'is an age identity (a secret key), not a recipient; give its public key (age1…)'
      : 'is not an age recipient (age1…)';
    problems.push(error('sops.recipient', `recipient ${index + 1} ${what}`, file));
  });
  const invalid = ruleProblem(rule);
  if (invalid) problems.push(error('sops.rule', invalid, file));
  return problems;
}

type Loaded = { doc: Document; position: (at: (string | number)[]) => { line: number; column: number } };

function plainDocument(plain: unknown, file: string): Loaded | { diagnostics: Diagnostic[] } {
  let loaded: Loaded;
  if (typeof plain === 'string') {
    const parsed = parseYaml(file, plain);
    if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
    if (parsed.documents.length > 1) {
      const message = `a SOPS file holds one YAML document here; found ${parsed.documents.length}`;
      return { diagnostics: [error('sops.documents', message, file, { line: 1, column: 1 })] };
    }
    const source = parsed.documents[0]?.doc;
    loaded = {
      doc: source ? source.clone() : new Document({}),
      position: (at) => (source ? positionAt(parsed, source, at) : { line: 0, column: 0 }),
    };
  } else {
    const doc = isDocument(plain) ? (plain.clone() as Document) : new Document(plain);
    loaded = { doc, position: () => ({ line: 0, column: 0 }) };
  }
  if (metadataPair(loaded.doc)) {
    const message = 'the document is already SOPS-encrypted (it has a top-level sops key)';
    return {
      diagnostics: [error('sops.already-encrypted', message, file, loaded.position(['sops']), '.sops')],
    };
  }
  return loaded;
}

/**
 * How the new plaintext compares with the previous one under the same recipients and rule:
 * `same` (values, types, structure, comments), `values` (only leaf values differ), or `other`.
 */
function compared(
  previous: DecryptedDocument,
  doc: Document,
  walk: DocumentWalk,
  recipients: string[],
  rule: EncryptionRule,
): 'same' | 'values' | 'other' {
  const before = previous.metadata;
  const sameRecipients =
    before.age.length === recipients.length && before.age.every((s) => recipients.includes(s.recipient));
  const sameRule = (Object.keys(RULE_FIELDS) as (keyof EncryptionRule)[]).every(
    (k) => (before.rule[k] || undefined) === (rule[k] || undefined),
  );
  if (!sameRecipients || !sameRule || before.macOnlyEncrypted || !reuseOf(previous)) return 'other';
  const previousWalk = walkDocument(previous.doc);
  if (signature(previous.doc, previousWalk, true) === signature(doc, walk, true)) return 'same';
  return signature(previous.doc, previousWalk, false) === signature(doc, walk, false) ? 'values' : 'other';
}

function signature(doc: Document, walk: DocumentWalk, withValues: boolean): string {
  const leaves = walk.leaves.map((l) => (withValues ? [l.at, l.value] : [l.at]));
  // The shape: keys, order, nulls and empty collections; the leaves carry the values and their types.
  const shape = JSON.stringify(doc.toJS(), (_, v: unknown) => (v === null || typeof v === 'object' ? v : 0));
  return JSON.stringify([leaves, commentTexts(walk.comments), shape]);
}

/**
 * The previous data key while every previous recipient is still a recipient (their stanzas are kept
 * byte for byte, new recipients get one); a fresh key otherwise, so a removed recipient cannot read
 * what is written from now on.
 */
async function dataKeyFor(
  recipients: string[],
  previous: DecryptedDocument | undefined,
): Promise<{ state: ReuseState; stanzas: AgeStanza[] }> {
  const old = previous ? reuseOf(previous) : undefined;
  const kept = previous?.metadata.age ?? [];
  if (old && kept.every((s) => recipients.includes(s.recipient))) {
    const stanzas: AgeStanza[] = [];
    for (const recipient of recipients) {
      const stanza = kept.find((s) => s.recipient === recipient);
      stanzas.push(stanza ?? (await wrapDataKey(old.dataKey, [recipient]))[0]!);
    }
    return { state: old, stanzas };
  }
  const dataKey = new Uint8Array(nodeCrypto().randomBytes(DATA_KEY_BYTES));
  return { state: { dataKey, envelopes: new Map() }, stanzas: await wrapDataKey(dataKey, recipients) };
}

/** The envelopes of other decryptions under the same data key, added to the state's (its own win). */
function withEnvelopesOf(state: ReuseState, others: readonly DecryptedDocument[]): ReuseState {
  const envelopes = new Map<string, string>();
  for (const other of others) {
    const reuse = reuseOf(other);
    if (!reuse || !Buffer.from(reuse.dataKey).equals(Buffer.from(state.dataKey))) continue;
    for (const [key, envelope] of reuse.envelopes) envelopes.set(key, envelope);
  }
  for (const [key, envelope] of state.envelopes) envelopes.set(key, envelope);
  return { dataKey: state.dataKey, envelopes };
}

/** Encrypt the leaves and comments the rule selects, in place; return the MAC inputs. */
function encryptTree(walk: DocumentWalk, rule: EncryptionRule, state: ReuseState): MacInput[] {
  const encrypted = encryptionPredicate(rule);
  const seal = (value: TypedText, aad: string) =>
    state.envelopes.get(envelopeKey(aad, value)) ?? encryptText(value, state.dataKey, aad);
  const macInputs: MacInput[] = [];
  for (const leaf of walk.leaves) {
    const value = leaf.value;
    const secret = encrypted(leaf.keys);
    macInputs.push({ text: value.text, encrypted: secret });
    if (!secret) continue;
    leaf.node.value = seal(value, aadOf(leaf.keys));
    leaf.node.source = leaf.node.value as string;
    leaf.node.type = Scalar.PLAIN;
    leaf.node.tag = undefined;
    leaf.node.format = undefined;
    leaf.node.minFractionDigits = undefined;
  }
  for (const group of walk.comments) {
    if (!encrypted(group.keys)) continue;
    mapCommentLines(group, (line) => seal({ type: 'comment', text: line }, aadOf(group.keys)));
  }
  return macInputs;
}
