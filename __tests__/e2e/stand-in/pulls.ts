/**
 * Pull requests and what hangs off them (labels, comments, review requests, auto-merge), kept in
 * memory. Head and base shas are read live from the repository, as GitHub shows them.
 */
import type { Faults } from './faults.js';
import { NOT_PERMITTED_MESSAGE } from './faults.js';
import type { GitStore } from './git-store.js';
import {
  BOT,
  label,
  nodeId,
  ownerAccount,
  repoApi,
  repository,
  type Site,
  simpleUser,
  team,
} from './shapes.js';
import { ApiError, type Handler, notFound, validationFailed } from './types.js';

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

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export class PullStore {
  /** Every pull request, by number - 1. */
  readonly all: PullRecord[] = [];
  #commentIds = 0;

  constructor(
    private readonly site: Site,
    private readonly git: GitStore,
    private readonly faults: Faults,
  ) {}

  get(number: number): PullRecord | undefined {
    return this.all[number - 1];
  }

  byNodeId(id: string): PullRecord | undefined {
    return this.all.find((p) => p.nodeId === id);
  }

  /** The `enablePullRequestAutoMerge` mutation; returns an error message GitHub would give, if any. */
  enableAutoMerge(id: string, method: string): string | undefined {
    const pr = this.byNodeId(id);
    if (!pr) return `Could not resolve to a node with the global id of '${id}'`;
    if (pr.state !== 'open') return 'Pull request is closed';
    pr.autoMerge = { mergeMethod: method.toLowerCase() as 'merge' | 'squash' | 'rebase' };
    pr.updatedAt = now();
    return undefined;
  }

  #headSha(pr: PullRecord): string {
    const sha = this.git.resolveRef(`refs/heads/${pr.head}`);
    if (sha && pr.state === 'open') pr.headSha = sha;
    return pr.headSha;
  }

  /** `pull-request`, or with `simple` the `pull-request-simple` shape of lists and review requests. */
  render(pr: PullRecord, simple = false) {
    const { site, git } = this;
    const r = repoApi(site);
    const n = pr.number;
    const html = `${site.url}/${site.owner}/${site.repo}/pull/${n}`;
    const headSha = this.#headSha(pr);
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

  #find(number: string | undefined): PullRecord {
    const pr = this.get(Number(number));
    if (!pr) throw notFound();
    return pr;
  }

  /** `owner:branch` or `branch`, as pulls/create and the `head` filter take it. */
  #branchOf(head: string): string | undefined {
    const [owner, branch] = head.includes(':') ? head.split(':', 2) : [this.site.owner, head];
    return owner!.toLowerCase() === this.site.owner.toLowerCase() ? branch : undefined;
  }

  handlers(): Record<string, Handler> {
    const { site, git } = this;
    return {
      'pulls/list': ({ query }) => {
        const state = query.state ?? 'open';
        // GitHub ignores a `head` filter without the `owner:` prefix.
        const head = query.head?.includes(':') ? this.#branchOf(query.head) : undefined;
        const matching = this.all
          .filter((p) => state === 'all' || p.state === state)
          .filter((p) => !query.head?.includes(':') || p.head === head)
          .filter((p) => query.base === undefined || p.base === query.base)
          .sort((a, b) => (query.direction === 'asc' ? a.number - b.number : b.number - a.number));
        const perPage = Math.min(Number(query.per_page ?? 30), 100);
        const page = Number(query.page ?? 1);
        const slice = matching.slice((page - 1) * perPage, page * perPage);
        return { status: 200, body: slice.map((p) => this.render(p, true)) };
      },

      'pulls/create': ({ body }) => {
        if (!this.faults.actionsCanCreatePullRequests) throw new ApiError(403, NOT_PERMITTED_MESSAGE);
        const head = this.#branchOf(body.head);
        const headSha = head && git.resolveRef(`refs/heads/${head}`);
        if (!head || !headSha) throw validationFailed('PullRequest', { field: 'head', code: 'invalid' });
        const baseSha = git.resolveRef(`refs/heads/${body.base}`);
        if (!baseSha) throw validationFailed('PullRequest', { field: 'base', code: 'invalid' });
        if (typeof body.title !== 'string' || body.title === '') {
          throw validationFailed('PullRequest', { field: 'title', code: 'missing_field' });
        }
        if (this.all.some((p) => p.state === 'open' && p.head === head && p.base === body.base)) {
          throw validationFailed('PullRequest', {
            code: 'custom',
            message: `A pull request already exists for ${site.owner}:${head}.`,
          });
        }
        if (git.isAncestor(headSha, baseSha)) {
          throw validationFailed('PullRequest', {
            code: 'custom',
            message: `No commits between ${body.base} and ${head}`,
          });
        }
        const number = this.all.length + 1;
        const created = now();
        const pr: PullRecord = {
          number,
          nodeId: nodeId('PR', `${site.owner}/${site.repo}#${number}`),
          title: body.title,
          body: body.body ?? null,
          state: 'open',
          draft: body.draft ?? false,
          head,
          base: body.base,
          headSha,
          maintainerCanModify: body.maintainer_can_modify ?? false,
          labels: [],
          comments: [],
          reviewers: [],
          teamReviewers: [],
          createdAt: created,
          updatedAt: created,
          closedAt: null,
        };
        this.all.push(pr);
        return {
          status: 201,
          body: this.render(pr),
          headers: { location: `${repoApi(site)}/pulls/${number}` },
        };
      },

      'pulls/get': ({ params }) => ({ status: 200, body: this.render(this.#find(params.pull_number)) }),

      'pulls/update': ({ params, body = {} }) => {
        const pr = this.#find(params.pull_number);
        if (body.base !== undefined && !git.resolveRef(`refs/heads/${body.base}`)) {
          throw validationFailed('PullRequest', { field: 'base', code: 'invalid' });
        }
        if (body.title !== undefined) pr.title = body.title;
        if (body.body !== undefined) pr.body = body.body;
        if (body.base !== undefined) pr.base = body.base;
        if (body.maintainer_can_modify !== undefined) pr.maintainerCanModify = body.maintainer_can_modify;
        if (body.state !== undefined && body.state !== pr.state) {
          pr.state = body.state;
          pr.closedAt = body.state === 'closed' ? now() : null;
          if (pr.state === 'closed') pr.autoMerge = undefined;
        }
        pr.updatedAt = now();
        return { status: 200, body: this.render(pr) };
      },

      'issues/add-labels': ({ params, body }) => {
        const pr = this.#find(params.issue_number);
        const names: string[] = (body?.labels ?? []).map((l: string | { name: string }) =>
          typeof l === 'string' ? l : l.name,
        );
        for (const name of names) if (!pr.labels.includes(name)) pr.labels.push(name);
        return { status: 200, body: pr.labels.map((name) => label(site, name)) };
      },

      'issues/create-comment': ({ params, body }) => {
        const pr = this.#find(params.issue_number);
        const id = 200_000 + ++this.#commentIds;
        const createdAt = now();
        pr.comments.push({ id, body: body.body, createdAt });
        const r = repoApi(site);
        return {
          status: 201,
          body: {
            id,
            node_id: nodeId('IC', id),
            url: `${r}/issues/comments/${id}`,
            html_url: `${site.url}/${site.owner}/${site.repo}/pull/${pr.number}#issuecomment-${id}`,
            issue_url: `${r}/issues/${pr.number}`,
            body: body.body,
            user: simpleUser(site, BOT),
            created_at: createdAt,
            updated_at: createdAt,
            author_association: 'CONTRIBUTOR',
          },
          headers: { location: `${r}/issues/comments/${id}` },
        };
      },

      'pulls/request-reviewers': ({ params, body = {} }) => {
        const pr = this.#find(params.pull_number);
        const reviewers: string[] = body.reviewers ?? [];
        if (reviewers.some((r) => r.toLowerCase() === BOT.login)) {
          throw new ApiError(422, 'Review cannot be requested from pull request author.');
        }
        for (const r of reviewers) if (!pr.reviewers.includes(r)) pr.reviewers.push(r);
        for (const t of body.team_reviewers ?? [])
          if (!pr.teamReviewers.includes(t)) pr.teamReviewers.push(t);
        return { status: 201, body: this.render(pr, true) };
      },
    };
  }
}
