/**
 * Decrypt a SOPS YAML document with age identities and verify its MAC. Every message names the file,
 * line and key path and never a value, plaintext or ciphertext.
 */
import type { Document } from 'yaml';
import { type Diagnostic, type ErrorCode, error, warning } from '../diagnostics.js';
import { formatPath, type ParsedYaml, type PathSegment, parseYaml, positionAt } from '../yaml/parse.js';
import { unwrapDataKey } from './age.js';
import { type CipherFailure, decryptText, isEnvelope } from './cipher.js';
import { mapCommentLines } from './comments.js';
import { computeMac, type MacInput } from './mac.js';
import { metadataPair, readMetadata, type SopsMetadata } from './metadata.js';
import { STRINGIFY, setPlain } from './plain-scalar.js';
import { envelopeKey, rememberReuse } from './reuse.js';
import { encryptionPredicate } from './rule.js';
import { aadOf, type DocumentWalk, walkDocument } from './tree.js';

export { STRINGIFY } from './plain-scalar.js';

export interface DecryptOptions {
  /** age identities (`AGE-SECRET-KEY-1…`); `parseAgeIdentities` extracts them from a key file. */
  identities: readonly string[];
  /** Repository-relative path, for diagnostics. */
  file?: string;
}

export interface DecryptedDocument {
  file: string;
  /** The encrypted text this was read from. */
  source: string;
  /** The plaintext document without its `sops` block. */
  doc: Document;
  /** `doc` rendered: the plaintext YAML. */
  text: string;
  /** `doc` as plain data. */
  value: unknown;
  metadata: SopsMetadata;
  /**
   * The plaintext of every encrypted value (non-empty), in document order: what a shell must mask
   * (`core.setSecret`; the runner masks line by line, so mask each line of a multi-line value too).
   */
  secrets: string[];
}

export interface DecryptResult {
  document?: DecryptedDocument;
  diagnostics: Diagnostic[];
}

export async function decryptDocument(text: string, options: DecryptOptions): Promise<DecryptResult> {
  const file = options.file ?? '';
  const parsed = parseYaml(file, text);
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  if (parsed.documents.length !== 1) {
    const found = parsed.documents.length;
    return fail(file, 'sops.documents', `a SOPS file holds one YAML document here; found ${found}`);
  }
  const source = parsed.documents[0]!.doc;
  const pair = metadataPair(source);
  if (!pair) return fail(file, 'sops.not-encrypted', 'not a SOPS file: there is no top-level sops key');
  const at = (path: PathSegment[]) => positionAt(parsed, source, path);
  const read = readMetadata((parsed.documents[0]!.value as Record<string, unknown>).sops);
  if ('problem' in read) {
    const path = read.field ? ['sops', read.field] : ['sops'];
    return { diagnostics: [error('sops.metadata', read.problem, file, at(path), formatPath(path))] };
  }
  const metadata = read.metadata;
  const unwrapped = await unwrapDataKey(metadata.age, options.identities);
  if ('failure' in unwrapped) {
    const recipients = metadata.age.map((s) => s.recipient).join(', ');
    const none = options.identities.length === 0;
    const message = {
      'no-identity': none
        ? `no age identity given; this file is encrypted for ${recipients}`
        : `no age identity matches the recipients of this file (${recipients})`,
      'bad-identity': 'the age identity given is not a valid AGE-SECRET-KEY',
      'bad-key': 'the data key in sops.age is damaged: it does not decrypt to a 32-byte key',
    }[unwrapped.failure];
    return {
      diagnostics: [error(`sops.${unwrapped.failure}`, message, file, at(['sops', 'age']), '.sops.age')],
    };
  }
  const doc = source.clone();
  doc.delete('sops');
  const walk = walkDocument(doc);
  const decrypted = decryptTree(walk, metadata, unwrapped.dataKey, parsed, source);
  if (decrypted.diagnostics.some((d) => d.severity === 'error'))
    return { diagnostics: decrypted.diagnostics };
  const macError = verifyMac(metadata, unwrapped.dataKey, decrypted.macInputs);
  if (macError) {
    return { diagnostics: [error('sops.mac', macError, file, at(['sops', 'mac']), '.sops.mac')] };
  }
  const document: DecryptedDocument = {
    file,
    source: text,
    doc,
    text: doc.toString(STRINGIFY),
    value: doc.toJS(),
    metadata,
    secrets: decrypted.secrets,
  };
  rememberReuse(document, { dataKey: unwrapped.dataKey, envelopes: decrypted.envelopes });
  return { document, diagnostics: decrypted.diagnostics };
}

