/**
 * Injected faults: every run ends with correct pull requests or with nothing written — never a
 * half state (a branch without its PR, a PR on a stale base).
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT } from '../e2e/fixtures.js';
import {
  branches,
  closeStandInsAfterAll,
  expectDelivered,
  expectFailedWith,
  expectNothingWritten,
  repoWithNewPackage,
} from '../e2e/scenario.js';
import { act } from './run-in-process.js';

closeStandInsAfterAll();

describe('faults the action recovers from', () => {
  it('retries a 500 from the tree API', async () => {
    const { standIn, event } = await repoWithNewPackage();
    standIn.faults.serverError({ operationId: 'git/create-tree' });
    const run = await act(standIn, event);
    expect(run.code).toBe(0);
    expect(standIn.calls.filter((c) => c.fault)).toHaveLength(1);
    expectDelivered(standIn);
  });

  it('waits out a secondary rate limit (retry-after) on commit creation', async () => {
    const { standIn, event } = await repoWithNewPackage();
    standIn.faults.secondaryRateLimit({ operationId: 'git/create-commit' });
    const run = await act(standIn, event);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('secondary rate limit');
    expectDelivered(standIn);
  });

  it('survives a reset connection while opening the pull request', async () => {
    const { standIn, event } = await repoWithNewPackage();
    standIn.faults.resetConnection({ operationId: 'pulls/create' });
    const run = await act(standIn, event);
    expect(run.code).toBe(0);
    expectDelivered(standIn);
    expect(standIn.pulls).toHaveLength(2);
  });

  it('plans again when the base branch moves while it writes', async () => {
    const { standIn, event } = await repoWithNewPackage();
    const before = standIn.head('main');
    standIn.faults.raceRef({ ref: 'heads/main' });
    const run = await act(standIn, event);
    expect(run.code).toBe(0);
    expect(standIn.head('main')).not.toBe(before);
    expect(run.stdout).toContain('planning again');
    expectDelivered(standIn); // both branches sit on the new head of main
  });

  it('plans again when another writer creates the branch first', async () => {
    const { standIn, event } = await repoWithNewPackage();
    standIn.faults.raceRef();
    const run = await act(standIn, event);
    expect(run.code).toBe(0);
    expectDelivered(standIn);
  });

  it('plans again when GitHub answers that the pull request already exists', async () => {
    const { standIn, event } = await repoWithNewPackage();
    standIn.faults.alreadyExists({ operationId: 'pulls/create' });
    const run = await act(standIn, event);
    expect(run.code).toBe(0);
    expectDelivered(standIn);
  });
});

describe('faults that stop the run with nothing half-written', () => {
  it('names the repository setting when Actions may not create pull requests, and removes its branch', async () => {
    const { standIn, event } = await repoWithNewPackage();
    standIn.faults.pullRequestsNotPermitted();
    const run = await act(standIn, event);
    expectFailedWith(run, /Allow GitHub Actions to create and approve pull requests/);
    expectNothingWritten(standIn);
  });

  it('names the permissions a token without access needs', async () => {
    const { standIn, event } = await repoWithNewPackage();
    standIn.faults.notAccessible({ operationId: 'git/create-tree' });
    const run = await act(standIn, event);
    expectFailedWith(run, /contents: write.*pull-requests: write/);
    expectNothingWritten(standIn);
  });

  it('gives up after repeated server errors without leaving a branch', async () => {
    const { standIn, event } = await repoWithNewPackage();
    standIn.faults.serverError({ operationId: 'git/create-commit' }, 10);
    const run = await act(standIn, event);
    expectFailedWith(run, /writing the pull request for app\.default\.tap\/dev: GitHub answered 500/);
    expectNothingWritten(standIn);
    expect(branches(standIn)).not.toContain(`flux-pkg/${COMPONENT}/dev`);
  });
});
