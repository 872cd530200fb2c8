/**
 * The hidden marker in a pull request body: which branch key (`component/environment`, or
 * `_environments/<environment>/<set>` for a per-environment PR) the PR is
 * this action's for, and the fields a later run trusts (the version it proposes, so an older run
 * never overwrites a newer proposal; promotion adds `from`, `upstream`, `status`…).
 *
 *   <!-- flux-pkg-action v1 key=app.default.tap/dev version=1.2.0 -->
 *
 * It is written in one place only, the body's last line, and read only from there. Every field is
 * restricted to a charset that cannot close the comment or start another, and repository text in
 * the body is inert (src/report/inert.ts) and on one line: nothing above the last line can pass for
 * it. A body whose last line does not parse is not this action's proposal — never an exception.
 */

const HEAD = '<!-- flux-pkg-action v1';
const TAIL = ' -->';
const NAME = /^[a-z][A-Za-z0-9]{0,31}$/;
const VALUE = /^[A-Za-z0-9._:/+-]{1,256}$/;

export type MarkerFields = Readonly<Record<string, string>>;

/** Every field name this action writes into a marker (a reader refuses a marker with any other). */
export const MARKER_FIELDS: readonly string[] = ['version', 'trigger', 'from', 'upstream', 'downgrade'];

export interface Marker {
  key: string;
  /** Every field but the key, as written. */
  fields: MarkerFields;
}

export interface ExpectedMarker {
  /** The branch key the PR must be for (`markerKey(component, environment)`). */
  key: string;
  /** Field names a reader accepts besides `key` (default: `version`); any other name refuses the marker. */
  fields?: readonly string[];
  /** Fields that must be present. */
  required?: readonly string[];
}

export const markerKey = (component: string, environment: string): string => `${component}/${environment}`;

/** The marker line for a body's end. Throws on a name or value outside the charset: that is a caller's bug. */
export function writeMarker(key: string, fields: Readonly<Record<string, string | undefined>> = {}): string {
  const parts = [`key=${checkedValue('key', key)}`];
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (!NAME.test(name) || name === 'key') throw new Error(`marker field name "${name}" is not allowed`);
    parts.push(`${name}=${checkedValue(name, value)}`);
  }
  return `${HEAD} ${parts.join(' ')}${TAIL}`;
}

function checkedValue(name: string, value: string): string {
  if (!VALUE.test(value)) throw new Error(`marker field ${name} has characters outside [A-Za-z0-9._:/+-]`);
  return value;
}

/** The marker of a body for that key: only the last non-empty line, parsed strictly; else undefined. */
export function readMarker(body: string | null | undefined, expected: ExpectedMarker): Marker | undefined {
  const marker = parseLastLine(body);
  if (!marker || marker.key !== expected.key) return undefined;
  const allowed = new Set(expected.fields ?? ['version']);
  if (Object.keys(marker.fields).some((name) => !allowed.has(name))) return undefined;
  if ((expected.required ?? []).some((name) => marker.fields[name] === undefined)) return undefined;
  return marker;
}

/** The marker's version when it is one the caller knows exists (a Package version at the base). */
export function trustedVersion(
  marker: Marker | undefined,
  knownVersions: ReadonlySet<string>,
): string | undefined {
  const version = marker?.fields.version;
  return version !== undefined && knownVersions.has(version) ? version : undefined;
}

function parseLastLine(body: string | null | undefined): Marker | undefined {
  if (typeof body !== 'string') return undefined;
  const lines = body.split(/\r?\n/);
  let last: string | undefined;
  for (let i = lines.length - 1; i >= 0 && last === undefined; i--)
    if (lines[i]!.trim() !== '') last = lines[i]!.trimEnd();
  if (!last?.startsWith(`${HEAD} `) || !last.endsWith(TAIL)) return undefined;
  const parts = last.slice(HEAD.length + 1, -TAIL.length).split(' ');
  const fields: Record<string, string> = Object.create(null);
  let key: string | undefined;
  for (const [i, part] of parts.entries()) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq);
    const value = part.slice(eq + 1);
    if (eq < 0 || !NAME.test(name) || !VALUE.test(value)) return undefined;
    if (name === 'key') {
      if (i !== 0) return undefined;
      key = value;
    } else if (i === 0 || Object.hasOwn(fields, name)) return undefined;
    else fields[name] = value;
  }
  return key === undefined ? undefined : { key, fields };
}
