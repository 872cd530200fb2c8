/**
 * The Octokit client: REST + GraphQL through one request wrapper (request-hook.ts; no hand-written
 * retry loops at the call sites), pointed at GITHUB_API_URL so GitHub Enterprise Server works,
 * through the proxy that HTTPS_PROXY / HTTP_PROXY / NO_PROXY name.
 *
 * Who handles what: server failures — 5xx and dropped connections — are sent again (after 1 s, 4 s,
 * 9 s); writes are paced by a budget (pacing.ts); every "slow down" answer — a 403 or 429 secondary
 * limit waits for `retry-after` or a minute, a primary rate limit waits for its reset — is waited
 * out a bounded number of times, saying so in the log (retry.ts). 429 is therefore never retried as
 * a server failure: that would retry after 1 s and 4 s, ignoring `retry-after`.
 *
 * It replaces @octokit/plugin-retry and @octokit/plugin-throttling, keeping what they did: their
 * Bottleneck limiters cost 15-25 ms of timers per request (setTimeout(0) yields, a limiter per
 * request), about a third of a one-pull-request run; a request that may go now leaves at once.
 */
import { Octokit } from '@octokit/rest';
import type { RateBudget } from './budget.js';
import { type BudgetOverrides, createPacer, resolveBudget } from './pacing.js';
import { type ProxyEnv, proxyFetch } from './proxy.js';
import { requestHook } from './request-hook.js';
import type { RequestOptions, SlowDown } from './retry.js';

export type GitHubClient = Octokit;

export interface ClientOptions {
  token: string;
  baseUrl: string;
  /** Called with a one-line note when GitHub says "slow down" and the request waits, or is given up. */
  log?: (message: string) => void;
  /** Octokit's own request log (expected 404s included): debug output only. */
  debug?: (message: string) => void;
  /** Retries for 5xx and connection errors. Default 3. */
  retries?: number;
  /** The unit of those retries' backoff in ms (they wait 1, 4, 9 units). Default 1000; tests use less. */
  retryUnitMs?: number;
  /** Retries after a rate limit or secondary limit (403/429) before the request fails. Default 2. */
  limitRetries?: number;
  /** Longest wait for a primary rate limit's reset, in seconds; a later reset fails at once. Default 900. */
  maxResetWait?: number;
  /**
   * Write pacing: GitHub's documented budget by default (pacing.ts GITHUB_BUDGET), a partial budget
   * over it, or `false` to send writes unpaced (tests). "Slow down" answers are honoured either way.
   */
  pacing?: false | BudgetOverrides;
  /** The transport (tests' stub); default undici's fetch (proxy.ts), proxying when `env` names a proxy. */
  fetch?: typeof fetch;
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read; default process.env. */
  env?: ProxyEnv;
  /** Kept up to date from every answer's x-ratelimit-* headers (errors' included). */
  budget?: RateBudget;
}

export function createClient({
  token,
  baseUrl,
  log = () => {},
  debug = () => {},
  retries = 3,
  retryUnitMs = 1000,
  limitRetries = 2,
  maxResetWait = 900,
  pacing = {},
  fetch: transport,
  env = process.env,
  budget,
}: ClientOptions): GitHubClient {
  const fetch = transport ?? proxyFetch(env);
  const client = new Octokit({
    auth: token,
    baseUrl,
    log: { debug, info: debug, warn: debug, error: debug },
    userAgent: 'flux-pkg-action',
    request: { fetch },
  });
  const pace = createPacer(pacing === false ? false : resolveBudget(pacing));
  const wantRetry = slowDownPolicy(log, limitRetries, maxResetWait);
  client.hook.wrap('request', requestHook({ pace, retries, retryUnitMs, wantRetry }));
  if (budget) {
    client.hook.after('request', (response) => budget.observe(response.headers));
    client.hook.error('request', (error) => {
      budget.observe((error as { response?: { headers?: Record<string, string> } }).response?.headers);
      throw error;
    });
  }
  return client;
}

/**
 * Whether to wait out a "slow down" answer, saying so in the log: a primary limit whose reset is
 * past `maxResetWait` fails at once; any other waits, `limitRetries` times at most.
 */
function slowDownPolicy(log: (message: string) => void, limitRetries: number, maxResetWait: number) {
  return ({ what, seconds }: SlowDown, options: RequestOptions, n: number): boolean => {
    const where = `${options.method} ${options.url}`;
    if (what === 'rate limit' && seconds > maxResetWait) {
      log(`GitHub's rate limit is used up until ${seconds} s from now on ${where}; not waiting that long`);
      return false;
    }
    if (n >= limitRetries) {
      log(
        `GitHub says slow down (${what}) on ${where}; giving up after ${n} ${n === 1 ? 'retry' : 'retries'}`,
      );
      return false;
    }
    log(
      `GitHub says slow down (${what}) on ${where}; waiting ${seconds} s (retry ${n + 1} of ${limitRetries})`,
    );
    return true;
  };
}

/** A one-line reason for an API failure, naming what the user can change. Never echoes request bodies. */
export function explainApiError(e: unknown, doing: string): string {
  const err = e as { status?: number; message?: string; response?: { data?: { message?: string } } };
  const message = err.response?.data?.message ?? err.message ?? String(e);
  if (err.status === 401) return `${doing}: the token was refused (${message}); check the github-token input`;
  if (err.status === 403 && /not permitted to create or approve pull requests/i.test(message)) {
    return `${doing}: GitHub Actions is not permitted to create pull requests in this repository; enable "Allow GitHub Actions to create and approve pull requests" in Settings → Actions → General (or the organization's settings), or use a GitHub App token`;
  }
  if (err.status === 403 && /Resource not accessible by/i.test(message)) {
    return `${doing}: the token lacks permissions (${message}); grant "contents: write" and "pull-requests: write" in the workflow's permissions block, or use a token with access to the gitops repository`;
  }
  if ((err.status === 403 || err.status === 429) && /rate limit/i.test(message)) {
    return `${doing}: GitHub's rate limit still applied after the retries the client allows (${message}); re-run later, or spread the work over fewer pull requests`;
  }
  if (err.status === 404)
    return `${doing}: not found (${message}); check the repository name and that the token can access it`;
  if (err.status !== undefined) return `${doing}: GitHub answered ${err.status} (${message})`;
  return `${doing}: ${message}`;
}
