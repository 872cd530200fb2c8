/**
 * `sops updatekeys` for age: give a file's data key to the recipients its `.sops.yaml` creation rule
 * now lists. As in sops (cmd/sops/subcommand/updatekeys/updatekeys.go:62-82 and 101-111), the data
 * key is kept and wrapped for the new key set; values, their ciphertext, `lastmodified` and the MAC
 * are untouched. Only the `sops.age` list of the text changes (spliced in, so every other byte stays);
 * a stanza for a recipient that stays is kept as it was. Unlike sops, the file must decrypt with its
 * MAC verified first: a tampered file is not handed to new recipients.
 */
import { type Diagnostic, error } from '../diagnostics.js';
import { parseYaml, positionAt } from '../yaml/parse.js';
import { type AgeStanza, wrapDataKey } from './age.js';
import { type CreationRule, creationRuleFor, parseSopsConfig, type SopsConfig } from './creation-rules.js';
import { decryptDocument } from './decrypt.js';
import { metadataPair, readMetadata } from './metadata.js';
import { reuseOf } from './reuse.js';

/** How a file's recipients differ from what its creation rule gives. */
export interface RecipientChange {
  file: string;
  added: string[];
  removed: string[];
  /** The recipients the rule gives, in its order. */
  recipients: string[];
}

/**
 * Whether a SOPS file's age recipients differ from its creation rule's: pure, no key needed (what a
 * push run on the base branch asks of every encrypted file a `.sops.yaml` covers). `path` is relative
 * to the `.sops.yaml` folder. Undefined: not a SOPS file with readable metadata, no rule with age
 * recipients matches, or the recipients already agree.
 */
export function recipientChange(
  text: string,
  file: string,
  config: SopsConfig,
  path: string,
): RecipientChange | undefined {
  const current = currentRecipients(text, file);
  if (!current) return undefined;
  const rule: CreationRule | undefined = creationRuleFor(config, path).rule;
  if (!rule) return undefined;
  const wanted = [...new Set(rule.recipients)];
  const added = wanted.filter((r) => !current.includes(r));
  const removed = current.filter((r) => !wanted.includes(r));
  return added.length + removed.length === 0 ? undefined : { file, added, removed, recipients: wanted };
}

function currentRecipients(text: string, file: string): string[] | undefined {
  const parsed = parseYaml(file, text);
  const entry = parsed.documents.length === 1 ? parsed.documents[0] : undefined;
  if (!entry || parsed.diagnostics.length > 0 || !metadataPair(entry.doc)) return undefined;
  const read = readMetadata((entry.value as Record<string, unknown>).sops);
  return 'metadata' in read ? read.metadata.age.map((s) => s.recipient) : undefined;
}

export interface UpdateKeysResult {
  /** The file with its data key wrapped for `recipients`; absent on an error. */
  text?: string;
  changed: boolean;
  diagnostics: Diagnostic[];
}

/** Re-wrap the data key of a SOPS YAML file for exactly these recipients (needs one identity of the file). */
export async function updateKeys(
  text: string,
  options: {
    identities: readonly string[];
    recipients: readonly string[];
    file?: string;
    /**
     * Stanzas to take for recipients the file lacks instead of wrapping anew (a re-wrap branch's own,
     * so a rerun writes the same bytes); the caller checks they come from a file with the same data key.
     */
    reuse?: readonly AgeStanza[];
  },
): Promise<UpdateKeysResult> {
  const file = options.file ?? '';
  const recipients = [...new Set(options.recipients)];
  const decrypted = await decryptDocument(text, { identities: options.identities, file });
  const document = decrypted.document;
  const reuse = document ? reuseOf(document) : undefined;
  if (!document || !reuse) return { changed: false, diagnostics: decrypted.diagnostics };
  const kept = document.metadata.age;
  const same = kept.length === recipients.length && kept.every((s) => recipients.includes(s.recipient));
  if (same) return { text, changed: false, diagnostics: [] };
  if (recipients.length === 0) {
    return {
      changed: false,
      diagnostics: [error('sops.recipients', 'no age recipients to wrap the data key for', file)],
    };
  }
  const stanzas: AgeStanza[] = [];
  for (const recipient of recipients) {
    stanzas.push(
      kept.find((s) => s.recipient === recipient) ??
        options.reuse?.find((s) => s.recipient === recipient) ??
        (await wrapDataKey(reuse.dataKey, [recipient]))[0]!,
    );
  }
  const spliced = spliceAge(text, file, stanzas);
  if ('diagnostic' in spliced) return { changed: false, diagnostics: [spliced.diagnostic] };
  return { text: spliced.text, changed: true, diagnostics: [] };
}

