/**
 * Pull requests and what hangs off them (labels, comments, review requests, auto-merge), kept in
 * memory. Head and base shas are read live from the repository, as GitHub shows them.
 */
import type { Faults } from './faults.js';
import { NOT_PERMITTED_MESSAGE } from './faults.js';
import type { GitStore } from './git-store.js';
import { type PullRecord, pullRequest } from './pull-shape.js';
import { BOT, label, nodeId, repoApi, type Site, simpleUser } from './shapes.js';
import { ApiError, type Handler, notFound, validationFailed } from './types.js';

export type { PullRecord } from './pull-shape.js';

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

  disableAutoMerge(id: string): string | undefined {
    const pr = this.byNodeId(id);
    if (!pr) return `Could not resolve to a node with the global id of '${id}'`;
    pr.autoMerge = undefined;
    pr.updatedAt = now();
    return undefined;
  }

  /** `pull-request`, or with `simple` the `pull-request-simple` shape of lists and review requests. */
  render(pr: PullRecord, simple = false) {
    return pullRequest(this.site, this.git, pr, simple);
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

  /** The pull request's files as GitHub lists them: base...head (from the merge base), renames found. */
  #changedFiles(pr: PullRecord) {
    const { git, site } = this;
    const head = git.resolveRef(`refs/heads/${pr.head}`) ?? pr.headSha;
    const base = git.resolveRef(`refs/heads/${pr.base}`);
    if (!base) return [];
    const mergeBase = git.git(['merge-base', base, head]).trim();
    const counts = new Map<string, [number, number]>();
    for (const line of git.git(['diff', '--numstat', '-M', mergeBase, head]).split('\n').filter(Boolean)) {
      const [added, deleted, ...path] = line.split('\t');
      const name = path.join('\t').replace(/^.*\{.* => (.*)\}.*$/, '$1');
      counts.set(name.includes(' => ') ? name.split(' => ')[1]! : name, [
        Number(added) || 0,
        Number(deleted) || 0,
      ]);
    }
    const fields = git
      .git(['diff', '--name-status', '-z', '-M', mergeBase, head])
      .split('\0')
      .filter(Boolean);
    const entries = [];
    for (let i = 0; i < fields.length; ) {
      const code = fields[i++]!;
      const renamed = code.startsWith('R');
      const previous = renamed ? fields[i++] : undefined;
      const filename = fields[i++]!;
      const status = renamed ? 'renamed' : code === 'A' ? 'added' : code === 'D' ? 'removed' : 'modified';
      const sha =
        status === 'removed'
          ? null
          : (git.objectAt(head, filename) ?? git.git(['rev-parse', `${head}:${filename}`]).trim());
      const [additions, deletions] = counts.get(filename) ?? [0, 0];
      const web = `${site.url}/${site.owner}/${site.repo}`;
      entries.push({
        sha,
        filename,
        status,
        additions,
        deletions,
        changes: additions + deletions,
        blob_url: `${web}/blob/${head}/${encodeURI(filename)}`,
        raw_url: `${web}/raw/${head}/${encodeURI(filename)}`,
        contents_url: `${repoApi(site)}/contents/${encodeURI(filename)}?ref=${head}`,
        ...(previous ? { previous_filename: previous } : {}),
      });
    }
    return entries;
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

      'pulls/list-files': ({ params, query }) => {
        const pr = this.#find(params.pull_number);
        const files = this.#changedFiles(pr);
        const perPage = Math.min(Number(query.per_page ?? 30), 100);
        const page = Number(query.page ?? 1);
        // GitHub lists at most 3,000 files, with a Link header between pages.
        const listed = files.slice(0, 3000);
        const last = Math.max(1, Math.ceil(listed.length / perPage));
        const url = `${repoApi(site)}/pulls/${pr.number}/files?per_page=${perPage}`;
        const headers: Record<string, string> =
          page < last
            ? { link: `<${url}&page=${page + 1}>; rel="next", <${url}&page=${last}>; rel="last"` }
            : {};
        return { status: 200, body: listed.slice((page - 1) * perPage, page * perPage), headers };
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
