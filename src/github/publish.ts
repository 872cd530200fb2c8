/**
 * One pull request per (component, environment), written atomically with the Git Data API: a tree
 * on the base tree with inline contents, one commit whose parent is the base head (sent without
 * author or committer, so GitHub signs it for App and GITHUB_TOKEN callers), then the branch ref
 * created or force-updated in one call. A run that fails midway leaves no half-written branch.
 */
import { compare, parseRelaxed } from '../carvel/semver.js';
import type { Proposal, Published } from '../plan/proposals/proposals.js';
import type { PlannedFile, Target } from '../plan/types.js';
import { MARKER_FIELDS, readMarker, trustedVersion } from '../report/pull-request/marker.js';
import type { GitHubClient } from './client.js';
import type { CommitFacts, GitObjects } from './objects.js';
import { isRefRace } from './refs.js';
import { filesOf, type RepoRef, TRUNCATED_MESSAGE, type TreeEntry, TreeTruncatedError } from './snapshot.js';
import { blobSha, type TreeIndex } from './tree-index.js';
import { readKnownTree, widen } from './tree-walk.js';

export { blobSha } from './tree-index.js';

export interface Base {
  branch: string;
  sha: string;
  treeSha: string;
  /** The files known (every file, unless `partial`). */
  tree: readonly TreeEntry[];
  /** What is known of the tree: the files, and the folders' tree shas. */
  index: TreeIndex;
  /**
   * GitHub could not list the tree in one read: only the root is known until the mode widens it to
   * the folders it needs (tree-walk.ts `widen`, then `refreshFiles`).
   */
  partial: boolean;
}

function isNewer(a: string, b: string): boolean {
  const [va, vb] = [parseRelaxed(a), parseRelaxed(b)];
  return va !== undefined && vb !== undefined && compare(va, vb) > 0;
}

export class RaceLostError extends Error {}

export async function getBranchHead(
  client: GitHubClient,
  ref: RepoRef,
  branch: string,
): Promise<string | undefined> {
  try {
    const { data } = await client.rest.git.getRef({ ...ref, ref: `heads/${branch}` });
    return data.object.sha;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return undefined;
    throw e;
  }
}

/**
 * The base branch's head and tree: the branch read (commit, tree sha) and its tree read by the
 * branch's name go out together, so the whole base costs one round trip; if the branch moved between
 * the two, the tree is read again by sha. `partialOk`: a tree too large for one read gives its root
 * only (else TreeTruncatedError).
 */
export async function readBase(
  objects: GitObjects,
  branch: string,
  partialOk = false,
): Promise<Base | undefined> {
  // A name with "/" or one that looks like a sha would be read as something else: read by sha then.
  const byName = /\/|^[0-9a-f]{40}$/.test(branch) ? undefined : objects.treeOfBranch(branch);
  byName?.catch(() => {});
  const head = await objects.branch(branch);
  if (!head) return undefined;
  const known = await readKnownTree(objects, head.treeSha, byName);
  if (known.partial && !partialOk) throw new TreeTruncatedError(TRUNCATED_MESSAGE);
  const base = { branch, sha: head.sha, treeSha: head.treeSha, tree: [], ...known };
  return refreshFiles(base);
}

/** The base's files after its index was widened. */
export function refreshFiles(base: Base): Base {
  base.tree = filesOf(base.index.files());
  return base;
}

/**
 * Does the branch already hold exactly base + these files, on top of this base? Its commit's tree
 * sha against the one computed from the base's tree answers without reading the branch's tree.
 */
function branchIsCurrent(head: CommitFacts, base: Base, files: readonly PlannedFile[]): boolean {
  if (head.parents.length !== 1 || head.parents[0] !== base.sha) return false;
  return base.index.shaWith(files) === head.treeSha;
}

/**
 * The files with each encrypted values Secret replaced by what it makes of the branch's copy: an
 * encrypted file differs in every byte each time it is written, so plaintext decides whether the
 * branch's copy stays (also when the branch is rewritten for a newer Package or a moved base).
 * The branch's tree is read only for such files, and only down to their folders.
 */
async function withBranchCopies(
  objects: GitObjects,
  head: CommitFacts,
  files: readonly PlannedFile[],
): Promise<PlannedFile[]> {
  const encrypted = files.filter((f) => f.fromBranch);
  if (encrypted.length === 0) return [...files];
  const branch = await readKnownTree(objects, head.treeSha);
  if (branch.partial)
    await widen(
      objects,
      branch.index,
      encrypted.map((f) => parentOf(f.path)),
    );
  const result: PlannedFile[] = [];
  for (const file of files) {
    const entry = branch.index.entry(file.path);
    if (
      !file.fromBranch ||
      entry?.type !== 'blob' ||
      entry.sha === blobSha(file.content) ||
      (entry.size ?? 0) > SECRET_BLOB_LIMIT
    ) {
      result.push(file);
      continue;
    }
    const bytes = await objects.blob(entry.sha);
    const content =
      bytes.length > SECRET_BLOB_LIMIT ? undefined : await file.fromBranch(bytes.toString('utf8'));
    result.push(content === undefined ? file : { ...file, content });
  }
  return result;
}

const parentOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/** A values Secret larger than this on a branch is not one the action wrote: rewrite it. */
const SECRET_BLOB_LIMIT = 1024 * 1024;

export interface OpenPull {
  number: number;
  html_url: string;
  title: string;
  body: string | null;
}

/** The targets a closed pull request proposed, for its closing comment; none (a re-wrap): nothing. */
const what = (targets: readonly Target[]) =>
  targets.length === 0
    ? ''
    : ` (${targets.map((t) => `${t.component} in ${t.environment}${t.toVersion ? ` at ${t.toVersion}` : ''}`).join(', ')})`;

/**
 * The open pull requests into the base branch, read once per attempt (paginated) rather than once
 * per environment: a push of 10 Packages × 5 environments costs one read, not fifty.
 */
export class OpenPulls {
  #byBranch?: Promise<Map<string, OpenPull>>;

  constructor(
    private readonly client: GitHubClient,
    private readonly ref: RepoRef,
    private readonly baseBranch: string,
  ) {}

  async get(branch: string): Promise<OpenPull | undefined> {
    return (await this.prefetch()).get(branch);
  }

  /** Start the read now (it overlaps with planning); a failure surfaces at the first get(). */
  prefetch(): Promise<Map<string, OpenPull>> {
    if (!this.#byBranch) {
      this.#byBranch = this.#load();
      this.#byBranch.catch(() => {});
    }
    return this.#byBranch;
  }

  async #load(): Promise<Map<string, OpenPull>> {
    const pulls = await this.client.paginate(this.client.rest.pulls.list, {
      ...this.ref,
      state: 'open',
      base: this.baseBranch,
      per_page: 100,
    });
    const own = `${this.ref.owner}/${this.ref.repo}`;
    // Only branches of this repository: a fork's PR may use the same branch name.
    return new Map(pulls.filter((p) => p.head.repo?.full_name === own).map((p) => [p.head.ref, p]));
  }
}

/**
 * The most REST calls publishing one proposal makes (what the budget is asked for): closing costs a
 * comment and an update; writing, the branch read, tree, commit and ref, then the pull request's
 * update, or its creation with labels and reviewers. Auto-merge is GraphQL, another budget.
 */
export function callsFor(spec: Proposal, open: boolean): number {
  if (spec.files.length === 0) return open ? 2 : 0;
  const branch = 4;
  if (open) return branch + 1;
  const labels = spec.labels.length > 0 ? 1 : 0;
  const reviewers = spec.reviewers.length + spec.teamReviewers.length > 0 ? 1 : 0;
  return branch + 1 + labels + reviewers;
}