/** Replace the `sops.age` list in the text, written as sops 3.10 writes it, indented under its key. */
function spliceAge(
  text: string,
  file: string,
  stanzas: readonly AgeStanza[],
): { text: string } | { diagnostic: Diagnostic } {
  const parsed = parseYaml(file, text);
  const doc = parsed.documents[0]!.doc;
  const sops = metadataPair(doc)!.value as {
    items?: { key: { value?: unknown; range?: number[] }; value: { range?: number[] } | null }[];
  };
  const pair = sops.items?.find((p) => p.key?.value === 'age');
  const keyEnd = pair?.key.range?.[1];
  const valueEnd = pair?.value?.range?.[1];
  if (keyEnd === undefined || valueEnd === undefined) {
    const message = 'this file keeps its age keys in key_groups, which updatekeys does not rewrite';
    return {
      diagnostic: error('sops.key-groups', message, file, positionAt(parsed, doc, ['sops']), '.sops'),
    };
  }
  const keyColumn = pair!.key.range![0]! - (text.lastIndexOf('\n', pair!.key.range![0]! - 1) + 1);
  const pad = (n: number) => ' '.repeat(keyColumn + n);
  const lines = stanzas.flatMap((s) => [
    `${pad(2)}- recipient: ${s.recipient}`,
    `${pad(4)}enc: |`,
    ...s.enc
      .replace(/\n$/, '')
      .split('\n')
      .map((line) => `${pad(6)}${line}`),
  ]);
  const endsLine = text[valueEnd - 1] === '\n';
  const block = `:\n${lines.join('\n')}${endsLine ? '\n' : ''}`;
  return { text: text.slice(0, keyEnd) + block + text.slice(valueEnd) };
}

/** Where the nearest `.sops.yaml` is for a file, as the action looks: its folder, then each parent. */
export function nearestSopsConfig(paths: ReadonlySet<string>, file: string): string | undefined {
  const parts = file.split('/').slice(0, -1);
  for (let n = parts.length; n >= 0; n--) {
    const candidate = [...parts.slice(0, n), '.sops.yaml'].join('/');
    if (paths.has(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Every SOPS file whose age recipients differ from what its nearest `.sops.yaml` now gives: what a
 * push run on the base branch re-wraps after a recipient change landed there (never a pull request's
 * own `.sops.yaml`: recipients are policy judged from the base). `files` maps repository paths to
 * texts, `.sops.yaml` files included; pure, no key needed.
 */
export function planRewrap(files: ReadonlyMap<string, string>): {
  changes: RecipientChange[];
  diagnostics: Diagnostic[];
} {
  const paths = new Set(files.keys());
  const configs = new Map<string, SopsConfig | undefined>();
  const changes: RecipientChange[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [file, text] of files) {
    if (file.endsWith('.sops.yaml') || !/^sops:/m.test(text)) continue;
    const configPath = nearestSopsConfig(paths, file);
    if (!configPath) continue;
    if (!configs.has(configPath)) {
      const parsed = parseSopsConfig(files.get(configPath)!, configPath);
      diagnostics.push(...parsed.diagnostics);
      configs.set(configPath, parsed.config);
    }
    const config = configs.get(configPath);
    const folder = configPath.slice(0, -'.sops.yaml'.length);
    const change = config ? recipientChange(text, file, config, file.slice(folder.length)) : undefined;
    if (change) changes.push(change);
  }
  return { changes, diagnostics };
}
