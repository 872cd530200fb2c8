/**
 * A changed value written into the previous encrypted text in place: only the envelopes of the
 * values that changed, `lastmodified` and `mac` are replaced; every other byte of the file stays,
 * whoever wrote it (sops indents lists and lays out its metadata its own way; re-rendering the
 * document would move lines a reviewer then has to read). Used only when nothing but encrypted
 * values changed: same keys, order, comments, recipients and rule.
 */
import { isScalar, parseDocument, Scalar } from 'yaml';
import { metadataPair } from './metadata.js';
import { type LeafVisit, walkDocument } from './tree.js';

interface Edit {
  range: [number, number];
  text: string;
}

/** The previous source with new envelopes spliced in; undefined when it cannot be done safely. */
export function spliceEnvelopes(
  source: string,
  leaves: readonly LeafVisit[],
  encrypted: (keys: readonly string[]) => boolean,
  metadata: { lastModified: string; mac: string },
): string | undefined {
  const doc = parseDocument(source, { keepSourceTokens: false });
  if (doc.errors.length > 0) return undefined;
  const before = walkDocument(doc).leaves;
  if (before.length !== leaves.length) return undefined;
  const edits: Edit[] = [];
  for (const [i, leaf] of leaves.entries()) {
    const old = before[i]!;
    if (JSON.stringify(old.at) !== JSON.stringify(leaf.at)) return undefined;
    const range = old.node.range;
    if (!encrypted(leaf.keys)) {
      if (JSON.stringify(old.value) !== JSON.stringify(leaf.value)) return undefined;
      continue;
    }
    const envelope = String(leaf.node.value);
    if (!range || typeof old.node.value !== 'string') return undefined;
    if (old.node.value === envelope) continue;
    edits.push({ range: [range[0], range[1]], text: envelope === '' ? '""' : envelope });
  }
  const sops = metadataPair(doc)?.value as { get?: (key: string, keep: true) => unknown } | undefined;
  const lastModified = sops?.get?.('lastmodified', true);
  const mac = sops?.get?.('mac', true);
  if (!isScalar(lastModified) || !isScalar(mac) || !lastModified.range || !mac.range) return undefined;
  edits.push({
    range: [lastModified.range[0], lastModified.range[1]],
    text: quoted(lastModified, metadata.lastModified),
  });
  edits.push({ range: [mac.range[0], mac.range[1]], text: metadata.mac });
  let text = source;
  for (const edit of edits.sort((a, b) => b.range[0] - a.range[0])) {
    text = text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
  }
  return text;
}

/** An RFC 3339 time in the quoting the old scalar used (sops writes it double-quoted). */
function quoted(old: Scalar, value: string): string {
  if (old.type === Scalar.QUOTE_SINGLE) return `'${value}'`;
  if (old.type === Scalar.PLAIN) return value;
  return `"${value}"`;
}
