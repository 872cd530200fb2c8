/**
 * Commit statuses (POST /repos/{o}/{r}/statuses/{sha}) and a pull request's labels as they are now
 * (GET /repos/{o}/{r}/issues/{n}/labels), kept in memory. A status needs a commit that exists (422
 * otherwise, as GitHub answers); `readOnly` answers 403 the way a fork's read-only token is refused.
 */
import type { GitStore } from './git-store.js';
import type { PullStore } from './pulls.js';
import { BOT, label, nodeId, repoApi, type Site, simpleUser } from './shapes.js';
import { ApiError, type Handler, notFound } from './types.js';

export interface StatusRecord {
  sha: string;
  state: string;
  context: string;
  description: string | null;
  targetUrl: string | null;
}

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export class StatusStore {
  /** Every status posted, in order. */
  readonly all: StatusRecord[] = [];
  /** Answer 403 to status writes, as a fork pull request's read-only GITHUB_TOKEN gets. */
  readOnly = false;

  constructor(
    private readonly site: Site,
    private readonly git: GitStore,
    private readonly pulls: PullStore,
  ) {}

  /** The newest status of a context on a commit, as GitHub's combined status shows it. */
  latest(sha: string, context: string): StatusRecord | undefined {
    return this.all.findLast((s) => s.sha === sha && s.context === context);
  }

  handlers(): Record<string, Handler> {
    const { site, git } = this;
    return {
      'repos/create-commit-status': ({ params, body }) => {
        if (this.readOnly) throw new ApiError(403, 'Resource not accessible by integration');
        const sha = params.sha!;
        if (!/^[0-9a-f]{40}$/.test(sha) || git.typeOf(sha) !== 'commit')
          throw new ApiError(422, `No commit found for SHA: ${sha}`);
        const record: StatusRecord = {
          sha,
          state: body.state,
          context: body.context ?? 'default',
          description: body.description ?? null,
          targetUrl: body.target_url ?? null,
        };
        this.all.push(record);
        const id = this.all.length;
        const at = now();
        const url = `${repoApi(site)}/statuses/${sha}`;
        return {
          status: 201,
          body: {
            url,
            avatar_url: null,
            id,
            node_id: nodeId('SC', id),
            state: record.state,
            description: record.description,
            target_url: record.targetUrl,
            context: record.context,
            created_at: at,
            updated_at: at,
            creator: simpleUser(site, BOT),
          },
          headers: { location: url },
        };
      },

      'issues/list-labels-on-issue': ({ params }) => {
        const pr = this.pulls.get(Number(params.issue_number));
        if (!pr) throw notFound();
        return { status: 200, body: pr.labels.map((name) => label(site, name)) };
      },
    };
  }
}
