/**
 * The stand-in's in-process git (loose-objects.ts, loose-refs.ts behind GitStore) against git itself:
 * the same shas for the same input, git can read everything it writes (`git fsck --strict`), it reads
 * what git writes (loose or packed), and ref compare-and-swap keeps `git update-ref` semantics.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';
import { GitStore } from './stand-in/git-store.js';
import type { TreeItem } from './stand-in/loose-objects.js';
import { startStandIn } from './stand-in/server.js';
import { buildTree, commitFiles } from './stand-in/tree-builder.js';

const stores: GitStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.remove();
});

function store(): GitStore {
  const s = GitStore.create('main');
  stores.push(s);
  return s;
}

/** git's own answer, from a separate repository so nothing the in-process code wrote can help it. */
function gitSays(args: string[], input?: string | Buffer, env: Record<string, string> = {}): string {
  const twin = store();
  return twin.git(args, input, env).trim();
}

const ALICE = { name: 'Alice Example', email: 'alice@example.com' };

describe('objects', () => {
  it('hashes blobs as git hash-object does, as loose files git reads', () => {
    const s = store();
    for (const content of [
      '',
      'replicas: 1\n',
      'no newline',
      'ünïcødé ✓ 𝄞\n',
      Buffer.from([0, 1, 255, 10]),
    ]) {
      const sha = s.hashBlob(content);
      expect(sha).toBe(gitSays(['hash-object', '--stdin'], content));
      expect(existsSync(join(s.dir, 'objects', sha.slice(0, 2), sha.slice(2)))).toBe(true);
      expect(execFileSync('git', ['--git-dir', s.dir, 'cat-file', 'blob', sha])).toEqual(
        Buffer.from(content),
      );
    }
  });

  it('writes trees as git mktree does: git order (a tree sorts as name + "/"), modes, gitlinks', () => {
    const s = store();
    const blob = s.hashBlob('x\n');
    const sub = s.writeTree([{ mode: '100644', name: 'f', sha: blob }], false);
    const submodule = 'c0ffee0000000000000000000000000000000000';
    const items: TreeItem[] = [
      { mode: '100644', name: 'a.b', sha: blob },
      { mode: '040000', name: 'a', sha: sub },
      { mode: '100644', name: 'a-', sha: blob },
      { mode: '100755', name: 'run.sh', sha: blob },
      { mode: '120000', name: 'link', sha: blob },
      { mode: '100644', name: 'é', sha: blob },
      { mode: '100644', name: 'z', sha: blob },
      { mode: '040000', name: 'a0', sha: sub },
      { mode: '160000', name: 'vendor', sha: submodule },
    ];
    const sha = s.writeTree(items, true);
    // git needs the objects to check them: give the twin the same blob and subtree first.
    const twin = store();
    twin.git(['hash-object', '-w', '--stdin'], 'x\n');
    twin.git(['mktree'], `100644 blob ${blob}\tf\n`);
    const mktree = items.map(
      (i) =>
        `${i.mode} ${i.mode === '040000' ? 'tree' : i.mode === '160000' ? 'commit' : 'blob'} ${i.sha}\t${i.name}\0`,
    );
    expect(sha).toBe(twin.git(['mktree', '-z', '--missing'], mktree.join('')).trim());
    expect(s.git(['-c', 'core.quotePath=false', 'ls-tree', '--name-only', sha])).toBe(
      'a-\na.b\na\na0\nlink\nrun.sh\nvendor\nz\né\n',
    );
  });

  it('refuses what git mktree refuses: a missing object, a wrong type', () => {
    const s = store();
    const blob = s.hashBlob('x\n');
    expect(() => s.writeTree([{ mode: '100644', name: 'f', sha: 'ab'.repeat(20) }], false)).toThrow(
      /unavailable/,
    );
    expect(() => s.writeTree([{ mode: '040000', name: 'd', sha: blob }], false)).toThrow(/is a blob/);
    expect(() => s.writeTree([{ mode: '160000', name: 'm', sha: blob }], true)).toThrow(/is a blob/);
    expect(() => s.writeTree([{ mode: '160000', name: 'm', sha: 'abc' }], true)).toThrow(
      /input format error/,
    );
  });

  it('lists trees as git ls-tree -r -t -l does', () => {
    const s = store();
    const tree = buildTree(s, undefined, [
      { path: 'a/b/c.txt', mode: '100644', content: 'c\n' },
      { path: 'a.txt', mode: '100644', content: 'top\n' },
      { path: 'a/z', mode: '100755', content: '#!/bin/sh\n' },
      { path: 'a-b/link', mode: '120000', content: '../a.txt' },
    ]);
    const git = execFileSync('git', ['--git-dir', s.dir, 'ls-tree', '-r', '-t', '-l', '-z', tree], {
      encoding: 'utf8',
    })
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const [meta, path] = line.split('\t');
        const [mode, type, sha, size] = meta!.split(/\s+/);
        return { path, mode, type, sha, ...(type === 'blob' ? { size: Number(size) } : {}) };
      });
    expect(s.lsTree(tree, true)).toEqual(git);
    expect(s.lsTree(tree, false)).toEqual(git.filter((e) => !e.path!.includes('/')));
  });

  it('writes commits byte for byte as git commit-tree does (logical clock dates, parents, messages)', () => {
    const s = store();
    const tree = s.writeTree([{ mode: '100644', name: 'f', sha: s.hashBlob('f\n') }], false);
    const first = s.commitTree(tree, [], 'first', ALICE);
    const cases: [string[], string, { name: string; email: string; date?: string }][] = [
      [[first], 'subject\n\nbody ünïcødé 𝄞\n', ALICE],
      [[first, first], '', { name: 'Bot [bot]', email: '' }],
      [[], 'dated', { ...ALICE, date: '2030-06-01T12:34:56Z' }],
    ];
    const twin = store();
    twin.git(['hash-object', '-w', '--stdin'], 'f\n');
    twin.git(['mktree'], `100644 blob ${s.hashBlob('f\n')}\tf\n`);
    const twinFirst = twin.git(['commit-tree', tree], 'first', env(ALICE, '2024-01-01T00:01:00Z'));
    expect(first).toBe(twinFirst.trim());
    for (const [parents, message, who] of cases) {
      const sha = s.commitTree(tree, parents, message, who);
      const date = s.readCommit(sha).author.date;
      const args = ['commit-tree', tree, ...parents.flatMap((p) => ['-p', p])];
      expect(sha).toBe(twin.git(args, message, env(who, who.date ?? date)).trim());
    }
    expect(
      execFileSync('git', ['--git-dir', s.dir, 'log', '--format=%ad', '--date=iso-strict', first], {
        encoding: 'utf8',
      }),
    ).toBe('2024-01-01T00:01:00+00:00\n');
  });

  it('leaves to git what git would rewrite or refuse (crud around a name, a NUL, another date form)', () => {
    const s = store();
    const tree = s.writeTree([], false);
    const odd = { name: ' <Odd.> ', email: '<odd@example.com>', date: '2024-01-01T02:00:00+02:00' };
    const sha = s.commitTree(tree, [], 'msg', odd);
    expect(s.readCommit(sha).author).toEqual({
      name: 'Odd',
      email: 'odd@example.com',
      date: '2024-01-01T00:00:00Z',
    });
    expect(() => s.commitTree(tree, [], 'nul\0byte', ALICE)).toThrow(/NUL/);
    expect(() => s.commitTree(tree, [], 'msg', { name: '', email: 'e@x' })).toThrow(/empty ident/);
  });
});

