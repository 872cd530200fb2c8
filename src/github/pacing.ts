/**
 * Write pacing by budget, not by clock: token buckets, computed from timestamps. A burst leaves at
 * once; after it a bucket refills at the pace that keeps any 60 s window within GitHub's documented
 * secondary limit ("generally no more than 80 content-generating requests per minute and no more
 * than 500 per hour", docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api, noted in
 * ../shared/research/actions.md), and a second bucket keeps the run within 500 an hour. Writes
 * that notify people (pull requests, comments, review requests) take a token of a third bucket too.
 *
 * Why buckets: @octokit/plugin-throttling's default is one write at a time, at least 1 s apart (3 s
 * for notifying writes; its dist-src/index.js lines 26-37), so five writes cost 4 s of idling even
 * when GitHub would take them at once. Why timestamps: a request that finds a token leaves in the
 * same tick, with no timer and no queue; only one that finds none waits, exactly until its token.
 * The hourly bucket is per process: it keeps one run within the limit; across runs sharing a token
 * only GitHub knows the count, and its "slow down" answer (403/429) is honoured by the client.
 */
import type { RequestKind } from './request-kind.js';

export interface Bucket {
  /** Requests that may leave at once, before the pace applies. */
  burst: number;
  /** Most requests in any 60 s window, the burst included. */
  perMinute: number;
}

export interface PacingBudget {
  /** Every content-creating request (POST, PATCH, PUT, DELETE, GraphQL). */
  writes: Bucket & {
    /** Most writes in any hour of this run, the burst included. */
    perHour: number;
  };
  /** Writes that notify people (pull requests, comments, review requests), on top of `writes`. */
  notifications: Bucket;
}

/**
 * GitHub's documented limits: 80 content-creating requests a minute and 500 an hour. A burst of 10
 * covers a typical run (5 writes a pull request) and leaves a sustained 71 a minute (one per 846 ms).
 * Notifications have no documented number; they keep the plugin's own caution (one per 3 s) after
 * a burst of 10: 30 in any minute.
 */
export const GITHUB_BUDGET: PacingBudget = {
  writes: { burst: 10, perMinute: 80, perHour: 500 },
  notifications: { burst: 10, perMinute: 30 },
};

/** A partial budget over the defaults: `{ writes: { burst: 5 } }` changes only that number. */
export interface BudgetOverrides {
  writes?: Partial<PacingBudget['writes']>;
  notifications?: Partial<Bucket>;
}

export function resolveBudget(overrides: BudgetOverrides = {}): PacingBudget {
  const budget: PacingBudget = {
    writes: { ...GITHUB_BUDGET.writes, ...overrides.writes },
    notifications: { ...GITHUB_BUDGET.notifications, ...overrides.notifications },
  };
  check('writes', budget.writes);
  check('notifications', budget.notifications);
  check('writes per hour', { burst: hourlyBurst(budget.writes.perHour), perMinute: budget.writes.perHour });
  return budget;
}

function check(name: string, bucket: Bucket): void {
  const { burst, perMinute } = bucket;
  if (!Number.isInteger(burst) || !Number.isInteger(perMinute) || burst < 1 || perMinute < burst + 2) {
    throw new RangeError(
      `pacing ${name}: burst (${burst}) must be a positive integer at least 2 below the window's limit (${perMinute})`,
    );
  }
}

/** The hourly bucket's burst: most of the hour's budget, so a normal run never waits on it. */
const hourlyBurst = (perHour: number) => Math.floor(perHour * 0.6);

/**
 * The refill interval (whole ms) of a bucket that never lets more than `limit` requests into any
 * window of `windowMs`, its burst included (see TokenBucket): the sustained pace is then
 * `limit - burst + 1` a window — one write per 846 ms, 71 a minute, for GitHub's budget.
 */
export function refillInterval(burst: number, limit: number, windowMs: number): number {
  return Math.ceil(windowMs / (limit - burst + 1));
}

/**
 * A token bucket as one timestamp (GCRA's "theoretical arrival time"): `fullAt` is when the bucket
 * is full again if nothing more is taken; it holds burst - (fullAt - now) / refillMs tokens, so a
 * token is there once fullAt - now <= (burst - 1) * refillMs.
 *
 * Why no window holds more than burst + windowMs / refillMs - 1 (for a window [a, a + W) and
 * refillMs >= W / (limit - burst + 1): at most `limit`): of m requests leaving in it, take the one
 * whose token was taken first, leaving at d. Taking it set fullAt >= d + refillMs and each later
 * take adds refillMs, so the last of the m to take a token found fullAt >= d + (m - 1) * refillMs and
 * left no earlier than d + (m - burst) * refillMs < a + W <= d + W. Hence m - burst < W / refillMs.
 * That holds whatever order tokens are taken in, so a request held back by another bucket may take
 * this one's token at the time it actually leaves.
 */
export class TokenBucket {
  #fullAt = Number.NEGATIVE_INFINITY;

  constructor(
    readonly burst: number,
    readonly refillMs: number,
  ) {}

  /** The earliest time from `now` at which a token is there. */
  earliest(now: number): number {
    return Math.max(now, this.#fullAt - (this.burst - 1) * this.refillMs);
  }

  /** Takes a token at `at`, a time no earlier than `earliest()` said. */
  take(at: number): void {
    this.#fullAt = Math.max(this.#fullAt, at) + this.refillMs;
  }
}

/** When a request of a kind may leave if it asks at `now` (epoch ms; `now` itself when it may go at once). */
export type Pacer = (kind: RequestKind, now: number) => number;

/** The search endpoints keep the plugin's pace (its dist-src/index.js lines 20-25: one per 2 s). */
const SEARCH_MS = 2_000;

/**
 * A client's pacer: it takes a token from every bucket the request's kind uses, at the time all of
 * them have one, and says when that is. Reads are never paced; `false` paces nothing.
 */
export function createPacer(budget: PacingBudget | false): Pacer {
  if (budget === false) return (_kind, now) => now;
  const { writes, notifications } = budget;
  const minute = new TokenBucket(writes.burst, refillInterval(writes.burst, writes.perMinute, 60_000));
  const hourBurst = hourlyBurst(writes.perHour);
  const hour = new TokenBucket(hourBurst, refillInterval(hourBurst, writes.perHour, 3_600_000));
  const notify = new TokenBucket(
    notifications.burst,
    refillInterval(notifications.burst, notifications.perMinute, 60_000),
  );
  const buckets: Record<RequestKind, readonly TokenBucket[]> = {
    read: [],
    write: [minute, hour],
    'notifying write': [minute, hour, notify],
    search: [new TokenBucket(1, SEARCH_MS)],
  };
  return (kind, now) => {
    const needed = buckets[kind];
    let at = now;
    for (const bucket of needed) at = Math.max(at, bucket.earliest(now));
    for (const bucket of needed) bucket.take(at);
    return at;
  };
}
