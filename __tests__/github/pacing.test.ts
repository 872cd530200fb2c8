/**
 * Write pacing and "slow down" answers, on vitest's fake clock (the client waits with setTimeout and
 * reads Date.now, both faked) with a stub transport that records when each request left; the bucket
 * maths alone, on explicit times.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, explainApiError } from '../../src/github/client.js';
import {
  createPacer,
  GITHUB_BUDGET,
  refillInterval,
  resolveBudget,
  TokenBucket,
} from '../../src/github/pacing.js';
import type { RequestKind } from '../../src/github/request-kind.js';

const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';

interface Sent {
  at: number;
  method: string;
  url: string;
}

type Answer = { status: number; headers?: Record<string, string>; body?: unknown };

/** A fetch that records each request's time and answers from `answer` (201 `{}` by default). */
function stubFetch(answer: (n: number, sent: Sent) => Answer = () => ({ status: 201 })) {
  const sent: Sent[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const request: Sent = { at: Date.now(), method: init?.method ?? 'GET', url: String(input) };
    sent.push(request);
    const { status, headers = {}, body = {} } = answer(sent.length, request);
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    });
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

/** "At once" on the fake clock: before the default bucket's first refill (846 ms). */
const AT_ONCE = 500;

/** Runs the fake clock until every promise settles (an error past two fake hours). */
async function settle<T>(promises: Promise<T>[]): Promise<PromiseSettledResult<T>[]> {
  const all = Promise.allSettled(promises);
  let done = false;
  all.then(() => {
    done = true;
  });
  for (let ms = 0; !done; ms += 250) {
    if (ms > 2 * 3_600_000) throw new Error('requests still pending after two fake hours');
    await vi.advanceTimersByTimeAsync(250);
  }
  return all;
}

/** Lets pending promise callbacks run, the fake clock standing still (Octokit's hooks take a few). */
async function microtasks(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** The most requests in any window [t, t + windowMs) that starts at a request. */
function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (j < sorted.length && sorted[j]! < sorted[i]! + windowMs) j++;
    best = Math.max(best, j - i);
  }
  return best;
}

const client = (options: Partial<Parameters<typeof createClient>[0]> = {}) =>
  createClient({ token: 't', baseUrl: 'https://api.example.test', ...options });

const createBlob = (c: ReturnType<typeof client>, i: number) =>
  c.rest.git.createBlob({ owner: 'acme', repo: 'gitops', content: `blob ${i}` });

