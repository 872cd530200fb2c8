/**
 * A hostile repository through the bundle (dist/index.js as the runner runs it): the bundled YAML
 * parser's error shows no value of the values Secret. The whole hostile suite (symbolic links among
 * it) runs in process in __tests__/shell/hostile.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { expectNotShown, expectNoWrite, failureLine } from '../shell/hostile.js';
import { COMPONENT, newPackage } from './fixtures.js';
import { act, closeStandInsAfterAll, gitopsRepo, supplyChainPush } from './scenario.js';

closeStandInsAfterAll();

const SECRET = 'hunter2-Zq9bundle';
const PARAMS = `${COMPONENT}/dev/params.yaml`;

describe('the bundle on a hostile repository', () => {
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
