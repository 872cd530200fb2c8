/**
 * The Octokit client: REST + GraphQL with the retry and throttling plugins (no hand-written retry
 * loops), pointed at GITHUB_API_URL so GitHub Enterprise Server works, through the proxy that
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY name.
 *
 * Who handles what: plugin-retry retries 5xx and dropped connections (after 1 s, 4 s, 9 s);
 * plugin-throttling paces writes by a budget (pacing.ts) and handles every "slow down" answer — a
 * 403 or 429 secondary limit waits for `retry-after` or a minute, a primary rate limit waits for its
 * reset — a bounded number of times, saying so in the log. 429 is therefore on plugin-retry's
 * do-not-retry list: it would otherwise retry after 1 s and 4 s, ignoring `retry-after`.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { RateBudget } from './budget.js';
import { type BudgetOverrides, pacingGroups, resolveBudget } from './pacing.js';
import { type ProxyEnv, proxyFetch } from './proxy.js';

export const GitHubClient = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof GitHubClient>;

export interface ClientOptions {
  token: string;
  baseUrl: string;
  /** Called with a one-line note when GitHub says "slow down" and the request waits, or is given up. */
  log?: (message: string) => void;
  /** Octokit's own request log (expected 404s included): debug output only. */
  debug?: (message: string) => void;
  /** Retries for 5xx and connection errors (the retry plugin's). Default 3. */
  retries?: number;
  /** The retry plugin's unit of backoff in ms (it waits 1, 4, 9 units). Default 1000; tests use less. */
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
  /** The transport (tests' stub); default global fetch, or a proxying one when `env` names a proxy. */
  fetch?: typeof fetch;
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read; default process.env. */
  env?: ProxyEnv;
  /** Kept up to date from every answer's x-ratelimit-* headers (errors' included). */
  budget?: RateBudget;
}

let clients = 0;

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
  const groups = pacingGroups(pacing === false ? false : resolveBudget(pacing));
  const fetch = transport ?? proxyFetch(env);
  const waitOrGiveUp = (
    what: string,
    retryAfter: number,
    options: { method: string; url: string },
    n: number,
  ) => {
    const where = `${options.method} ${options.url}`;
    if (n >= limitRetries) {
      log(
        `GitHub says slow down (${what}) on ${where}; giving up after ${n} ${n === 1 ? 'retry' : 'retries'}`,
      );
      return false;
    }
    log(
      `GitHub says slow down (${what}) on ${where}; waiting ${retryAfter} s (retry ${n + 1} of ${limitRetries})`,
    );
    return true;
  };
  const client = new GitHubClient({
    auth: token,
    baseUrl,
    log: { debug, info: debug, warn: debug, error: debug },
    userAgent: 'flux-pkg-action',
    ...(fetch ? { request: { fetch } } : {}),
    retry: {
      retries,
      retryAfterBaseValue: retryUnitMs,
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
    throttle: {
      // One key per client in the plugin's process-wide groups, so clients never share a limiter.
      id: `flux-pkg-${++clients}`,
      ...groups,
      fallbackSecondaryRateRetryAfter: 60,
      onRateLimit: (retryAfter, options, _octokit, retryCount) => {
        if (retryAfter > maxResetWait) {
          log(
            `GitHub's rate limit is used up until ${retryAfter} s from now on ${options.method} ${options.url}; not waiting that long`,
          );
          return false;
        }
        return waitOrGiveUp('rate limit', retryAfter, options, retryCount);
      },
      onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) =>
        waitOrGiveUp('secondary rate limit', retryAfter, options, retryCount),
    },
  });
  if (budget) {
    client.hook.after('request', (response) => budget.observe(response.headers));
    client.hook.error('request', (error) => {
      budget.observe((error as { response?: { headers?: Record<string, string> } }).response?.headers);
      throw error;
    });
  }
  return client;
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
