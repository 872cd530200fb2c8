/**
 * params.yaml after install: its plaintext is compared, never its ciphertext, so a file whose values
 * do not change is kept byte for byte. An encrypted file stays encrypted; secretFormat sops encrypts.
 * Synchronous: a Secret that must be encrypted comes back as a SealRequest, which the orchestrator
 * seals (seal.ts) and sealedSecret() turns into the planned file.
 */
import { emptyValues, renderValuesSecret, setValues } from '../../../carvel/render.js';
import { readValuesSecret, type ValuesSecret } from '../../../carvel/values-secret.js';
import type { Settings } from '../../../config/config.js';
import { type Diagnostic, error } from '../../../diagnostics.js';
import type { DecryptedDocument } from '../../../sops/index.js';
import { parseYaml } from '../../../yaml/parse.js';
import type { Context } from '../../model/context.js';
import type { EnvironmentFiles } from '../../model/environment.js';
import { plainSecretProblem, plainToEncrypted } from '../../model/secrets.js';
import type { PlannedFile } from '../../types.js';

export interface SecretTarget {
  component: string;
  environment: string;
  name: string;
  namespace?: string;
  valuesKey: string;
}

/** The values Secret the environment gets, and how diagnostics about its plaintext map to its file. */
export interface PlannedSecret {
  file?: PlannedFile;
  secret?: ValuesSecret;
  toSource: (d: Diagnostic) => Diagnostic;
  diagnostics: Diagnostic[];
}

/** A plaintext to encrypt for the recipients the nearest `.sops.yaml` (or the settings) give. */
export interface SealRequest {
  path: string;
  plain: string;
  settings: Settings;
  previous?: DecryptedDocument;
  action: 'create' | 'update';
  read: { secret?: ValuesSecret; diagnostics: Diagnostic[] };
}

/** What sealing gave: the encrypted text (absent on an error), and how to compare a branch's copy. */
export interface Sealed {
  text?: string;
  diagnostics: Diagnostic[];
  fromBranch?: PlannedFile['fromBranch'];
}

const same = (d: Diagnostic) => d;
export const isKind = (kind: string) => (value: unknown) =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === kind;

export function plannedSecret(
  ctx: Context,
  env: EnvironmentFiles,
  values: string | undefined,
  settings: Settings,
  path: string,
  target: SecretTarget,
): { planned: PlannedSecret } | { seal: SealRequest } {
  if (env.encrypted && !env.encrypted.document) {
    // No key: the loader said so; the file is left as it is.
    if (values === undefined) return { planned: { toSource: same, diagnostics: [] } };
    const message =
      'the values Secret is SOPS-encrypted and no age key was given: its values cannot be replaced';
    return { planned: { toSource: same, diagnostics: [error('sops.no-key', message, path)] } };
  }
  if (env.nestedSops && values !== undefined) {
    const message = `data ${env.nestedSops.join(', ')} of the values Secret is a nested SOPS document: its values cannot be replaced here; encrypt the whole Secret (secretFormat: sops) instead`;
    return { planned: { toSource: same, diagnostics: [error('sops.nested-values', message, path)] } };
  }
  const before = env.encrypted?.document?.text ?? env.valuesSecretText;
  const plain =
    before === undefined
      ? renderValuesSecret({
          name: target.name,
          namespace: target.namespace,
          valuesKey: target.valuesKey,
          values: values ?? emptyValues(target.component, target.environment),
        })
      : values === undefined
        ? before
        : setValues(before, target.valuesKey, values, isKind('Secret'));
  const unchanged = plain === before && env.valuesSecret !== undefined;
  const read = unchanged
    ? { secret: env.valuesSecret, diagnostics: [] }
    : readValuesSecret(parseYaml(path, plain), plain);
  const action = env.valuesSecretText === undefined ? ('create' as const) : ('update' as const);
  if (!env.encrypted && settings.secretFormat !== 'sops') {
    const problem = plainSecretProblem(path, settings, ctx.repoEncrypts);
    const diagnostics = [...read.diagnostics, ...(problem ? [problem] : [])];
    const file = plain === env.valuesSecretText ? undefined : { path, content: plain, action, secret: true };
    return { planned: { file, secret: read.secret, toSource: same, diagnostics } };
  }
  const previous = env.encrypted?.document;
  if (previous && plain === before)
    return { planned: { secret: read.secret, toSource: env.encrypted!.toSource, diagnostics: [] } };
  return { seal: { path, plain, settings, previous, action, read } };
}

/** The planned Secret once sealed: its diagnostics moved to the lines of the encrypted file. */
export function sealedSecret(request: SealRequest, sealed: Sealed): PlannedSecret {
  if (sealed.text === undefined) return { toSource: same, diagnostics: sealed.diagnostics };
  const { path, plain, action, read } = request;
  const toSource = plainToEncrypted(path, plain, sealed.text);
  const fromBranch = sealed.fromBranch;
  return {
    file: { path, content: sealed.text, action, secret: true, ...(fromBranch ? { fromBranch } : {}) },
    secret: read.secret,
    toSource,
    diagnostics: read.diagnostics.map(toSource),
  };
}
