/**
 * Write pacing and "slow down" answers, on vitest's fake clock (Bottleneck schedules with setTimeout,
 * setInterval and Date.now, all faked) with a stub transport that records when each request left.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, explainApiError } from '../../src/github/client.js';
import { bucketOptions, GITHUB_BUDGET, resolveBudget } from '../../src/github/pacing.js';

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

/**
 * "At once" on the fake clock: before the default bucket's first refill (900 ms). Not 0: a fake
 * timer set for 0 ms during a tick fires 1 ms later, and Octokit's global group (10 in flight) chains
 * a few of those per request.
 */
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

  it('sizes the refill so a closed window still holds at most the limit', () => {
    const { burst, perMinute } = GITHUB_BUDGET.writes;
    const { reservoir, reservoirIncreaseInterval } = bucketOptions(burst, perMinute, 60_000);
    const additionsInClosedWindow = Math.floor(60_000 / reservoirIncreaseInterval!) + 1;
    expect(reservoir! + additionsInClosedWindow).toBeLessThanOrEqual(perMinute);
    // …and does not give much of the limit away to rounding.
    expect(reservoir! + additionsInClosedWindow).toBeGreaterThanOrEqual(perMinute - 4);
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
