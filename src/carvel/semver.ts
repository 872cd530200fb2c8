/**
 * The version rules kapp-controller really runs, ported from the code it vendors (as of kapp-controller e4b4822, Oct 2024):
 * - github.com/carvel-dev/semver/v4 at 8090ce423695 (blang/semver v4 plus "build metadata takes part in
 *   ordering"). Later fork commits (wildcards expanding to `-0`, natural sort of identifiers) are NOT ported
 *   because kapp-controller does not ship them.
 * - carvel.dev/vendir/pkg/vendir/versions (relaxed listing and HighestConstrainedVersion), plus
 *   kapp-controller's rule that an exact prerelease constraint enables prereleases.
 * Range parsing keeps blang's quirks on purpose (see parseRange): the goal is to predict what the
 * cluster will do, not to be a nicer semver.
 */

/** Numeric identifiers are bigint because Go parses them as uint64 and TAP-style versions get large. */
export type Identifier = string | bigint;

export interface Semver {
  major: bigint;
  minor: bigint;
  patch: bigint;
  /** Numeric prerelease identifiers are bigint, the others strings. */
  pre: Identifier[];
  /** Build identifiers as written; numeric ones still compare by value ("007" equals "7"). */
  build: string[];
  /** The text this was parsed from (with its `v` prefix, when parsed relaxed). */
  raw: string;
}

export type Range = (v: Semver) => boolean;

export interface VersionSelection {
  constraints?: string;
  prereleases?: { identifiers?: string[] | null } | null;
}

const UINT64_MAX = (1n << 64n) - 1n;
const INT64_MAX = (1n << 63n) - 1n;
const ALPHANUMERIC = /^[0-9A-Za-z-]*$/;
// Go's containsOnly accepts the empty string; emptiness is reported separately.
const DIGITS = /^[0-9]*$/;

class Invalid extends Error {}
const invalid = (message: string): never => {
  throw new Invalid(message);
};

function uint64(label: string, text: string): bigint {
  if (text === '') invalid(`${label} is empty`);
  if (!DIGITS.test(text)) invalid(`${label} "${text}" is not a number`);
  const value = BigInt(text);
  if (value > UINT64_MAX) invalid(`${label} "${text}" is larger than 2^64-1`);
  return value;
}

function coreNumber(label: string, text: string): bigint {
  const value = uint64(label, text);
  if (text.length > 1 && text[0] === '0') invalid(`${label} "${text}" has a leading zero`);
  return value;
}

function identifier(kind: 'prerelease' | 'build metadata', text: string): string {
  if (text === '') invalid(`${kind} has an empty identifier`);
  if (DIGITS.test(text)) {
    uint64(`${kind} identifier`, text); // Go parses numeric build identifiers too, so they overflow as well
    if (kind === 'prerelease' && text.length > 1 && text[0] === '0') {
      invalid(`numeric prerelease identifier "${text}" has a leading zero`);
    }
  } else if (!ALPHANUMERIC.test(text)) {
    invalid(`${kind} identifier "${text}" may only contain [0-9A-Za-z-]`);
  }
  return text;
}

const numericOrText = (text: string): Identifier => (DIGITS.test(text) ? BigInt(text) : text);

function parseOrThrow(text: string): Semver {
  if (text === '') invalid('version is empty');
  // Go reports this as a bad major number; every text starting with v fails anyway, so say why.
  if (/^[vV]/.test(text)) invalid("leading 'v' is not allowed");
  const first = text.indexOf('.');
  const second = first < 0 ? -1 : text.indexOf('.', first + 1);
  if (second < 0) invalid('expected MAJOR.MINOR.PATCH');
  const major = coreNumber('major version', text.slice(0, first));
  const minor = coreNumber('minor version', text.slice(first + 1, second));
  // Build is cut at the first '+', then prerelease at the first '-' before it, as Go does.
  let rest = text.slice(second + 1);
  let build: string[] = [];
  let pre: string[] = [];
  const plus = rest.indexOf('+');
  if (plus >= 0) [rest, build] = [rest.slice(0, plus), rest.slice(plus + 1).split('.')];
  const dash = rest.indexOf('-');
  if (dash >= 0) [rest, pre] = [rest.slice(0, dash), rest.slice(dash + 1).split('.')];
  const patch = coreNumber('patch version', rest);
  return {
    major,
    minor,
    patch,
    pre: pre.map((p) => numericOrText(identifier('prerelease', p))),
    build: build.map((b) => identifier('build metadata', b)),
    raw: text,
  };
}

/** carvel-dev/semver `Parse`: exactly MAJOR.MINOR.PATCH[-PRE][+BUILD], as the Package API enforces. */
export function parseStrict(text: string): Semver | { error: string } {
  try {
    return parseOrThrow(text);
  } catch (e) {
    if (e instanceof Invalid) return { error: e.message };
    throw e;
  }
}