/** Write one proposal: its branch (base + files, one commit) and its pull request, created or updated. */
export async function publishProposal(
  objects: GitObjects,
  base: Base,
  spec: Proposal & { branch: string },
  pulls: OpenPulls,
): Promise<Published> {
  const { client, ref } = objects;
  const head = await objects.branch(spec.branch);
  const result: Published = {
    key: spec.key,
    targets: spec.targets,
    branch: spec.branch,
    operation: 'unchanged',
  };
  const open = await pulls.get(spec.branch);
  // Only this action's marker, for this branch, naming a version that exists at the base, is believed.
  const marker = readMarker(open?.body, { key: spec.key, fields: MARKER_FIELDS });
  const proposed = trustedVersion(marker, new Set(spec.knownVersions));
  if (open && proposed && spec.version && isNewer(proposed, spec.version)) {
    // A run for a newer Package finished first: its proposal stands.
    return { ...result, number: open.number, url: open.html_url, superseded: proposed };
  }
  if (!open) {
    const closed = await closedForVersion(client, ref, base, spec);
    if (closed)
      return {
        ...result,
        number: closed.number,
        url: closed.html_url,
        skipped: `#${closed.number} proposed ${spec.version} and was closed without merging; it is not reopened for ${spec.version}, a newer version opens a new pull request`,
      };
  }
  let moved = false;
  const files = head ? await withBranchCopies(objects, head, spec.files) : spec.files;
  if (!head || !branchIsCurrent(head, base, files)) {
    const { data: tree } = await client.rest.git.createTree({
      ...ref,
      base_tree: base.treeSha,
      tree: files.map((f) => ({
        path: f.path,
        mode: '100644' as const,
        type: 'blob' as const,
        content: f.content,
      })),
    });
    const { data: commit } = await client.rest.git.createCommit({
      ...ref,
      message: spec.commitMessage,
      tree: tree.sha,
      parents: [base.sha],
    });
    try {
      if (head)
        await client.rest.git.updateRef({
          ...ref,
          ref: `heads/${spec.branch}`,
          sha: commit.sha,
          force: true,
        });
      else await client.rest.git.createRef({ ...ref, ref: `refs/heads/${spec.branch}`, sha: commit.sha });
    } catch (e) {
      if (isRefRace(e)) throw new RaceLostError(`branch ${spec.branch} changed while it was being written`);
      throw e;
    }
    result.commit = commit.sha;
    moved = true;
  }
  result.head = result.commit ?? head?.sha;

  if (open) {
    result.number = open.number;
    result.url = open.html_url;
    if (open.title !== spec.title || (open.body ?? '') !== spec.body) {
      await client.rest.pulls.update({
        ...ref,
        pull_number: open.number,
        title: spec.title,
        body: spec.body,
      });
      result.operation = 'updated';
    } else if (moved) {
      result.operation = 'updated';
    }
    return result;
  }

  let created: Awaited<ReturnType<GitHubClient['rest']['pulls']['create']>>['data'];
  try {
    ({ data: created } = await client.rest.pulls.create({
      ...ref,
      head: spec.branch,
      base: base.branch,
      title: spec.title,
      body: spec.body,
      draft: spec.draft,
    }));
  } catch (e) {
    const answer = (e as { response?: { data?: unknown } }).response?.data;
    if ((e as { status?: number }).status === 422 && /already exists/i.test(JSON.stringify(answer ?? ''))) {
      // Another run opened it between our list and create: plan again and update that one.
      throw new RaceLostError(`a pull request for ${spec.branch} was opened concurrently`);
    }
    // A branch without its pull request is a half state: remove the branch this run created.
    if (!head && result.commit) await deleteBranch(client, ref, spec.branch);
    throw e;
  }
  result.number = created.number;
  result.url = created.html_url;
  result.operation = 'created';
  // Labels, reviewers and auto-merge do not depend on each other: one round trip, not three.
  const decorations: Promise<unknown>[] = [];
  if (spec.labels.length > 0)
    decorations.push(
      client.rest.issues.addLabels({ ...ref, issue_number: created.number, labels: spec.labels }),
    );
  if (spec.reviewers.length > 0 || spec.teamReviewers.length > 0) {
    decorations.push(
      client.rest.pulls.requestReviewers({
        ...ref,
        pull_number: created.number,
        reviewers: spec.reviewers,
        team_reviewers: spec.teamReviewers,
      }),
    );
  }
  if (spec.autoMerge) {
    decorations.push(
      client.graphql(
        `mutation($id: ID!, $mergeMethod: PullRequestMergeMethod!) { enablePullRequestAutoMerge(input: {pullRequestId: $id, mergeMethod: $mergeMethod}) { clientMutationId } }`,
        { id: created.node_id, mergeMethod: spec.autoMerge.toUpperCase() },
      ),
    );
  }
  await Promise.all(decorations);
  return result;
}

async function deleteBranch(client: GitHubClient, ref: RepoRef, branch: string): Promise<void> {
  try {
    await client.rest.git.deleteRef({ ...ref, ref: `heads/${branch}` });
  } catch {
    // Best effort: the original error is the one worth reporting.
  }
}

/** An environment that needs nothing any more: close this action's open PR for it, saying why. */
export async function closeIfOpen(
  client: GitHubClient,
  ref: RepoRef,
  base: Base,
  spec: Proposal & { branch: string },
  pulls: OpenPulls,
): Promise<Published | undefined> {
  const open = await pulls.get(spec.branch);
  if (!open || !readMarker(open.body, { key: spec.key, fields: MARKER_FIELDS })) return undefined;
  await client.rest.issues.createComment({
    ...ref,
    issue_number: open.number,
    body: `${base.branch} already has what this pull request proposed${what(spec.targets)}, so it is closed by flux-pkg-action.`,
  });
  await client.rest.pulls.update({ ...ref, pull_number: open.number, state: 'closed' });
  return {
    key: spec.key,
    targets: spec.targets,
    branch: spec.branch,
    operation: 'closed',
    number: open.number,
    url: open.html_url,
  };
}

/**
 * Renovate's rule: a pull request of this action for this branch and version, closed without
 * merging, means someone declined that version; it is not proposed again. Only the newest 100
 * closed pull requests of the branch are looked at (one read, only before opening a pull request).
 */
async function closedForVersion(
  client: GitHubClient,
  ref: RepoRef,
  base: Base,
  spec: Proposal & { branch: string },
): Promise<{ number: number; html_url: string } | undefined> {
  if (!spec.version) return undefined;
  const { data } = await client.rest.pulls.list({
    ...ref,
    state: 'closed',
    head: `${ref.owner}:${spec.branch}`,
    base: base.branch,
    sort: 'created',
    direction: 'desc',
    per_page: 100,
  });
  return data.find((p) => {
    if (p.merged_at) return false;
    const marker = readMarker(p.body, { key: spec.key, fields: MARKER_FIELDS });
    return marker?.fields.version === spec.version;
  });
}