function env(who: { name: string; email: string }, date: string): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email,
    GIT_COMMITTER_DATE: date,
  };
}

describe('refs', () => {
  it('compare-and-swap keeps git update-ref semantics', () => {
    const s = store();
    expect(s.hasRefs()).toBe(false);
    const one = commitFiles(s, 'refs/heads/main', { 'a.txt': 'a\n' }, 'one', ALICE);
    expect(s.hasRefs()).toBe(true);
    const two = s.commitTree(s.readCommit(one).tree, [one], 'two', ALICE);
    expect(s.updateRef('refs/heads/main', two, null)).toBe(false); // exists
    expect(s.updateRef('refs/heads/main', two, two)).toBe(false); // not what it holds
    expect(s.updateRef('refs/heads/main', two, one)).toBe(true);
    expect(s.git(['rev-parse', 'refs/heads/main']).trim()).toBe(two);
    expect(s.updateRef('refs/heads/tree', s.readCommit(one).tree, null)).toBe(false); // not a commit
    expect(s.updateRef('refs/heads/gone', 'ab'.repeat(20), null)).toBe(false); // no such object
    expect(s.updateRef('refs/heads/main/sub', one, null)).toBe(false); // main is a ref, not a directory
    writeFileSync(join(s.dir, 'refs/heads/main.lock'), '');
    expect(s.updateRef('refs/heads/main', one, two)).toBe(false); // somebody else holds the lock
    expect(s.resolveRef('refs/heads/main')).toBe(two);
  });

  it('creates and deletes nested refs, removing the directories git removes', () => {
    const s = store();
    const one = commitFiles(s, 'refs/heads/main', { 'a.txt': 'a\n' }, 'one', ALICE);
    expect(s.updateRef('refs/flux-pkg/delivered/main', one, null)).toBe(true);
    expect(s.git(['for-each-ref', '--format=%(refname)']).trim().split('\n')).toEqual([
      'refs/flux-pkg/delivered/main',
      'refs/heads/main',
    ]);
    expect(s.deleteRef('refs/flux-pkg/delivered/main')).toBe(true);
    expect(existsSync(join(s.dir, 'refs/flux-pkg/delivered'))).toBe(false);
    expect(existsSync(join(s.dir, 'refs/flux-pkg'))).toBe(true);
    expect(s.deleteRef('refs/heads/never')).toBe(true); // as `git update-ref -d` answers
    expect(s.updateRef('refs/flux-pkg/delivered', one, null)).toBe(true); // no directory left in the way
  });

  it('resolves names as git rev-parse does (its rule order, HEAD, a tag shadowing a branch, paths)', () => {
    const s = store();
    const one = commitFiles(s, 'refs/heads/main', { 'dir/a.txt': 'a\n' }, 'one', ALICE);
    const two = commitFiles(s, 'refs/heads/other', { 'b.txt': 'b\n' }, 'two', ALICE);
    s.git(['update-ref', 'refs/tags/v1', two]);
    const rev = (name: string) => {
      try {
        return s.git(['rev-parse', '--verify', '--quiet', `${name}^{tree}`]).trim();
      } catch {
        return undefined;
      }
    };
    const names = ['main', 'heads/main', 'refs/heads/main', 'v1', 'HEAD', 'nope', 'refs/heads/nope', 'abcd'];
    for (const name of names) expect([name, s.treeSha(name)]).toEqual([name, rev(name)]);
    s.git(['update-ref', 'refs/tags/main', two]); // refs/tags/<name> comes before refs/heads/<name>
    expect(s.treeSha('main')).toBe(rev('main'));
    expect(s.treeSha('main')).toBe(s.readCommit(two).tree);
    for (const path of ['dir/a.txt', 'dir'])
      expect(s.objectAt(one, path)).toBe(s.git(['rev-parse', `${one}:${path}`]).trim());
    expect(s.objectAt(one, 'dir/missing')).toBeUndefined();
    expect(s.objectAt(one, 'dir/a.txt/deeper')).toBeUndefined();
  });

  it('sees what git writes: loose refs, and objects and refs packed by git gc', () => {
    const s = store();
    const one = commitFiles(s, 'refs/heads/main', { 'dir/a.txt': 'a\n' }, 'one', ALICE);
    const two = s
      .git(['commit-tree', `${one}^{tree}`, '-p', one], 'by git', env(ALICE, '2025-01-01T00:00:00Z'))
      .trim();
    s.git(['update-ref', 'refs/heads/main', two, one]); // a force push from a test
    expect(s.resolveRef('refs/heads/main')).toBe(two);
    expect(s.readCommit(two).message).toBe('by git');
    s.git(['gc', '--quiet', '--prune=now']);
    expect(existsSync(join(s.dir, 'objects', two.slice(0, 2), two.slice(2)))).toBe(false);
    expect(s.resolveRef('refs/heads/main')).toBe(two);
    expect(s.typeOf(two)).toBe('commit');
    expect(s.readFiles('refs/heads/main')).toEqual({ 'dir/a.txt': 'a\n' });
    expect(s.treeSha(two)).toBe(s.readCommit(one).tree);
    expect(s.updateRef('refs/heads/main', one, one)).toBe(false);
    expect(s.updateRef('refs/heads/main', one, two)).toBe(true);
    expect(s.resolveRef('refs/heads/main')).toBe(one);
    expect(s.hasRefs()).toBe(true);
  });
});

