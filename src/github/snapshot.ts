/**
 * The gitops repo read through the GitHub API at one commit: one recursive tree read, then only the
 * blobs the plan asks for. Reads do not grow with the number of unrelated files in the repo. The
 * planner reads ahead, so blob reads overlap, at most BLOB_READS_IN_FLIGHT at once.
 */
import { type FileEntry, type ReadOptions, RefusedReadError, type Snapshot } from '../repo/snapshot.js';
import type { GitHubClient } from './client.js';
import { concurrencyLimit } from './limit.js';

/** Git's mode for a symbolic link: the blob holds the link's target, which the action never follows. */
const SYMLINK_MODE = '120000';

export interface TreeEntry extends FileEntry {
  sha: string;
  mode: string;
}

export interface RepoRef {
  owner: string;
  repo: string;
}

export class TreeTruncatedError extends Error {}

/** Well under GitHub's 100 concurrent requests, and under Octokit's own 10 (its throttling plugin). */
export const BLOB_READS_IN_FLIGHT = 8;

/** Every blob of a tree, recursively (one request). */
export async function readTree(client: GitHubClient, ref: RepoRef, treeSha: string): Promise<TreeEntry[]> {
  const { data } = await client.rest.git.getTree({ ...ref, tree_sha: treeSha, recursive: '1' });
  if (data.truncated) {
    throw new TreeTruncatedError(
      'the repository tree is too large for one API read (over 100,000 entries); use the path input with a checkout instead',
    );
  }
  return data.tree
    .filter((e) => e.type === 'blob' && e.path && e.sha)
    .map((e) => {
      const mode = e.mode ?? '100644';
      const kind = mode === SYMLINK_MODE ? 'symlink' : 'file';
      return { path: e.path!, sha: e.sha!, mode, size: e.size, kind };
    });
}

export class GitHubSnapshot implements Snapshot {
  readonly #byPath: Map<string, TreeEntry>;
  readonly #limit = concurrencyLimit(BLOB_READS_IN_FLIGHT);

  constructor(
    private readonly client: GitHubClient,
    private readonly ref: RepoRef,
    readonly entries: readonly TreeEntry[],
  ) {
    this.#byPath = new Map(entries.map((e) => [e.path, e]));
  }

  async list(): Promise<readonly FileEntry[]> {
    return this.entries;
  }

  async read(path: string, options: ReadOptions = {}): Promise<string | undefined> {
    const entry = this.#byPath.get(path);
    if (!entry) return undefined;
    if (entry.kind === 'symlink') throw new RefusedReadError(path, 'symlink');
    if (options.maxBytes !== undefined && entry.size !== undefined && entry.size > options.maxBytes)
      throw new RefusedReadError(path, 'too-large', entry.size);
    const { data } = await this.#limit(() =>
      this.client.rest.git.getBlob({ ...this.ref, file_sha: entry.sha }),
    );
    return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8');
  }
}