describe('write pacing', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends a burst at once, then keeps any 60 s window within 80 writes', async () => {
    const { fetch, sent } = stubFetch();
    const c = client({ fetch });
    const start = Date.now();
    const results = await settle(Array.from({ length: 120 }, (_, i) => createBlob(c, i)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(sent).toHaveLength(120);
    const times = sent.map((s) => s.at - start);
    expect(times.filter((t) => t < AT_ONCE)).toHaveLength(GITHUB_BUDGET.writes.burst);
    expect(busiestWindow(times, 60_000)).toBeLessThanOrEqual(80);
    // Paced by the budget, not one a second: the first minute carries close to the limit.
    expect(times.filter((t) => t < 60_000).length).toBeGreaterThan(70);
  });

  it('keeps a smaller budget when given one', async () => {
    const { fetch, sent } = stubFetch();
    const c = client({ fetch, pacing: { writes: { burst: 3, perMinute: 10 } } });
    const start = Date.now();
    await settle(Array.from({ length: 25 }, (_, i) => createBlob(c, i)));
    const times = sent.map((s) => s.at - start);
    expect(times.filter((t) => t < AT_ONCE)).toHaveLength(3);
    expect(busiestWindow(times, 60_000)).toBeLessThanOrEqual(10);
  });

  it('sends every write at once with pacing off', async () => {
    const { fetch, sent } = stubFetch();
    const c = client({ fetch, pacing: false });
    const start = Date.now();
    await settle(Array.from({ length: 120 }, (_, i) => createBlob(c, i)));
    expect(sent.map((s) => s.at - start).filter((t) => t < AT_ONCE)).toHaveLength(120);
  });

  it('refuses a budget that cannot be kept', () => {
    expect(() => resolveBudget({ writes: { burst: 80 } })).toThrow(/burst \(80\)/);
    expect(() => resolveBudget({ notifications: { burst: 0 } })).toThrow(/notifications/);
  });

  it('sizes the refill so a window holds at most the limit, and gives little of it away', () => {
    const { burst, perMinute } = GITHUB_BUDGET.writes;
    const interval = refillInterval(burst, perMinute, 60_000);
    // A bucket full at the window's start, plus every refill inside [start, start + 60 s).
    const mostInWindow = burst + Math.ceil(60_000 / interval) - 1;
    expect(mostInWindow).toBeLessThanOrEqual(perMinute);
    expect(mostInWindow).toBeGreaterThanOrEqual(perMinute - 1);
  });

  it('sends a write that has a token without waiting for any timer', async () => {
    const { fetch, sent } = stubFetch();
    const c = client({ fetch });
    const start = Date.now();
    const written = createBlob(c, 1);
    // Sent without the clock moving: nothing was scheduled on the (fake) clock on its way.
    await microtasks();
    expect(sent).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
    await expect(written).resolves.toMatchObject({ status: 201 });
    expect(Date.now()).toBe(start);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sends a read at once even when writes wait for tokens', async () => {
    const { fetch, sent } = stubFetch(() => ({ status: 200 }));
    const c = client({ fetch, pacing: { writes: { burst: 1, perMinute: 3 } } });
    const writes = [createBlob(c, 1), createBlob(c, 2)];
    const read = c.rest.git.getRef({ owner: 'acme', repo: 'gitops', ref: 'heads/main' });
    await microtasks();
    expect(sent.map((s) => s.method)).toEqual(['POST', 'GET']);
    await read;
    await settle(writes);
    expect(sent).toHaveLength(3);
  });

  it('keeps at most 10 requests in flight, and starts the next as one ends', async () => {
    let inFlight = 0;
    let most = 0;
    const ends: (() => void)[] = [];
    const fetch = (async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise<void>((resolve) => ends.push(resolve));
      inFlight -= 1;
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof globalThis.fetch;
    const c = client({ fetch });
    const reads = Array.from({ length: 25 }, () => c.rest.repos.get({ owner: 'acme', repo: 'gitops' }));
    await microtasks();
    expect(inFlight).toBe(10);
    while (ends.length > 0) {
      ends.shift()!();
      await microtasks();
    }
    await Promise.all(reads);
    expect(most).toBe(10);
  });
});

