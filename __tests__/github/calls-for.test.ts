/**
 * The REST budget is asked for callsFor() per proposal (+2: the open pull requests' read and the
 * check that the base did not move): what a delivery then makes must never be more, whatever the
 * proposal does — open a pull request with labels and reviewers, find a branch a closed pull request
 * left, update an open one keeping an encrypted file's bytes, close one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/github/client.js';
import { deliver } from '../../src/github/deliver.js';
import { GitObjects } from '../../src/github/objects.js';
import { callsFor } from '../../src/github/publish.js';
import type { Proposal } from '../../src/plan/proposals/proposals.js';
import { writeMarker } from '../../src/report/pull-request/marker.js';
import { type StandIn, startStandIn } from '../e2e/stand-in/server.js';

const ref = { owner: 'acme', repo: 'gitops' };
const standIns: StandIn[] = [];
afterAll(async () => {
  const all = standIns.splice(0);
  for (const s of all) await s.close();
  expect(all.flatMap((s) => s.violations)).toEqual([]);
});

function proposal(key: string, files: Record<string, string>, more: Partial<Proposal> = {}): Proposal {
  return {
    key,
    targets: [{ component: 'app', environment: key, toVersion: '2.0.0' }],
    files: Object.entries(files).map(([path, content]) => ({
      path,
      content,
      action: 'update',
      secret: false,
    })),
    title: `Deploy app 2.0.0 to ${key}`,
    body: `body of ${key}\n${writeMarker(key, { version: '2.0.0' })}`,
    commitMessage: `Deploy app 2.0.0 to ${key}`,
    version: '2.0.0',
    knownVersions: ['1.0.0', '2.0.0'],
    labels: [],
    reviewers: [],
    teamReviewers: [],
    draft: false,
    autoMerge: undefined as unknown as Proposal['autoMerge'],
    ...more,
  };
}

/** One delivery of `proposals`; returns the calls it made after planning and what the budget was asked for. */
async function delivery(
  s: StandIn,
  proposals: Proposal[],
): Promise<{ made: number; asked: number; log: string }> {
  const client = createClient({ token: 't', baseUrl: s.url, pacing: false });
  const objects = new GitObjects(client, ref);
  const pulls = await client.paginate(client.rest.pulls.list, { ...ref, state: 'open', per_page: 100 });
  const open = new Set(pulls.map((p) => p.head.ref));
  let from = 0;
  await deliver({
    client,
    ref,
    objects,
    baseBranch: 'main',
    branchPrefix: 'flux-pkg',
    dryRun: false,
    log: () => {},
    propose: async () => {
      from = s.calls.length;
      return { result: { valid: true, diagnostics: [], environments: [], files: [] }, proposals };
    },
    // The gate's verdict: one status per head the run pushed or opened a pull request on.
    published: async (published) => {
      for (const p of published) {
        const head = p.commit ?? (p.operation === 'created' ? p.head : undefined);
        if (head)
          await client.rest.repos.createCommitStatus({
            ...ref,
            sha: head,
            state: 'success',
            context: 'flux-pkg/validate',
          });
      }
    },
  });
  const calls = s.calls.slice(from);
  const asked = proposals.reduce((n, p) => n + callsFor(p, open.has(`flux-pkg/${p.key}`)), 2);
  return { made: calls.length, asked, log: calls.map((c) => `${c.route} ${c.status}`).join('\n') };
}

describe('callsFor', () => {
  it('is an upper bound of what publishing makes, in every path', async () => {
    const s = await startStandIn({
      ...ref,
      token: 't',
      files: { 'app/dev/a.yaml': 'a: 1\n', 'app/qa/a.yaml': 'a: 1\n' },
    });
    standIns.push(s);
    const dev = (content: string, more: Partial<Proposal> = {}) =>
      proposal('dev', { 'app/dev/a.yaml': content }, { labels: ['deploy/dev'], ...more });
    const qa = (content: string) =>
      proposal('qa', { 'app/qa/a.yaml': content }, { reviewers: ['alice'], teamReviewers: ['ops'] });

    // Two new pull requests, with labels and reviewers; qa's branch was left by a closed pull request.
    s.commit('flux-pkg/qa', { 'app/qa/a.yaml': 'left: over\n' }, 'left behind');
    const withSecret = proposal('dev', { 'app/dev/a.yaml': 'a: 2\n', 'app/dev/secret.yaml': 'sops: old\n' });
    const opened = await delivery(s, [{ ...withSecret, labels: ['deploy/dev'] }, qa('a: 2\n')]);
    expect(opened.made, opened.log).toBeLessThanOrEqual(opened.asked);
    expect(s.pulls.filter((p) => p.state === 'open')).toHaveLength(2);

    // One open pull request updated (one read of its pull requests), its encrypted file's bytes kept.
    const keep = async (text: string) => text;
    const single = await delivery(s, [
      dev('a: 3\n', {
        files: [
          { path: 'app/dev/a.yaml', content: 'a: 3\n', action: 'update', secret: false },
          {
            path: 'app/dev/secret.yaml',
            content: 'sops: new\n',
            action: 'create',
            secret: true,
            fromBranch: keep,
          },
        ],
      }),
    ]);
    expect(single.made, single.log).toBeLessThanOrEqual(single.asked);
    expect(single.log).toContain('GET /repos/{owner}/{repo}/git/blobs/{file_sha}');
    expect(s.readTree('flux-pkg/dev')['app/dev/secret.yaml']).toBe('sops: old\n');

    // Both updated, then qa closed (its environment needs nothing any more).
    const updated = await delivery(s, [dev('a: 4\n'), qa('a: 4\n')]);
    expect(updated.made, updated.log).toBeLessThanOrEqual(updated.asked);
    const closed = await delivery(s, [{ ...qa(''), files: [] }]);
    expect(closed.made, closed.log).toBeLessThanOrEqual(closed.asked);
    expect(s.pulls.find((p) => p.head === 'flux-pkg/qa')?.state, closed.log).toBe('closed');
  });
});
