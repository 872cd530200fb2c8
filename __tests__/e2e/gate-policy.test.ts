/**
 * Mode promote on a status event through the bundle (dist/index.js as the runner runs it; the only
 * bundled status event): a status from an account outside promotion.statusCreators promotes nothing.
 * The whole suite runs in process in __tests__/gate-policy/ (a pull request removing prod's
 * promoteFrom while bumping prod is judged by the base's rules: rules-from-base.test.ts) and
 * __tests__/promotion/health-status.test.ts. Needs a dist/ bundled from this source (`npm run bundle`).
 */
import { describe, expect, it } from 'vitest';
import { NEW_VERSION, newPackage, pushEvent } from './fixtures.js';
import { chainRepo, PI, statusEvent, withConstraint } from './promotion-scenario.js';
import { act, closeStandInsAfterAll, OWNER, REPO } from './scenario.js';

closeStandInsAfterAll();

describe('the bundle holds the gate', () => {
  it('a final success posted by another account opens no promotion, and says whose it was', async () => {
    const standIn = await chainRepo('healthy');
    const pkg = newPackage();
    standIn.commit('main', { [pkg.path]: pkg.content }, 'Package');
    const before = standIn.head('main')!;
    const sha = standIn.commit('main', { [PI('dev')]: withConstraint(standIn, 'dev', NEW_VERSION) }, 'Merge');
    await act(standIn, pushEvent(OWNER, REPO, before, sha));
    const context = `app.default.tap-dev-packageinstalls`;
    const run = await act(standIn, statusEvent(sha, context, 'success', { sender: 'mallory' }), {}, 'status');
    expect(run.code).toBe(0);
    expect(standIn.pulls).toEqual([]);
    expect(run.stdout).toContain('"mallory"');
    expect(run.stdout).toContain('promotion.statusCreators');
  });
});
