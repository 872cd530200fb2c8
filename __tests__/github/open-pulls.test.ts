/**
 * OpenPulls with the branches announced before planning (`expect`): the read started then is kept
 * when planning names branches needing the same read, and replaced when not — a wrong guess costs
 * one read and never hides an open pull request.
 */
import { describe, expect, it } from 'vitest';
import type { GitHubClient } from '../../src/github/client.js';
import { OpenPulls } from '../../src/github/publish.js';

const REF = { owner: 'acme', repo: 'gitops' };

/** A client whose repository has one open pull request per branch named; it records each list read. */
function fakeClient(open: readonly string[]) {
  const reads: string[] = [];
  const pull = (branch: string, number: number) => ({
    number,
    html_url: `https://github.test/acme/gitops/pull/${number}`,
    title: branch,
    body: null,
    state: 'open',
    merged_at: null,
    head: { ref: branch, repo: { full_name: 'acme/gitops' } },
  });
  const all = open.map((branch, i) => pull(branch, i + 1));
  const list = async (params: { head?: string; state: string }) => {
    reads.push(params.head ? `${params.state} ${params.head}` : `every ${params.state}`);
    const branch = params.head?.split(':')[1];
    return { data: branch ? all.filter((p) => p.head.ref === branch) : all };
  };
  const client = {
    rest: { pulls: { list } },
    paginate: async (fn: typeof list, params: { state: string }) => (await fn(params)).data,
  } as unknown as GitHubClient;
  return { client, reads };
}

describe('OpenPulls.expect', () => {
  it('the same branch: the read made before planning is the one used', async () => {
    const { client, reads } = fakeClient(['flux-pkg/a/dev']);
    const pulls = new OpenPulls(client, REF, 'main');
    pulls.expect(['flux-pkg/a/dev']);
    expect(reads).toEqual(['all acme:flux-pkg/a/dev']);
    pulls.prepare(['flux-pkg/a/dev']);
    expect((await pulls.get('flux-pkg/a/dev'))?.number).toBe(1);
    expect(reads).toEqual(['all acme:flux-pkg/a/dev']);
  });

  it('another branch: one more read, and its open pull request is found', async () => {
    const { client, reads } = fakeClient(['flux-pkg/a/dev', 'flux-pkg/a/staging']);
    const pulls = new OpenPulls(client, REF, 'main');
    pulls.expect(['flux-pkg/a/dev']);
    pulls.prepare(['flux-pkg/a/staging']);
    expect((await pulls.get('flux-pkg/a/staging'))?.number).toBe(2);
    expect(await pulls.closed('flux-pkg/a/staging')).toEqual([]);
    expect(reads).toEqual(['all acme:flux-pkg/a/dev', 'all acme:flux-pkg/a/staging']);
  });

  it('several branches guessed, one planned: the one branch is read whole', async () => {
    const { client, reads } = fakeClient(['flux-pkg/a/dev']);
    const pulls = new OpenPulls(client, REF, 'main');
    pulls.expect(['flux-pkg/a/dev', 'flux-pkg/a/staging']);
    pulls.prepare(['flux-pkg/a/dev']);
    expect((await pulls.get('flux-pkg/a/dev'))?.number).toBe(1);
    expect(reads).toEqual(['every open', 'all acme:flux-pkg/a/dev']);
  });

  it('several branches guessed, several others planned: the one list of open pull requests serves', async () => {
    const { client, reads } = fakeClient(['flux-pkg/b/dev']);
    const pulls = new OpenPulls(client, REF, 'main');
    pulls.expect(['flux-pkg/a/dev', 'flux-pkg/a/staging']);
    pulls.prepare(['flux-pkg/b/dev', 'flux-pkg/b/staging']);
    expect((await pulls.get('flux-pkg/b/dev'))?.number).toBe(1);
    expect(reads).toEqual(['every open']);
  });

  it('nothing planned: the guess is dropped and nothing more is read', async () => {
    const { client, reads } = fakeClient([]);
    const pulls = new OpenPulls(client, REF, 'main');
    pulls.expect(['flux-pkg/a/dev']);
    pulls.prepare([]);
    expect(reads).toEqual(['all acme:flux-pkg/a/dev']);
  });
});
