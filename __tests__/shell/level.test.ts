/**
 * Level-triggered delivery, in process against the stand-in: each run delivers everything not yet
 * delivered since the delivery cursor, whatever runs were skipped, force pushes or replays came
 * between; closed pull requests are not reopened for their version; the action's pull request heads
 * carry the gate's verdict as a commit status.
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT, NEW_VERSION, newPackage, pushEvent } from '../e2e/fixtures.js';
import { chainRepo, openPullRequest, PI, PREVIOUS, withConstraint } from '../e2e/promotion-scenario.js';
import {
  closeStandInsAfterAll,
  constraintOf,
  expectBranchIsMainPlus,
  gitopsRepo,
  OWNER,
  prsOf,
  REPO,
  supplyChainPush,
  TOKEN,
} from '../e2e/scenario.js';
import type { StandIn } from '../e2e/stand-in/server.js';
import { act } from './run-in-process.js';

closeStandInsAfterAll();

const V2 = '20230601120000.0.0';
const V3 = '20230701120000.0.0';
const CURSOR = 'refs/flux-pkg/delivered/main';
const DEV = `flux-pkg/${COMPONENT}/dev`;

function push(standIn: StandIn, version: string): object {
  const pkg = newPackage(version);
  return supplyChainPush(standIn, { [pkg.path]: pkg.content });
}

const devConstraint = (standIn: StandIn) => constraintOf(standIn.readTree(DEV)[PI('dev')]!);

describe('level-triggered delivery', () => {
  it('three pushes with the middle run skipped deliver all three; the cursor follows the base', async () => {
    const standIn = await gitopsRepo();
    const first = push(standIn, NEW_VERSION);
    expect((await act(standIn, first)).code).toBe(0);
    expect(standIn.head(CURSOR)).toBe(standIn.head('main'));
    push(standIn, V2); // its run was cancelled: never started
    const third = supplyChainPush(standIn, { 'docs/notes.md': 'unrelated\n' });
    const run = await act(standIn, third);
    expect(run.code, run.stdout).toBe(0);
    expect(devConstraint(standIn)).toBe(V2);
    expect(standIn.head(CURSOR)).toBe(standIn.head('main'));
    expect(run.summary).toContain('since the last delivered commit');
  });

  it('a force push delivers what the rewritten history holds', async () => {
    const standIn = await gitopsRepo();
    expect((await act(standIn, push(standIn, NEW_VERSION))).code).toBe(0);
    const delivered = standIn.head('main')!;
    // Rewrite main: the delivered commit is dropped, a newer Package is on a sibling commit.
    const parent = standIn.git(['rev-parse', `${delivered}^`]).trim();
    standIn.git(['update-ref', 'refs/heads/main', parent, delivered]);
    const pkg = newPackage(V2);
    const rewritten = standIn.commit('main', { [pkg.path]: pkg.content }, 'rewritten');
    const run = await act(standIn, pushEvent(OWNER, REPO, delivered, rewritten, { forced: true }));
    expect(run.code, run.stdout).toBe(0);
    expect(devConstraint(standIn)).toBe(V2);
    expect(standIn.head(CURSOR)).toBe(rewritten);
  });

  it("a branch's first push and a scheduled run without a cursor look at every component once", async () => {
    const standIn = await gitopsRepo();
    const pkg = newPackage();
    const head = standIn.commit('main', { [pkg.path]: pkg.content }, 'first push');
    const first = await act(standIn, pushEvent(OWNER, REPO, '0'.repeat(40), head, { created: true }));
    expect(first.code, first.stdout).toBe(0);
    expect(first.summary).toContain('every component is looked at once');
    expect(devConstraint(standIn)).toBe(NEW_VERSION);
    // A scheduled run (mode auto picks install; no push payload) finds nothing left.
    const writes = standIn.writes().length;
    const scheduled = await act(standIn, { schedule: '7,37 * * * *' }, {}, 'schedule');
    expect(scheduled.code, scheduled.stdout).toBe(0);
    expect(standIn.writes().length).toBe(writes);
  });

  it('a scheduled run delivers the promotion a bot merge left (no push workflow ran)', async () => {
    const standIn = await chainRepo();
    const pkg = newPackage();
    expect((await act(standIn, supplyChainPush(standIn, { [pkg.path]: pkg.content }))).code).toBe(0);
    // dev's pull request merged with GITHUB_TOKEN: no push event, no run.
    standIn.commit('main', { [PI('dev')]: withConstraint(standIn, 'dev', NEW_VERSION) }, 'Merge dev PR');
    const run = await act(standIn, {}, { mode: 'install' }, 'schedule');
    expect(run.code, run.stdout).toBe(0);
    expect(prsOf(run).map((p) => [p.environment, p.operation])).toContainEqual(['staging', 'created']);
    expectBranchIsMainPlus(standIn, `flux-pkg/${COMPONENT}/staging`, {
      [PI('staging')]: (t) => expect(constraintOf(t)).toBe(NEW_VERSION),
    });
  });

  it('runs of several pushes in any order leave every PR at the newest; replaying any event writes nothing', async () => {
    const standIn = await gitopsRepo();
    const events = [push(standIn, NEW_VERSION), push(standIn, V2), push(standIn, V3)];
    // The newest push's run finishes first, the older ones after it.
    for (const event of [events[2]!, events[0]!, events[1]!])
      expect((await act(standIn, event)).code).toBe(0);
    expect(devConstraint(standIn)).toBe(V3);
    expect(standIn.pulls.filter((p) => p.state === 'open').map((p) => p.title)).toEqual([
      `Deploy ${COMPONENT} ${V3} to dev`,
      `Deploy ${COMPONENT} ${V3} to staging`,
    ]);
    const writes = standIn.writes().length;
    for (const event of events) expect((await act(standIn, event)).code).toBe(0);
    expect(standIn.writes().length).toBe(writes);
    expect(devConstraint(standIn)).toBe(V3);
  });
});

describe('overlapping runs', () => {
  it('a run that writes while a newer push lands ends with every PR at the newest', async () => {
    const standIn = await gitopsRepo();
    const older = push(standIn, NEW_VERSION);
    const newer = newPackage(V2);
    // As the older run writes its first branch, the supply chain pushes the newer Package.
    standIn.faults.raceRef({ ref: 'heads/main', files: { [newer.path]: newer.content } });
    const run = await act(standIn, older);
    expect(run.code, run.stdout).toBe(0);
    expect(devConstraint(standIn)).toBe(V2);
    expect(standIn.pulls.map((p) => [p.title, p.state])).toEqual([
      [`Deploy ${COMPONENT} ${V2} to dev`, 'open'],
      [`Deploy ${COMPONENT} ${V2} to staging`, 'open'],
    ]);
    expect(standIn.head(CURSOR)).toBe(standIn.head('main'));
  });
});

describe("Renovate's rule for closed pull requests", () => {
  it('one closed unmerged for a version is not reopened for it, by a dispatch or a replayed push; a newer version opens a new one', async () => {
    const standIn = await gitopsRepo();
    const first = push(standIn, NEW_VERSION);
    expect((await act(standIn, first)).code).toBe(0);
    const dev = standIn.pulls.find((p) => p.head === DEV)!;
    dev.state = 'closed'; // declined by a person
    // The cursor is removed: the next run looks at everything again, as after a lost cursor.
    standIn.git(['update-ref', '-d', CURSOR]);
    const again = await act(standIn, {}, { mode: 'install' }, 'workflow_dispatch');
    expect(again.code, again.stdout).toBe(0);
    const devStates = () => standIn.pulls.filter((p) => p.head === DEV).map((p) => p.state);
    expect(devStates()).toEqual(['closed']);
    // A replay of the push that proposed it, with no cursor again, leaves it closed too.
    standIn.git(['update-ref', '-d', CURSOR]);
    const replay = await act(standIn, first);
    expect(replay.code, replay.stdout).toBe(0);
    expect(devStates()).toEqual(['closed']);
    // The summary says which was skipped and why (the number is inert: no auto-link in repo text).
    expect(again.summary).toMatch(
      new RegExp(`dev: skipped: #.{0,8}${dev.number} proposed ${NEW_VERSION} and was closed without merging`),
    );
    const newer = await act(standIn, push(standIn, V2));
    expect(newer.code, newer.stdout).toBe(0);
    const devPulls = standIn.pulls.filter((p) => p.head === DEV);
    expect(devPulls).toHaveLength(2);
    expect(devPulls[1]).toMatchObject({ state: 'open', title: `Deploy ${COMPONENT} ${V2} to dev` });
  });
});

describe('the gate’s verdict on the action’s own pull requests', () => {
  it('every head the delivery pushes carries success under check-context', async () => {
    const standIn = await gitopsRepo();
    const run = await act(standIn, push(standIn, NEW_VERSION), { 'check-context': 'ci/flux-pkg' });
    expect(run.code).toBe(0);
    for (const pr of standIn.pulls) {
      const head = standIn.head(`refs/heads/${pr.head}`)!;
      expect(standIn.statuses.latest(head, 'ci/flux-pkg')?.state).toBe('success');
    }
    expect(standIn.statuses.all).toHaveLength(2);
  });

  it('a token that may not post statuses (a fork) gets a warning, and the delivery still succeeds', async () => {
    const standIn = await gitopsRepo();
    standIn.statuses.readOnly = true;
    const run = await act(standIn, push(standIn, NEW_VERSION));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/::warning::could not post the flux-pkg\/validate commit status/);
    expect(standIn.pulls).toHaveLength(2);
  });
});

describe('a rollback holds', () => {
  it('level-triggered delivery never offers the version a rollback left; a newer one releases the hold', async () => {
    const standIn = await chainRepo();
    const pkg = newPackage();
    standIn.commit(
      'main',
      { [pkg.path]: pkg.content, [PI('dev')]: withConstraint(standIn, 'dev', NEW_VERSION) },
      'dev on the new version',
    );
    const rollback = { mode: 'promote', component: COMPONENT, 'to-environment': 'dev', version: PREVIOUS };
    const rolled = await act(standIn, {}, { ...rollback, 'allow-downgrade': 'true' }, 'workflow_dispatch');
    expect(rolled.code, rolled.stdout).toBe(0);
    // The rollback is merged (auto-merge: no push run), its pull request closed by the merge.
    standIn.commit('main', { [PI('dev')]: standIn.readTree(DEV)[PI('dev')]! }, 'Merge rollback');
    standIn.pulls[0]!.state = 'closed';
    const scheduled = await act(standIn, {}, { mode: 'install', 'auto-merge': 'squash' }, 'schedule');
    expect(scheduled.code, scheduled.stdout).toBe(0);
    expect(standIn.pulls.filter((p) => p.head === DEV && p.state === 'open')).toEqual([]);
    expect(scheduled.annotations).toContainEqual(
      expect.stringMatching(/plan\.rollback-hold.*dev was rolled back from 20230502091145\.0\.0/),
    );
    expect(constraintOf(standIn.readTree('main')[PI('dev')]!)).toBe(PREVIOUS);
    const newer = await act(standIn, push(standIn, V2));
    expect(newer.code, newer.stdout).toBe(0);
    const released = standIn.readTree(DEV)[PI('dev')]!;
    expect(constraintOf(released)).toBe(V2);
    expect(released).not.toContain('rolled-back-from');
    expect(released).not.toContain('downgradable');
  });
});

describe('the comment that closes a pull request says why', () => {
  it('a hold closes the open PR of the version the rollback left, saying so; a version merged by hand closes as "already has"', async () => {
    const standIn = await chainRepo();
    expect((await act(standIn, push(standIn, NEW_VERSION))).code).toBe(0);
    const proposed = standIn.pulls.find((p) => p.head === DEV && p.state === 'open')!;
    // During an incident dev is rolled back by hand (the annotation as the README says) while the
    // pull request proposing the version it left is still open.
    const rolledBack = withConstraint(standIn, 'dev', PREVIOUS).replace(
      'metadata:\n',
      `metadata:\n  annotations:\n    flux-pkg.dev/rolled-back-from: "${NEW_VERSION}"\n`,
    );
    standIn.commit('main', { [PI('dev')]: rolledBack }, 'Roll dev back by hand');
    // A change of dev's PackageInstall alone plans what promotes from dev, not dev: the cursor is
    // removed so the run looks at every component, as after a lost cursor.
    standIn.git(['update-ref', '-d', CURSOR]);
    const held = await act(standIn, {}, { mode: 'install' }, 'schedule');
    expect(held.code, held.stdout).toBe(0);
    expect(proposed.state).toBe('closed');
    expect(proposed.comments.map((c) => c.body)).toEqual([
      `This pull request is closed by flux-pkg-action: ${COMPONENT} in dev was rolled back from \`${NEW_VERSION}\` (annotation \`flux-pkg.dev/rolled-back-from\` on \`${PI('dev')}\`), so \`${NEW_VERSION}\` is not offered again; a version newer than \`${NEW_VERSION}\` reopens the delivery, or remove the annotation.`,
    ]);
    // A newer version opens a new pull request; merged by hand instead, it is closed as already there.
    expect((await act(standIn, push(standIn, V2))).code).toBe(0);
    const newer = standIn.pulls.find((p) => p.head === DEV && p.state === 'open')!;
    standIn.commit('main', { [PI('dev')]: withConstraint(standIn, 'dev', V2) }, 'dev on V2 by hand');
    standIn.git(['update-ref', '-d', CURSOR]);
    const merged = await act(standIn, {}, { mode: 'install' }, 'schedule');
    expect(merged.code, merged.stdout).toBe(0);
    expect(newer.state).toBe('closed');
    expect(newer.comments.map((c) => c.body)).toEqual([
      `main already has what this pull request proposed (${COMPONENT} in dev at \`${V2}\`), so it is closed by flux-pkg-action.`,
    ]);
  });
});

describe('the gate (validate) posts its verdict and reads labels at run time', () => {
  it('fails an out-of-order promotion on its head; a label added since, on a re-run of the same event, passes it', async () => {
    const standIn = await chainRepo();
    const pkg = newPackage();
    standIn.commit('main', { [pkg.path]: pkg.content }, 'supply chain: new Package');
    const change = { [PI('prod')]: withConstraint(standIn, 'prod', NEW_VERSION) };
    const event = (await openPullRequest(standIn, 'prod-hotfix', change)) as {
      pull_request: { number: number; head: { sha: string } };
    };
    const head = event.pull_request.head.sha;
    const refused = await act(standIn, event, {}, 'pull_request');
    expect(refused.code).toBe(1);
    expect(standIn.statuses.latest(head, 'flux-pkg/validate')).toMatchObject({
      state: 'failure',
      description: expect.stringContaining('promotion.out-of-order'),
    });
    // The label is added after the event: the payload (replayed by a re-run) does not carry it.
    const labelled = await fetch(
      `${standIn.url}/repos/${OWNER}/${REPO}/issues/${event.pull_request.number}/labels`,
      {
        method: 'POST',
        headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ labels: ['hotfix'] }),
      },
    );
    expect(labelled.status).toBe(200);
    const rerun = await act(standIn, event, {}, 'pull_request');
    expect(rerun.code, rerun.stdout).toBe(0);
    expect(standIn.statuses.latest(head, 'flux-pkg/validate')?.state).toBe('success');
  });
});
