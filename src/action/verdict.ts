/**
 * Posting the gate's verdict (commit status `check-context`): on every head the delivery pushes for
 * a pull request, and on the head validate checked. A token that may not post (a fork's pull
 * request runs with a read-only token) gets a warning, never a failed run: the verdict is also in
 * the run's own check.
 */
import * as core from '@actions/core';
import type { GitHubClient } from '../github/client.js';
import { isNotPermitted, postVerdict, type Verdict } from '../github/commit-status.js';
import type { RepoRef } from '../github/snapshot.js';
import type { Published } from '../plan/types.js';

/** Where and under which context verdicts are posted (built by session.ts's checkTargetOf). */
export interface CheckTarget {
  client: GitHubClient;
  ref: RepoRef;
  context: string;
  dryRun: boolean;
  serverUrl: string;
}

/** The run's page, for the status's details link. */
function runUrl(target: CheckTarget): string | undefined {
  const { GITHUB_RUN_ID: id, GITHUB_REPOSITORY: repo } = process.env;
  return id && repo && /^\d+$/.test(id) ? `${target.serverUrl}/${repo}/actions/runs/${id}` : undefined;
}

export async function postCheck(
  target: CheckTarget,
  sha: string,
  verdict: Omit<Verdict, 'context' | 'targetUrl'>,
): Promise<boolean> {
  if (target.dryRun) return false;
  try {
    await postVerdict(target.client, target.ref, sha, {
      ...verdict,
      context: target.context,
      targetUrl: runUrl(target),
    });
    return true;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    core.warning(
      isNotPermitted(e)
        ? `could not post the ${target.context} commit status on ${sha.slice(0, 7)} (${why}): give the job "statuses: write"; a fork's pull request gets a read-only token, so its verdict is this run's check only`
        : `could not post the ${target.context} commit status on ${sha.slice(0, 7)}: ${why}`,
    );
    return false;
  }
}

/** The delivery's pull request heads it pushed (or opened a pull request on): each passed the plan's validation. */
export async function postVerdicts(target: CheckTarget, published: readonly Published[]): Promise<void> {
  for (const p of published) {
    const head = p.commit ?? (p.operation === 'created' ? p.head : undefined);
    if (!head) continue;
    await postCheck(target, head, {
      state: 'success',
      description:
        p.targets.length === 0
          ? 'flux-pkg-action planned this from the base branch'
          : `flux-pkg-action planned and validated ${p.targets.map((t) => `${t.component} ${t.toVersion ?? ''} in ${t.environment}`).join(', ')}`,
    });
  }
}
