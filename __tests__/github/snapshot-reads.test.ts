/**
 * Blob and tree reads through the API overlap, but never more than READS_IN_FLIGHT at once (a walk
 * of every component folder is thousands of tree reads); a path the tree does not hold costs no
 * request.
 */
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/github/client.js';
import { concurrencyLimit } from '../../src/github/limit.js';
import { GitObjects } from '../../src/github/objects.js';
import { GitHubSnapshot, READS_IN_FLIGHT, type TreeEntry } from '../../src/github/snapshot.js';

/**
 * A transport that holds blob answers and records how many were in flight: once
 * READS_IN_FLIGHT are waiting it answers the oldest 20 ms later (time for any request past the
 * bound to show up), and it answers the tail when no new request came for 100 ms.
 */
function blobServer(blobs: Map<string, string>) {
  const held: (() => void)[] = [];
  const seen = { maxInFlight: 0, requests: 0 };
  let idle: ReturnType<typeof setTimeout> | undefined;
  const releaseOne = () => held.shift()?.();
  const arrived = () => {
    seen.maxInFlight = Math.max(seen.maxInFlight, held.length);
    clearTimeout(idle);
    if (held.length === READS_IN_FLIGHT) setTimeout(releaseOne, 20);
    idle = setTimeout(function tail() {
      releaseOne();
      if (held.length) idle = setTimeout(tail, 100);
    }, 100);
  };
  const fetch = (async (input: string | URL | Request) => {
    seen.requests += 1;
    await new Promise<void>((resolve) => {
      held.push(resolve);
      arrived();
    });
    const url = String(input);
    const sha = url.split('/').at(-1)!.split('?')[0]!;
    if (url.includes('/git/trees/'))
      return new Response(JSON.stringify({ sha, url, tree: [], truncated: false }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    const text = blobs.get(sha);
    const body =
      text === undefined
        ? { message: 'Not Found' }
        : { sha, encoding: 'base64', content: Buffer.from(text).toString('base64') };
    return new Response(JSON.stringify(body), {
      status: text === undefined ? 404 : 200,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

describe('GitHubSnapshot reads', () => {
  it('reads blobs concurrently, bounded', async () => {
    const entries: TreeEntry[] = Array.from({ length: 40 }, (_, i) => ({
      path: `c/dev/file-${i}.yaml`,
      sha: i.toString(16).padStart(40, '0'),
      mode: '100644',
    }));
    const blobs = new Map(entries.map((e, i) => [e.sha, `n: ${i}\n`]));
    const { fetch, seen } = blobServer(blobs);
    const client = createClient({ token: 't', baseUrl: 'https://api.example.test', fetch, pacing: false });
    const snapshot = new GitHubSnapshot(new GitObjects(client, { owner: 'acme', repo: 'gitops' }), entries);
    const texts = await Promise.all(entries.map((e) => snapshot.read(e.path)));
    expect(texts).toEqual(entries.map((_, i) => `n: ${i}\n`));
    expect(seen.requests).toBe(40);
    expect(seen.maxInFlight).toBe(READS_IN_FLIGHT);
  });

  it('reads trees and blobs together, bounded as one', async () => {
    const shas = Array.from({ length: 24 }, (_, i) => i.toString(16).padStart(40, '0'));
    const { fetch, seen } = blobServer(new Map(shas.map((sha) => [sha, 'x: 1\n'])));
    const client = createClient({ token: 't', baseUrl: 'https://api.example.test', fetch, pacing: false });
    const objects = new GitObjects(client, { owner: 'acme', repo: 'gitops' });
    const trees = shas.slice(0, 12).map((sha) => objects.tree(sha, true));
    const blobs = shas.slice(12).map((sha) => objects.blob(sha));
    await Promise.all([...trees, ...blobs]);
    expect(seen.requests).toBe(24);
    expect(seen.maxInFlight).toBe(READS_IN_FLIGHT);
  });

  it('answers a path outside the tree without a request', async () => {
    const { fetch, seen } = blobServer(new Map());
    const client = createClient({ token: 't', baseUrl: 'https://api.example.test', fetch, pacing: false });
    const snapshot = new GitHubSnapshot(new GitObjects(client, { owner: 'acme', repo: 'gitops' }), []);
    expect(await snapshot.read('flux-pkg.yaml')).toBeUndefined();
    expect(seen.requests).toBe(0);
  });
});

describe('concurrencyLimit', () => {
  it('frees the slot of a task that failed, and runs the rest in order', async () => {
    const limit = concurrencyLimit(1);
    const order: number[] = [];
    const failing = limit(async () => {
      order.push(0);
      throw new Error('boom');
    });
    const rest = [1, 2, 3].map((n) => limit(async () => order.push(n)));
    await expect(failing).rejects.toThrow('boom');
    await Promise.all(rest);
    expect(order).toEqual([0, 1, 2, 3]);
  });
});