describe('token buckets, on explicit times', () => {
  /** When each of `n` requests of a kind, all asking at `now`, may leave. */
  const departures = (pace: ReturnType<typeof createPacer>, kind: RequestKind, n: number, now = 0) =>
    Array.from({ length: n }, () => pace(kind, now));

  it('lets a burst leave at once, then one per refill interval', () => {
    const bucket = new TokenBucket(3, 1_000);
    const times = [0, 0, 0, 0, 0].map((now) => {
      const at = bucket.earliest(now);
      bucket.take(at);
      return at;
    });
    expect(times).toEqual([0, 0, 0, 1_000, 2_000]);
  });

  it('refills while idle, up to the burst and no further', () => {
    const bucket = new TokenBucket(3, 1_000);
    for (let i = 0; i < 3; i++) bucket.take(0);
    expect(bucket.earliest(0)).toBe(1_000);
    expect(bucket.earliest(1_500)).toBe(1_500); // one token back
    bucket.take(1_500);
    expect(bucket.earliest(1_500)).toBe(2_000);
    // Idle for a long time: a full bucket of 3, never more.
    const later = [100_000, 100_000, 100_000, 100_000].map((now) => {
      const at = bucket.earliest(now);
      bucket.take(at);
      return at;
    });
    expect(later).toEqual([100_000, 100_000, 100_000, 101_000]);
  });

  it('never puts more than 80 writes into a 60 s window, and nearly 80 into the first', () => {
    const times = departures(createPacer(GITHUB_BUDGET), 'write', 400);
    expect(busiestWindow(times, 60_000)).toBe(80);
    expect(times.filter((t) => t < 60_000)).toHaveLength(80);
    expect(times.filter((t) => t === 0)).toHaveLength(GITHUB_BUDGET.writes.burst);
  });

  it('keeps writes asked for over time, in any pattern, within both limits', () => {
    const pace = createPacer(GITHUB_BUDGET);
    // Bursts and pauses: 40 at once every 20 s, for two hours.
    const times = Array.from({ length: 360 }, (_, i) => departures(pace, 'write', 40, i * 20_000)).flat();
    expect(busiestWindow(times, 60_000)).toBeLessThanOrEqual(80);
    expect(busiestWindow(times, 3_600_000)).toBeLessThanOrEqual(500);
  });

  it('never puts more than 500 writes into an hour, and nearly 500 into the first', () => {
    const times = departures(createPacer(GITHUB_BUDGET), 'write', 1_200);
    expect(busiestWindow(times, 3_600_000)).toBe(500);
    expect(times.filter((t) => t < 3_600_000).length).toBeGreaterThanOrEqual(495);
  });

  it('paces notifying writes by their own bucket too (30 a minute), and reads not at all', () => {
    const pace = createPacer(GITHUB_BUDGET);
    const pulls = departures(pace, 'notifying write', 60);
    expect(pulls.filter((t) => t === 0)).toHaveLength(GITHUB_BUDGET.notifications.burst);
    expect(busiestWindow(pulls, 60_000)).toBeLessThanOrEqual(30);
    // They took write tokens as well: the writes' burst is spent.
    expect(pace('write', 0)).toBeGreaterThan(0);
    expect(departures(pace, 'read', 100)).toEqual(Array(100).fill(0));
  });

  it('paces searches one per 2 s, and nothing when pacing is off', () => {
    expect(departures(createPacer(GITHUB_BUDGET), 'search', 3)).toEqual([0, 2_000, 4_000]);
    expect(departures(createPacer(false), 'write', 200)).toEqual(Array(200).fill(0));
  });
});

