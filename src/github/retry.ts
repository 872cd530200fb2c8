/**
 * Which failed requests are sent again, and after how long — what @octokit/plugin-retry 8.1.1 and
 * @octokit/plugin-throttling 11.0.5 decided, without their Bottleneck limiters (each request went
 * through three of them, and each yields to the event loop with setTimeout(0) several times).
 *
 * Server failures (plugin-retry): a 5xx answer, or a dropped connection (@octokit/request reports it
 * as a 500), is sent again after 1, 4, 9 … units, up to `retries` times; any other status of 400 or
 * more is too unless on the do-not-retry list, where 403 and 429 are: a "slow down" answer is not
 * a server failure (dist-src/index.js lines 6-14, error-request.js lines 5-15, wrap-request.js
 * lines 4-18). A GraphQL answer whose first error is "Something went wrong while executing your
 * query" counts as a 500 (wrap-request.js lines 19-31).
 *
 * "Slow down" answers (plugin-throttling, dist-src/index.js lines 101-145): a 403 or 429 (or any
 * GraphQL failure but a 401) whose message names a secondary rate limit waits `retry-after` seconds,
 * or 60 when it has none; one that says the primary limit is used up (`x-ratelimit-remaining: 0`, or a
 * GraphQL RATE_LIMITED error) waits until one second past `x-ratelimit-reset`. The caller decides
 * whether to wait (client.ts): GitHub asks clients to honour both headers and not to retry sooner.
 */
import type { EndpointDefaults, OctokitResponse } from '@octokit/types';

export type RequestOptions = Required<EndpointDefaults>;
type Answer = OctokitResponse<unknown>;
/** The request the wrapper wraps (Octokit's hook hands it over as this). */
export type Send = (options: RequestOptions) => Answer | Promise<Answer>;

/** Statuses of 400 or more that are not sent again as a server failure (the plugin's list, with 429). */
export const DO_NOT_RETRY: readonly number[] = [400, 401, 403, 404, 410, 422, 429, 451];

/** A secondary limit's wait when its answer has no `retry-after` (the plugin's default). */
export const FALLBACK_SECONDARY_WAIT = 60;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Failure {
  status?: number;
  message?: string;
  request?: { request?: unknown };
  response?: { headers?: Record<string, unknown>; data?: { errors?: { type?: string }[] } };
}

/**
 * Sends `options`, again after (n + 1)² × `unitMs` for the n-th server failure, at most `retries`
 * times (a request's own `request.retries` option wins, as with the plugin). The first send is made
 * before this returns.
 */
export async function sendWithServerRetries(
  send: Send,
  options: RequestOptions,
  retries: number,
  unitMs: number,
): Promise<Answer> {
  const allowed = (options.request as { retries?: number } | undefined)?.retries ?? retries;
  for (let attempt = 0; ; attempt++) {
    try {
      return graphqlServerError(await send(options), options);
    } catch (error) {
      if (attempt >= allowed || !isServerFailure(error)) throw error;
      await sleep((attempt + 1) ** 2 * unitMs);
    }
  }
}

/** An answer of Octokit's (a RequestError: it carries the request) of 400 or more, not on the list. */
function isServerFailure(error: unknown): boolean {
  const { status, request } = error as Failure;
  return (
    request?.request !== undefined && status !== undefined && status >= 400 && !DO_NOT_RETRY.includes(status)
  );
}

function graphqlServerError(response: Answer, options: RequestOptions) {
  const errors = (response.data as { errors?: { message?: string }[] } | undefined)?.errors;
  const message = errors?.[0]?.message;
  if (message === undefined || !/Something went wrong while executing your query/.test(message))
    return response;
  throw Object.assign(new Error(message), { name: 'HttpError', status: 500, request: options, response });
}

/**
 * A GraphQL answer that reports the rate limit used up, as an error to wait out like a REST one
 * (plugin-throttling's wrap-request.js lines 26-35).
 */
export function graphqlRateLimited(response: Answer): Answer {
  const errors = (response.data as { errors?: { type?: string }[] } | undefined)?.errors;
  if (!errors?.some((e) => e.type === 'RATE_LIMITED')) return response;
  throw Object.assign(new Error('GraphQL Rate Limit Exceeded'), { response, data: response.data });
}

export interface SlowDown {
  what: 'rate limit' | 'secondary rate limit';
  /** How long GitHub asks the client to wait before it tries again. */
  seconds: number;
}

/** What a failure asks the client to wait for, or undefined when it is no "slow down" answer. */
export function slowDownOf(error: unknown, path: string, now: number): SlowDown | undefined {
  const { status, message, response } = error as Failure;
  const graphql = path.startsWith('/graphql') && status !== 401;
  if (!graphql && status !== 403 && status !== 429) return undefined;
  const headers = response?.headers ?? {};
  if (/\bsecondary rate\b/i.test(String(message))) {
    return {
      what: 'secondary rate limit',
      seconds: Number(headers['retry-after']) || FALLBACK_SECONDARY_WAIT,
    };
  }
  const usedUp =
    headers['x-ratelimit-remaining'] === '0' ||
    (response?.data?.errors ?? []).some((e) => e.type === 'RATE_LIMITED');
  if (!usedUp) return undefined;
  const resetMs = (Math.trunc(Number(headers['x-ratelimit-reset'])) || 0) * 1000;
  // One second past the reset, as GitHub's docs ask (the plugin's comment, index.js lines 130-132).
  return { what: 'rate limit', seconds: Math.max(Math.ceil((resetMs - now) / 1000) + 1, 0) };
}
