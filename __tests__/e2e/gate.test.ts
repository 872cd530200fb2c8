/**
 * The gate through the bundle (dist/index.js as the runner runs it, mode auto on a pull_request):
 * prod's PackageInstall moved into another file the kustomization lists is still judged, the step
 * fails in one line, and the only write is the verdict on the head. The whole gate
 * suite, with a control per class (a patches: entry in prod/kustomization.yaml among them), runs in
 * process in __tests__/gate/hostile-gate.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT, newPackage } from './fixtures.js';
import { chainRepo, openPullRequest, PARAMS, PI, withConstraint } from './promotion-scenario.js';
import {
  act,
  branches,
  closeStandInsAfterAll,
  expectFailedWith,
  expectOnlyVerdicts,
  headOf,
} from './scenario.js';

closeStandInsAfterAll();

const KUSTOMIZATION = `${COMPONENT}/prod/kustomization.yaml`;

describe('the bundle judges what Flux builds', () => {
  it('prod restructured into deploy.yaml with an unpromoted version fails at deploy.yaml', async () => {
    const standIn = await chainRepo();
    const pkg = newPackage();
    standIn.commit('main', { [pkg.path]: pkg.content }, 'supply chain: new Package');
    const version = pkg.path.split('/').pop()!.replace('.yaml', '');
    const deploy = `${withConstraint(standIn, 'prod', version)}---\n${standIn.readTree('main')[PARAMS('prod')]!}`;
    const event = await openPullRequest(standIn, 'restructure', {
      [PI('prod')]: null,
      [PARAMS('prod')]: null,
      [`${COMPONENT}/prod/deploy.yaml`]: deploy,
      [KUSTOMIZATION]:
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- deploy.yaml\n',
    });
    const writesBefore = standIn.writes().length;
    const run = await act(standIn, event, {}, 'pull_request'); // mode auto on pull_request: validate
    expectFailedWith(run, /1 validation error\(s\); nothing was written/);
    expect(run.annotations).toContainEqual(
      expect.stringMatching(
        new RegExp(`^::error title=promotion\\.out-of-order,file=${COMPONENT}/prod/deploy\\.yaml,line=[1-9]`),
      ),
    );
    expect(run.outputs.valid).toBe('false');
    // The gate's one write: its verdict on the head it judged (issue 17).
    expectOnlyVerdicts(standIn, writesBefore, [[headOf(event), 'failure']]);
    expect(branches(standIn)).toEqual(['main', 'restructure']);
  });
});
