/**
 * The pull requests' read off the critical path (deliver.ts `expect`, publish.ts OpenPulls): an
 * install of pushed Package files tells the delivery its branches once flux-pkg.yaml is read, so
 * their pull requests are read beside the plan instead of after it. A guess the plan contradicts
 * costs one read, never an answer: an open pull request is found and updated, never opened twice.
 */
import { describe, expect, it } from 'vitest';
import { longestChain } from '../../bench/call-log.js';
import { blobSha } from '../../src/github/publish.js';
import { COMPONENT, NEW_VERSION, newPackage } from '../e2e/fixtures.js';
import {
  closeStandInsAfterAll,
  gitopsRepo,
  prsOf,
  repoWithNewPackage,
  supplyChainPush,
} from '../e2e/scenario.js';
import type { StandIn } from '../e2e/stand-in/server.js';
import type { CallRecord } from '../e2e/stand-in/types.js';
import { act, TEST_CLIENT } from './run-in-process.js';

closeStandInsAfterAll();

const DEV_INSTALL = `${COMPONENT}/dev/packageinstall.yaml`;
const NEWER = '20230601120000.0.0';
/** Older than the version dev runs (20230412153322.0.0): not installed, nothing proposed. */
const OLDER = '20230101000000.0.0';

/** A pull request for dev opened (#1), then a push of a newer Package: the run under test comes next. */
async function devOpenedThenNewer() {
  const { standIn, event } = await repoWithNewPackage();
  const first = await act(standIn, event, { environments: 'dev' });
  expect(prsOf(first).map((p) => [p.environment, p.operation, p.number])).toEqual([['dev', 'created', 1]]);
  const newer = newPackage(NEWER);
  const push = supplyChainPush(standIn, { [newer.path]: newer.content });
  return { standIn, push, from: standIn.calls.length };
}

const isPullsRead = (c: CallRecord) => c.method === 'GET' && c.path.split('?')[0]!.endsWith('/pulls');
const since = (standIn: StandIn, from: number) => standIn.calls.slice(from);

/**
 * The action's transport with the answer to one blob the plan needs (and flux-pkg.yaml does not)
 * held until the pull requests are asked for (or a second passes): was the read made while the
 * plan could not have ended?
 */
function holdingBlob(sha: string): { fetch: typeof fetch; pullsAskedWhileHeld: () => boolean } {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
    setTimeout(resolve, 1000).unref();
  });
  let held = false;
  let askedWhileHeld = false;
  const wrapped: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    if (method === 'GET' && /\/pulls\?/.test(url)) {
      askedWhileHeld ||= held;
      release();
    }
    if (!url.endsWith(`/git/blobs/${sha}`)) return fetch(input, init);
    held = true;
    const answer = await fetch(input, init);
    await released;
    held = false;
    return answer;
  };
  return { fetch: wrapped, pullsAskedWhileHeld: () => askedWhileHeld };
}

describe('the pull requests read beside the plan', () => {
  it('one new Package, one environment: the same calls, the pull requests read before the plan ends', async () => {
    const { standIn, event } = await repoWithNewPackage();
    const held = holdingBlob(blobSha(standIn.readTree('main')[DEV_INSTALL]!));
    const run = await act(standIn, event, { environments: 'dev' }, 'push', {
      ...TEST_CLIENT,
      fetch: held.fetch,
    });
    expect(run.code, run.stdout).toBe(0);
    expect(prsOf(run).map((p) => [p.environment, p.operation, p.number])).toEqual([['dev', 'created', 1]]);
    const reads = standIn.calls.filter((c) => c.method === 'GET');
    expect(reads).toHaveLength(12);
    expect(standIn.writes()).toHaveLength(7);
    expect(reads.filter(isPullsRead)).toHaveLength(1);
    // Today's delivery asked only once the plan was done, and the plan waits for that blob.
    expect(held.pullsAskedWhileHeld()).toBe(true);
  });

  it('every environment: one round trip less (the open pull requests listed beside the plan’s reads)', async () => {
    const { standIn, event } = await repoWithNewPackage();
    // Answers that take a while, so that calls made together are seen in flight together.
    standIn.setLatency(200);
    const run = await act(standIn, event);
    expect(run.code, run.stdout).toBe(0);
    expect(prsOf(run).map((p) => [p.environment, p.operation, p.number])).toEqual([
      ['dev', 'created', 1],
      ['staging', 'created', 2],
    ]);
    expect(standIn.calls.filter((c) => c.method === 'GET')).toHaveLength(15);
    expect(standIn.writes()).toHaveLength(13);
    // 18 when the list waited for the plan.
    expect(longestChain(standIn.calls)).toBe(17);
  });

  it('a Package that is not newer: the guess costs at most one read, and nothing is proposed', async () => {
    const standIn = await gitopsRepo();
    const older = newPackage(OLDER);
    const event = supplyChainPush(standIn, { [older.path]: older.content });
    const run = await act(standIn, event, { environments: 'dev' });
    expect(run.code, run.stdout).toBe(0);
    expect(prsOf(run)).toEqual([]);
    expect(standIn.pulls).toHaveLength(0);
    expect(standIn.calls.filter(isPullsRead).length).toBeLessThanOrEqual(1);
  });

  it('an environments filter the config narrows (prod promotes): dev’s branch alone is read, its pull request updated', async () => {
    const { standIn, push, from } = await devOpenedThenNewer();
    // dev and prod asked for: prod promotes from staging, so only dev's pull request is planned.
    const run = await act(standIn, push, { environments: 'dev,prod' });
    expect(run.code, run.stdout).toBe(0);
    expect(prsOf(run).map((p) => [p.environment, p.operation, p.number])).toEqual([['dev', 'updated', 1]]);
    expect(standIn.pulls).toHaveLength(1);
    expect(since(standIn, from).filter(isPullsRead)).toHaveLength(1);
  });

  it('an open pull request for the expected branch is updated, not opened again', async () => {
    const { standIn, push, from } = await devOpenedThenNewer();
    const run = await act(standIn, push, { environments: 'dev' });
    expect(run.code, run.stdout).toBe(0);
    expect(prsOf(run).map((p) => [p.environment, p.operation, p.number])).toEqual([['dev', 'updated', 1]]);
    expect(standIn.pulls).toHaveLength(1);
    expect(standIn.pulls[0]!.title).toBe(`Deploy ${COMPONENT} ${NEWER} to dev`);
    expect(standIn.pulls[0]!.title).not.toContain(NEW_VERSION);
    // The read made beside the plan is the one publishing used.
    expect(since(standIn, from).filter(isPullsRead)).toHaveLength(1);
  });
});
