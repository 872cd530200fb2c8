/**
 * A pull request's state as the stand-in keeps it, and its `pull-request` / `pull-request-simple`
 * rendering: urls, users, head/base with repository objects, and counts computed with git.
 */
import type { GitStore } from './git-store.js';
import { BOT, label, ownerAccount, repoApi, repository, type Site, simpleUser, team } from './shapes.js';

export interface PullRecord {
  number: number;
  nodeId: string;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  /** Branch names, without the `owner:` prefix. */
  head: string;
  base: string;
  /** The head commit when the branch was last seen (kept if the branch is deleted). */
  headSha: string;
  maintainerCanModify: boolean;
  labels: string[];
  comments: { id: number; body: string; createdAt: string }[];
  reviewers: string[];
  teamReviewers: string[];
  autoMerge?: { mergeMethod: 'merge' | 'squash' | 'rebase' };
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** The head as GitHub shows it: the branch's current commit while open, the last one seen after. */
function currentHead(git: GitStore, pr: PullRecord): string {
  const sha = git.resolveRef(`refs/heads/${pr.head}`);
  if (sha && pr.state === 'open') pr.headSha = sha;
  return pr.headSha;
}

/** `pull-request`, or with `simple` the `pull-request-simple` shape of lists and review requests. */
export function pullRequest(site: Site, git: GitStore, pr: PullRecord, simple = false) {
  const r = repoApi(site);
  const n = pr.number;
  const html = `${site.url}/${site.owner}/${site.repo}/pull/${n}`;
  const headSha = currentHead(git, pr);
  const baseSha = git.resolveRef(`refs/heads/${pr.base}`) ?? headSha;
  const owner = simpleUser(site, ownerAccount(site));
  const side = (ref: string, sha: string) => ({
    label: `${site.owner}:${ref}`,
    ref,
    sha,
    user: owner,
    repo: repository(site),
  });
  const links = {
    self: { href: `${r}/pulls/${n}` },
    html: { href: html },
    issue: { href: `${r}/issues/${n}` },
    comments: { href: `${r}/issues/${n}/comments` },
    review_comments: { href: `${r}/pulls/${n}/comments` },
    review_comment: { href: `${r}/pulls/comments{/number}` },
    commits: { href: `${r}/pulls/${n}/commits` },
    statuses: { href: `${r}/statuses/${headSha}` },
  };
  const shape = {
    url: links.self.href,
    id: 100_000 + n,
    node_id: pr.nodeId,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: links.issue.href,
    commits_url: links.commits.href,
    review_comments_url: links.review_comments.href,
    review_comment_url: links.review_comment.href,
    comments_url: links.comments.href,
    statuses_url: links.statuses.href,
    number: n,
    state: pr.state,
    locked: false,
    title: pr.title,
    user: simpleUser(site, BOT),
    body: pr.body,
    labels: pr.labels.map((name) => label(site, name)),
    milestone: null,
    active_lock_reason: null,
    created_at: pr.createdAt,
    updated_at: pr.updatedAt,
    closed_at: pr.closedAt,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: pr.reviewers.map((login, i) =>
      simpleUser(site, { login, id: 5000 + i, type: 'User' }),
    ),
    requested_teams: pr.teamReviewers.map((slug) => team(site, slug)),
    head: side(pr.head, headSha),
    base: side(pr.base, baseSha),
    _links: links,
    author_association: 'CONTRIBUTOR',
    auto_merge: pr.autoMerge
      ? {
          enabled_by: simpleUser(site, BOT),
          merge_method: pr.autoMerge.mergeMethod,
          commit_title: `${pr.title} (#${n})`,
          commit_message: '',
        }
      : null,
    draft: pr.draft,
  };
  if (simple) return shape;
  const numstat = git.git(['diff', '--numstat', `${baseSha}...${headSha}`]).trim();
  const lines = numstat ? numstat.split('\n').map((l) => l.split('\t').map(Number)) : [];
  return {
    ...shape,
    merged: false,
    mergeable: pr.state === 'open' ? true : null,
    rebaseable: pr.state === 'open' ? true : null,
    mergeable_state: pr.state === 'open' ? 'clean' : 'unknown',
    merged_by: null,
    comments: pr.comments.length,
    review_comments: 0,
    maintainer_can_modify: pr.maintainerCanModify,
    commits: Number(git.git(['rev-list', '--count', `${baseSha}..${headSha}`]).trim()),
    additions: lines.reduce((s, [a]) => s + (a || 0), 0),
    deletions: lines.reduce((s, [, d]) => s + (d || 0), 0),
    changed_files: lines.length,
  };
}
