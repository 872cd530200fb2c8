/**
 * The Octokit client: REST + GraphQL with the retry and throttling plugins (no hand-written retry
 * loops), pointed at GITHUB_API_URL so GitHub Enterprise Server works.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

export const GitHubClient = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof GitHubClient>;

export interface ClientOptions {
  token: string;
  baseUrl: string;
  /** Called with a one-line note when a request is retried after a rate limit. */
  log?: (message: string) => void;
  /** Octokit's own request log (expected 404s included): debug output only. */
  debug?: (message: string) => void;
  /** Retries for 5xx and connection errors (the retry plugin's). */
  retries?: number;
}

export function createClient({
  token,
  baseUrl,
  log = () => {},
  debug = () => {},
  retries = 3,
}: ClientOptions): GitHubClient {
  return new GitHubClient({
    auth: token,
    baseUrl,
    log: { debug, info: debug, warn: debug, error: debug },
    userAgent: 'flux-pkg-action',
    retry: { retries },
    throttle: {
      onRateLimit: (retryAfter, options, _octokit, retryCount) => {
        log(`rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
        return retryCount < 2;
      },
      onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) => {
        log(`secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
        return retryCount < 2;
      },
    },
  });
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
  if (err.status === 404)
    return `${doing}: not found (${message}); check the repository name and that the token can access it`;
  if (err.status !== undefined) return `${doing}: GitHub answered ${err.status} (${message})`;
  return `${doing}: ${message}`;
}
