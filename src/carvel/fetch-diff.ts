/**
 * What a new Package version fetches, from → to: the entries of spec.template.spec.fetch
 * (kapp-controller's App fetch: imgpkgBundle, image, git, http, helmChart, inline — see
 * carvel-dev/kapp-controller pkg/apis/kappctrl/v1alpha1/types_fetch.go) compared by position, as
 * the App fetches them into consecutive directories. Each side is one line a reviewer can read;
 * inline contents are summarised by file name and a digest (the Package holds them in full).
 */
import { nodeCrypto } from '../builtins.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** The fetch kinds kapp-controller knows; anything else is shown by its key. */
export const FETCH_KINDS = ['imgpkgBundle', 'image', 'git', 'http', 'helmChart', 'inline'] as const;

export interface FetchChange {
  /** Position in spec.template.spec.fetch (0-based). */
  index: number;
  /** imgpkgBundle, image, git, http, helmChart, inline, or the entry's unknown key. */
  kind: string;
  /** Absent: the entry is new. */
  from?: string;
  /** Absent: the entry is gone. */
  to?: string;
}

/** One fetch entry as one line (before digest shortening). */
export function describeFetch(entry: unknown): { kind: string; text: string } {
  if (!isObject(entry)) return { kind: 'unknown', text: JSON.stringify(entry ?? null) };
  const kind = FETCH_KINDS.find((k) => isObject(entry[k])) ?? Object.keys(entry).find((k) => k !== 'path');
  const spec = kind && isObject(entry[kind]) ? entry[kind] : {};
  const into = str(entry.path) ? ` into ${str(entry.path)}` : '';
  return { kind: kind ?? 'unknown', text: `${describeSpec(kind, spec)}${into}` };
}

function describeSpec(kind: string | undefined, spec: Obj): string {
  const parts = (...p: (string | undefined)[]) => p.filter((x) => x !== undefined && x !== '').join(' ');
  switch (kind) {
    case 'imgpkgBundle':
      return str(spec.image) ?? '(no image)';
    case 'image':
      return parts(str(spec.url) ?? '(no url)', str(spec.subPath) && `subPath ${str(spec.subPath)}`);
    case 'git':
      return parts(
        str(spec.url) ?? '(no url)',
        str(spec.ref) && `ref ${str(spec.ref)}`,
        str(spec.subPath) && `subPath ${str(spec.subPath)}`,
      );
    case 'http':
      return parts(
        str(spec.url) ?? '(no url)',
        str(spec.sha256) && `sha256:${str(spec.sha256)}`,
        str(spec.subPath) && `subPath ${str(spec.subPath)}`,
      );
    case 'helmChart': {
      const repo = isObject(spec.repository) ? str(spec.repository.url) : undefined;
      return parts(str(spec.name) ?? '(no name)', str(spec.version), repo && `from ${repo}`);
    }
    case 'inline': {
      const paths = isObject(spec.paths) ? spec.paths : {};
      const names = Object.keys(paths).sort();
      const from = Array.isArray(spec.pathsFrom) ? spec.pathsFrom.length : 0;
      const digest = nodeCrypto()
        .createHash('sha256')
        .update(JSON.stringify(spec))
        .digest('hex')
        .slice(0, 12);
      return `${names.length} file(s)${names.length > 0 ? ` ${names.join(', ')}` : ''}${from > 0 ? `, ${from} pathsFrom` : ''} (content ${digest})`;
    }
    default:
      return JSON.stringify(spec).slice(0, 200);
  }
}

const DIGEST = /(sha256:)?([0-9a-f]{64})/g;
const SHORT = 12;

/** The 64-hex digests of a line. */
const digestsOf = (text: string) => [...text.matchAll(DIGEST)].map((m) => m[2]!);

/**
 * Shorten each digest of `text` to 12 hex digits, unless the other side has a different digest
 * with the same 12 first digits (then the short forms would look equal: both stay whole).
 */
function shortened(text: string, other: string | undefined): string {
  const theirs = other ? digestsOf(other) : [];
  return text.replace(DIGEST, (whole, prefix: string | undefined, hex: string) => {
    const clash = theirs.some((d) => d !== hex && d.slice(0, SHORT) === hex.slice(0, SHORT));
    return clash ? whole : `${prefix ?? ''}${hex.slice(0, SHORT)}…`;
  });
}

/** Every fetch entry that differs between two Packages' spec.template.spec.fetch, by position. */
export function fetchChanges(before: unknown, after: unknown): FetchChange[] {
  const old = Array.isArray(before) ? before : [];
  const now = Array.isArray(after) ? after : [];
  const changes: FetchChange[] = [];
  for (let index = 0; index < Math.max(old.length, now.length); index++) {
    const from = index < old.length ? describeFetch(old[index]) : undefined;
    const to = index < now.length ? describeFetch(now[index]) : undefined;
    if (from && to && from.kind === to.kind && from.text === to.text) continue;
    const change: FetchChange = { index, kind: to?.kind ?? from!.kind };
    if (from) change.from = shortened(from.text, to?.text);
    if (to) change.to = shortened(to.text, from?.text);
    changes.push(change);
  }
  return changes;
}
