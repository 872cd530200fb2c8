/**
 * Two attacks on the gate through the bundle (dist/index.js as the runner runs it); the whole gate
 * suite, with a control per class, runs in process in __tests__/gate/hostile-gate.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT, newPackage } from './fixtures.js';
import { chainRepo, openPullRequest, PARAMS, PI, withConstraint } from './promotion-scenario.js';
import { act, branches, closeStandInsAfterAll } from './scenario.js';

closeStandInsAfterAll();

const KUSTOMIZATION = `${COMPONENT}/prod/kustomization.yaml`;

describe.concurrent('the bundle judges what Flux builds', () => {
  it('a patches: entry in prod/kustomization.yaml fails at its line, writing nothing', async () => {
    const standIn = await chainRepo();
    const text = `${standIn.readTree('main')[KUSTOMIZATION]!}patches:\n- target: {kind: PackageInstall}\n  patch: '[]'\n`;
    const event = await openPullRequest(standIn, 'patch-prod', { [KUSTOMIZATION]: text });
    const run = await act(standIn, event, {}, 'pull_request');
    expect(run.code).toBe(1);
    const line = text.split('\n').findIndex((l) => l.startsWith('patches:')) + 1;
    expect(run.annotations.join('\n')).toContain(
      `title=kustomization.unsupported,file=${KUSTOMIZATION},line=${line},`,
    );
    expect(branches(standIn)).toEqual(['main', 'patch-prod']);
    expect(standIn.pulls).toHaveLength(1);
  });

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
