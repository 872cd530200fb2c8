/**
 * Write pacing by budget, not by clock: Bottleneck groups for @octokit/plugin-throttling's `write`
 * and `notifications` slots, each a token bucket. A burst leaves at once; after it the bucket refills
 * at the pace that keeps any 60 s window within GitHub's documented secondary limit (80
 * content-creating requests a minute), and a second bucket keeps the run within 500 an hour.
 *
 * Why buckets: the plugin's default is one write at a time, at least 1 s apart (3 s for pull requests,
 * comments and review requests), so five writes cost 4 s of idling even when GitHub would take them
 * at once. The hourly bucket is per process: it keeps one run within the limit; across runs sharing a
 * token only GitHub knows the count, and its "slow down" answer (403/429) is honoured by the client.
 */
import type Bottleneck from 'bottleneck';
import BottleneckLight from 'bottleneck/light.js';

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
 * covers a typical run (5 writes a pull request) and leaves a sustained 69 a minute (one per 0.9 s).
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

/** How often Bottleneck looks at its buckets; a refill interval is a whole number of these. */
const HEARTBEAT_MS = 100;

/**
 * Bottleneck's options for a token bucket that never lets more than `limit` requests into any
 * window of `windowMs`: it starts full (`burst` tokens) and gains one token per interval, up to
 * `burst`. In any window at most `burst` tokens are waiting at its start and at most
 * floor(windowMs / interval) + 1 are added inside it (Bottleneck adds them at least an interval
 * apart), so the interval is sized for `limit - burst - 1` additions. Bottleneck only adds on a
 * heartbeat, so the interval is rounded up to whole heartbeats: the pace is then the one computed.
 * The sustained pace is `limit - burst - 1` per window: a bigger burst costs pace.
 */
export function bucketOptions(burst: number, limit: number, windowMs: number): Bottleneck.ConstructorOptions {
  const interval = Math.ceil(windowMs / (limit - burst - 1) / HEARTBEAT_MS) * HEARTBEAT_MS;
  return {
    maxConcurrent: null,
    heartbeatInterval: HEARTBEAT_MS,
    reservoir: burst,
    reservoirIncreaseAmount: 1,
    reservoirIncreaseMaximum: burst,
    reservoirIncreaseInterval: interval,
  };
}

export interface PacingGroups {
  write: Bottleneck.Group;
  notifications: Bottleneck.Group;
}

/** The `throttle.write` and `throttle.notifications` groups for one client. */
export function pacingGroups(budget: PacingBudget | false): PacingGroups {
  if (budget === false) {
    // Unpaced (tests): the groups exist so the plugin's 1 s / 3 s defaults do not apply.
    return {
      write: new BottleneckLight.Group({ maxConcurrent: null }),
      notifications: new BottleneckLight.Group({ maxConcurrent: null }),
    };
  }
  const { writes, notifications } = budget;
  const write = new BottleneckLight.Group(bucketOptions(writes.burst, writes.perMinute, 60_000));
  const hourBurst = hourlyBurst(writes.perHour);
  const hourly = new BottleneckLight(bucketOptions(hourBurst, writes.perHour, 3_600_000));
  // Each key's limiter (the plugin uses one key per client) hands its jobs on to the hourly bucket.
  write.on('created', (limiter) => {
    limiter.chain(hourly);
  });
  return {
    write,
    notifications: new BottleneckLight.Group(
      bucketOptions(notifications.burst, notifications.perMinute, 60_000),
    ),
  };
}