function fail(file: string, code: ErrorCode, message: string): DecryptResult {
  return { diagnostics: [error(code, message, file, { line: 1, column: 1 })] };
}

const FAILURES: Record<CipherFailure, string> = {
  format: 'is not a valid SOPS envelope (ENC[AES256_GCM,data:…,iv:…,tag:…,type:…])',
  authentication: 'does not decrypt: its data, IV or tag was changed, or it was moved from another key',
  type: 'decrypts to something that is not a valid value of its type',
};

/** Decrypt every leaf and comment in place; collect the MAC inputs and the envelopes for reuse. */
function decryptTree(
  walk: DocumentWalk,
  metadata: SopsMetadata,
  key: Uint8Array,
  parsed: ParsedYaml,
  source: Document.Parsed,
): { macInputs: MacInput[]; envelopes: Map<string, string>; secrets: string[]; diagnostics: Diagnostic[] } {
  const file = parsed.file;
  const diagnostics: Diagnostic[] = walk.problems.map((p) =>
    error(p.code, p.message, file, positionAt(parsed, source, p.at), formatPath(p.at)),
  );
  const encrypted = encryptionPredicate(metadata.rule);
  const macInputs: MacInput[] = [];
  const envelopes = new Map<string, string>();
  const secrets: string[] = [];
  for (const leaf of walk.leaves) {
    if (!encrypted(leaf.keys)) {
      macInputs.push({ text: leaf.value.text, encrypted: false });
      continue;
    }
    const where = formatPath(leaf.at);
    const envelope = leaf.node.value;
    const result =
      typeof envelope === 'string'
        ? decryptText(envelope, key, aadOf(leaf.keys))
        : { failure: 'format' as const };
    if ('failure' in result) {
      const pos = positionAt(parsed, source, leaf.at);
      diagnostics.push(
        error(`sops.value-${result.failure}`, `${where} ${FAILURES[result.failure]}`, file, pos, where),
      );
      continue;
    }
    envelopes.set(envelopeKey(aadOf(leaf.keys), result.value), envelope as string);
    setPlain(leaf.node, result.value);
    if (result.value.text !== '') secrets.push(result.value.text);
    macInputs.push({ text: result.value.text, encrypted: true });
  }
  for (const group of walk.comments) {
    if (!encrypted(group.keys)) continue;
    let kept = false;
    mapCommentLines(group, (line) => {
      if (!isEnvelope(line)) return line;
      const result = decryptText(line, key, aadOf(group.keys));
      if ('failure' in result) kept = true;
      else envelopes.set(envelopeKey(aadOf(group.keys), result.value), line);
      return 'failure' in result ? line : result.value.text;
    });
    if (kept) {
      const where = formatPath(group.at);
      const pos = positionAt(parsed, source, group.at);
      diagnostics.push(
        warning(
          'sops.comment',
          `an encrypted comment in ${where} did not decrypt; kept as is`,
          file,
          pos,
          where,
        ),
      );
    }
  }
  return { macInputs, envelopes, secrets, diagnostics };
}

function verifyMac(metadata: SopsMetadata, key: Uint8Array, inputs: MacInput[]): string | undefined {
  const stored = decryptText(metadata.mac, key, metadata.lastModified);
  if ('failure' in stored) {
    return 'the MAC does not decrypt: sops.mac or sops.lastmodified was changed, or the file was damaged';
  }
  if (stored.value.text !== computeMac(inputs, metadata.macOnlyEncrypted)) {
    return 'MAC mismatch: the values were changed outside sops, or the file was tampered with';
  }
  return undefined;
}