describe('a run', () => {
  it('leaves a repository git fsck --strict accepts', async () => {
    const standIn = await startStandIn({
      owner: 'acme',
      repo: 'gitops',
      files: { 'README.md': '# gitops\n', 'app/dev/params.yaml': 'replicas: 1\n' },
    });
    try {
      const client = new Octokit({ baseUrl: standIn.url, request: { retries: 0 } });
      const repo = { owner: 'acme', repo: 'gitops' };
      const main = standIn.head('main')!;
      const { data: base } = await client.rest.git.getCommit({ ...repo, commit_sha: main });
      const { data: tree } = await client.rest.git.createTree({
        ...repo,
        base_tree: base.tree.sha,
        tree: [
          { path: 'app/dev/params.yaml', mode: '100644', type: 'blob', content: 'replicas: 2\n' },
          { path: 'app/prod/params.yaml', mode: '100644', type: 'blob', content: 'replicas: 3\n' },
          { path: 'app/run.sh', mode: '100755', type: 'blob', content: '#!/bin/sh\n' },
          { path: 'app/current', mode: '120000', type: 'blob', content: 'dev' },
          { path: 'README.md', sha: null },
        ],
      });
      const { data: commit } = await client.rest.git.createCommit({
        ...repo,
        message: 'Update app\n\nSigned by the stand-in.\n',
        tree: tree.sha,
        parents: [main],
      });
      await client.rest.git.createRef({ ...repo, ref: 'refs/heads/flux-pkg/app/dev', sha: commit.sha });
      standIn.commit('flux-pkg/app/dev', { 'app/dev/params.yaml': 'replicas: 4\n' }, 'someone else');
      await client.rest.git.updateRef({
        ...repo,
        ref: 'heads/flux-pkg/app/dev',
        sha: commit.sha,
        force: true,
      });
      expect(standIn.git(['rev-parse', 'refs/heads/flux-pkg/app/dev']).trim()).toBe(commit.sha);
      expect(() =>
        execFileSync('git', ['--git-dir', standIn.bareRepo, 'fsck', '--strict', '--no-dangling']),
      ).not.toThrow();
    } finally {
      await standIn.close();
    }
  });
});
