/**
 * Promotion along the chain: a merge into dev opens staging's PR with dev's version; with
 * `promoteWhen: healthy` it waits for Flux's commit status instead.
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT, NEW_VERSION, newPackage, pushEvent } from '../e2e/fixtures.js';
import { chainRepo, PI, PREVIOUS, statusEvent, withConstraint } from '../e2e/promotion-scenario.js';
import {
  closeStandInsAfterAll,
  constraintOf,
  expectBranchIsMainPlus,
  OWNER,
  prsOf,
  REPO,
} from '../e2e/scenario.js';
import type { StandIn } from '../e2e/stand-in/server.js';
import { act } from './run-in-process.js';

closeStandInsAfterAll();

/** dev's PR for NEW_VERSION is merged: main's dev PackageInstall now selects it. */
function mergeIntoDev(standIn: StandIn, extra: Record<string, string> = {}): { event: object; sha: string } {
  const before = standIn.head('main')!;
  const sha = standIn.commit(
    'main',
    { [PI('dev')]: withConstraint(standIn, 'dev', NEW_VERSION), ...extra },
    'Merge dev PR',
  );
  return { event: pushEvent(OWNER, REPO, before, sha), sha };
}

// Sequential: each test stays well under its timeout on a loaded machine.
describe('promotion that follows merges and health', () => {
  it('a merge into dev opens staging’s PR with dev’s version, in the same run as a new Package', async () => {
    const standIn = await chainRepo();
    const pkg = newPackage();
    standIn.commit('main', { [pkg.path]: pkg.content }, 'supply chain: Package');
    const newer = newPackage('20230601120000.0.0');
    // One push: dev's PR merged, and the supply chain's next Package.
    const { event, sha } = mergeIntoDev(standIn, { [newer.path]: newer.content });
    const run = await act(standIn, event);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(prsOf(run).map((p) => [p.environment, p.operation])).toEqual([
      ['dev', 'created'],
      ['staging', 'created'],
    ]);
    expectBranchIsMainPlus(standIn, `flux-pkg/${COMPONENT}/dev`, {
      [PI('dev')]: (t) => expect(constraintOf(t)).toBe('20230601120000.0.0'),
    });
    expectBranchIsMainPlus(standIn, `flux-pkg/${COMPONENT}/staging`, {
      [PI('staging')]: (t) => expect(constraintOf(t)).toBe(NEW_VERSION),
    });
    const staging = standIn.pulls.find((p) => p.head.endsWith('/staging'))!;
    expect(staging.body).toContain(`| ${COMPONENT} | staging | \`${PREVIOUS}\` → \`${NEW_VERSION}\` |`);
    expect(staging.body).toContain('Source: promoted from **dev**');
    expect(staging.body).toContain(`merged in https://github.example.com/${OWNER}/${REPO}/commit/${sha}`);
    expect(staging.body).toContain('**Release notes** of version');
    // Release notes are repo text: a URL in them is copyable text inside <pre>, never a link, and
    // not broken with zero-width characters.
    expect(staging.body).toMatch(/<pre>[\s\S]*https:\/\/github\.com\/example\/app[\s\S]*<\/pre>/);
    expect(staging.body).not.toMatch(
      /\]\(https:\/\/github\.com\/example|<https:\/\/github\.com\/example|&#8203;|\u200b/,
    );
  });

  const KUSTOMIZATION = `${COMPONENT}-dev-packageinstalls`;
  async function healthyChainMerged() {
    const standIn = await chainRepo('healthy');
    const pkg = newPackage();
    standIn.commit('main', { [pkg.path]: pkg.content }, 'supply chain: Package');
    return { standIn, ...mergeIntoDev(standIn) };
  }

  it('with promoteWhen: healthy, the merge alone and a failure status open nothing', async () => {
    const { standIn, event, sha } = await healthyChainMerged();
    const merged = await act(standIn, event);
    expect(merged.code).toBe(0);
    expect(standIn.pulls).toEqual([]);

    const failed = await act(standIn, statusEvent(sha, KUSTOMIZATION, 'failure'), {}, 'status');
    expect(failed.code).toBe(0);
    expect(standIn.pulls).toEqual([]);
    expect(failed.summary).toContain('&quot;failure&quot;');
    expect(failed.summary).toContain('nothing promoted to staging until it reports success');
  });

  it('ignores a status whose context names no environment', async () => {
    const { standIn, sha } = await healthyChainMerged();
    const unknown = await act(standIn, statusEvent(sha, 'something-else', 'success'), {}, 'status');
    expect(unknown.code).toBe(0);
    expect(unknown.stdout).toContain('ignoring the status "kustomization/something-else/0c9c2e41"');
    expect(standIn.pulls).toEqual([]);
  });

  it('a success status for the merged commit opens staging’s PR with that version', async () => {
    const { standIn, sha } = await healthyChainMerged();
    const healthy = await act(standIn, statusEvent(sha, KUSTOMIZATION, 'success'), {}, 'status');
    expect(healthy.stderr).toBe('');
    expect(healthy.code).toBe(0);
    expect(prsOf(healthy).map((p) => [p.environment, p.operation])).toEqual([['staging', 'created']]);
    expectBranchIsMainPlus(standIn, `flux-pkg/${COMPONENT}/staging`, {
      [PI('staging')]: (t) => expect(constraintOf(t)).toBe(NEW_VERSION),
    });
    expect(standIn.pulls[0]!.body).toContain(`\`kustomization/${KUSTOMIZATION}/0c9c2e41\` = \`success\``);
  });

  it('a success for a commit the environment no longer runs promotes nothing', async () => {
    const { standIn, sha } = await healthyChainMerged();
    // A success for a commit dev no longer runs (it moved back since) promotes nothing.
    standIn.commit('main', { [PI('dev')]: withConstraint(standIn, 'dev', PREVIOUS) }, 'dev back');
    const stale = await act(standIn, statusEvent(sha, KUSTOMIZATION, 'success'), {}, 'status');
    expect(stale.code).toBe(0);
    expect(stale.summary).toContain('nothing promoted \\(a status for the commit it runs now');
    expect(standIn.pulls).toEqual([]);
  });
});
