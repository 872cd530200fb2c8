/** How this run's pull requests look (title, labels, reviewers, links), from the inputs: shared by every mode that proposes. */
import type { Base } from '../github/publish.js';
import type { ProposalStyle } from '../plan/proposals/proposals.js';
import type { Session } from './session.js';

export function styleOf(session: Session, base: Base): ProposalStyle {
  const { inputs, facts, ref } = session;
  return {
    title: inputs.prTitle,
    commitMessage: inputs.commitMessage,
    labels: inputs.labels,
    reviewers: inputs.reviewers,
    teamReviewers: inputs.teamReviewers,
    draft: inputs.draft,
    autoMerge: inputs.autoMerge,
    links: {
      serverUrl: facts.serverUrl,
      repository: `${ref.owner}/${ref.repo}`,
      baseSha: base.sha,
      triggerSha: facts.push?.after,
    },
  };
}
