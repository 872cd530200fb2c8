/**
 * One pull request per (component, environment), written atomically with the Git Data API: a tree
 * on the base tree with inline contents, one commit whose parent is the base head (sent without
 * author or committer, so GitHub signs it for App and GITHUB_TOKEN callers), then the branch ref
 * created or force-updated in one call. A run that fails midway leaves no half-written branch.
 */
import { createHash } from 'node:crypto';
import { compare, parseRelaxed } from '../carvel/semver.js';
import type { Proposal, Published } from '../plan/proposals/proposals.js';
import type { PlannedFile } from '../plan/types.js';
import { MARKER_FIELDS, readMarker, trustedVersion } from '../report/pull-request/marker.js';
import type { GitHubClient } from './client.js';
import { isRefRace } from './refs.js';
import { type RepoRef, readTree, type TreeEntry } from './snapshot.js';

export interface Base {
  branch: string;
  sha: string;
  treeSha: string;
  tree: readonly TreeEntry[];
}

function isNewer(a: string, b: string): boolean {
  const [va, vb] = [parseRelaxed(a), parseRelaxed(b)];
  return va !== undefined && vb !== undefined && compare(va, vb) > 0;
}

export class RaceLostError extends Error {}

/** git's blob id for a text: lets an unchanged branch be recognised without writing anything. */
export function blobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

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

export async function readBase(
  client: GitHubClient,
  ref: RepoRef,
  branch: string,
): Promise<Base | undefined> {
  const sha = await getBranchHead(client, ref, branch);
  if (!sha) return undefined;
  const { data: commit } = await client.rest.git.getCommit({ ...ref, commit_sha: sha });
  return { branch, sha, treeSha: commit.tree.sha, tree: await readTree(client, ref, commit.tree.sha) };
}

interface BranchState {
  parents: string[];
  tree: TreeEntry[];
}

async function readBranch(client: GitHubClient, ref: RepoRef, head: string): Promise<BranchState> {
  const { data: commit } = await client.rest.git.getCommit({ ...ref, commit_sha: head });
  return { parents: commit.parents.map((p) => p.sha), tree: await readTree(client, ref, commit.tree.sha) };
}

/** Does the branch already hold exactly base + these files, on top of this base? */
function branchIsCurrent(branch: BranchState, base: Base, files: readonly PlannedFile[]): boolean {
  if (branch.parents.length !== 1 || branch.parents[0] !== base.sha) return false;
  const expected = new Map(base.tree.map((e) => [e.path, e.sha]));
  for (const f of files) expected.set(f.path, blobSha(f.content));
  return branch.tree.length === expected.size && branch.tree.every((e) => expected.get(e.path) === e.sha);
}

/**
 * The files with each encrypted values Secret replaced by what it makes of the branch's copy: an
 * encrypted file differs in every byte each time it is written, so plaintext decides whether the
 * branch's copy stays (also when the branch is rewritten for a newer Package or a moved base).
 */
async function withBranchCopies(
  client: GitHubClient,
  ref: RepoRef,
  branch: BranchState,
  files: readonly PlannedFile[],
): Promise<PlannedFile[]> {
  const result: PlannedFile[] = [];
  for (const file of files) {
    const entry = branch.tree.find((e) => e.path === file.path);
    if (
      !file.fromBranch ||
      !entry ||
      entry.sha === blobSha(file.content) ||
      (entry.size ?? 0) > SECRET_BLOB_LIMIT
    ) {
      result.push(file);
      continue;
    }
    const { data } = await client.rest.git.getBlob({ ...ref, file_sha: entry.sha });
    const text =
      data.encoding === 'base64' ? Buffer.from(data.content, 'base64').toString('utf8') : data.content;
    const content = (data.size ?? 0) > SECRET_BLOB_LIMIT ? undefined : await file.fromBranch(text);
    result.push(content === undefined ? file : { ...file, content });
  }
  return result;
}

/** A values Secret larger than this on a branch is not one the action wrote: rewrite it. */
const SECRET_BLOB_LIMIT = 1024 * 1024;

export interface OpenPull {
  number: number;
  html_url: string;
  title: string;
  body: string | null;
}

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

/** Write one proposal: its branch (base + files, one commit) and its pull request, created or updated. */
export async function publishProposal(
  client: GitHubClient,
  ref: RepoRef,
  base: Base,
  spec: Proposal & { branch: string },
  pulls: OpenPulls,
): Promise<Published> {
  const head = await getBranchHead(client, ref, spec.branch);
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
  let moved = false;
  const branch = head ? await readBranch(client, ref, head) : undefined;
  const files = branch ? await withBranchCopies(client, ref, branch, spec.files) : spec.files;
  if (!branch || !branchIsCurrent(branch, base, files)) {
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
  if (spec.labels.length > 0)
    await client.rest.issues.addLabels({ ...ref, issue_number: created.number, labels: spec.labels });
  if (spec.reviewers.length > 0 || spec.teamReviewers.length > 0) {
    await client.rest.pulls.requestReviewers({
      ...ref,
      pull_number: created.number,
      reviewers: spec.reviewers,
      team_reviewers: spec.teamReviewers,
    });
  }
  if (spec.autoMerge) {
    await client.graphql(
      `mutation($id: ID!, $mergeMethod: PullRequestMergeMethod!) { enablePullRequestAutoMerge(input: {pullRequestId: $id, mergeMethod: $mergeMethod}) { clientMutationId } }`,
      { id: created.node_id, mergeMethod: spec.autoMerge.toUpperCase() },
    );
  }
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
    body: `${base.branch} already has what this pull request proposed (${spec.targets.map((t) => `${t.component} in ${t.environment}${t.toVersion ? ` at ${t.toVersion}` : ''}`).join(', ')}), so it is closed by flux-pkg-action.`,
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
