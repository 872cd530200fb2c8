/**
 * One run's reads of Git objects, each made once: a commit, tree or blob is named by its sha and
 * never changes, so whoever asks (planning, delivery, the summary) shares one request. Branch heads
 * move, so they are read each time they are asked for (one call gives the head's commit and tree).
 */
import type { GitHubClient } from './client.js';
import { concurrencyLimit } from './limit.js';
import type { RawTreeEntry } from './tree-index.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface CommitFacts {
  sha: string;
  treeSha: string;
  parents: string[];
}

export interface TreeRead {
  sha: string;
  entries: RawTreeEntry[];
  /** GitHub stopped listing (a recursive read past 100,000 entries or 7 MB): `entries` is partial. */
  truncated: boolean;
}

/**
 * Blob and tree reads of one run in flight at once: well under GitHub's 100 concurrent requests,
 * and under the client's own 10 a client (request-hook.ts). A walk of every component folder is thousands
 * of tree reads; GitHub answers too many at once with a secondary rate limit.
 */
export const READS_IN_FLIGHT = 8;

const treeKey = (sha: string, recursive: boolean) => `${recursive ? 'r' : '1'}:${sha}`;
const isNotFound = (e: unknown) => (e as { status?: number }).status === 404;

export class GitObjects {
  readonly #commits = new Map<string, Promise<CommitFacts>>();
  readonly #trees = new Map<string, Promise<TreeRead>>();
  readonly #blobs = new Map<string, Promise<Buffer>>();
  readonly #limit = concurrencyLimit(READS_IN_FLIGHT);

  constructor(
    readonly client: GitHubClient,
    readonly ref: RepoRef,
  ) {}

  /** A branch's head commit (sha, tree, parents) in one call; undefined when there is no such branch. */
  async branch(name: string): Promise<CommitFacts | undefined> {
    try {
      const { data } = await this.client.rest.repos.getBranch({ ...this.ref, branch: name });
      const facts = {
        sha: data.commit.sha,
        treeSha: data.commit.commit.tree.sha,
        parents: data.commit.parents.map((p) => p.sha),
      };
      if (!this.#commits.has(facts.sha)) this.#commits.set(facts.sha, Promise.resolve(facts));
      return facts;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  commit(sha: string): Promise<CommitFacts> {
    return this.#once(this.#commits, sha, async () => {
      const { data } = await this.client.rest.git.getCommit({ ...this.ref, commit_sha: sha });
      return { sha, treeSha: data.tree.sha, parents: data.parents.map((p) => p.sha) };
    });
  }

  /**
   * A tree's entries. `sha` may also be a commit sha (GitHub reads its tree); the answer's `sha`
   * is always the tree's, and the read is kept under it too.
   */
  tree(sha: string, recursive: boolean): Promise<TreeRead> {
    return this.#once(this.#trees, treeKey(sha, recursive), async () => {
      const read = await this.#readTree(sha, recursive);
      if (read.sha !== sha) this.#keepTree(read, recursive);
      return read;
    });
  }

  /**
   * A branch's whole tree read by the branch's name (GitHub takes a name where a tree sha goes), so
   * it can be read alongside the branch itself; kept under the tree's sha only, since a name moves.
   * Undefined when GitHub does not know the name.
   */
  async treeOfBranch(name: string): Promise<TreeRead | undefined> {
    try {
      const read = await this.#readTree(name, true);
      this.#keepTree(read, true);
      return read;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** One tree read; at most READS_IN_FLIGHT blob and tree reads at once. */
  async #readTree(treeish: string, recursive: boolean): Promise<TreeRead> {
    const { data } = await this.#limit(() =>
      this.client.rest.git.getTree({
        ...this.ref,
        tree_sha: treeish,
        ...(recursive ? { recursive: '1' } : {}),
      }),
    );
    return {
      sha: data.sha,
      truncated: data.truncated === true,
      entries: data.tree
        .filter((e) => e.path && e.sha && e.type)
        .map((e) => ({ path: e.path!, sha: e.sha!, type: e.type!, mode: e.mode ?? '100644', size: e.size })),
    };
  }

  #keepTree(read: TreeRead, recursive: boolean): void {
    const key = treeKey(read.sha, recursive);
    if (!this.#trees.has(key)) this.#trees.set(key, Promise.resolve(read));
  }

  /** A blob's bytes; at most READS_IN_FLIGHT blob and tree reads at once. */
  blob(sha: string): Promise<Buffer> {
    return this.#once(this.#blobs, sha, () =>
      this.#limit(async () => {
        const { data } = await this.client.rest.git.getBlob({ ...this.ref, file_sha: sha });
        return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
      }),
    );
  }

  /** Has this run read (or started reading) this blob? Then asking for it costs no call. */
  hasBlob(sha: string): boolean {
    return this.#blobs.has(sha);
  }

  /** Start reading these blobs now, as one fan-out; a failure surfaces where the blob is read. */
  prefetch(shas: Iterable<string>): void {
    for (const sha of new Set(shas)) this.blob(sha).catch(() => {});
  }

  /** A failed read is forgotten (the next ask tries again); a pending or finished one is shared. */
  #once<T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
    let pending = cache.get(key);
    if (!pending) {
      pending = read();
      cache.set(key, pending);
      pending.catch(() => cache.delete(key));
    }
    return pending;
  }
}
