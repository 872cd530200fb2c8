/**
 * Two hostile repositories through the bundle (dist/index.js as the runner runs it); the whole
 * hostile suite runs in process in __tests__/shell/hostile.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { expectNotShown, expectNoWrite, failureLine } from '../shell/hostile.js';
import { COMPONENT, newPackage } from './fixtures.js';
import { act, closeStandInsAfterAll, gitopsRepo, supplyChainPush } from './scenario.js';

closeStandInsAfterAll();

const SECRET = 'hunter2-Zq9bundle';
const KUSTOMIZATION = `${COMPONENT}/dev/kustomization.yaml`;
const PARAMS = `${COMPONENT}/dev/params.yaml`;

describe.concurrent('the bundle on a hostile repository', () => {
  it('refuses a kustomization.yaml that is a symbolic link, unread, writing nothing', async () => {
    const standIn = await gitopsRepo();
    const pkg = newPackage();
    const link = { symlink: `../../../${SECRET}/kustomization.yaml` };
    const run = await act(
      standIn,
      supplyChainPush(standIn, { [pkg.path]: pkg.content, [KUSTOMIZATION]: link }),
    );
    expect(failureLine(run)).toContain(KUSTOMIZATION);
    expect(run.annotations.join('\n')).toContain(`file=${KUSTOMIZATION}`);
    expectNoWrite(standIn);
    expectNotShown(run, standIn, SECRET);
  });

  it('shows no value from values.yaml that does not parse (>hunter2), naming params.yaml and its line', async () => {
    const standIn = await gitopsRepo();
    const pkg = newPackage();
    const params = standIn.readTree('main')[PARAMS]!.replace(/hostname: .*/, `hostname: >${SECRET}`);
    const run = await act(standIn, supplyChainPush(standIn, { [pkg.path]: pkg.content, [PARAMS]: params }));
    expect(failureLine(run)).toContain(PARAMS);
    expect(run.annotations).toContainEqual(
      expect.stringMatching(new RegExp(`file=${PARAMS.replaceAll('.', '\\.')},line=[1-9]`)),
    );
    expect(run.outputs.valid).toBe('false');
    expectNoWrite(standIn);
    expectNotShown(run, standIn, SECRET);
  });
});
