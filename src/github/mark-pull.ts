/**
 * A later `failure` from Flux for the commit a promotion was opened from: the open promotion pull
 * requests for that commit get a comment and lose auto-merge, so a failing version is not merged on
 * by itself. Only this action's pull requests (marker key and `upstream` commit) are touched.
 */

import { inertText } from '../report/inert.js';
import { MARKER_FIELDS, markerKey, readMarker } from '../report/pull-request/marker.js';
import type { GitHubClient } from './client.js';
import type { RepoRef } from './snapshot.js';

export interface FailedPromotionSource {
  component: string;
  /** The environments promoting from the failed one. */
  targets: readonly string[];
  sha: string;
  reason: string;
}

/** Comments on and turns auto-merge off for each open promotion opened from `sha`; returns their numbers. */
export async function markFailedPromotions(
  client: GitHubClient,
  ref: RepoRef,
  baseBranch: string,
  failed: FailedPromotionSource,
): Promise<number[]> {
  const pulls = await client.paginate(client.rest.pulls.list, {
    ...ref,
    state: 'open',
    base: baseBranch,
    per_page: 100,
  });
  const own = `${ref.owner}/${ref.repo}`;
  const keys = new Set(failed.targets.map((t) => markerKey(failed.component, t)));
  const marked: number[] = [];
  for (const pr of pulls) {
    if (pr.head.repo?.full_name !== own) continue;
    const marker = [...keys].map((key) => readMarker(pr.body, { key, fields: MARKER_FIELDS })).find(Boolean);
    if (marker?.fields.trigger !== 'healthy' || marker.fields.upstream !== failed.sha) continue;
    await client.rest.issues.createComment({
      ...ref,
      issue_number: pr.number,
      body: `Flux reported a failure for the commit this promotion comes from (${failed.sha.slice(0, 12)}): ${inertText(failed.reason)}. Auto-merge is turned off; merge by hand only once the source environment is healthy again.`,
    });
    if (pr.auto_merge)
      await client.graphql(
        'mutation($id: ID!) { disablePullRequestAutoMerge(input: {pullRequestId: $id}) { clientMutationId } }',
        { id: pr.node_id },
      );
    marked.push(pr.number);
  }
  return marked;
}