/** vendir's `NewRelaxedSemver`: one leading lowercase `v` is dropped; anything else unparsable is skipped. */
export function parseRelaxed(text: string): Semver | undefined {
  const parsed = parseStrict(text.startsWith('v') ? text.slice(1) : text);
  return 'error' in parsed ? undefined : { ...parsed, raw: text };
}

export function format(v: Semver): string {
  const pre = v.pre.length > 0 ? `-${v.pre.join('.')}` : '';
  const build = v.build.length > 0 ? `+${v.build.join('.')}` : '';
  return `${v.major}.${v.minor}.${v.patch}${pre}${build}`;
}

type Order = -1 | 0 | 1;
const order = <T extends number | bigint | string>(a: T, b: T): Order => (a < b ? -1 : a > b ? 1 : 0);

function compareIdentifiers(a: Identifier, b: Identifier): Order {
  if (typeof a === typeof b) return order(a, b);
  return typeof a === 'bigint' ? -1 : 1; // numeric identifiers sort below alphanumeric ones
}

function compareLists(a: Identifier[], b: Identifier[]): Order {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareIdentifiers(a[i], b[i]);
    if (c !== 0) return c;
  }
  return order(a.length, b.length);
}

/**
 * The fork's `Compare`: semver 2.0 precedence, then build metadata as a tie-breaker (no build sorts
 * lowest, identifiers compare like prerelease ones). So 1.0.0 < 1.0.0+a < 1.0.0+b, and `=1.0.0`
 * does not match 1.0.0+vmware.1.
 */
export function compare(a: Semver, b: Semver): Order {
  const core = order(a.major, b.major) || order(a.minor, b.minor) || order(a.patch, b.patch);
  if (core !== 0) return core;
  // A release outranks its prereleases, while no build metadata ranks below any.
  const aReleased = a.pre.length === 0;
  if (aReleased !== (b.pre.length === 0)) return aReleased ? 1 : -1;
  return compareLists(a.pre, b.pre) || compareLists(a.build.map(numericOrText), b.build.map(numericOrText));
}

const OPERATORS = new Map<string, (c: Order) => boolean>([
  ['', (c) => c === 0],
  ['=', (c) => c === 0],
  ['==', (c) => c === 0],
  ['!', (c) => c !== 0],
  ['!=', (c) => c !== 0],
  ['>', (c) => c > 0],
  ['>=', (c) => c >= 0],
  ['<', (c) => c < 0],
  ['<=', (c) => c <= 0],
]);

/**
 * blang's `splitAndTrim`: split on ' ' unless the previous non-space is an operator character, then
 * delete the spaces. Go silently drops one-byte tokens, so `1.0.0 - 2.0.0` reads as `1.0.0 2.0.0`.
 */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const keep = (token: string) => {
    if (Buffer.byteLength(token, 'utf8') > 1) tokens.push(token.replaceAll(' ', ''));
  };
  let start = 0;
  let previous = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== ' ') previous = text[i];
    else if (!['<', '>', '='].includes(previous)) {
      keep(text.slice(start, i));
      start = i + 1;
    }
  }
  keep(text.slice(start));
  return tokens;
}

/** The operator is everything before the first digit, so `x.1.2` has operator "x." (see expandWildcard). */
function splitOperator(token: string): [string, string] {
  const digit = /\p{Nd}/u.exec(token);
  if (!digit) return invalid(`"${token}" has no version`);
  return [token.slice(0, digit.index).trim(), token.slice(digit.index)];
}

/** Go's Atoi-then-Itoa increment of one dot-separated part; '' when Atoi would fail. */
function increment(version: string, index: number): string {
  const parts = version.split('.');
  if (!/^[+-]?[0-9]+$/.test(parts[index] ?? '')) return '';
  const n = BigInt(parts[index]);
  if (n > INT64_MAX || n < -INT64_MAX - 1n) return '';
  parts[index] = String(n + 1n);
  return parts.join('.');
}

/**
 * blang's `expandWildcardVersion`, quirks included: it triggers on any 'x' in the token (so `1.0.0+linux`
 * fails to parse), `1.x.x` is treated as `1.0.x`, an unknown operator in front of a wildcard is dropped
 * (`~1.2.x` means `=1.2.0`), and `!=1.2.x` becomes `<1.2.0 >=1.3.0` inside one AND, matching nothing.
 */
