/** Manual promotion and rollback: mode promote from workflow_dispatch. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMPONENT, NEW_VERSION, newPackage } from '../e2e/fixtures.js';
import { chainRepo, OLD, PI, PREVIOUS, withConstraint } from '../e2e/promotion-scenario.js';
import {
  closeStandInsAfterAll,
  constraintOf,
  expectBranchIsMainPlus,
  expectFailedWith,
  expectNothingWritten,
  prsOf,
} from '../e2e/scenario.js';
import { act } from './run-in-process.js';

closeStandInsAfterAll();

const DISPATCH = { inputs: {}, ref: 'refs/heads/main' };
const annotationsOf = (text: string) => parse(text).metadata.annotations ?? {};

// Sequential: each test stays well under its timeout on a loaded machine.
describe('mode promote by hand (workflow_dispatch)', () => {
  it('promotes staging’s version to prod', async () => {
    const standIn = await chainRepo();
    const run = await act(
      standIn,
      DISPATCH,
      { mode: 'promote', component: COMPONENT, 'to-environment': 'prod' },
      'workflow_dispatch',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(prsOf(run).map((p) => [p.environment, p.operation])).toEqual([['prod', 'created']]);
    expectBranchIsMainPlus(standIn, `flux-pkg/${COMPONENT}/prod`, {
      [PI('prod')]: (t) => {
        expect(constraintOf(t)).toBe(PREVIOUS);
        expect(annotationsOf(t)).toEqual({});
        expect(t).toContain('# prod stays on the March build'); // comments kept
      },
    });
    expect(standIn.pulls[0]!.body).toContain('Source: promoted from **staging**, where it runs');
    expect(standIn.pulls[0]!.body).toContain(`| ${COMPONENT} | prod | \`${OLD}\` → \`${PREVIOUS}\` |`);
  });

  const inputs = { mode: 'promote', component: COMPONENT, 'to-environment': 'dev', version: OLD };
  it('refuses a downgrade, naming the line and allow-downgrade', async () => {
    const standIn = await chainRepo();
    const refused = await act(standIn, DISPATCH, inputs, 'workflow_dispatch');
    expectFailedWith(
      refused,
      /dev runs 20230412153322\.0\.0, newer than 20230321004057\.0\.0.*allow-downgrade/,
    );
    expect(refused.annotations).toContainEqual(expect.stringContaining(`file=${PI('dev')},line=10`));
    expectNothingWritten(standIn);
  });

  it('refuses a version not in packages/, from = to, and no upstream without a version', async () => {
    const standIn = await chainRepo();
    const unknown = await act(standIn, DISPATCH, { ...inputs, version: '9.9.9' }, 'workflow_dispatch');
    expectFailedWith(unknown, /has no Package of version 9\.9\.9/);
    const same = await act(
      standIn,
      DISPATCH,
      { ...inputs, 'from-environment': 'dev', version: '' },
      'workflow_dispatch',
    );
    expectFailedWith(same, /from-environment and to-environment are both "dev"/);
    const nowhere = await act(standIn, DISPATCH, { ...inputs, version: '' }, 'workflow_dispatch');
    expectFailedWith(nowhere, /dev does not promote from another environment/);
    expectNothingWritten(standIn);
  });

  it('rolls back with allow-downgrade, writing the downgradable annotation', async () => {
    const standIn = await chainRepo();
    const pkg = newPackage();
    standIn.commit(
      'main',
      { [pkg.path]: pkg.content, [PI('dev')]: withConstraint(standIn, 'dev', NEW_VERSION) },
      'dev on the new version',
    );
    const rollback = await act(
      standIn,
      DISPATCH,
      { ...inputs, version: PREVIOUS, 'allow-downgrade': 'true' },
      'workflow_dispatch',
    );
    expect(rollback.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([]);
    expect(rollback.code).toBe(0);
    expectBranchIsMainPlus(standIn, `flux-pkg/${COMPONENT}/dev`, {
      [PI('dev')]: (t) => {
        expect(constraintOf(t)).toBe(PREVIOUS);
        // The hold: level-triggered delivery does not offer dev the version it left again.
        expect(annotationsOf(t)).toEqual({
          'packaging.carvel.dev/downgradable': '',
          'flux-pkg.dev/rolled-back-from': NEW_VERSION,
        });
      },
    });
    expect(standIn.pulls[0]!.body).toContain('a **rollback**');
  });

  it('re-validates the target’s values against the version rolled back to', async () => {
    const standIn = await chainRepo();
    const run = await act(standIn, DISPATCH, { ...inputs, 'allow-downgrade': 'true' }, 'workflow_dispatch');
    expect(run.annotations).toContainEqual(
      expect.stringMatching(
        /^::error title=values\.additionalProperties,file=app\.default\.tap\/dev\/params\.yaml,line=11,/,
      ),
    );
    expectNothingWritten(standIn);
  });
});
