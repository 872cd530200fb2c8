/**
 * Mode bootstrap through the bundle: a workflow_dispatch through dist/index.js against the stand-in
 * opens one pull request whose every object the real CRDs (and the shipped schema) accept. The
 * rest — a rerun updating the pull request, flux-api-version v1beta2, kubectl kustomize on every
 * folder, the CLI writing the same files, and bad input — runs in process in
 * __tests__/shell/bootstrap.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  BOOTSTRAP_FILES,
  BOOTSTRAP_BRANCH as BRANCH,
  changedOn,
  expectEveryObjectValid,
  objectsIn,
} from './bootstrap-scenario.js';
import { BOOTSTRAP_INPUTS, bootstrapDispatch, COMPONENT } from './fixtures.js';
import { act, branches, closeStandInsAfterAll, gitopsRepo, OWNER, prsOf, REPO } from './scenario.js';

closeStandInsAfterAll();

describe('bootstrap, bundled: a workflow_dispatch for a new environment', () => {
  it('opens ONE pull request that Flux v1 can apply', async () => {
    const standIn = await gitopsRepo();
    const run = await act(standIn, bootstrapDispatch(OWNER, REPO), BOOTSTRAP_INPUTS, 'workflow_dispatch');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(prsOf(run).map((p) => [p.environment, p.operation, p.branch])).toEqual([
      ['qa', 'created', BRANCH],
    ]);
    expect(standIn.pulls).toHaveLength(1);
    expect(branches(standIn)).toEqual([BRANCH, 'main']);
    const changed = changedOn(standIn, BRANCH);
    expect(Object.keys(changed).sort()).toEqual(BOOTSTRAP_FILES);
    expectEveryObjectValid(changed);
    expect(parse(changed['flux-pkg.yaml']!).environments.map((e: { name: string }) => e.name)).toContain(
      'qa',
    );
    expect(objectsIn(changed[`clusters/brain/${COMPONENT}/qa.yaml`]!)[2].spec.healthCheckExprs).toHaveLength(
      1,
    );
    expect(standIn.pulls[0]!.body).toContain('kubectl -n flux-system create secret generic qa-kubeconfig');
  });
});