describe('GitHub says slow down', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('retries a 429 after its retry-after (3 s) and says so in the log', async () => {
    const { fetch, sent } = stubFetch((n) =>
      n === 1
        ? { status: 429, headers: { 'retry-after': '3' }, body: { message: SECONDARY } }
        : { status: 201, body: { sha: 'abc' } },
    );
    const log: string[] = [];
    const c = client({ fetch, log: (m) => log.push(m) });
    const [result] = await settle([createBlob(c, 1)]);
    expect(result!.status).toBe('fulfilled');
    expect(sent).toHaveLength(2);
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(3_000);
    expect(sent[1]!.at - sent[0]!.at).toBeLessThan(4_000);
    expect(log).toEqual([
      expect.stringMatching(/slow down \(secondary rate limit\) on POST .*waiting 3 s \(retry 1 of 2\)/),
    ]);
  });

  it('waits a minute for a 403 secondary limit without retry-after', async () => {
    const { fetch, sent } = stubFetch((n) =>
      n === 1 ? { status: 403, body: { message: SECONDARY } } : { status: 201, body: { sha: 'abc' } },
    );
    const log: string[] = [];
    const c = client({ fetch, log: (m) => log.push(m) });
    const [result] = await settle([createBlob(c, 1)]);
    expect(result!.status).toBe('fulfilled');
    expect(sent).toHaveLength(2);
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(60_000);
    expect(sent[1]!.at - sent[0]!.at).toBeLessThan(61_000);
    expect(log[0]).toMatch(/waiting 60 s/);
  });

  it('gives up after the bounded retries with a clear error', async () => {
    const { fetch, sent } = stubFetch(() => ({
      status: 429,
      headers: { 'retry-after': '5' },
      body: { message: SECONDARY },
    }));
    const log: string[] = [];
    const c = client({ fetch, log: (m) => log.push(m), limitRetries: 3 });
    const [result] = await settle([createBlob(c, 1)]);
    expect(result!.status).toBe('rejected');
    expect(sent).toHaveLength(4);
    expect(log.at(-1)).toMatch(/giving up after 3 retries/);
    const reason = (result as PromiseRejectedResult).reason;
    expect(reason.status).toBe(429);
    expect(explainApiError(reason, 'creating a blob')).toMatch(
      /^creating a blob: GitHub's rate limit still applied after the retries .*secondary rate limit/,
    );
  });

  it('does not retry a 429 through the 5xx retries (1 s, 4 s) when it is no rate limit', async () => {
    const { fetch, sent } = stubFetch(() => ({ status: 429, body: { message: 'Too many' } }));
    const c = client({ fetch });
    const [result] = await settle([createBlob(c, 1)]);
    expect(result!.status).toBe('rejected');
    expect(sent).toHaveLength(1);
  });

  it('waits for a primary rate limit reset, but not past maxResetWait', async () => {
    const reset = (inSeconds: number) => String(Math.floor(Date.now() / 1000) + inSeconds);
    const exhausted = (inSeconds: number): Answer => ({
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset(inSeconds) },
      body: { message: 'API rate limit exceeded' },
    });
    const near = stubFetch((n) => (n === 1 ? exhausted(30) : { status: 201 }));
    const [ok] = await settle([createBlob(client({ fetch: near.fetch }), 1)]);
    expect(ok!.status).toBe('fulfilled');
    expect(near.sent[1]!.at - near.sent[0]!.at).toBeGreaterThanOrEqual(30_000);

    const far = stubFetch(() => exhausted(3_000));
    const log: string[] = [];
    const [failed] = await settle([createBlob(client({ fetch: far.fetch, log: (m) => log.push(m) }), 1)]);
    expect(failed!.status).toBe('rejected');
    expect(far.sent).toHaveLength(1);
    expect(log[0]).toMatch(/not waiting that long/);
  });
});

describe('server failures', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends again after 1, 4 and 9 units, then gives up with the last answer', async () => {
    const { fetch, sent } = stubFetch(() => ({ status: 502, body: { message: 'Bad gateway' } }));
    const c = client({ fetch, retryUnitMs: 100 });
    const [result] = await settle([createBlob(c, 1)]);
    expect(result!.status).toBe('rejected');
    expect((result as PromiseRejectedResult).reason.status).toBe(502);
    const gaps = sent.slice(1).map((s, i) => s.at - sent[i]!.at);
    expect(gaps).toEqual([100, 400, 900]);
  });

  it('does not send again a 4xx on the list (a 422 here)', async () => {
    const { fetch, sent } = stubFetch(() => ({ status: 422, body: { message: 'Reference already exists' } }));
    const [result] = await settle([createBlob(client({ fetch }), 1)]);
    expect(result!.status).toBe('rejected');
    expect(sent).toHaveLength(1);
  });

  it('sends a GraphQL query again when GitHub says something went wrong executing it', async () => {
    const { fetch, sent } = stubFetch((n) =>
      n === 1
        ? { status: 200, body: { errors: [{ message: 'Something went wrong while executing your query.' }] } }
        : { status: 200, body: { data: { viewer: { login: 'bot' } } } },
    );
    const c = client({ fetch, retryUnitMs: 10 });
    const [result] = await settle([c.graphql('{ viewer { login } }')]);
    expect(result).toEqual({ status: 'fulfilled', value: { viewer: { login: 'bot' } } });
    expect(sent).toHaveLength(2);
  });
});
