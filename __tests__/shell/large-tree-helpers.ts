/**
 * What the large-tree scenarios share: a gitops repository past one recursive tree read (the
 * stand-in answers `truncated: true` past `recursiveTreeLimit` entries, as GitHub does past
 * 100,000), and the reads a run made, sorted into "the whole tree" and "one folder's subtree".
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { OWNER, REPO, TOKEN } from '../e2e/scenario.js';
import { Contract } from '../e2e/stand-in/contract.js';
import { type StandIn, startStandIn } from '../e2e/stand-in/server.js';

/** Entries one recursive read lists before it says `truncated: true` (the repos below have ~170). */
export const LIMIT = 50;

/** Unrelated component folders (Packages, three environments) no run here has a reason to read. */
export function withUnrelated(files: Record<string, string>, count = 20): Record<string, string> {
  const all = { ...files };
  for (let i = 0; i < count; i++) {
    const dir = `unrelated-${i}.apps.example.com`;
    all[`${dir}/packages/1.0.0.yaml`] = `# not read\n`;
    for (const env of ['dev', 'staging', 'prod'])
      all[`${dir}/${env}/kustomization.yaml`] = `resources: []\n# ${i}\n`;
  }
  return all;
}

const open: StandIn[] = [];

/** Compile the contract once per file; close the file's stand-ins after it, checking GitHub's contract held. */
export function closeLargeTreeStandIns(): void {
  beforeAll(() => {
    Contract.shared();
  });
  afterAll(async () => {
    const all = open.splice(0);
    for (const s of all) await s.close();
    expect(all.flatMap((s) => s.violations)).toEqual([]);
  });
}

export async function largeRepo(
  files: Record<string, string>,
  options: { rateLimitRemaining?: number } = {},
): Promise<StandIn> {
  const standIn = await startStandIn({
    owner: OWNER,
    repo: REPO,
    token: TOKEN,
    files,
    recursiveTreeLimit: LIMIT,
    ...options,
  });
  open.push(standIn);
  // The premise: GitHub would not list this tree in one read.
  expect(standIn.git(['ls-tree', '-r', '-t', 'main']).trim().split('\n').length).toBeGreaterThan(LIMIT);
  return standIn;
}

/** The tree-ish (sha or branch name) of every tree read since call `from`, and whether it was recursive. */
export function treeReads(standIn: StandIn, from = 0): { treeish: string; recursive: boolean }[] {
  return standIn.calls.slice(from).flatMap((c) => {
    const m = /\/git\/trees\/([^?]+)(\?.*)?$/.exec(c.path);
    return c.method === 'GET' && m
      ? [{ treeish: decodeURIComponent(m[1]!), recursive: /recursive=/.test(m[2] ?? '') }]
      : [];
  });
}

/** The tree shas of every folder whose path starts with `prefix` at `rev` (a branch or a commit). */
export function folderShas(standIn: StandIn, rev: string, prefix: string): Set<string> {
  return new Set(
    standIn
      .git(['ls-tree', '-r', '-t', rev])
      .split('\n')
      .filter((line) => line.includes(' tree ') && line.split('\t')[1]!.startsWith(prefix))
      .map((line) => line.split(/\s+/)[2]!),
  );
}

/** The sha of `rev:path` (with path '' the commit's root tree). */
export const shaOf = (standIn: StandIn, rev: string, path = ''): string =>
  standIn.git(['rev-parse', `${rev}:${path}`]).trim();

/**
 * Since call `from`: each root tree (by any of the names it goes by) read recursively at most once
 * (the read GitHub truncates), every other recursive read one of the `folders` (tree shas) the mode
 * needs, and no read at all of a folder under an `unrelated-` component at any of `revs`.
 */
export function expectOnlyNeededReads(
  standIn: StandIn,
  from: number,
  expected: { roots: string[][]; folders: Set<string>; revs: string[] },
): void {
  const reads = treeReads(standIn, from);
  const rootNames = new Set(expected.roots.flat());
  for (const names of expected.roots)
    expect(
      reads.filter((r) => r.recursive && names.includes(r.treeish)).length,
      names.join(' '),
    ).toBeLessThanOrEqual(1);
  const deep = reads.filter((r) => r.recursive && !rootNames.has(r.treeish)).map((r) => r.treeish);
  expect(deep.filter((sha) => !expected.folders.has(sha))).toEqual([]);
  const unrelated = new Set(expected.revs.flatMap((rev) => [...folderShas(standIn, rev, 'unrelated-')]));
  expect(reads.filter((r) => unrelated.has(r.treeish))).toEqual([]);
}
