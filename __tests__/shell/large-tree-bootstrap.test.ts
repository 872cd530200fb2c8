/**
 * Mode bootstrap on a repository past one recursive tree read: it reads the root, the Brain folder
 * and the bootstrapped component's folder, and opens the same pull request as on a repository
 * GitHub lists whole. Component `*` walks the component folders: one subtree read each, at most,
 * and is refused before any write when the walk does not fit in the REST budget.
 */
import { describe, expect, it } from 'vitest';
import { BOOTSTRAP_INPUTS, bootstrapDispatch, COMPONENT, initialFiles } from '../e2e/fixtures.js';
import { expectNothingWritten, OWNER, prsOf, REPO, TOKEN } from '../e2e/scenario.js';
import { type StandIn, startStandIn } from '../e2e/stand-in/server.js';
import {
  closeLargeTreeStandIns,
  expectOnlyNeededReads,
  folderShas,
  largeRepo,
  shaOf,
  treeReads,
  withUnrelated,
} from './large-tree-helpers.js';
import { act } from './run-in-process.js';

closeLargeTreeStandIns();

const dispatch = bootstrapDispatch(OWNER, REPO);
const BRANCH = `flux-pkg/_bootstrap/qa/${COMPONENT}`;
const OTHER = 'payments-api.apps.example.com';

/** The example with a Brain folder that already lists another component. */
function withBrain(): Record<string, string> {
  return {
    ...initialFiles(),
    'clusters/brain/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ${OTHER}\n`,
    [`clusters/brain/${OTHER}/kustomization.yaml`]: `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n`,
  };
}

/** The files the branch changes against main. */
function changedOn(standIn: StandIn, branch: string): Record<string, string> {
  const main = standIn.readTree('main');
  return Object.fromEntries(Object.entries(standIn.readTree(branch)).filter(([p, text]) => main[p] !== text));
}

describe('bootstrap on a repository past one recursive tree read', () => {
  it('opens the pull request a whole read would, reading the Brain folder and the component only', async () => {
    const files = withUnrelated(withBrain());
    const whole = await startStandIn({ owner: OWNER, repo: REPO, token: TOKEN, files });
    const standIn = await largeRepo(files);
    try {
      const expected = await act(whole, dispatch, BOOTSTRAP_INPUTS, 'workflow_dispatch');
      expect(expected.code, expected.stdout).toBe(0);

      const from = standIn.calls.length;
      const run = await act(standIn, dispatch, BOOTSTRAP_INPUTS, 'workflow_dispatch');
      expect(run.code, run.stdout).toBe(0);
      expect(prsOf(run).map((p) => [p.environment, p.operation, p.branch])).toEqual([
        ['qa', 'created', BRANCH],
      ]);
      const changed = changedOn(standIn, BRANCH);
      expect(changed).toEqual(changedOn(whole, BRANCH));
      // The Brain's root list was read (and extended), not rewritten from nothing.
      expect(changed['clusters/brain/kustomization.yaml']).toMatch(
        new RegExp(`- ${OTHER}\\n\\s*- ${COMPONENT}`),
      );
      expectOnlyNeededReads(standIn, from, {
        roots: [['main', shaOf(standIn, 'main')]],
        folders: new Set([
          ...folderShas(standIn, 'main', COMPONENT),
          ...folderShas(standIn, 'main', 'clusters/brain'),
        ]),
        revs: ['main'],
      });
    } finally {
      await whole.close();
    }
  });

  it('component * walks the component folders, one subtree read each at most', async () => {
    const standIn = await largeRepo(withUnrelated(withBrain(), 5));
    const from = standIn.calls.length;
    const run = await act(standIn, dispatch, { ...BOOTSTRAP_INPUTS, component: '*' }, 'workflow_dispatch');
    // Every component is looked at: the walk found each unrelated component's (empty) Package.
    expect(run.code).toBe(1);
    for (let i = 0; i < 5; i++)
      expect(run.stdout).toContain(
        `::error title=package.empty,file=unrelated-${i}.apps.example.com/packages/1.0.0.yaml::`,
      );
    expectNothingWritten(standIn);
    const reads = treeReads(standIn, from).filter((r) => r.recursive);
    const counts = new Map<string, number>();
    for (const r of reads) counts.set(r.treeish, (counts.get(r.treeish) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const componentFolders = standIn
      .git(['ls-tree', '-d', 'main'])
      .split('\n')
      .filter((l) => l && !l.endsWith('\tclusters'))
      .map((l) => l.split(/\s+/)[2]!);
    // The root (by name, truncated), the Brain folder, and each component folder.
    expect(new Set(reads.map((r) => r.treeish))).toEqual(
      new Set(['main', shaOf(standIn, 'main', 'clusters/brain'), ...componentFolders]),
    );
  });

  it('component * over the REST budget is refused before any write, naming the counts', async () => {
    // 5000 an hour, 500 kept back: under 20 reads left above the reserve, and the walk needs 24
    // (each component folder, the listing of clusters and the Brain folder).
    const standIn = await largeRepo(withUnrelated(withBrain()), { rateLimitRemaining: 520 });
    const from = standIn.calls.length;
    const run = await act(standIn, dispatch, { ...BOOTSTRAP_INPUTS, component: '*' }, 'workflow_dispatch');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /bootstrap with component \* needs every component folder, and the base's tree is larger than GitHub lists in one read.*: that is 22 component folder\(s\), 24 tree read\(s\) through the API, and the REST budget has \d+ request\(s\) left, 500 of them kept/,
    );
    const [, reads, left] =
      /, (\d+) tree read\(s\) through the API, and the REST budget has (\d+) request/.exec(run.stdout)!;
    expect(Number(reads)).toBeGreaterThan(Number(left) - 500);
    expectNothingWritten(standIn);
    expect(standIn.writes()).toEqual([]);
    // Only the root was read recursively (by name, truncated): no component folder.
    expect(
      treeReads(standIn, from)
        .filter((r) => r.recursive)
        .map((r) => r.treeish),
    ).toEqual(['main']);
  });
});
