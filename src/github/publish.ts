/**
 * One pull request per (component, environment), written atomically with the Git Data API: a tree
 * on the base tree with inline contents, one commit whose parent is the base head (sent without
 * author or committer, so GitHub signs it for App and GITHUB_TOKEN callers), then the branch ref
 * created or force-updated in one call. A run that fails midway leaves no half-written branch.
 */
import { compare, parseRelaxed } from '../carvel/semver.js';
import type { Proposal, Published } from '../plan/proposals/proposals.js';
import type { PlannedFile } from '../plan/types.js';
import { closingComment, reasonsFor } from '../report/pull-request/closing.js';
import { MARKER_FIELDS, readMarker, trustedVersion } from '../report/pull-request/marker.js';
import { RaceLostError } from './api-call.js';
import type { GitHubClient } from './client.js';
import type { CommitFacts, GitObjects } from './objects.js';
import { isRefRace, readableByName } from './refs.js';
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

export { RaceLostError } from './api-call.js';

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
 * only (else TreeTruncatedError). `headNow`: the head as just read (its tree is then read by sha).
 */
export async function readBase(
  objects: GitObjects,
  branch: string,
  partialOk = false,
  headNow?: CommitFacts,
): Promise<Base | undefined> {
  const byName = headNow || !readableByName(branch) ? undefined : objects.treeOfBranch(branch);
  byName?.catch(() => {});
  const head = headNow ?? (await objects.branch(branch));
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

interface ListedPull extends OpenPull {
  state: string;
  merged_at: string | null;
  head: { ref: string; repo: { full_name: string } | null };
}

/** The targets a closed pull request proposed, for its closing comment; none (a re-wrap): nothing. */
/** One page of a branch's pull requests, newest first (GitHub's maximum page). */
const PAGE = 100;

/**
 * The pull requests of this attempt's branches, read once. For one branch, one read of that
 * branch's pull requests (open and closed, newest first) answers both questions publishing asks —
 * is one open, was this version declined — in one call; for more, the open pull requests into the
 * base are listed once (paginated: 10 Packages × 5 environments cost one read, not fifty) and a
 * branch's closed ones are read only before opening a pull request for it.
 */
export class OpenPulls {
  #open?: Promise<Map<string, OpenPull>>;
  readonly #baseWhenOpened = new Map<string, string>();
  /** The one branch read whole (open and closed), when `prepare` was given one branch. */
  #single?: { branch: string; pulls: Promise<ListedPull[]> };

  constructor(
    private readonly client: GitHubClient,
    private readonly ref: RepoRef,
    private readonly baseBranch: string,
  ) {}

  /**
   * The read `expect` started before planning, named by the branches it reads for (readFor): kept
   * when `prepare` is given branches that need the same read, else dropped.
   */
  #expected?: string;

  /**
   * Start the reads for the branches planning is expected to name, before it names them (deliver.ts):
   * `prepare` then keeps them when they are the reads its branches need, and reads again when not.
   */
  expect(branches: readonly string[]): void {
    if (this.#open || branches.length === 0) return;
    this.prepare(branches);
    this.#expected = readFor(branches);
  }

  /** Start the reads for these branches (a failure surfaces at the first get()). */
  prepare(branches: readonly string[]): void {
    if (this.#expected !== undefined) {
      const same = this.#expected === readFor(branches);
      this.#expected = undefined;
      if (same) return;
      // A wrong guess costs its read, never an answer: the branches planning named are read now.
      this.#open = undefined;
      this.#single = undefined;
    }
    if (this.#open || branches.length === 0) return;
    if (branches.length === 1) {
      const branch = branches[0]!;
      this.#single = { branch, pulls: this.#ofBranch(branch, 'all') };
      this.#single.pulls.catch(() => {});
      this.#open = this.#single.pulls.then(async (pulls) => {
        const open = pulls.find((p) => p.state === 'open');
        // A full page without the open one: an open pull request may be older than the page.
        const found = open ?? (pulls.length >= PAGE ? (await this.#ofBranch(branch, 'open'))[0] : undefined);
        return new Map(found ? [[branch, found]] : []);
      });
    } else this.#open = this.#listOpen();
    this.#open.catch(() => {});
  }

  /** The open pull requests by branch (every one into the base, or the one branch `prepare` was given). */
  byBranch(): Promise<Map<string, OpenPull>> {
    if (!this.#open) {
      this.#open = this.#listOpen();
      this.#open.catch(() => {});
    }
    return this.#open;
  }

  async get(branch: string): Promise<OpenPull | undefined> {
    return (await this.byBranch()).get(branch);
  }

  /**
   * After GitHub said a pull request for `branch` already exists (another run opened it since the
   * list was read): that pull request, read now.
   */
  async refresh(branch: string): Promise<OpenPull | undefined> {
    const [open] = await this.#ofBranch(branch, 'open');
    const known = await this.byBranch();
    if (open) known.set(branch, open);
    return open;
  }

  /** The base's head GitHub reported when this attempt opened the pull request of `branch`. */
  baseWhenOpened(branch: string): string | undefined {
    return this.#baseWhenOpened.get(branch);
  }

  /** A pull request this attempt opened, and the base head GitHub says it was opened on. */
  opened(branch: string, baseSha: string): void {
    this.#baseWhenOpened.set(branch, baseSha);
  }

  /** The newest closed pull requests of `branch` (from the one read, when `prepare` made it). */
  async closed(branch: string): Promise<ListedPull[]> {
    const pulls =
      this.#single?.branch === branch ? await this.#single.pulls : await this.#ofBranch(branch, 'closed');
    return pulls.filter((p) => p.state === 'closed');
  }

  async #listOpen(): Promise<Map<string, OpenPull>> {
    const pulls = await this.client.paginate(this.client.rest.pulls.list, {
      ...this.ref,
      state: 'open',
      base: this.baseBranch,
      per_page: PAGE,
    });
    return new Map(this.#own(pulls).map((p) => [p.head.ref, p]));
  }

  async #ofBranch(branch: string, state: 'open' | 'closed' | 'all'): Promise<ListedPull[]> {
    const { data } = await this.client.rest.pulls.list({
      ...this.ref,
      state,
      head: `${this.ref.owner}:${branch}`,
      base: this.baseBranch,
      sort: 'created',
      direction: 'desc',
      per_page: PAGE,
    });
    return this.#own(data).filter((p) => p.head.ref === branch);
  }

  /** Only branches of this repository: a fork's pull request may use the same branch name. */
  #own<P extends ListedPull>(pulls: readonly P[]): P[] {
    const own = `${this.ref.owner}/${this.ref.repo}`;
    return pulls.filter((p) => p.head.repo?.full_name === own);
  }
}

/** Which read `prepare` makes for these branches: the one branch's, or every open pull request's. */
function readFor(branches: readonly string[]): string {
  return branches.length === 1 ? `branch ${branches[0]}` : 'every open one';
}

/**
 * The most REST calls publishing one proposal makes when it loses no race (what the budget is
 * asked for; the open pull requests' read and the base check are counted once per delivery):
 * closing costs a comment and an update. Writing to an open pull request: its branch's head (with
 * its tree and each encrypted file to keep, when there are some), tree, commit and ref, the status on
 * the head and the pull request's update. Opening one: the closed pull requests' read, tree, commit
 * and ref (and, for a branch a closed pull request left, its read and a forced update), the status,
 * the creation, labels and reviewers. Auto-merge is GraphQL, another budget.
 */
export function callsFor(spec: Proposal, open: boolean): number {
  if (spec.files.length === 0) return open ? 2 : 0;
  const write = 3;
  const status = 1;
  if (open) {
    const encrypted = spec.files.filter((f) => f.fromBranch).length;
    const branchRead = 1 + (encrypted > 0 ? 1 + encrypted : 0);
    return branchRead + write + status + 1;
  }
  const closedRead = 1;
  const leftBranch = 2;
  const labels = spec.labels.length > 0 ? 1 : 0;
  const reviewers = spec.reviewers.length + spec.teamReviewers.length > 0 ? 1 : 0;
  return closedRead + write + leftBranch + status + 1 + labels + reviewers;
}

/** The gate's verdict on a head this delivery pushed (or opened a pull request on): never throws. */
export type PostVerdict = (published: readonly Published[]) => Promise<void>;

/**
 * Write one proposal: its branch (base + files, one commit) and its pull request, created or
 * updated. The verdict goes out as soon as its commit exists, beside the branch's write: a status
 * needs only the sha (POST /repos/{o}/{r}/statuses/{sha} takes any commit of the repository), so the
 * head carries it whenever the pull request shows it. A status left on a commit whose branch or pull
 * request then failed is harmless: no ref or pull request shows an unreachable commit, and the next
 * run writes (and posts on) a new one.
 */
export async function publishProposal(
  objects: GitObjects,
  base: Base,
  spec: Proposal & { branch: string },
  pulls: OpenPulls,
  verdict: PostVerdict = async () => {},
): Promise<Published> {
  const result: Published = {
    key: spec.key,
    targets: spec.targets,
    branch: spec.branch,
    operation: 'unchanged',
  };
  const open = await pulls.get(spec.branch);
  const stands = open && newerStands(open, spec);
  // A run for a newer Package finished first: its proposal stands.
  if (stands) return { ...result, ...stands };
  if (!open && spec.version) {
    const closed = declined(await pulls.closed(spec.branch), spec.key, spec.version);
    if (closed)
      return {
        ...result,
        number: closed.number,
        url: closed.html_url,
        skipped: `#${closed.number} proposed ${spec.version} and was closed without merging; it is not reopened for ${spec.version}, a newer version opens a new pull request`,
      };
  }
  const posted: Promise<void>[] = [];
  const onCommit = (commit: string) => posted.push(verdict([{ ...result, head: commit, commit }]));
  const branch = await writeBranch(objects, base, spec, open !== undefined, onCommit);
  result.head = branch.head;
  if (branch.commit) result.commit = branch.commit;
  // A pull request opened on a branch found current (another run, or an earlier attempt, wrote it):
  // its head gets the verdict beside the opening.
  if (!open && !branch.commit) onCommit(branch.head);
  try {
    if (open) return await updatePull(objects, spec, open, result);
    return await createPull(objects, base, spec, pulls, { ...result, createdBranch: branch.created });
  } finally {
    await Promise.all(posted);
  }
}

/** The newer version an open pull request of this action already proposes for the branch, if it does. */
function newerStands(open: OpenPull, spec: Proposal) {
  // Only this action's marker, for this branch, naming a version that exists at the base, is believed.
  const marker = readMarker(open.body, { key: spec.key, fields: MARKER_FIELDS });
  const proposed = trustedVersion(marker, new Set(spec.knownVersions));
  if (!proposed || !spec.version || !isNewer(proposed, spec.version)) return undefined;
  return { number: open.number, url: open.html_url, superseded: proposed };
}

interface WrittenBranch {
  head: string;
  /** The commit this run wrote, when it moved the branch. */
  commit?: string;
  /** This run created the branch (so it removes it if the pull request cannot be opened). */
  created: boolean;
}

/**
 * The branch at base + files, written unless it already is. A branch without an open pull request
 * is rarely there (one is left by a closed pull request, or another run just wrote it): it is not
 * read first; the ref is created, and read only when GitHub answers that it already exists.
 */
async function writeBranch(
  objects: GitObjects,
  base: Base,
  spec: Proposal & { branch: string },
  hasOpenPull: boolean,
  onCommit: (commit: string) => void,
): Promise<WrittenBranch> {
  const { client, ref } = objects;
  const head = hasOpenPull ? await objects.branch(spec.branch) : undefined;
  const files = head ? await withBranchCopies(objects, head, spec.files) : spec.files;
  if (head && branchIsCurrent(head, base, files)) return { head: head.sha, created: false };
  const commit = await commitOnBase(objects, base, spec.commitMessage, files);
  onCommit(commit);
  if (head) {
    await forceBranch(objects, spec.branch, commit);
    return { head: commit, commit, created: false };
  }
  try {
    await client.rest.git.createRef({ ...ref, ref: `refs/heads/${spec.branch}`, sha: commit });
    return { head: commit, commit, created: true };
  } catch (e) {
    if (!isRefRace(e)) throw e;
  }
  const existing = await objects.branch(spec.branch);
  if (!existing) throw new RaceLostError(`branch ${spec.branch} changed while it was being written`);
  if (branchIsCurrent(existing, base, files)) return { head: existing.sha, created: false };
  await forceBranch(objects, spec.branch, commit);
  return { head: commit, commit, created: false };
}

/** A tree on the base's with the files inline (no blob writes), and its commit (signed: no author or committer). */
async function commitOnBase(
  objects: GitObjects,
  base: Base,
  message: string,
  files: readonly PlannedFile[],
): Promise<string> {
  const { client, ref } = objects;
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
    message,
    tree: tree.sha,
    parents: [base.sha],
  });
  return commit.sha;
}

