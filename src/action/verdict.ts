/**
 * Posting the gate's verdict (commit status `check-context`): on every head the delivery pushes for
 * a pull request, and on the head validate checked. A token that may not post (a fork's pull
 * request runs with a read-only token) gets a warning, never a failed run: the verdict is also in
 * the run's own check.
 */
import * as core from '@actions/core';
import { isNotPermitted, postVerdict, type Verdict } from '../github/commit-status.js';
import type { Published } from '../plan/types.js';
import type { Session } from './session.js';

/** The run's page, for the status's details link. */
function runUrl(session: Session): string | undefined {
  const { GITHUB_RUN_ID: id, GITHUB_REPOSITORY: repo } = process.env;
  return id && repo && /^\d+$/.test(id) ? `${session.facts.serverUrl}/${repo}/actions/runs/${id}` : undefined;
}

export async function postCheck(
  session: Session,
  sha: string,
  verdict: Omit<Verdict, 'context' | 'targetUrl'>,
): Promise<boolean> {
  if (session.inputs.dryRun) return false;
  try {
    await postVerdict(session.client, session.ref, sha, {
      ...verdict,
      context: session.inputs.checkContext,
      targetUrl: runUrl(session),
    });
    return true;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    core.warning(
      isNotPermitted(e)
        ? `could not post the ${session.inputs.checkContext} commit status on ${sha.slice(0, 7)} (${why}): give the job "statuses: write"; a fork's pull request gets a read-only token, so its verdict is this run's check only`
        : `could not post the ${session.inputs.checkContext} commit status on ${sha.slice(0, 7)}: ${why}`,
    );
    return false;
  }
}

/** The delivery's pull request heads it pushed (or opened a pull request on): each passed the plan's validation. */
export async function postVerdicts(session: Session, published: readonly Published[]): Promise<void> {
  for (const p of published) {
    const head = p.commit ?? (p.operation === 'created' ? p.head : undefined);
    if (!head) continue;
    await postCheck(session, head, {
      state: 'success',
      description: `flux-pkg-action planned and validated ${p.targets.map((t) => `${t.component} ${t.toVersion ?? ''} in ${t.environment}`).join(', ')}`,
    });
  }
}
