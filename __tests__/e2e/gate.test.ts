/**
 * An attack on the gate through the bundle (dist/index.js as the runner runs it): prod's
 * PackageInstall moved into another file the kustomization lists is still judged. The whole gate
 * suite, with a control per class (a patches: entry in prod/kustomization.yaml among them), runs in
 * process in __tests__/gate/hostile-gate.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT, newPackage } from './fixtures.js';
import { chainRepo, openPullRequest, PARAMS, PI, withConstraint } from './promotion-scenario.js';
import { act, branches, closeStandInsAfterAll } from './scenario.js';

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
    const run = await act(standIn, event, {}, 'pull_request');
    expect(run.code).toBe(1);
    expect(run.annotations.join('\n')).toContain(
      `title=promotion.out-of-order,file=${COMPONENT}/prod/deploy.yaml,`,
    );
    expect(branches(standIn)).toEqual(['main', 'restructure']);
  });
});
