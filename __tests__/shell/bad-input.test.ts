/** Bad input: a one-line reason, a non-zero exit, and not a single write (and push events that once were refused). */

import { describe, expect, it } from 'vitest';
import { COMPONENT, NEW_VERSION } from '../e2e/fixtures.js';
import { openPullRequest } from '../e2e/promotion-scenario.js';
import {
  branches,
  closeStandInsAfterAll,
  constraintOf,
  expectFailedWith,
  expectNothingWritten,
  expectOnlyVerdicts,
  headOf,
  OWNER,
  prsOf,
  repoWithNewPackage,
} from '../e2e/scenario.js';
import { act } from './run-in-process.js';

closeStandInsAfterAll();

describe('bad input', () => {
  it.each([
    ['a missing token', { 'github-token': '' }, /input github-token is empty/],
    ['a token GitHub refuses', { 'github-token': 'ghs_wrong' }, /the token was refused \(Bad credentials\)/],
    [
      'a repository that does not exist',
      { 'gitops-repository': `${OWNER}/nope` },
      /reading repository acme\/nope: not found/,
    ],
    [
      'an invalid repository name',
      { 'gitops-repository': 'not a repo' },
      /gitops-repository must be owner\/name/,
    ],
    [
      'a base branch that does not exist',
      { 'base-branch': 'release' },
      /base branch "release" does not exist/,
    ],
    [
      'a Package path that does not exist',
      { packages: `${COMPONENT}/packages/9.9.9.yaml` },
      /does not exist in the repository/,
    ],
    [
      'a path that is not a Package',
      { packages: `${COMPONENT}/dev/params.yaml` },
      /is not in a component's packages\/ folder/,
    ],
    ['an environment filter naming no environment', { environments: 'qa' }, /names no environment/],
    [
      'a branch prefix that is no valid ref name',
      { 'branch-prefix': 'bad..prefix' },
      /branch-prefix "bad\.\.prefix" is not a valid git branch name/,
    ],
    ['an unknown mode', { mode: 'deploy' }, /input mode must be/],
  ])('refuses %s', async (_, inputs, reason) => {
    const { standIn, event } = await repoWithNewPackage();
    const run = await act(standIn, event, inputs);
    expectFailedWith(run, reason);
    expect(standIn.writes()).toEqual([]);
    expectNothingWritten(standIn);
  });

  // Once a refusal asking for the packages input; level-triggered delivery (issue 17) delivers
  // instead: without a cursor yet, the run looks at every component once — the new Package for the
  // environments taking new versions, and the fixture's pending merge promotions to prod (staging
  // runs newer versions than prod) — and leaves the cursor at main.
  it.each([
    ['without before/after', { before: undefined, after: undefined }],
    ['that created the branch (before is all zeros)', { before: '0'.repeat(40) }],
    ['that was forced', { forced: true }],
  ])('delivers on a push event %s, which says nothing of what changed', async (_, override) => {
    const { standIn, event } = await repoWithNewPackage();
    const run = await act(standIn, { ...event, ...override });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).not.toContain('::error::');
    expect(run.summary).toContain('no delivery cursor yet: every component is looked at once');
    expect(prsOf(run).map((p) => [p.component, p.environment, p.operation])).toEqual([
      [COMPONENT, 'dev', 'created'],
      [COMPONENT, 'staging', 'created'],
      [COMPONENT, 'prod', 'created'],
      ['payments-api.apps.example.com', 'prod', 'created'],
    ]);
    for (const env of ['dev', 'staging'])
      expect(
        constraintOf(
          standIn.readTree(`flux-pkg/${COMPONENT}/${env}`)[`${COMPONENT}/${env}/packageinstall.yaml`]!,
        ),
      ).toBe(NEW_VERSION);
    expect(standIn.head('refs/flux-pkg/delivered/main')).toBe(standIn.head('main'));
    // Nothing is left: the next run (the same event replayed) writes nothing.
    const writes = standIn.writes().length;
    const again = await act(standIn, { ...event, ...override });
    expect(again.code, again.stdout).toBe(0);
    expect(standIn.writes()).toHaveLength(writes);
  });

  it('writes nothing in a dry run, but reports what it would change', async () => {
    const { standIn, event } = await repoWithNewPackage();
    const run = await act(standIn, event, { 'dry-run': 'true' });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs['changed-files']!)).toEqual([
      `${COMPONENT}/dev/packageinstall.yaml`,
      `${COMPONENT}/staging/packageinstall.yaml`,
    ]);
    expect(run.summary).toContain('would open');
    expect(standIn.writes()).toEqual([]);
    expectNothingWritten(standIn);
  });

  it('validates the head of a pull request (mode auto on pull_request) and writes only its verdict', async () => {
    const { standIn } = await repoWithNewPackage();
    const paramsPath = `${COMPONENT}/prod/params.yaml`;
    const docs = await openPullRequest(standIn, 'docs', { 'README.md': 'docs only\n' });
    const params = standIn.readTree('main')[paramsPath]!.replace(/replicas: \d+/, 'replicas: -1');
    const bad = await openPullRequest(standIn, 'scale-down', { [paramsPath]: params });
    const writesBefore = standIn.writes().length;

    const ok = await act(standIn, docs, {}, 'pull_request');
    expect(ok.code).toBe(0);
    expect(ok.outputs.valid).toBe('true');
    expect(ok.summary).toContain('changes no file Flux applies or the action trusts: nothing to validate');

    const run = await act(standIn, bad, {}, 'pull_request');
    expectFailedWith(run, /1 validation error\(s\); nothing was written/);
    expect(run.annotations).toContainEqual(expect.stringContaining(`file=${paramsPath},line=`));
    expect(run.outputs.valid).toBe('false');
    // The gate's one write: its verdict on each head it judged (issue 17), no branch, no pull request.
    expectOnlyVerdicts(standIn, writesBefore, [
      [headOf(docs), 'success'],
      [headOf(bad), 'failure'],
    ]);
    expect(branches(standIn)).toEqual(['docs', 'main', 'scale-down']);
    expect(standIn.pulls).toHaveLength(2);
  });
});
