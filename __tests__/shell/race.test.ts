/**
 * Runs racing for the same pull requests (e2e/level.test.ts "runs of several pushes started at
 * once"). A run one step behind another found, at each write, that the other had just written it:
 * first the dev branch, then dev's pull request, then staging's. Each lost race threw the attempt
 * away and planned again, and each new attempt read the open pull requests before planning and
 * before its earlier writes — so the list was stale again by the time of the next create, and the
 * trailing run gave up after three attempts. Now a lost race for a ref or a pull request adopts
 * what the other run wrote, in the same attempt. Reproduced here step for step: the stand-in's ref
 * race, and a rival that opens each pull request just before this run's create.
 */
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/github/client.js';
import { COMPONENT, NEW_VERSION } from '../e2e/fixtures.js';
import {
  closeStandInsAfterAll,
  constraintOf,
  expectDelivered,
  OWNER,
  prsOf,
  REPO,
  repoWithNewPackage,
  TOKEN,
} from '../e2e/scenario.js';
import type { StandIn } from '../e2e/stand-in/server.js';
import { act, TEST_CLIENT } from './run-in-process.js';

closeStandInsAfterAll();

const DEV = `flux-pkg/${COMPONENT}/dev`;
const STAGING = `flux-pkg/${COMPONENT}/staging`;
const RIVAL_BODY = 'opened by a run of an earlier push';

/**
 * The action's transport, with a rival run one step ahead: before each pull request this run
 * creates, the rival opens it (on the branch as it is), so this run's create is answered 422.
 */
function rivalOpensFirst(standIn: StandIn): typeof fetch {
  const rival = createClient({ token: TOKEN, baseUrl: standIn.url, pacing: false });
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (init?.method === 'POST' && url.endsWith(`/repos/${OWNER}/${REPO}/pulls`)) {
      const { head, base, title } = JSON.parse(String(init.body)) as Record<string, string>;
      if (!standIn.pulls.some((p) => p.state === 'open' && p.head === head))
        await rival.rest.pulls.create({ owner: OWNER, repo: REPO, head, base, title, body: RIVAL_BODY });
    }
    return fetch(input, init);
  };
}

describe('racing runs', () => {
  it('a run one step behind another at every write still delivers, in one attempt, updating what the other opened', async () => {
    const { standIn, event } = await repoWithNewPackage();
    // The rival writes the dev branch just before this run creates it…
    standIn.faults.raceRef({ ref: `heads/${DEV}` });
    // …and opens each pull request just before this run does.
    const run = await act(standIn, event, {}, 'push', { ...TEST_CLIENT, fetch: rivalOpensFirst(standIn) });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).not.toContain('planning again');
    expect(standIn.faults.pending).toBe(0);
    // One pull request per environment, the rival's, now with this run's title, body and branch.
    expect(standIn.pulls).toHaveLength(2);
    expectDelivered(standIn);
    for (const pr of standIn.pulls) expect(pr.body).not.toBe(RIVAL_BODY);
    expect(
      prsOf(run)
        .map((p) => `${p.environment} ${p.operation} #${p.number}`)
        .sort(),
    ).toEqual(['dev updated #1', 'staging updated #2']);
    // The gate's verdict is on each pull request's head.
    for (const branch of [DEV, STAGING])
      expect(standIn.statuses.latest(standIn.head(branch)!, 'flux-pkg/validate')?.state).toBe('success');
  });

  it('a branch left without a pull request is read only when GitHub says it exists, then rewritten', async () => {
    const { standIn, event } = await repoWithNewPackage();
    standIn.commit(
      DEV,
      { [`${COMPONENT}/dev/params.yaml`]: 'left: over\n' },
      'a closed pull request left this',
    );
    const from = standIn.calls.length;
    const run = await act(standIn, event, { environments: 'dev' });
    expect(run.code, run.stdout).toBe(0);
    const calls = standIn.calls
      .slice(from)
      .map((c) => `${c.route.replace('/repos/{owner}/{repo}', '')} ${c.status}`);
    const created = calls.indexOf('POST /git/refs 422');
    expect(created, calls.join('\n')).toBeGreaterThan(-1);
    // Not read before the write that found it; read once after.
    expect(calls.slice(0, created).filter((c) => c.startsWith('GET /branches/{branch} '))).toEqual([
      'GET /branches/{branch} 200', // the base
    ]);
    expect(calls.slice(created)).toContain('GET /branches/{branch} 200');
    expect(constraintOf(standIn.readTree(DEV)[`${COMPONENT}/dev/packageinstall.yaml`]!)).toBe(NEW_VERSION);
    expect(standIn.readTree(DEV)[`${COMPONENT}/dev/params.yaml`]).toBe(
      standIn.readTree('main')[`${COMPONENT}/dev/params.yaml`],
    );
    expect(prsOf(run).map((p) => p.operation)).toEqual(['created']);
  });

  it('a base that moved under the writes is seen in the new pull request (no read of the branch), and planned again', async () => {
    const { standIn, event } = await repoWithNewPackage();
    const before = standIn.head('main');
    // Someone pushes to main as this run writes dev's branch.
    standIn.faults.raceRef({ ref: 'heads/main' });
    const from = standIn.calls.length;
    const run = await act(standIn, event);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain(
      `main moved while the pull requests were written; planning again on ${standIn.head('main')}`,
    );
    expect(standIn.head('main')).not.toBe(before);
    expectDelivered(standIn);
    // The pull request GitHub opened said where main was; the one read of main's ref is the final
    // attempt's check, after it updated (not opened) the pull requests.
    const mainReads = standIn.calls
      .slice(from)
      .filter((c) => c.method === 'GET' && c.path.endsWith('/git/ref/heads%2Fmain'));
    expect(mainReads).toHaveLength(1);
  });
});
