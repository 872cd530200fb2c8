/** The GitHub snapshot reports a link (git mode 120000) as the local one does, and never reads it. */
import { describe, expect, it } from 'vitest';
import type { GitHubClient } from '../../src/github/client.js';
import { GitObjects } from '../../src/github/objects.js';
import { GitHubSnapshot, readTree } from '../../src/github/snapshot.js';

function client(blobReads: string[]): GitHubClient {
  const tree = [
    { path: 'app/dev', type: 'blob', mode: '120000', sha: 'l1', size: 12 },
    { path: 'app/packages/1.0.0.yaml', type: 'blob', mode: '100644', sha: 'b1', size: 9 },
    { path: 'app/prod', type: 'tree', mode: '040000', sha: 't1' },
  ];
  return {
    rest: {
      git: {
        getTree: async () => ({ data: { sha: 'tree', truncated: false, tree } }),
        getBlob: async ({ file_sha }: { file_sha: string }) => {
          blobReads.push(file_sha);
          return { data: { content: Buffer.from('kind: x\n').toString('base64'), encoding: 'base64' } };
        },
      },
    },
  } as unknown as GitHubClient;
}

describe('GitHubSnapshot', () => {
  it('lists mode 120000 entries as links and refuses to read them', async () => {
    const reads: string[] = [];
    const ref = { owner: 'o', repo: 'r' };
    const objects = new GitObjects(client(reads), ref);
    const entries = await readTree(objects, 'tree');
    expect(entries.map((e) => [e.path, e.kind])).toEqual([
      ['app/dev', 'symlink'],
      ['app/packages/1.0.0.yaml', 'file'],
    ]);
    const snapshot = new GitHubSnapshot(objects, entries);
    await expect(snapshot.read('app/dev')).rejects.toMatchObject({ reason: 'symlink', path: 'app/dev' });
    await expect(snapshot.read('app/packages/1.0.0.yaml', { maxBytes: 4 })).rejects.toMatchObject({
      reason: 'too-large',
    });
    expect(reads).toEqual([]);
    await expect(snapshot.read('app/packages/1.0.0.yaml')).resolves.toBe('kind: x\n');
  });
});
