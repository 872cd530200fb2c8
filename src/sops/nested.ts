/**
 * SOPS documents nested in a Secret's values. Flux's kustomize-controller decrypts a `data` value
 * whose base64 decodes to a SOPS file (fluxcd/kustomize-controller internal/decryptor/decryptor.go
 * 661-680 DecryptResource: GetDataMap, base64-decode, detectFormatFromMarkerBytes at 1115-1122 looks
 * for the markers of 113-119), and only there: `stringData` is never looked
 * at, so a SOPS document in stringData reaches kapp-controller as ciphertext. A Secret that is itself
 * a SOPS document is decrypted whole (decryptor.go:639) and its values are not looked into.
 */
import { type Diagnostic, error, warning } from '../diagnostics.js';
import { formatPath, type ParsedYaml, positionAt } from '../yaml/parse.js';
import { decryptDocument } from './decrypt.js';

/** decryptor.go:113-119 sopsFormatToMarkerBytes; the last two (dotenv, INI) are not read here. */
const MARKERS = ['mac: ENC[', '"mac": "ENC[', 'sops_mac=ENC[', '[sops]'];
const READABLE = MARKERS.slice(0, 2);

export interface NestedSops {
  /** The `data` keys holding a SOPS document. */
  keys: string[];
  /**
   * The Secret's text with each nested document's base64 replaced by the base64 of its plaintext (one
   * line for one line, so positions hold): what kapp-controller gets once Flux decrypted it. Absent
   * without a key that opens every nested document. Never written anywhere.
   */
  plainText?: string;
  /** Every decrypted value, for masking. */
  secrets: string[];
  diagnostics: Diagnostic[];
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const hasSopsMarker = (text: string) => MARKERS.some((m) => text.includes(m));

/** Nested SOPS documents of a plain (not wholly encrypted) Secret; undefined when it has none. */
export async function readNestedSops(
  parsed: ParsedYaml,
  text: string,
  identities: readonly string[],
): Promise<NestedSops | undefined> {
  const entry = parsed.documents.length === 1 ? parsed.documents[0] : undefined;
  const secret = entry?.value;
  if (!entry || !isObject(secret) || isObject(secret.sops)) return undefined;
  const at = (path: string[]) => ({ pos: positionAt(parsed, entry.doc, path), where: formatPath(path) });
  const diagnostics: Diagnostic[] = [];
  for (const [key, value] of Object.entries(isObject(secret.stringData) ? secret.stringData : {})) {
    if (typeof value !== 'string' || !hasSopsMarker(value)) continue;
    const { pos, where } = at(['stringData', key]);
    const message = `${where} holds a SOPS document, which Flux decrypts only inside data (base64): kapp-controller would get the ciphertext; put it in data, base64-encoded, or encrypt the whole Secret`;
    diagnostics.push(error('sops.nested-stringdata', message, parsed.file, pos, where));
  }
  const data = isObject(secret.data) ? secret.data : {};
  const nested = Object.entries(data).flatMap(([key, value]) => {
    const decoded = typeof value === 'string' ? Buffer.from(value, 'base64').toString('utf8') : '';
    return hasSopsMarker(decoded) ? [{ key, decoded }] : [];
  });
  if (nested.length === 0 && diagnostics.length === 0) return undefined;
  const result: NestedSops = { keys: nested.map((n) => n.key), secrets: [], diagnostics };
  if (identities.length === 0) {
    for (const { key } of nested) {
      const { pos, where } = at(['data', key]);
      const message = `${where} is a SOPS document (Flux decrypts it) and no age key was given: its values are not checked and it is left as it is`;
      diagnostics.push(warning('sops.nested-no-key', message, parsed.file, pos, where));
    }
    return result;
  }
  const replacements: { range: [number, number]; base64: string }[] = [];
  let opened = true;
  for (const { key, decoded } of nested) {
    const { pos, where } = at(['data', key]);
    if (!READABLE.some((m) => decoded.includes(m))) {
      const message = `${where} is a dotenv or INI SOPS document (Flux decrypts it); only YAML and JSON ones are read here, so its values are not checked`;
      diagnostics.push(warning('sops.nested-format', message, parsed.file, pos, where));
      opened = false;
      continue;
    }
    const inner = await decryptDocument(decoded, { identities, file: parsed.file });
    if (!inner.document) {
      // The inner document's lines are not the file's: say where it sits, and why.
      for (const d of inner.diagnostics) {
        const message = `${where} (a nested SOPS document): ${d.message}`;
        diagnostics.push({ ...d, ...pos, path: where, message });
      }
      opened = false;
      continue;
    }
    result.secrets.push(...inner.document.secrets);
    const node = entry.doc.getIn(['data', key], true) as { range?: [number, number, number] } | undefined;
    const base64 = Buffer.from(inner.document.text, 'utf8').toString('base64');
    if (node?.range) replacements.push({ range: [node.range[0], node.range[1]], base64 });
  }
  if (opened) result.plainText = spliced(text, replacements);
  return result;
}

/** The text with each range replaced, last first so earlier offsets stay valid. */
function spliced(text: string, replacements: { range: [number, number]; base64: string }[]): string {
  let out = text;
  for (const { range, base64 } of [...replacements].sort((a, b) => b.range[0] - a.range[0])) {
    out = out.slice(0, range[0]) + base64 + out.slice(range[1]);
  }
  return out;
}
