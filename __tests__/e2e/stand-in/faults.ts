/**
 * Fault injection: the failures GitHub really produces, planned by a test and consumed by the next
 * matching requests. Planned faults apply after the request passed the contract check, so a
 * malformed request is still reported as a violation.
 */
import type { ApiRequest } from './types.js';

/** Which requests a fault applies to: an operationId, or a method and/or a path pattern. */
export interface FaultMatch {
  operationId?: string;
  method?: string;
  /** A route template (`/repos/{owner}/{repo}/git/trees`), an exact raw path, or a RegExp on the raw path. */
  path?: string | RegExp;
}

export interface FailSpec extends FaultMatch {
  status: number;
  /** A body, or a function of the request; `{message, documentation_url, status}` is filled in when absent. */
  body?: unknown | ((req: ApiRequest) => unknown);
  headers?: Record<string, string>;
  /** How many matching requests fail; default 1. */
  times?: number;
}

export interface RaceSpec {
  /** The ref someone else moves, e.g. `heads/main`; default: the ref the request writes. */
  ref?: string;
  /** What their commit writes; default one file under `.race/`. */
  files?: Record<string, string | null>;
  times?: number;
}

export type FaultAction =
  | {
      kind: 'respond';
      name: string;
      status: number;
      body?: FailSpec['body'];
      headers?: Record<string, string>;
    }
  | { kind: 'reset'; name: string }
  | { kind: 'race'; name: string; ref?: string; files?: Record<string, string | null> };

interface Planned {
  match: FaultMatch;
  remaining: number;
  action: FaultAction;
}

const REF_WRITES = new Set(['git/create-ref', 'git/update-ref']);

export const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ABCD:1234:5678.';
export const NOT_PERMITTED_MESSAGE = 'GitHub Actions is not permitted to create or approve pull requests.';

export class Faults {
  #planned: Planned[] = [];
  /** The repository setting "Allow GitHub Actions to create and approve pull requests". */
  actionsCanCreatePullRequests = true;

  /** Answer the next `times` matching requests with this status, body and headers. */
  failNext(spec: FailSpec): void {
    const { status, body, headers, times = 1, ...match } = spec;
    this.#plan(match, times, { kind: 'respond', name: `status ${status}`, status, body, headers });
  }

  /** 403 with `retry-after: 1`: the action's client waits a second and retries. */
  secondaryRateLimit(match: FaultMatch, times = 1): void {
    this.#plan(match, times, {
      kind: 'respond',
      name: 'secondary rate limit',
      status: 403,
      headers: { 'retry-after': '1', 'x-ratelimit-remaining': '4000' },
      body: {
        message: SECONDARY_RATE_LIMIT_MESSAGE,
        documentation_url:
          'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      },
    });
  }

  serverError(match: FaultMatch, times = 1): void {
    this.#plan(match, times, {
      kind: 'respond',
      name: 'server error',
      status: 500,
      body: { message: 'Server Error' },
    });
  }

  /** Destroy the socket without answering, as a dropped connection does. */
  resetConnection(match: FaultMatch, times = 1): void {
    this.#plan(match, times, { kind: 'reset', name: 'connection reset' });
  }

  /** 422 for a duplicate: "Reference already exists", or for pulls/create GitHub's validation error. */
  alreadyExists(match: FaultMatch, times = 1): void {
    this.#plan(match, times, {
      kind: 'respond',
      name: 'already exists',
      status: 422,
      body: (req: ApiRequest) =>
        req.op.operationId === 'pulls/create'
          ? {
              message: 'Validation Failed',
              errors: [
                {
                  resource: 'PullRequest',
                  code: 'custom',
                  message: `A pull request already exists for ${headLabel(req)}.`,
                },
              ],
            }
          : {
              message:
                req.op.operationId === 'git/create-ref' ? 'Reference already exists' : 'Validation Failed',
            },
    });
  }

  /** 403 "Resource not accessible by integration": the token lacks a permission. */
  notAccessible(match: FaultMatch, times = 1): void {
    this.#plan(match, times, {
      kind: 'respond',
      name: 'not accessible',
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
  }

  /** 403 on the next matching requests only; `actionsCanCreatePullRequests = false` is the lasting setting. */
  pullRequestsNotPermitted(match: FaultMatch = { operationId: 'pulls/create' }, times = 1): void {
    this.#plan(match, times, {
      kind: 'respond',
      name: 'not permitted',
      status: 403,
      body: { message: NOT_PERMITTED_MESSAGE },
    });
  }

  /**
   * Before the next ref write (create-ref or update-ref), someone else commits to `ref` (default: the
   * ref being written; created from the default branch if missing). The request then runs for real.
   */
  raceRef(spec: RaceSpec = {}): void {
    const { times = 1, ...race } = spec;
    this.#plan({}, times, { kind: 'race', name: 'ref race', ...race });
  }

  /** Forget every planned fault and restore the settings. */
  clear(): void {
    this.#planned = [];
    this.actionsCanCreatePullRequests = true;
  }

  /** Faults planned but not yet consumed. */
  get pending(): number {
    return this.#planned.reduce((n, p) => n + p.remaining, 0);
  }

  /** The fault for this request, if one is planned; consumes it. */
  take(req: ApiRequest, method: string, rawPath: string): FaultAction | undefined {
    const index = this.#planned.findIndex((p) => {
      if (p.action.kind === 'race' && !REF_WRITES.has(req.op.operationId)) return false;
      return matches(p.match, req, method, rawPath);
    });
    if (index < 0) return undefined;
    const planned = this.#planned[index]!;
    planned.remaining -= 1;
    if (planned.remaining <= 0) this.#planned.splice(index, 1);
    return planned.action;
  }

  #plan(match: FaultMatch, times: number, action: FaultAction): void {
    this.#planned.push({ match, remaining: times, action });
  }
}

function matches(m: FaultMatch, req: ApiRequest, method: string, rawPath: string): boolean {
  if (m.operationId !== undefined && m.operationId !== req.op.operationId) return false;
  if (m.method !== undefined && m.method.toUpperCase() !== method) return false;
  if (m.path instanceof RegExp) return m.path.test(rawPath);
  if (m.path !== undefined) return m.path === rawPath || `${method} ${m.path}` === req.op.route;
  return true;
}

function headLabel(req: ApiRequest): string {
  const head = String(req.body?.head ?? '');
  return head.includes(':') ? head : `${req.params.owner}:${head}`;
}
