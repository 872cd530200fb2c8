/**
 * The gate's verdict as a commit status, and the labels a pull request has now. The action's own
 * pull requests (opened with GITHUB_TOKEN) start no workflow, so the delivery run posts the verdict
 * on every head it pushes; the validate job posts it on the head it checked. One context for both,
 * so branch protection requires one check.
 */
import type { GitHubClient } from './client.js';
import type { RepoRef } from './snapshot.js';

export interface Verdict {
  context: string;
  state: 'success' | 'failure' | 'error' | 'pending';
  /** GitHub keeps 140 characters; longer is cut with an ellipsis. */
  description: string;
  targetUrl?: string;
}

const DESCRIPTION_LIMIT = 140;

/** Post a commit status. Throws the API error (a fork's read-only token answers 403). */
export async function postVerdict(client: GitHubClient, ref: RepoRef, sha: string, verdict: Verdict) {
  const description =
    verdict.description.length > DESCRIPTION_LIMIT
      ? `${verdict.description.slice(0, DESCRIPTION_LIMIT - 1)}…`
      : verdict.description;
  await client.rest.repos.createCommitStatus({
    ...ref,
    sha,
    state: verdict.state,
    context: verdict.context,
    description,
    ...(verdict.targetUrl ? { target_url: verdict.targetUrl } : {}),
  });
}

/** Is this API error a token that may not write statuses here (a fork's pull request, a missing permission)? */
export function isNotPermitted(e: unknown): boolean {
  const status = (e as { status?: number }).status;
  return status === 403 || status === 404;
}

/**
 * The labels a pull request has now. The event payload is what the labels were when the event
 * fired; a re-run replays that payload, so a label added since would be missed.
 */
export async function labelsNow(client: GitHubClient, ref: RepoRef, number: number): Promise<string[]> {
  const labels = await client.paginate(client.rest.issues.listLabelsOnIssue, {
    ...ref,
    issue_number: number,
    per_page: 100,
  });
  return labels.map((l) => l.name);
}
