/**
 * The gate (mode validate on a pull request) on a repository past one recursive tree read: it reads
 * the head's and the base's roots, then only the folders the pull request touches, and judges them
 * as it does on a small repository. A pull request that makes it validate everything walks every
 * component folder when the REST budget affords it, and is refused, naming the counts, when not.
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT, initialFiles } from '../e2e/fixtures.js';
import { chainConfig, openPullRequest, PARAMS } from '../e2e/promotion-scenario.js';
import { expectOnlyVerdicts, headOf } from '../e2e/scenario.js';
import type { StandIn } from '../e2e/stand-in/server.js';
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

const repoFiles = () => withUnrelated({ ...initialFiles(), 'flux-pkg.yaml': chainConfig() });

/** The example with `count` valid copies of its component (renamed): a repository a walk passes. */
function withCopies(count: number): Record<string, string> {
  const files: Record<string, string> = { ...initialFiles(), 'flux-pkg.yaml': chainConfig() };
  for (const [path, text] of Object.entries(files))
    for (let i = 0; i < count; i++)
      if (path.startsWith(`${COMPONENT}/`)) {
        const copy = COMPONENT.replace(/^([^.]+)/, `$1-copy-${i}`);
        files[path.replace(COMPONENT, copy)] = text.replaceAll(COMPONENT, copy);
      }
  return files;
}

