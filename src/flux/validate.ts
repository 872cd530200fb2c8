/**
 * Checks what bootstrap generates against the schema the project ships: the CRD schemas derived
 * into crd-schemas.json (scripts/derive-crd-schemas.ts) and the core kinds in core-schemas.ts.
 * An object of a kind with no schema is an error: a check that checked nothing must not pass.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { type Diagnostic, error } from '../diagnostics.js';
import { once, oncePerKey } from '../once.js';
import { isSopsDocument } from '../sops/index.js';
import { CORE_SCHEMAS, METADATA_SCHEMA } from './core-schemas.js';
import crd from './crd-schemas.json' with { type: 'json' };

const schemaCompiler = once(() => new Ajv({ allErrors: true, strict: false }));

/** `group/version/Kind` of an object, the core group as ''. */
export function schemaKey(object: { apiVersion?: unknown; kind?: unknown }): string {
  const apiVersion = String(object.apiVersion ?? '');
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  return `${group}/${version}/${String(object.kind ?? '')}`;
}

export function knownKinds(): string[] {
  return [...Object.keys(crd.schemas), ...Object.keys(CORE_SCHEMAS)].sort();
}

const validatorFor = oncePerKey((key: string): ValidateFunction | undefined => {
  const fromCrd = (crd.schemas as Record<string, Record<string, unknown>>)[key];
  const schema = fromCrd
    ? {
        ...fromCrd,
        required: ['apiVersion', 'kind', 'metadata', ...((fromCrd.required as string[]) ?? [])],
        properties: { ...(fromCrd.properties as object), metadata: METADATA_SCHEMA },
      }
    : CORE_SCHEMAS[key];
  if (!schema) return undefined;
  return schemaCompiler().compile(schema);
});

/** What is wrong with one object, as `path: message` lines; empty when it is valid. */
export function checkObject(object: unknown): string[] {
  if (typeof object !== 'object' || object === null) return ['the document is not an object'];
  const key = schemaKey(object as Record<string, unknown>);
  const validate = validatorFor(key);
  if (!validate) return [`no schema for ${key}: bootstrap does not know this kind`];
  if (validate(object)) return [];
  return (validate.errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` "${e.params.additionalProperty}"` : '';
    return `${e.instancePath || '/'}: ${e.message}${extra}`;
  });
}

/** Every document of a rendered file, checked; diagnostics name the file and the document. */
/** A SOPS-encrypted object is checked as Flux applies it: kustomize-controller removes `sops` on decryption. */
function withoutSopsMetadata(value: unknown): unknown {
  if (!isSopsDocument(value)) return value;
  const { sops: _, ...object } = value as Record<string, unknown>;
  return object;
}

export function checkRenderedFile(file: string, text: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.length === 0) return [error('bootstrap.empty', 'no document', file)];
  docs.forEach((doc, index) => {
    for (const problem of checkObject(withoutSopsMetadata(doc.toJS()))) {
      diagnostics.push(error('bootstrap.schema', `document ${index + 1}: ${problem}`, file));
    }
  });
  return diagnostics;
}
