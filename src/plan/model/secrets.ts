/**
 * The planner's side of SOPS, synchronous: an encrypted params.yaml read from the loader's decryption
 * (or left alone without a key), and the recipients a values Secret to write is encrypted for, from
 * the repository's `.sops.yaml` (or the settings). The age work itself is in seal.ts and load.ts.
 * Messages name files, lines and key paths, never a value.
 */
import { type Document, isMap, isPair, isScalar } from 'yaml';
import type { ValuesSecret } from '../../carvel/values-secret.js';
import { readValuesSecret } from '../../carvel/values-secret.js';
import type { Settings } from '../../config/config.js';
import { type Diagnostic, error, warning } from '../../diagnostics.js';
import {
  creationRuleFor,
  type DecryptedDocument,
  type DecryptResult,
  type EncryptionRule,
  parseSopsConfig,
  SECRET_RULE,
} from '../../sops/index.js';
import type { NestedSops } from '../../sops/nested.js';
import { encryptionPredicate, ruleProblem } from '../../sops/rule.js';
import { type ParsedYaml, parseYaml, positionAt } from '../../yaml/parse.js';

export type { SopsKeys } from '../types.js';

/** An encrypted params.yaml as the planner holds it. */
export interface EncryptedSecret {
  /** The file's text as committed: what is kept when its values do not change. */
  source: string;
  /** The decryption; absent without a matching key (or when it failed: see the diagnostics). */
  document?: DecryptedDocument;
  /** The Secret's metadata.name, readable without the key. */
  name?: string;
  /** A diagnostic about the plaintext moved to the encrypted file's lines. */
  toSource: (d: Diagnostic) => Diagnostic;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** An encrypted params.yaml's values Secret, read from the loader's decryption of it (none without a key). */
export function encryptedSecretOf(
  parsed: ParsedYaml,
  text: string,
  keysGiven: boolean,
  decrypted: DecryptResult | undefined,
): { encrypted: EncryptedSecret; secret?: ValuesSecret; diagnostics: Diagnostic[] } {
  const file = parsed.file;
  const value = parsed.documents[0]?.value;
  const metadata = isObject(value) && isObject(value.metadata) ? value.metadata : {};
  const encrypted: EncryptedSecret = {
    source: text,
    name: typeof metadata.name === 'string' ? metadata.name : undefined,
    toSource: (d) => d,
  };
  if (!keysGiven || !decrypted) {
    const message =
      'the values Secret is SOPS-encrypted and no age key was given (input sops-age-key, or --sops-age-key-file): its values are not checked and the file is left as it is';
    return {
      encrypted,
      diagnostics: [warning('sops.no-key', message, file, parsed.position(0))],
    };
  }
  if (!decrypted.document) return { encrypted, diagnostics: decrypted.diagnostics };
  const document = decrypted.document;
  encrypted.document = document;
  const plain = parseYaml(file, document.text);
  encrypted.toSource = lineMapper(plain, parsed);
  const read = readValuesSecret(plain, document.text);
  return {
    encrypted,
    secret: read.secret,
    diagnostics: [...decrypted.diagnostics, ...read.diagnostics.map(encrypted.toSource)],
  };
}

/**
 * A plain params.yaml with SOPS documents nested in its data values: read from what Flux hands
 * kapp-controller once it decrypted them (nested.plainText); without that (no key, or one did not
 * open) it is left alone like an encrypted file without a key.
 */
export function nestedSecretOf(
  parsed: ParsedYaml,
  text: string,
  nested: NestedSops,
): { encrypted?: EncryptedSecret; secret?: ValuesSecret; diagnostics: Diagnostic[] } {
  if (nested.plainText === undefined && nested.keys.length > 0) {
    const value = parsed.documents[0]?.value;
    const metadata = isObject(value) && isObject(value.metadata) ? value.metadata : {};
    const name = typeof metadata.name === 'string' ? metadata.name : undefined;
    return { encrypted: { source: text, name, toSource: (d) => d }, diagnostics: nested.diagnostics };
  }
  const plain = nested.plainText ?? text;
  const read = readValuesSecret(plain === text ? parsed : parseYaml(parsed.file, plain), plain);
  return { secret: read.secret, diagnostics: [...nested.diagnostics, ...read.diagnostics] };
}

/**
 * Lines of the decrypted text → lines of the encrypted file. A values YAML that decrypts to many
 * lines sits on one line of the encrypted file, so a problem inside it points at its key there
 * (the diagnostic's path still says where inside).
 */
function lineMapper(plain: ParsedYaml, source: ParsedYaml): (d: Diagnostic) => Diagnostic {
  const plainDoc = plain.documents[0]?.doc;
  const sourceDoc = source.documents[0]?.doc;
  if (!plainDoc || !sourceDoc) return (d) => d;
  const spans: { from: number; to: number; path: string[] }[] = [];
  const lineOf = (offset: number) => plain.position(offset).line;
  const add = (doc: Document.Parsed, path: string[], node: unknown) => {
    if (!isPair(node) || !isScalar(node.key)) return;
    const key = String(node.key.value);
    const range = (node.value as { range?: [number, number, number] } | null)?.range;
    const start = (node.key.range ?? range)?.[0];
    if (start === undefined) return;
    spans.push({ from: lineOf(start), to: lineOf(range?.[1] ?? start), path: [...path, key] });
    if (isMap(node.value) && path.length === 0) for (const item of node.value.items) add(doc, [key], item);
  };
  if (isMap(plainDoc.contents)) for (const item of plainDoc.contents.items) add(plainDoc, [], item);
  return (d) => {
    if (d.file !== plain.file || d.line === 0) return d;
    // The innermost key whose lines hold the diagnostic's line.
    const span = spans.filter((s) => s.from <= d.line && d.line <= s.to).at(-1);
    const at = span ? positionAt(source, sourceDoc, span.path) : source.position(0);
    return { ...d, line: at.line, column: at.column };
  };
}

/** Diagnostics about a plaintext moved to the lines of its encryption. */
export function plainToEncrypted(
  file: string,
  plain: string,
  encrypted: string,
): (d: Diagnostic) => Diagnostic {
  return lineMapper(parseYaml(file, plain), parseYaml(file, encrypted));
}

export interface Encryption {
  recipients: string[];
  rule: EncryptionRule;
}

/**
 * Recipients and rule for a values Secret: the first `.sops.yaml` creation rule whose path_regex
 * matches (as sops does), else the sopsAgeRecipients setting (the sops-age-recipients input wins over
 * flux-pkg.yaml), else the recipients the file is already encrypted for. `sopsConfig`: the nearest
 * `.sops.yaml` (see nearestSopsConfig in sops/updatekeys.ts) and its text, as the loader read it.
 */
export function encryptionFor(
  sopsConfig: { path: string; text?: string } | undefined,
  file: string,
  settings: Settings,
  previous?: DecryptedDocument,
): { encryption?: Encryption; diagnostics: Diagnostic[] } {
  if (sopsConfig) {
    const configPath = sopsConfig.path;
    const { config, diagnostics } = parseSopsConfig(sopsConfig.text ?? '', configPath);
    if (!config) return { diagnostics };
    const folder = configPath.slice(0, -'.sops.yaml'.length);
    const found = creationRuleFor(config, file.slice(folder.length));
    if (found.rule) {
      const rule = Object.values(found.rule.rule).some(Boolean) ? found.rule.rule : SECRET_RULE;
      const problem = readableProblem(rule);
      if (problem)
        return {
          diagnostics: [
            error(
              'sops.rule-hides-metadata',
              problem,
              configPath,
              found.rule,
              `.creation_rules[${found.rule.index}]`,
            ),
          ],
        };
      return { encryption: { recipients: found.rule.recipients, rule }, diagnostics: [] };
    }
    if (settings.sopsAgeRecipients.length === 0 && !previous) return { diagnostics: found.diagnostics };
  }
  const rule = previous?.metadata.rule ?? SECRET_RULE;
  if (settings.sopsAgeRecipients.length > 0)
    return { encryption: { recipients: settings.sopsAgeRecipients, rule }, diagnostics: [] };
  if (previous)
    return {
      encryption: { recipients: previous.metadata.age.map((s) => s.recipient), rule },
      diagnostics: [],
    };
  const message =
    'secretFormat is "sops" but no age recipient is known: add a .sops.yaml creation rule for this file, set sopsAgeRecipients in flux-pkg.yaml, or the sops-age-recipients input';
  return { diagnostics: [error('sops.no-recipients', message, file)] };
}

/** Flux reads apiVersion, kind and metadata before it decrypts: a rule must leave them readable. */
function readableProblem(rule: EncryptionRule): string | undefined {
  const invalid = ruleProblem(rule);
  if (invalid) return invalid;
  const encrypted = encryptionPredicate(rule);
  const hidden = [['apiVersion'], ['kind'], ['metadata', 'name']].filter((keys) => encrypted(keys));
  if (hidden.length === 0 && encrypted(['stringData', 'values.yaml'])) return undefined;
  return hidden.length > 0
    ? `the creation rule would encrypt ${hidden.map((k) => k.join('.')).join(', ')}, which Flux must read; use encrypted_regex: ^(data|stringData)$`
    : 'the creation rule would leave stringData in plain text; use encrypted_regex: ^(data|stringData)$';
}

/** A plain values Secret where encryption is expected: a warning, or an error with requireEncryption. */
export function plainSecretProblem(
  file: string,
  settings: Settings,
  repoEncrypts: boolean,
  what = 'the values Secret',
): Diagnostic | undefined {
  if (settings.requireEncryption)
    return error(
      'values.plain-secret',
      `${what} is stored in plain text, and requireEncryption is set: ${what === 'the values Secret' ? 'set secretFormat: sops for this environment' : 'encrypt it with SOPS'}`,
      file,
    );
  if (!repoEncrypts) return undefined;
  return warning(
    'values.plain-secret',
    `${what} is stored in plain text in git; ${what === 'the values Secret' ? 'set secretFormat: sops to encrypt it' : 'encrypt it with SOPS'}`,
    file,
  );
}

/** The repository encrypts values Secrets somewhere: it has a `.sops.yaml` or configures secretFormat sops. */
export function repoEncrypts(paths: readonly string[], configured: readonly Partial<Settings>[]): boolean {
  return (
    paths.some((p) => p === '.sops.yaml' || p.endsWith('/.sops.yaml')) ||
    configured.some((s) => s.secretFormat === 'sops')
  );
}
