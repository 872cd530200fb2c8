/**
 * A push that needs more REST calls than GitHub's hourly budget has left: the action delivers the
 * pull requests that fit while keeping 10% of the hour's limit for other workflows, stops cleanly
 * (exit 0, a warning, the `deferred` output, a summary line), and the next run of the same push,
 * with the budget refilled, delivers the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPONENT, initialFiles, newPackage } from '../e2e/fixtures.js';
import { OWNER, prsOf, REPO, supplyChainPush, TOKEN } from '../e2e/scenario.js';
import { Contract } from '../e2e/stand-in/contract.js';
import { type StandIn, startStandIn } from '../e2e/stand-in/server.js';
import { act } from './run-in-process.js';

/** The stand-in's x-ratelimit-limit, and the 10% a delivery leaves to others. */
const LIMIT = 5000;
const RESERVE = LIMIT / 10;
const CURSOR = 'refs/flux-pkg/delivered/main';

const standIns: StandIn[] = [];
beforeAll(() => {
  Contract.shared();
});
afterAll(async () => {
  for (const s of standIns.splice(0)) await s.close();
});

/** A repo and a supply-chain push; `cursor`: the delivery cursor already at the commit before it. */
async function repoWithPush(rateLimitRemaining?: number, cursor = false) {
  const standIn = await startStandIn({
    owner: OWNER,
    repo: REPO,
    token: TOKEN,
    files: initialFiles(),
    rateLimitRemaining,
  });
  standIns.push(standIn);
  if (cursor) standIn.git(['update-ref', CURSOR, standIn.head('main')!]);
  const pkg = newPackage();
  return { standIn, event: supplyChainPush(standIn, { [pkg.path]: pkg.content }) };
}

/** Calls a run makes before its first write, on a repo with a budget to spare. */
async function callsBeforeFirstWrite(cursor = false): Promise<number> {
  const { standIn, event } = await repoWithPush(undefined, cursor);
  const run = await act(standIn, event);
  expect(run.code, run.stdout).toBe(0);
  expect(prsOf(run).map((p) => p.environment)).toEqual(['dev', 'staging']);
  return standIn.calls.findIndex((c) => c.method !== 'GET');
}

describe('a push larger than the REST budget left', () => {
  it('delivers what fits above the reserve, defers the rest, and the next run finishes it', async () => {
    const reads = await callsBeforeFirstWrite();
    // Enough above the reserve for one pull request (callsFor: at most 11 calls with the open pull
    // requests' read and the check after writing), not two.
    const { standIn, event } = await repoWithPush(RESERVE + reads + 12);

    const first = await act(standIn, event);
    expect(first.code, first.stdout).toBe(0);
    // Staging is not delivered: the delivery cursor must not say main is.
    expect(standIn.head(CURSOR)).toBeUndefined();
    expect(prsOf(first).map((p) => [p.environment, p.operation])).toEqual([['dev', 'created']]);
    expect(JSON.parse(first.outputs.deferred!)).toEqual([{ component: COMPONENT, environment: 'staging' }]);
    expect(first.annotations.filter((a) => a.startsWith('::warning'))).toEqual([
      expect.stringContaining(`1 pull request left for the next run`),
    ]);
    expect(first.summary).toContain('1 pull request left for the next run');
    expect(standIn.pulls.map((p) => p.head)).toEqual([`flux-pkg/${COMPONENT}/dev`]);

    standIn.setRateLimitRemaining(LIMIT);
    const next = await act(standIn, event);
    expect(next.code, next.stdout).toBe(0);
    expect(prsOf(next).map((p) => [p.environment, p.operation])).toEqual([
      ['dev', 'unchanged'],
      ['staging', 'created'],
    ]);
    expect(JSON.parse(next.outputs.deferred!)).toEqual([]);
    expect(standIn.pulls.map((p) => p.head).sort()).toEqual([
      `flux-pkg/${COMPONENT}/dev`,
      `flux-pkg/${COMPONENT}/staging`,
    ]);
    expect(standIn.head(CURSOR)).toBe(standIn.head('main'));
    expect(standIns.flatMap((s) => s.violations)).toEqual([]);
  });

  it('keeps the delivery cursor behind a deferred pull request: a later push of something else delivers it', async () => {
    const reads = await callsBeforeFirstWrite(true);
    const { standIn } = await repoWithPush(RESERVE + reads + 12, true);
    const before = standIn.head(CURSOR);

    const first = await act(standIn, supplyChainPush(standIn, { 'docs/notes.md': 'unrelated\n' }));
    expect(first.code, first.stdout).toBe(0);
    expect(prsOf(first).map((p) => [p.environment, p.operation])).toEqual([['dev', 'created']]);
    expect(JSON.parse(first.outputs.deferred!)).toEqual([{ component: COMPONENT, environment: 'staging' }]);
    expect(standIn.head(CURSOR)).toBe(before);
    expect(first.summary).toContain(`delivery cursor stays at ${before!.slice(0, 7)}`);

    // The next push touches no Package: only the kept cursor says staging is still undelivered.
    standIn.setRateLimitRemaining(LIMIT);
    const next = await act(standIn, supplyChainPush(standIn, { 'docs/notes.md': 'still unrelated\n' }));
    expect(next.code, next.stdout).toBe(0);
    // dev's branch is rebuilt on the moved base; staging's pull request is opened at last.
    expect(prsOf(next).map((p) => [p.environment, p.operation])).toEqual([
      ['dev', 'updated'],
      ['staging', 'created'],
    ]);
    expect(standIn.head(CURSOR)).toBe(standIn.head('main'));
    expect(standIns.flatMap((s) => s.violations)).toEqual([]);
  });
});
