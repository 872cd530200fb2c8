/**
 * Package validation as kapp-controller's aggregated API server does it
 * (pkg/apiserver/apis/datapackaging/validation/validations.go), plus the hidden 158-character
 * name limit that comes from how it stores Packages (base32hex of the name must be a valid CR name).
 */
import type { Document } from 'yaml';
import { nodeCrypto } from '../builtins.js';
import { type Diagnostic, type ErrorCode, error } from '../diagnostics.js';
import { formatPath, type ParsedYaml, type PathSegment, positionAt } from '../yaml/parse.js';
import { fullyQualifiedNameProblem } from './names.js';
import { parseRange, parseStrict } from './semver.js';

export const PACKAGE_API_VERSION = 'data.packaging.carvel.dev/v1alpha1';
/** ceil(8 * 158 / 5) = 253: the longest name whose base32hex encoding is still a valid object name. */
export const MAX_PACKAGE_NAME_LENGTH = 158;

export interface CarvelPackage {
  file: string;
  name: string;
  refName: string;
  version: string;
  /** spec.valuesSchema.openAPIv3 as written (undefined when absent). */
  valuesSchema: unknown;
  /** Where the document sits, for later diagnostics about this Package. */
  line: number;
  /** spec.releaseNotes, when it is a string (repo text: render it inert). */
  releaseNotes?: string;
  /** spec.template.spec.fetch as written: what the App fetches (for the pull request body's from → to). */
  fetch?: unknown;
  /**
   * Identifies the document's content (keys sorted): the same version with another digest was changed in place.
   * Computed when first read (only a gate with base facts reads it), so a plain validate never loads node:crypto.
   */
  readonly digest: string;
}

/** A digest of a YAML value that ignores key order and formatting (what kapp-controller would store). */
export function contentDigest(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : isObject(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sorted(v[k])]),
          )
        : v;
  return nodeCrypto()
    .createHash('sha256')
    .update(JSON.stringify(sorted(value)))
    .digest('hex');
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Is this YAML document meant to be a Package (so its errors are Package errors)? */
export function looksLikePackage(value: unknown): boolean {
  return isObject(value) && value.kind === 'Package';
}

/** Validate one parsed document; returns the Package when it is valid. */
export function validatePackage(
  parsed: ParsedYaml,
  doc: Document.Parsed,
  value: unknown,
): { pkg?: CarvelPackage; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const file = parsed.file;
  const fail = (code: ErrorCode, message: string, path: PathSegment[]) =>
    diagnostics.push(error(code, message, file, positionAt(parsed, doc, path), formatPath(path)));

  if (!isObject(value)) {
    fail('package.not-an-object', 'a Package document must be a mapping', []);
    return { diagnostics };
  }
  if (value.apiVersion !== PACKAGE_API_VERSION) {
    fail(
      'package.api-version',
      `apiVersion must be "${PACKAGE_API_VERSION}" for kind Package (found ${JSON.stringify(value.apiVersion ?? null)})`,
      ['apiVersion'],
    );
  }
  if (value.kind !== 'Package') {
    fail('package.kind', `kind must be "Package" (found ${JSON.stringify(value.kind ?? null)})`, ['kind']);
  }
  const metadata = isObject(value.metadata) ? value.metadata : {};
  const spec = isObject(value.spec) ? value.spec : undefined;
  if (!spec) {
    fail('package.spec', 'spec is required', ['spec']);
    return { diagnostics };
  }

  const refName = typeof spec.refName === 'string' ? spec.refName : '';
  const refNameProblem = refName ? fullyQualifiedNameProblem(refName) : 'is required';
  if (refNameProblem) fail('package.ref-name', `spec.refName ${refNameProblem}`, ['spec', 'refName']);

  const version = typeof spec.version === 'string' ? spec.version : '';
  if (!version) {
    fail('package.version', `spec.version is required and must be a string (quote numbers like "1.0.0")`, [
      'spec',
      'version',
    ]);
  } else {
    const parsedVersion = parseStrict(version);
    if ('error' in parsedVersion) {
      fail('package.version', `spec.version "${version}" is not strict semver: ${parsedVersion.error}`, [
        'spec',
        'version',
      ]);
    }
  }

  const name = typeof metadata.name === 'string' ? metadata.name : '';
  if (!name) {
    fail('package.name', 'metadata.name is required', ['metadata', 'name']);
  } else if (refName && version && name !== `${refName}.${version}`) {
    fail(
      'package.name-mismatch',
      `metadata.name must be <spec.refName> + '.' + <spec.version>: expected "${refName}.${version}", found "${name}"`,
      ['metadata', 'name'],
    );
  } else if (name.length > MAX_PACKAGE_NAME_LENGTH) {
    fail(
      'package.name-too-long',
      `metadata.name is ${name.length} characters; kapp-controller stores Packages under an encoded name, which limits it to ${MAX_PACKAGE_NAME_LENGTH}`,
      ['metadata', 'name'],
    );
  }

  const template = isObject(spec.template) ? spec.template : undefined;
  if (!template || !isObject(template.spec)) {
    fail('package.template', 'spec.template.spec is required (the App template kapp-controller runs)', [
      'spec',
      'template',
    ]);
  }

  for (const key of ['kubernetesVersionSelection', 'kappControllerVersionSelection'] as const) {
    const selection = spec[key];
    if (selection === undefined || selection === null) continue;
    const constraints = isObject(selection) ? selection.constraints : undefined;
    if (constraints === undefined) continue;
    const range = typeof constraints === 'string' ? parseRange(constraints) : { error: 'must be a string' };
    if ('error' in range) {
      fail('package.version-selection', `spec.${key}.constraints does not parse: ${range.error}`, [
        'spec',
        key,
        'constraints',
      ]);
    }
  }

  if (diagnostics.length > 0) return { diagnostics };
  const valuesSchema = isObject(spec.valuesSchema) ? spec.valuesSchema.openAPIv3 : undefined;
  const line = parsed.position(doc.range[0]).line;
  const releaseNotes = typeof spec.releaseNotes === 'string' ? spec.releaseNotes : undefined;
  const fetch = isObject(template?.spec) ? template.spec.fetch : undefined;
  const pkg = { file, name, refName, version, valuesSchema, line, releaseNotes, fetch } as CarvelPackage;
  return { pkg: withLazyDigest(pkg, value), diagnostics };
}

/** `pkg.digest` as a property computed on its first read (then kept, and the document let go). */
function withLazyDigest(pkg: CarvelPackage, value: unknown): CarvelPackage {
  let source: { value: unknown } | undefined = { value };
  let digest = '';
  return Object.defineProperty(pkg, 'digest', {
    enumerable: true,
    get: () => {
      if (source) {
        digest = contentDigest(source.value);
        source = undefined;
      }
      return digest;
    },
  });
}