async function forceBranch(objects: GitObjects, branch: string, sha: string): Promise<void> {
  try {
    await objects.client.rest.git.updateRef({ ...objects.ref, ref: `heads/${branch}`, sha, force: true });
  } catch (e) {
    if (isRefRace(e)) throw new RaceLostError(`branch ${branch} changed while it was being written`);
    throw e;
  }
}

/** The open pull request brought to this proposal's title and body. */
async function updatePull(
  objects: GitObjects,
  spec: Proposal,
  open: OpenPull,
  result: Published,
): Promise<Published> {
  const updated: Published = { ...result, number: open.number, url: open.html_url };
  if (open.title !== spec.title || (open.body ?? '') !== spec.body) {
    await objects.client.rest.pulls.update({
      ...objects.ref,
      pull_number: open.number,
      title: spec.title,
      body: spec.body,
    });
    updated.operation = 'updated';
  } else if (result.commit) {
    updated.operation = 'updated';
  }
  return updated;
}

const alreadyExists = (e: unknown) => {
  const answer = (e as { response?: { data?: unknown } }).response?.data;
  return (e as { status?: number }).status === 422 && /already exists/i.test(JSON.stringify(answer ?? ''));
};

/**
 * Open the pull request, with its labels, reviewers and auto-merge. When GitHub answers that one
 * already exists, another run opened it after this run's list was read: that pull request is read
 * and updated, as if the list had shown it. (Planning again instead re-read the list before a new
 * plan and the earlier writes, so a run trailing another one step kept losing the next race.)
 */
