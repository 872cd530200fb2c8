/**
 * Mode promote on a repository past one recursive tree read: by hand (workflow_dispatch) and on
 * Flux's health status, the action reads the base's root, then only the promoted component's folder
 * (and, for a status, that component's folder at the status's commit), never the others.
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT, initialFiles, NEW_VERSION, newPackage } from '../e2e/fixtures.js';
import { chainConfig, PI, PREVIOUS, statusEvent, withConstraint } from '../e2e/promotion-scenario.js';
import { constraintOf, expectBranchIsMainPlus, prsOf } from '../e2e/scenario.js';
import {
  closeLargeTreeStandIns,
  expectOnlyNeededReads,
  folderShas,
  largeRepo,
  shaOf,
  withUnrelated,
} from './large-tree-helpers.js';
import { act } from './run-in-process.js';

closeLargeTreeStandIns();

const DISPATCH = { inputs: {}, ref: 'refs/heads/main' };

describe('mode promote on a repository past one recursive tree read', () => {
  it('promotes by hand, reading only the promoted component', async () => {
    const standIn = await largeRepo(withUnrelated({ ...initialFiles(), 'flux-pkg.yaml': chainConfig() }));
    const from = standIn.calls.length;
    const run = await act(
      standIn,
      DISPATCH,
      { mode: 'promote', component: COMPONENT, 'to-environment': 'prod' },
      'workflow_dispatch',
    );
    expect(run.code, run.stdout).toBe(0);
    expect(prsOf(run).map((p) => [p.environment, p.operation])).toEqual([['prod', 'created']]);
    expectBranchIsMainPlus(standIn, `flux-pkg/${COMPONENT}/prod`, {
      [PI('prod')]: (t) => expect(constraintOf(t)).toBe(PREVIOUS),
    });
    expectOnlyNeededReads(standIn, from, {
      roots: [['main', shaOf(standIn, 'main')]],
      folders: folderShas(standIn, 'main', COMPONENT),
      revs: ['main'],
    });
  });

  it('a success status promotes that commit’s version, reading only its component at both commits', async () => {
    const standIn = await largeRepo(
      withUnrelated({ ...initialFiles(), 'flux-pkg.yaml': chainConfig('healthy') }),
    );
    const pkg = newPackage();
    standIn.commit('main', { [pkg.path]: pkg.content }, 'supply chain: Package');
    const sha = standIn.commit(
      'main',
      { [PI('dev')]: withConstraint(standIn, 'dev', NEW_VERSION) },
      'Merge dev PR',
    );
    // Later commits on main: the status's commit is not the base the run reads.
    standIn.commit('main', { 'README.md': '# later\n' }, 'docs');

    const from = standIn.calls.length;
    const status = statusEvent(sha, `${COMPONENT}-dev-packageinstalls`, 'success');
    const run = await act(standIn, status, {}, 'status');
    expect(run.code, run.stdout).toBe(0);
    expect(prsOf(run).map((p) => [p.environment, p.operation])).toEqual([['staging', 'created']]);
    expectBranchIsMainPlus(standIn, `flux-pkg/${COMPONENT}/staging`, {
      [PI('staging')]: (t) => expect(constraintOf(t)).toBe(NEW_VERSION),
    });
    expectOnlyNeededReads(standIn, from, {
      roots: [
        ['main', shaOf(standIn, 'main')],
        [sha, shaOf(standIn, sha)],
      ],
      folders: new Set([...folderShas(standIn, 'main', COMPONENT), ...folderShas(standIn, sha, COMPONENT)]),
      revs: ['main', sha],
    });
  });

  it('ignores a status that names no component, reading no component folder', async () => {
    const standIn = await largeRepo(
      withUnrelated({ ...initialFiles(), 'flux-pkg.yaml': chainConfig('healthy') }),
    );
    const from = standIn.calls.length;
    const run = await act(
      standIn,
      statusEvent(standIn.head('main')!, 'something-else', 'success'),
      {},
      'status',
    );
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('ignoring the status "kustomization/something-else/0c9c2e41"');
    expect(standIn.pulls).toEqual([]);
    expectOnlyNeededReads(standIn, from, {
      roots: [['main', shaOf(standIn, 'main')]],
      folders: new Set(),
      revs: ['main'],
    });
  });
});
