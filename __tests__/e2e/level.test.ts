/**
 * Level-triggered delivery through the bundle (dist/index.js, child processes against the stand-in):
 * what only separate processes show — the verdict the bundle posts on its own pull request heads, and
 * runs started at the same time racing for the same branches. The behaviours in detail (skipped runs,
 * force pushes, closed pull requests, runs finishing out of order) run in process in
 * __tests__/shell/level.test.ts. Needs a dist/ built from this source (`npm run bundle`).
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT, NEW_VERSION, newPackage } from './fixtures.js';
import { act, closeStandInsAfterAll, constraintOf, gitopsRepo, supplyChainPush } from './scenario.js';
import type { StandIn } from './stand-in/server.js';

closeStandInsAfterAll();

const V2 = '20230601120000.0.0';
const V3 = '20230701120000.0.0';
const DEV = `flux-pkg/${COMPONENT}/dev`;
const PI = `${COMPONENT}/dev/packageinstall.yaml`;
const devConstraint = (standIn: StandIn) => constraintOf(standIn.readTree(DEV)[PI]!);

function push(standIn: StandIn, version: string): object {
  const pkg = newPackage(version);
  return supplyChainPush(standIn, { [pkg.path]: pkg.content });
}

describe('level-triggered delivery, bundled', () => {
  it("the action's pull request heads carry success on flux-pkg/validate", async () => {
    const standIn = await gitopsRepo();
    const run = await act(standIn, push(standIn, NEW_VERSION));
    expect(run.code, run.stdout).toBe(0);
    expect(standIn.pulls).toHaveLength(2);
    for (const pr of standIn.pulls)
      expect(
        standIn.statuses.latest(standIn.head(`refs/heads/${pr.head}`)!, 'flux-pkg/validate')?.state,
      ).toBe('success');
  });

  it('runs of several pushes started at once leave every PR at the newest; replaying any event writes nothing', async () => {
    const standIn = await gitopsRepo();
    const events = [push(standIn, NEW_VERSION), push(standIn, V2), push(standIn, V3)];
    const runs = await Promise.all(events.map((event) => act(standIn, event)));
    // A run that loses a race for a branch or a pull request adopts what the winner wrote
    // (publish.ts) instead of planning again: every run succeeds (__tests__/shell/race.test.ts has the
    // losing sequence step by step).
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0]);
    expect(devConstraint(standIn)).toBe(V3);
    expect(
      standIn.pulls
        .filter((p) => p.state === 'open')
        .map((p) => p.title)
        .sort(),
    ).toEqual([`Deploy ${COMPONENT} ${V3} to dev`, `Deploy ${COMPONENT} ${V3} to staging`]);
    const writes = standIn.writes().length;
    const replays = await Promise.all(events.map((event) => act(standIn, event)));
    expect(replays.map((run) => run.code)).toEqual([0, 0, 0]);
    expect(standIn.writes().length).toBe(writes);
  });
});
