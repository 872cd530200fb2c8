/**
 * The stand-in's answers the API economy relies on, as GitHub gives them (each checked against
 * GitHub's OpenAPI description): a branch's head commit and tree in one call, a recursive tree read
 * cut short with `truncated: true`, and x-ratelimit-remaining counting down.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/github/client.js';
import { GitObjects } from '../../src/github/objects.js';
import { type StandIn, startStandIn } from '../e2e/stand-in/server.js';

const ref = { owner: 'acme', repo: 'gitops' };
const standIns: StandIn[] = [];
afterAll(async () => {
  const all = standIns.splice(0);
  for (const s of all) await s.close();
  expect(all.flatMap((s) => s.violations)).toEqual([]);
});

async function standIn(options: { recursiveTreeLimit?: number; rateLimitRemaining?: number } = {}) {
  const files = { 'flux-pkg.yaml': 'layout: {}\n', 'a/dev/x.yaml': 'x\n', 'a/qa/y.yaml': 'y\n' };
  const s = await startStandIn({ ...ref, token: 't', files, ...options });
  standIns.push(s);
  return { s, client: createClient({ token: 't', baseUrl: s.url, pacing: false }) };
}

describe('the stand-in', () => {
  it('answers GET /branches/{branch} with the head commit and its tree; 404 for no such branch', async () => {
    const { s, client } = await standIn();
    const objects = new GitObjects(client, ref);
    const head = await objects.branch('main');
    expect(head).toEqual({
      sha: s.head('main'),
      treeSha: s.git(['rev-parse', 'main^{tree}']).trim(),
      parents: [],
    });
    s.commit('feature/x', { 'b.yaml': 'b\n' }, 'a branch with a slash');
    expect((await objects.branch('feature/x'))?.parents).toEqual([head!.sha]);
    expect(await objects.branch('nope')).toBeUndefined();
  });

  it('cuts a recursive tree read short past its limit, saying truncated; non-recursive reads are whole', async () => {
    const { client } = await standIn({ recursiveTreeLimit: 3 });
    const objects = new GitObjects(client, ref);
    const whole = await objects.treeOfBranch('main');
    expect(whole?.truncated).toBe(true);
    expect(whole?.entries).toHaveLength(3);
    const root = await objects.tree(whole!.sha, false);
    expect(root.truncated).toBe(false);
    expect(root.entries.map((e) => [e.path, e.type])).toEqual([
      ['a', 'tree'],
      ['flux-pkg.yaml', 'blob'],
    ]);
  });

  it('counts x-ratelimit-remaining down from what the test sets', async () => {
    const { s, client } = await standIn({ rateLimitRemaining: 120 });
    const remaining = async () =>
      (await client.rest.repos.getBranch({ ...ref, branch: 'main' })).headers['x-ratelimit-remaining'];
    expect(await remaining()).toBe('119');
    expect(await remaining()).toBe('118');
    s.setRateLimitRemaining(1000);
    expect(await remaining()).toBe('999');
  });
});

describe('GitObjects', () => {
  it('reads each object once, whoever asks and by whichever name', async () => {
    const { s, client } = await standIn();
    const objects = new GitObjects(client, ref);
    const commit = s.head('main')!;
    const byCommit = await objects.tree(commit, true);
    const again = await Promise.all([objects.tree(byCommit.sha, true), objects.tree(commit, true)]);
    expect(again.map((t) => t.sha)).toEqual([byCommit.sha, byCommit.sha]);
    const blob = byCommit.entries.find((e) => e.path === 'a/dev/x.yaml')!.sha;
    objects.prefetch([blob, blob]);
    const texts = await Promise.all([objects.blob(blob), objects.blob(blob)]);
    expect(texts.map((b) => b.toString())).toEqual(['x\n', 'x\n']);
    const reads = s.calls.map((c) => c.path.replace('/repos/acme/gitops', ''));
    expect(reads).toEqual([`/git/trees/${commit}?recursive=1`, `/git/blobs/${blob}`]);
  });

  it('forgets a failed read, so the next ask tries again', async () => {
    const { s, client } = await standIn();
    const objects = new GitObjects(client, ref);
    s.faults.notAccessible({ operationId: 'git/get-tree' });
    await expect(objects.tree(s.head('main')!, false)).rejects.toMatchObject({ status: 403 });
    expect((await objects.tree(s.head('main')!, false)).entries).toHaveLength(2);
  });
});