function expandWildcard(token: string): [string, string][] {
  const [op, version] = splitOperator(token);
  if (!token.includes('x')) return [[op, version]];
  const parts = version.split('.');
  // 1.x bumps the major and 1.2.x the minor for the upper bound; other spots of 'x' have nothing to bump.
  const bump = parts.at(-1) === 'x' && (parts.length === 2 || parts.length === 3) ? parts.length - 2 : -1;
  let flat = version.replace('.x.x', '.x').replace('.x', '.0');
  if (flat.split('.').length === 2) flat += '.0';
  const next = () =>
    (bump >= 0 ? increment(flat, bump) : '') ||
    invalid(`cannot expand "${token}": any 'x' makes it a wildcard, and only 1.x and 1.2.x forms work`);
  if (op === '>') return [['>=', next()]];
  if (op === '>=') return [['>=', flat]];
  if (op === '<') return [['<', flat]];
  if (op === '<=') return [['<', next()]];
  if (op === '' || op === '=' || op === '==')
    return [
      ['>=', flat],
      ['<', next()],
    ];
  if (op === '!' || op === '!=')
    return [
      ['<', flat],
      ['>=', next()],
    ];
  return [['', flat]];
}

function comparator(token: string, op: string, version: string): Range {
  const test = OPERATORS.get(op);
  if (!test)
    return invalid(`unsupported operator "${op}" in "${token}" (use =, !=, >, >=, <, <=; no ^ or ~)`);
  const bound = parseStrict(version);
  if ('error' in bound) return invalid(`invalid version "${version}" in "${token}": ${bound.error}`);
  return (v) => test(compare(v, bound));
}

/**
 * carvel-dev/semver `ParseRange`: comparators joined by spaces (AND) and ` || ` (OR), `x` wildcards,
 * strict versions. No ^, ~, * or partial versions.
 */
export function parseRange(text: string): Range | { error: string } {
  try {
    const tokens = tokenize(text);
    // Go drops one-byte tokens, so `*` or `x` alone leave nothing behind.
    if (tokens.length === 0)
      invalid(text.trim() ? `"${text.trim()}" is not a version constraint` : 'constraint is empty');
    if (tokens[0] === '||') invalid("constraint starts with '||'");
    if (tokens.at(-1) === '||') invalid("constraint ends with '||'");
    const groups: string[][] = [[]];
    for (const token of tokens) {
      if (token === '||') groups.push([]);
      else groups.at(-1)!.push(token);
    }
    // Go builds a nil function for an empty group and panics when it is reached; refuse it instead.
    if (groups.some((g) => g.length === 0)) invalid("constraint has an empty alternative between '||'");
    const alternatives = groups.map((group) =>
      group.flatMap((token) => expandWildcard(token).map(([op, version]) => comparator(token, op, version))),
    );
    return (v) => alternatives.some((all) => all.every((test) => test(v)));
  } catch (e) {
    if (e instanceof Invalid) return { error: e.message };
    throw e;
  }
}

/** Whether `version` (relaxed, as vendir lists it) satisfies `constraints`; an empty constraint matches all. */
export function satisfies(version: string, constraints: string): boolean {
  const v = parseRelaxed(version);
  if (!v) return false;
  if (constraints === '') return true;
  const range = parseRange(constraints);
  return !('error' in range) && range(v);
}

/**
 * vendir's `HighestConstrainedVersion` as kapp-controller calls it (without the kubernetes and
 * kapp-controller version filters, which need a cluster).
 */
export function selectHighest(
  versions: string[],
  selection: VersionSelection,
): { version?: string; error?: string } {
  const constraints = selection.constraints ?? '';
  let prereleases = selection.prereleases ?? undefined;
  // kapp-controller: a constraint that is exactly one prerelease version enables prereleases.
  if (constraints !== '' && prereleases === undefined) {
    const single = parseStrict(constraints);
    if (!('error' in single) && single.pre.length > 0) prereleases = {};
  }
  const all = versions.flatMap((text) => parseRelaxed(text) ?? []);
  const identifiers = new Set(prereleases?.identifiers ?? []);
  const released = all.filter((v) => {
    if (v.pre.length === 0) return true;
    if (prereleases === undefined) return false;
    return identifiers.size === 0 || v.pre.some((part) => identifiers.has(String(part)));
  });
  const details = [`all=${all.length}`, `after-prereleases-filter=${released.length}`];
  let candidates = released;
  if (constraints !== '') {
    const range = parseRange(constraints);
    if ('error' in range) {
      return { error: `Selecting versions: Parsing version constraint '${constraints}': ${range.error}` };
    }
    candidates = released.filter(range);
    details.push(`after-constraints-filter=${candidates.length}`);
  }
  // Go sorts stably and takes the last, so among equal versions the later one in the input wins.
  let best: Semver | undefined;
  for (const v of candidates) if (!best || compare(v, best) >= 0) best = v;
  if (!best) {
    return { error: `Expected to find at least one version, but did not (details: ${details.join(' -> ')})` };
  }
  return { version: best.raw };
}
