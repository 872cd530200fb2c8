// Writes src/flux/crd-schemas.json: the JSON Schema of every custom resource bootstrap generates,
// derived from the CRDs in ../shared/reference (see their SOURCES.md for repository and commit).
// The CRD YAML itself is not copied into the project; what is kept is each version's
// openAPIV3Schema with descriptions, defaults, `status` and `format` dropped, and every object with
// declared properties closed (`additionalProperties: false`), so a field the API lacks — the seed's
// `gitImplementation` in v1, `secretRef.namespace` — fails instead of being pruned silently.
// `x-kubernetes-validations` (CEL rules) are kept as data: ajv ignores them, the tests evaluate them.
//
//   node --import tsx scripts/derive-crd-schemas.ts [shared-dir]   then   npm run format
//
// Output is deterministic: the same CRDs give the same bytes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** [file under shared/reference, version] of every apiVersion bootstrap can emit. */
export const CRD_SOURCES: readonly (readonly [string, string])[] = [
  ['flux/kustomize.toolkit.fluxcd.io_kustomizations.yaml', 'v1'],
  ['flux/legacy-kustomizations-with-v1beta2.yaml', 'v1beta2'],
  ['flux/source.toolkit.fluxcd.io_gitrepositories.yaml', 'v1'],
  ['flux/legacy-gitrepositories-with-v1beta2.yaml', 'v1beta2'],
  ['flux/notification.toolkit.fluxcd.io_providers.yaml', 'v1beta3'],
  ['flux/notification.toolkit.fluxcd.io_alerts.yaml', 'v1beta3'],
  ['carvel/packageinstalls.packaging.carvel.dev.yaml', 'v1alpha1'],
];

type Schema = Record<string, unknown>;

export interface CrdVersion {
  /** `group/version/Kind`, the key the validator looks objects up by. */
  key: string;
  openAPIV3Schema: Schema;
}

/** The served versions of a CRD file, each with its schema as written. */
export function readCrd(text: string): CrdVersion[] {
  const crd = parseAllDocuments(text)
    .map((d) => d.toJS() as Schema)
    .find((d) => d?.kind === 'CustomResourceDefinition') as
    | {
        spec: {
          group: string;
          names: { kind: string };
          versions: { name: string; schema: { openAPIV3Schema: Schema } }[];
        };
      }
    | undefined;
  if (!crd) throw new Error('no CustomResourceDefinition in the file');
  return crd.spec.versions.map((v) => ({
    key: `${crd.spec.group}/${v.name}/${crd.spec.names.kind}`,
    openAPIV3Schema: v.schema.openAPIV3Schema,
  }));
}

const DROPPED = new Set(['description', 'default', 'format', 'example']);

/** An openAPIV3Schema as a closed JSON Schema (see the header). */
export function strictSchema(schema: Schema, top = true): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key)) continue;
    if (key === 'properties') {
      const properties: Schema = {};
      for (const [name, sub] of Object.entries(value as Record<string, Schema>)) {
        if (top && name === 'status') continue;
        properties[name] = strictSchema(sub, false);
      }
      out.properties = properties;
    } else if (key === 'items' || key === 'additionalProperties') {
      out[key] = typeof value === 'object' ? strictSchema(value as Schema, false) : value;
    } else if (key === 'anyOf' || key === 'oneOf' || key === 'allOf') {
      out[key] = (value as Schema[]).map((s) => strictSchema(s, false));
    } else out[key] = value;
  }
  if (schema['x-kubernetes-int-or-string'] === true && !schema.type) out.type = ['integer', 'string'];
  const open = 'additionalProperties' in schema || schema['x-kubernetes-preserve-unknown-fields'] === true;
  if (out.properties && !open) out.additionalProperties = false;
  return out;
}

function main() {
  const shared = process.argv[2] ?? join(root, '..', 'shared');
  const schemas: Record<string, Schema> = {};
  const sources: string[] = [];
  for (const [file, version] of CRD_SOURCES) {
    const path = join(shared, 'reference', file);
    if (!existsSync(path)) throw new Error(`missing ${path}`);
    const found = readCrd(readFileSync(path, 'utf8')).find((v) => v.key.split('/')[1] === version);
    if (!found) throw new Error(`${file} serves no ${version}`);
    schemas[found.key] = strictSchema(found.openAPIV3Schema);
    sources.push(`shared/reference/${file} (${version})`);
  }
  const out = {
    $comment:
      'Derived by scripts/derive-crd-schemas.ts from the CRDs named in sources; see shared/reference/*/SOURCES.md for their repositories and commits.',
    sources,
    schemas,
  };
  writeFileSync(join(root, 'src/flux/crd-schemas.json'), `${JSON.stringify(out, null, 2)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