async function createPull(
  objects: GitObjects,
  base: Base,
  spec: Proposal & { branch: string },
  pulls: OpenPulls,
  { createdBranch, ...result }: Published & { createdBranch: boolean },
): Promise<Published> {
  const { client, ref } = objects;
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
    if (alreadyExists(e)) {
      const open = await pulls.refresh(spec.branch);
      if (!open) throw new RaceLostError(`a pull request for ${spec.branch} was opened concurrently`);
      const stands = newerStands(open, spec);
      return stands ? { ...result, ...stands } : updatePull(objects, spec, open, result);
    }
    // A branch without its pull request is a half state: remove the branch this run created.
    if (createdBranch) await deleteBranch(client, ref, spec.branch);
    throw e;
  }
  pulls.opened(spec.branch, created.base.sha);
  await decorate(objects, spec, created);
  return { ...result, number: created.number, url: created.html_url, operation: 'created' };
}

/** Labels, reviewers and auto-merge do not depend on each other: one round trip, not three. */
async function decorate(
  { client, ref }: GitObjects,
  spec: Proposal,
  created: { number: number; node_id: string },
): Promise<void> {
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
}

async function deleteBranch(client: GitHubClient, ref: RepoRef, branch: string): Promise<void> {
  try {
    await client.rest.git.deleteRef({ ...ref, ref: `heads/${branch}` });
  } catch {
    // Best effort: the original error is the one worth reporting.
  }
}

/** An environment that needs nothing any more: close this action's open PR for it, saying why (the proposal's reasons). */
export async function closeIfOpen(
  client: GitHubClient,
  ref: RepoRef,
  base: Base,
  spec: Proposal & { branch: string },
  pulls: OpenPulls,
): Promise<Published | undefined> {
  const open = await pulls.get(spec.branch);
  const marker = open && readMarker(open.body, { key: spec.key, fields: MARKER_FIELDS });
  if (!open || !marker) return undefined;
  const reasons = reasonsFor(
    spec.closing ?? spec.targets.map((target) => ({ target })),
    marker.fields.version,
  );
  await client.rest.issues.createComment({
    ...ref,
    issue_number: open.number,
    body: closingComment(base.branch, reasons),
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
 * closed pull requests of the branch are looked at (read only before opening a pull request).
 */
function declined(
  closed: readonly (OpenPull & { merged_at: string | null })[],
  key: string,
  version: string,
): OpenPull | undefined {
  return closed.find((p) => {
    if (p.merged_at) return false;
    const marker = readMarker(p.body, { key, fields: MARKER_FIELDS });
    return marker?.fields.version === version;
  });
}
