/**
 * Which events start a workflow, by GitHub's documented rules (research/actions.md §6; the filter
 * pattern cheat sheet of "Workflow syntax for GitHub Actions"): event names, activity types,
 * branches/branches-ignore, tags, paths/paths-ignore, and "events made with GITHUB_TOKEN start no
 * workflow". Test code: it answers "would this use happen?" for the shipped workflows, and throws on
 * what it does not model rather than guessing.
 */

/** Who made the event: a person, an App or PAT token, or the workflow's own GITHUB_TOKEN. */
export type Actor = 'person' | 'app' | 'github-token';

export type RepoEvent =
  | { name: 'push'; ref: string; files: readonly string[]; by: Actor }
  | { name: 'pull_request'; action: string; base: string; files: readonly string[]; by: Actor }
  | { name: 'schedule' }
  | { name: 'workflow_dispatch'; workflow: string; by: Actor }
  | { name: 'status'; context: string; state: string; by: Actor };

export interface Verdict {
  starts: boolean;
  why: string;
}

/** GitHub's default activity types for pull_request when `types` is absent. */
export const DEFAULT_PULL_REQUEST_TYPES = ['opened', 'synchronize', 'reopened'];

/** Events made with GITHUB_TOKEN start no workflow, except these two ("Triggering a workflow from a workflow"). */
const TOKEN_MAY_START = new Set(['workflow_dispatch', 'repository_dispatch']);

type Filters = Record<string, unknown>;

/** `on:` as a mapping of event name → its filters (a string or a list of names means "no filters"). */
export function triggersOf(on: unknown): Record<string, Filters | null> {
  if (typeof on === 'string') return { [on]: null };
  if (Array.isArray(on)) return Object.fromEntries(on.map((name) => [String(name), null]));
  if (on && typeof on === 'object') return on as Record<string, Filters | null>;
  throw new Error(`on: must be a string, a list or a mapping, not ${JSON.stringify(on)}`);
}

export function startsOn(on: unknown, event: RepoEvent): Verdict {
  const triggers = triggersOf(on);
  if (!(event.name in triggers)) return { starts: false, why: `no ${event.name} trigger` };
  if ('by' in event && event.by === 'github-token' && !TOKEN_MAY_START.has(event.name))
    return { starts: false, why: `a ${event.name} made with GITHUB_TOKEN starts no workflow` };
  const filters = triggers[event.name] ?? {};
  switch (event.name) {
    case 'push':
      return pushVerdict(filters, event.ref, event.files);
    case 'pull_request':
      return pullRequestVerdict(filters, event);
    case 'schedule':
      return scheduleVerdict(triggers.schedule);
    case 'status':
      return noFilters(filters, 'status');
    case 'workflow_dispatch':
      return { starts: true, why: 'dispatched' };
  }
}

function noFilters(filters: Filters, name: string): Verdict {
  const keys = Object.keys(filters);
  if (keys.length > 0) throw new Error(`${name} takes no filters; GitHub would reject ${keys.join(', ')}`);
  return { starts: true, why: `every ${name} event` };
}

function scheduleVerdict(schedule: unknown): Verdict {
  if (
    !Array.isArray(schedule) ||
    schedule.length === 0 ||
    !schedule.every((s) => typeof s?.cron === 'string')
  )
    throw new Error('schedule must be a non-empty list of {cron}');
  return { starts: true, why: `on schedule (${schedule.map((s) => s.cron).join('; ')})` };
}