describe('the gate on a repository past one recursive tree read', () => {
  it('fails a broken values change at its line and passes a good one, reading only the touched component', async () => {
    const standIn = await largeRepo(repoFiles());
    const params = standIn.readTree('main')[PARAMS('staging')]!;
    const lines = params.split('\n');
    const line = lines.findIndex((l) => /^\s+replicas:/.test(l));
    lines[line] = lines[line]!.replace(/replicas:.*/, 'replicas: 0');

    const from = standIn.calls.length;
    const broken = await openPullRequest(standIn, 'broken', { [PARAMS('staging')]: lines.join('\n') });
    const run = await act(standIn, broken, {}, 'pull_request');
    expect(run.code, run.stdout).toBe(1);
    expect(run.outputs.valid).toBe('false');
    expect(run.annotations).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^::error title=values\\.minimum,file=${PARAMS('staging').replaceAll('.', '\\.')},line=${line + 1},`,
        ),
      ),
    );
    expect(run.summary).toContain(`validated what the pull request changes: ${COMPONENT} in staging`);
    expectOnlyNeededReads(standIn, from, {
      roots: [
        ['main', shaOf(standIn, 'main')],
        [standIn.head('broken')!, shaOf(standIn, 'broken')],
      ],
      folders: new Set([
        ...folderShas(standIn, 'main', COMPONENT),
        ...folderShas(standIn, 'broken', COMPONENT),
      ]),
      revs: ['main', 'broken'],
    });

    const good = await openPullRequest(standIn, 'good', {
      [PARAMS('staging')]: params.replace(/replicas:.*/, 'replicas: 3'),
    });
    const passed = await act(standIn, good, {}, 'pull_request');
    expect(passed.code, passed.stdout).toBe(0);
    expect(passed.outputs.valid).toBe('true');
  });

  it('passes a pull request that touches no component without reading any folder', async () => {
    const standIn = await largeRepo(repoFiles());
    const from = standIn.calls.length;
    const docs = await openPullRequest(standIn, 'docs', { 'README.md': '# gitops\n' });
    const run = await act(standIn, docs, {}, 'pull_request');
    expect(run.code, run.stdout).toBe(0);
    expect(run.summary).toContain('nothing to validate');
    expectOnlyNeededReads(standIn, from, {
      roots: [
        ['main', shaOf(standIn, 'main')],
        [standIn.head('docs')!, shaOf(standIn, 'docs')],
      ],
      folders: new Set(),
      revs: ['main', 'docs'],
    });
  });

  it('judges a Brain file against every component folder, reading the Brain folder and that component only', async () => {
    const standIn = await largeRepo(repoFiles());
    // A Kustomization for an unrelated component, applying it with the kubeconfig's own identity.
    const brainFile = `clusters/brain/${COMPONENT}/prod.yaml`;
    const kustomization = `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: sneaky
  namespace: flux-system
spec:
  interval: 10m
  path: ./unrelated-3.apps.example.com/prod
  prune: true
  sourceRef:
    kind: GitRepository
    name: gitops
  kubeConfig:
    secretRef:
      name: prod-kubeconfig
`;
    const from = standIn.calls.length;
    const event = await openPullRequest(standIn, 'brain', { [brainFile]: kustomization });
    const run = await act(standIn, event, {}, 'pull_request');
    expect(run.code, run.stdout).toBe(1);
    expect(run.annotations).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^::error title=policy\\.service-account,file=${brainFile.replaceAll('.', '\\.')},.*unrelated-3\\.apps\\.example\\.com/prod without serviceAccountName`,
        ),
      ),
    );
    expectOnlyNeededReads(standIn, from, {
      roots: [
        ['main', shaOf(standIn, 'main')],
        [standIn.head('brain')!, shaOf(standIn, 'brain')],
      ],
      folders: new Set([
        ...folderShas(standIn, 'main', COMPONENT),
        ...folderShas(standIn, 'brain', COMPONENT),
        ...folderShas(standIn, 'brain', 'clusters'),
      ]),
      revs: ['main', 'brain'],
    });
  });

  it('judges a flux-pkg.yaml change by walking every component folder: a bad one fails at its line, a good one passes', async () => {
    const standIn = await largeRepo(withCopies(4));
    const from = standIn.calls.length;
    const broken = await openPullRequest(standIn, 'config-broken', {
      'flux-pkg.yaml': `${chainConfig()}prFlow: sideways\n`,
    });
    const line = chainConfig().split('\n').length;
    const run = await act(standIn, broken, {}, 'pull_request');
    expect(run.code, run.stdout).toBe(1);
    expect(run.outputs.valid).toBe('false');
    expect(run.annotations).toContainEqual(
      expect.stringMatching(new RegExp(`^::error title=config\\.[a-z-]+,file=flux-pkg\\.yaml,line=${line},`)),
    );
    expect(run.stdout).toMatch(
      /reading all 6 component folder\(s\) on the head and the base \(6 tree read\(s\)\)/,
    );
    // Every component folder read, each at most once: a folder the same on the head and the base
    // (all of them here) is one read, as counted.
    const deep = treeReads(standIn, from).filter((r) => r.recursive);
    const counts = new Map<string, number>();
    for (const r of deep) counts.set(r.treeish, (counts.get(r.treeish) ?? 0) + 1);
    expect([...counts.entries()].filter(([, n]) => n > 1)).toEqual([]);
    // The count the budget was asked about is the reads made.
    expect(
      deep.filter((r) => !isRoot(standIn, r.treeish, ['main', 'config-broken'])).map((r) => r.treeish),
    ).toHaveLength(6);
    for (const rev of ['main', 'config-broken'])
      expect(deep.map((r) => r.treeish)).toEqual(expect.arrayContaining(componentFolderShas(standIn, rev)));

    const good = await openPullRequest(standIn, 'config-good', {
      'flux-pkg.yaml': `${chainConfig()}prFlow: per-environment\n`,
    });
    const passed = await act(standIn, good, {}, 'pull_request');
    expect(passed.code, passed.stdout).toBe(0);
    expect(passed.outputs.valid).toBe('true');
    expect(passed.summary).toContain('every environment is validated');
  });

  it('refuses a flux-pkg.yaml change whose walk does not fit in the REST budget, naming the counts', async () => {
    // 5000 an hour, 500 kept back: under 20 reads left above the reserve, and the walk needs more.
    const standIn = await largeRepo(repoFiles(), { rateLimitRemaining: 520 });
    const change = await openPullRequest(standIn, 'config', {
      'flux-pkg.yaml': `${chainConfig()}prFlow: per-environment\n`,
    });
    const writesBefore = standIn.writes().length;
    const from = standIn.calls.length;
    const run = await act(standIn, change, {}, 'pull_request');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /changes flux-pkg\.yaml, so the gate validates every environment, and both trees are larger than GitHub lists in one read.*all 22 component folder\(s\) under the repository root on the head and the base, 22 tree read\(s\) through the API, and the REST budget has \d+ request\(s\) left, 500 of them kept.*`flux-pkg validate` run on a checkout of its head/,
    );
    const [, reads, left] =
      /, (\d+) tree read\(s\) through the API, and the REST budget has (\d+) request/.exec(run.stdout)!;
    expect(Number(reads)).toBeGreaterThan(Number(left) - 500);
    // No folder read, and nothing written but the failing verdict.
    expect(
      treeReads(standIn, from).filter((r) => r.recursive && !isRoot(standIn, r.treeish, ['main', 'config'])),
    ).toEqual([]);
    expectOnlyVerdicts(standIn, writesBefore, [[headOf(change), 'failure']]);
  });
});

/** Is `treeish` the root of one of `revs`, by its name, its commit or its tree? */
const isRoot = (standIn: StandIn, treeish: string, revs: string[]) =>
  revs.some((rev) => [rev, shaOf(standIn, rev), standIn.head(rev)].includes(treeish));

/** The tree shas of the folders directly at the root (the components) at `rev`, the Brain's `clusters` left out. */
const componentFolderShas = (standIn: StandIn, rev: string): string[] =>
  standIn
    .git(['ls-tree', '-d', rev])
    .split('\n')
    .filter((l) => l && !l.endsWith('\tclusters'))
    .map((l) => l.split(/\s+/)[2]!);
