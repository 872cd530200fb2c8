/**
 * A gitops repository too large for one recursive tree read (GitHub answers `truncated: true` past
 * 100,000 entries; the stand-in here past 40): the action still delivers the push's pull request,
 * reading the root and then only the component folder the push touched, never the others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cursorRefOf } from '../../src/github/cursor.js';
import { COMPONENT, initialFiles, NEW_VERSION, newPackage } from '../e2e/fixtures.js';
import {
  constraintOf,
  expectBranchIsMainPlus,
  OWNER,
  prsOf,
  REPO,
  supplyChainPush,
  TOKEN,
} from '../e2e/scenario.js';
import { Contract } from '../e2e/stand-in/contract.js';
import { type StandIn, startStandIn } from '../e2e/stand-in/server.js';
import { act } from './run-in-process.js';

const standIns: StandIn[] = [];
beforeAll(() => {
  Contract.shared();
});
afterAll(async () => {
  const all = standIns.splice(0);
  for (const s of all) await s.close();
  expect(all.flatMap((s) => s.violations)).toEqual([]);
});

/** The example repo plus 30 unrelated components of three environments each. */
function largeRepo(): Record<string, string> {
  const files = initialFiles();
  for (let i = 0; i < 30; i++)
    for (const env of ['dev', 'qa', 'prod'])
      files[`unrelated-${i}.apps.example.com/${env}/kustomization.yaml`] = `resources: []\n# ${i}\n`;
  return files;
}

describe('a repository past one recursive tree read', () => {
  it('delivers one pull request, reading only the subtrees the push needs', async () => {
    const standIn = await startStandIn({
      owner: OWNER,
      repo: REPO,
      token: TOKEN,
      files: largeRepo(),
      recursiveTreeLimit: 40,
    });
    standIns.push(standIn);
    const pkg = newPackage();
    const event = supplyChainPush(standIn, { [pkg.path]: pkg.content });

    const run = await act(standIn, event, { environments: 'dev' });
    expect(run.code, run.stdout).toBe(0);
    expect(prsOf(run).map((p) => [p.environment, p.operation])).toEqual([['dev', 'created']]);
    expectBranchIsMainPlus(standIn, `flux-pkg/${COMPONENT}/dev`, {
      [`${COMPONENT}/dev/packageinstall.yaml`]: (text) => expect(constraintOf(text)).toBe(NEW_VERSION),
    });

    const unrelated = new Set(
      standIn
        .git(['ls-tree', '-r', '-t', 'main'])
        .split('\n')
        .filter((line) => line.includes('\tunrelated-'))
        .map((line) => line.split(/\s+/)[2]!),
    );
    const read = standIn.calls
      .filter((c) => c.method === 'GET')
      .map((c) => c.path.split('?')[0]!.split('/').at(-1)!);
    expect(read.filter((sha) => unrelated.has(sha))).toEqual([]);
    const component = standIn.git(['rev-parse', `main:${COMPONENT}`]).trim();
    // A rerun recognises the branch as current from its tree sha alone: nothing written. (Without
    // the environments filter's cursor, which would answer before any tree is read.)
    standIn.git(['update-ref', '-d', `refs/${cursorRefOf('main', ['dev'])}`]);
    const writes = standIn.writes().length;
    const rerun = await act(standIn, event, { environments: 'dev' });
    expect(rerun.code, rerun.stdout).toBe(0);
    expect(prsOf(rerun).map((p) => p.operation)).toEqual(['unchanged']);
    // Only the filter's cursor, written again.
    expect(
      standIn
        .writes()
        .slice(writes)
        .map((c) => c.route),
    ).toEqual(['POST /repos/{owner}/{repo}/git/refs']);
    expect(standIn.calls.map((c) => c.path)).toContainEqual(
      expect.stringContaining(`/git/trees/${component}?recursive=1`),
    );
  });
});
