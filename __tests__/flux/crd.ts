/**
 * Validation against the real CRDs in ../shared/reference: the served version's openAPIV3Schema
 * (closed like the shipped schema, so unknown fields fail) through ajv, and its
 * x-kubernetes-validations CEL rules evaluated with `self` bound, as the API server does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { evaluate } from '@marcbachmann/cel-js';
import { Ajv } from 'ajv';
import { CRD_SOURCES, readCrd, strictSchema } from '../../scripts/derive-crd-schemas.js';
import { schemaKey } from '../../src/flux/validate.js';

export const referenceDir = new URL('../../../shared/reference/', import.meta.url).pathname;
export const hasReference = existsSync(referenceDir);
if (!hasReference)
  console.warn(`SKIPPED: real-CRD checks need ${referenceDir} (shared reference data); absent here`);

type Schema = Record<string, unknown>;
const ajv = new Ajv({ allErrors: true, strict: false });
let byKey: Map<string, Schema> | undefined;
const compiled = new Map<string, ReturnType<Ajv['compile']>>();

/** Every group/version/Kind the reference CRD files serve, each with its schema as written. */
function servedSchemas(): Map<string, Schema> {
  if (byKey) return byKey;
  byKey = new Map();
  for (const [file] of CRD_SOURCES) {
    for (const v of readCrd(readFileSync(`${referenceDir}${file}`, 'utf8'))) {
      if (!byKey.has(v.key)) byKey.set(v.key, v.openAPIV3Schema);
    }
  }
  return byKey;
}

export function isCustomResource(object: Schema): boolean {
  const [group] = schemaKey(object).split('/');
  return group!.endsWith('.fluxcd.io') || group!.endsWith('.carvel.dev');
}

/** Problems of one object against the real CRD of its apiVersion; a version no CRD serves is one. */
export function checkAgainstCrd(object: Schema): string[] {
  const key = schemaKey(object);
  const schema = servedSchemas().get(key);
  if (!schema) return [`no reference CRD serves ${key}`];
  const validate = compiled.get(key) ?? ajv.compile(strictSchema(schema));
  compiled.set(key, validate);
  const problems = validate(object)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath}: ${e.message} ${JSON.stringify(e.params)}`);
  return [...problems, ...celRuleProblems(schema, object, '')];
}

function celRuleProblems(schema: Schema, value: unknown, path: string): string[] {
  if (value === undefined || value === null) return [];
  const problems: string[] = [];
  const rules =
    (schema['x-kubernetes-validations'] as { rule: string; message?: string }[] | undefined) ?? [];
  for (const { rule, message } of rules) {
    if (evaluate(rule, { self: value }) !== true) problems.push(`${path || '/'}: ${message ?? rule}`);
  }
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (properties && typeof value === 'object') {
    for (const [name, sub] of Object.entries(properties)) {
      problems.push(...celRuleProblems(sub, (value as Schema)[name], `${path}/${name}`));
    }
  }
  if (schema.items && Array.isArray(value)) {
    value.forEach((item, i) => {
      problems.push(...celRuleProblems(schema.items as Schema, item, `${path}/${i}`));
    });
  }
  return problems;
}
