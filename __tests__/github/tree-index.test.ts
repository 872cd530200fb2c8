/**
 * The tree sha a run computes for base + its files is the one git (and so GitHub's createTree)
 * gives the same tree: checked against `git write-tree` on repositories of awkward names (a folder
 * beside a file that sorts between it and its "/" form, links, executables, new folders).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { blobSha, type RawTreeEntry, TreeIndex } from '../../src/github/tree-index.js';
import { propertyOptions } from '../helpers/fc.js';

const dir = mkdtempSync(join(tmpdir(), 'tree-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function git(args: string[], input?: string): string {
  return execFileSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd: dir,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}
git(['init', '-q', '.']);

/** git's name for a blob: sha1 of "blob <size>\0<bytes>" (computed here, not by the code under test). */
const gitBlobName = (text: string) =>
  createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0${text}`)
    .digest('hex');

/**
 * A tree of `files` (path → [mode, text]) built in git's index; its sha and its `ls-tree -r -t`.
 * Blobs are named, not stored (`write-tree --missing-ok`): the trees are git's own, four spawns a tree.
 */
function gitTree(files: Record<string, [string, string]>): { sha: string; entries: RawTreeEntry[] } {
  const lines = Object.entries(files).map(([path, [mode, text]]) => `${mode} ${gitBlobName(text)}\t${path}`);
  git(['read-tree', '--empty']);
  git(['update-index', '--add', '--index-info'], `${lines.join('\n')}\n`);
  const sha = git(['write-tree', '--missing-ok']).trim();
  const entries = git(['ls-tree', '-r', '-t', sha])
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t') as [string, string];
      const [mode, type, sha] = meta.split(' ') as [string, string, string];
      return { path, mode, type, sha };
    });
  return { sha, entries };
}

const BASE: Record<string, [string, string]> = {
  'flux-pkg.yaml': ['100644', 'layout: {}\n'],
  'app/dev/params.yaml': ['100644', 'a: 1\n'],
  'app/dev-old': ['100644', 'x\n'],
  'app/dev.yaml': ['100644', 'y\n'],
  'app/dev0/kustomization.yaml': ['100644', 'resources: []\n'],
  'app/run.sh': ['100755', '#!/bin/sh\n'],
  'app/link': ['120000', 'dev/params.yaml'],
  'zz/a.yaml': ['100644', 'z\n'],
};

describe('TreeIndex.shaWith', () => {
  it('is git write-tree of base + the files (changed, added, in new folders)', () => {
    const base = gitTree(BASE);
    const index = new TreeIndex(base.sha);
    index.add('', base.entries, true);
    expect(index.shaWith([])).toBe(base.sha);
    const written = [
      { path: 'app/dev/params.yaml', content: 'a: 2\n' },
      { path: 'app/dev/packageinstall.yaml', content: 'kind: PackageInstall\n' },
      { path: 'app/new-env/params.yaml', content: 'b: 1\n' },
      { path: 'app/dev-old', content: 'changed\n' },
    ];
    const expected = gitTree({
      ...BASE,
      ...Object.fromEntries(written.map((f) => [f.path, ['100644', f.content] as [string, string]])),
    });
    expect(index.shaWith(written)).toBe(expected.sha);
    expect(blobSha('a: 2\n')).toBe(expected.entries.find((e) => e.path === 'app/dev/params.yaml')!.sha);
    expect(blobSha('a: 2\n')).toBe(git(['hash-object', '--stdin'], 'a: 2\n').trim());
  });

  it('knows only what was read: a folder on a written path that was not listed gives no answer', () => {
    const base = gitTree(BASE);
    const root = base.entries.filter((e) => !e.path.includes('/'));
    const index = new TreeIndex(base.sha);
    index.add('', root, false);
    expect(index.shaWith([{ path: 'app/dev/params.yaml', content: 'a: 2\n' }])).toBeUndefined();
    expect(index.shaWith([{ path: 'new/params.yaml', content: 'a: 2\n' }])).toBe(
      gitTree({ ...BASE, 'new/params.yaml': ['100644', 'a: 2\n'] }).sha,
    );
    const app = base.entries.find((e) => e.path === 'app')!;
    const under = base.entries
      .filter((e) => e.path.startsWith('app/'))
      .map((e) => ({ ...e, path: e.path.slice('app/'.length) }));
    index.add('app', under, true);
    expect(index.knowsAllUnder('app/dev')).toBe(true);
    expect(index.entry('app')?.sha).toBe(app.sha);
    expect(index.shaWith([{ path: 'app/dev/params.yaml', content: 'a: 2\n' }])).toBe(
      gitTree({ ...BASE, 'app/dev/params.yaml': ['100644', 'a: 2\n'] }).sha,
    );
  });

  it('matches git for generated names and contents', () => {
    const name = fc.constantFrom('a', 'a.b', 'a-b', 'a0', 'b', 'dev', 'dev.yaml', 'Z', 'é');
    const path = fc.array(name, { minLength: 1, maxLength: 3 }).map((p) => p.join('/'));
    fc.assert(
      fc.property(fc.uniqueArray(path, { minLength: 1, maxLength: 5 }), fc.nat(5), (paths, n) => {
        // A path that is a folder of another cannot also be a file.
        const files = paths.filter((p) => !paths.some((q) => q.startsWith(`${p}/`)));
        const [base, written] = [files.slice(n % files.length), files.slice(0, n % files.length)];
        const tree = gitTree(Object.fromEntries(base.map((p) => [p, ['100644', `${p}\n`]])));
        const index = new TreeIndex(tree.sha);
        index.add('', tree.entries, true);
        const writes = written.map((p) => ({ path: p, content: `new ${p}\n` }));
        const all = { ...Object.fromEntries(base.map((p) => [p, ['100644', `${p}\n`]])) };
        for (const w of writes) all[w.path] = ['100644', w.content];
        expect(index.shaWith(writes)).toBe(gitTree(all as Record<string, [string, string]>).sha);
      }),
      propertyOptions({ numRuns: 8, seed: 20 }),
    );
  });
});