function list(filters: Filters, key: string): string[] | undefined {
  const value = filters[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new Error(`${key} must be a list of patterns`);
  return value;
}

/** branches/branches-ignore (or tags/tags-ignore, or paths/paths-ignore): GitHub refuses both of a pair. */
function pair(filters: Filters, key: string): { only?: string[]; ignore?: string[] } {
  const only = list(filters, key);
  const ignore = list(filters, `${key}-ignore`);
  if (only && ignore) throw new Error(`${key} and ${key}-ignore together: GitHub rejects the workflow`);
  return { only, ignore };
}

/** Does `value` pass an include list, or an ignore list (each ordered, `!` negating what came before)? */
function passes(filter: { only?: string[]; ignore?: string[] }, value: string): boolean {
  if (filter.only) return matchesFilter(filter.only, value);
  if (filter.ignore) return !matchesFilter(filter.ignore, value);
  return true;
}

function pushVerdict(filters: Filters, ref: string, files: readonly string[]): Verdict {
  const branch = /^refs\/heads\/(.+)$/.exec(ref)?.[1];
  const tag = /^refs\/tags\/(.+)$/.exec(ref)?.[1];
  if (!branch && !tag) throw new Error(`not a branch or tag ref: ${ref}`);
  const branches = pair(filters, 'branches');
  const tags = pair(filters, 'tags');
  const hasBranchFilter = Boolean(branches.only || branches.ignore);
  const hasTagFilter = Boolean(tags.only || tags.ignore);
  // Only one kind of ref filtered: the other kind does not run ("Using filters", push).
  if (branch) {
    if (!hasBranchFilter && hasTagFilter) return { starts: false, why: 'only tags are filtered' };
    if (!passes(branches, branch)) return { starts: false, why: `branch ${branch} is filtered out` };
  } else {
    if (!hasTagFilter && hasBranchFilter) return { starts: false, why: 'only branches are filtered' };
    if (!passes(tags, tag!)) return { starts: false, why: `tag ${tag} is filtered out` };
    return { starts: true, why: `tag ${tag} (path filters do not apply to tags)` };
  }
  return pathsVerdict(filters, files, `push to ${branch}`);
}

function pullRequestVerdict(filters: Filters, event: Extract<RepoEvent, { name: 'pull_request' }>): Verdict {
  const types = list(filters, 'types') ?? DEFAULT_PULL_REQUEST_TYPES;
  if (!types.includes(event.action))
    return { starts: false, why: `activity ${event.action} is not in types [${types.join(', ')}]` };
  if (!passes(pair(filters, 'branches'), event.base))
    return { starts: false, why: `base branch ${event.base} is filtered out` };
  return pathsVerdict(filters, event.files, `pull request ${event.action}`);
}

/** GitHub matches path filters against the first 300 changed files only ("Using filters", paths). */
export const PATH_FILTER_FILES = 300;

/** paths: some file matches; paths-ignore: some file is not ignored. */
function pathsVerdict(filters: Filters, files: readonly string[], what: string): Verdict {
  const paths = pair(filters, 'paths');
  if (!paths.only && !paths.ignore) return { starts: true, why: `${what}, no path filter` };
  const hit = files.slice(0, PATH_FILTER_FILES).find((file) => passes(paths, file));
  return hit
    ? { starts: true, why: `${what} changes ${hit}` }
    : { starts: false, why: `${what}: no changed file passes the path filter` };
}

/** Patterns in order: a match of a plain pattern includes, a match of a `!` pattern excludes again. */
export function matchesFilter(patterns: readonly string[], value: string): boolean {
  let included = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (filterPatternRegExp(negated ? pattern.slice(1) : pattern).test(value)) included = !negated;
  }
  return included;
}

const escapeRegExp = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A bracket body GitHub documents: listed alphanumerics and ranges of a-z, A-Z, 0-9. */
const CLASS_BODY = /^(?:[a-z]-[a-z]|[A-Z]-[A-Z]|[0-9]-[0-9]|[a-zA-Z0-9._])+$/;

/**
 * One filter pattern as a whole-string RegExp, per GitHub's cheat sheet: `*` any run without `/`;
 * `**` any run (and `**\/` zero or more folders, so `**\/docs/**` matches `docs/a.md`); `?` zero or
 * one and `+` one or more of the preceding character; `[…]` one listed character; `\` escapes.
 */
export function filterPatternRegExp(pattern: string): RegExp {
  let source = '';
  let repeatable = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      const double = pattern[i + 1] === '*';
      if (double && pattern[i + 2] === '/') source += '(?:.*/)?';
      else source += double ? '.*' : '[^/]*';
      i += double ? (pattern[i + 2] === '/' ? 2 : 1) : 0;
      repeatable = false;
    } else if (c === '?' || c === '+') {
      if (!repeatable) throw new Error(`${pattern}: ${c} repeats the preceding character, and there is none`);
      source += c;
      repeatable = false;
    } else if (c === '[') {
      const end = pattern.indexOf(']', i);
      const body = end < 0 ? '' : pattern.slice(i + 1, end);
      if (!CLASS_BODY.test(body)) throw new Error(`${pattern}: unsupported bracket expression`);
      source += `[${body}]`;
      i = end;
      repeatable = true;
    } else {
      if (c === '\\' && i + 1 >= pattern.length) throw new Error(`${pattern}: a trailing \\`);
      source += escapeRegExp(c === '\\' ? pattern[++i]! : c);
      repeatable = true;
    }
  }
  return new RegExp(`^${source}$`, 'u');
}

/**
 * A job's `if:`, for the one form the shipped workflows use (`startsWith(github.event.<field>,
 * '<prefix>')`); anything else throws, so a new condition cannot pass this test unread.
 */
export function jobRuns(condition: unknown, event: RepoEvent): boolean {
  if (condition === undefined) return true;
  const m = /^\s*startsWith\(github\.event\.(\w+), '([^']*)'\)\s*$/.exec(String(condition));
  if (!m) throw new Error(`a job condition this evaluator does not model: ${String(condition)}`);
  const value = (event as unknown as Record<string, unknown>)[m[1]!];
  return typeof value === 'string' && value.toLowerCase().startsWith(m[2]!.toLowerCase());
}
