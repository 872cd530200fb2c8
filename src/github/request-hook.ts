/**
 * The client's one request wrapper (`octokit.hook.wrap('request', …)`): write pacing, at most 10
 * requests in flight, server-failure retries and "slow down" waits, in the order
 * @octokit/plugin-throttling and @octokit/plugin-retry stacked them:
 *
 * 1. pacing (pacing.ts): a write takes its tokens; it leaves at once when they are there — in the
 *    same tick, no timer, no queue — and otherwise waits exactly until they are;
 * 2. a slot among 10 per client (the throttling plugin's `global` group: `maxConcurrent: 10` a
 *    client, its dist-src/index.js lines 10-14 and wrap-request.js line 25), held while the request
 *    and its server-failure retries run, taken at once when one is free;
 * 3. server failures retried inside the slot (retry.ts);
 * 4. a "slow down" answer waited out outside the slot, then the request sent again without pacing
 *    (the plugin gave a retry weight 0: no token), as many times as `wantRetry` allows.
 *
 * Not kept: the plugin's one-at-a-time groups for search and app-token requests (this action makes
 * neither; search keeps the plugin's pace of one per 2 s), and its quirk that a request sent again
 * after a "slow down" started its server-failure backoff where the previous count had left it.
 */
import { concurrencyLimit } from './limit.js';
import type { Pacer } from './pacing.js';
import { pathOf, requestKind } from './request-kind.js';
import {
  graphqlRateLimited,
  type RequestOptions,
  type Send,
  type SlowDown,
  sendWithServerRetries,
  sleep,
  slowDownOf,
} from './retry.js';

/** GitHub's "no more than 100 concurrent requests" leaves room; the plugin kept 10 a client. */
const MAX_IN_FLIGHT = 10;

export interface RequestHookSettings {
  pace: Pacer;
  /** Server-failure retries, and their backoff unit in ms (retry.ts). */
  retries: number;
  retryUnitMs: number;
  /** Whether to wait out a "slow down" answer and send again, after `retryCount` such retries. */
  wantRetry: (slowDown: SlowDown, options: RequestOptions, retryCount: number) => boolean;
}

export function requestHook({ pace, retries, retryUnitMs, wantRetry }: RequestHookSettings) {
  const inFlight = concurrencyLimit(MAX_IN_FLIGHT);
  return async (send: Send, options: RequestOptions) => {
    const path = pathOf(options.url);
    const now = Date.now();
    const leaveAt = pace(requestKind(options.method, path), now);
    if (leaveAt > now) await sleep(leaveAt - now);
    const graphql = path.startsWith('/graphql');
    for (let retryCount = 0; ; retryCount++) {
      try {
        const response = await inFlight(() => sendWithServerRetries(send, options, retries, retryUnitMs));
        return graphql ? graphqlRateLimited(response) : response;
      } catch (error) {
        const slowDown = slowDownOf(error, path, Date.now());
        if (!slowDown || !wantRetry(slowDown, options, retryCount)) throw error;
        await sleep(slowDown.seconds * 1000);
      }
    }
  };
}
