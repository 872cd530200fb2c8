/**
 * The gitops repo read through the GitHub API at one commit: the tree (tree-walk.ts), then only the
 * blobs the plan asks for, through the run's object reads (objects.ts), so a blob the plan, the
 * delivery and the summary all want is read once. The planner reads ahead, so blob reads overlap,
 * at most READS_IN_FLIGHT at once.
 */
import { type FileEntry, type ReadOptions, RefusedReadError, type Snapshot } from '../repo/snapshot.js';
import type { GitObjects } from './objects.js';
import type { RawTreeEntry } from './tree-index.js';

export { READS_IN_FLIGHT, type RepoRef } from './objects.js';

/** Git's mode for a symbolic link: the blob holds the link's target, which the action never follows. */
const SYMLINK_MODE = '120000';

export interface TreeEntry extends FileEntry {
  sha: string;
  mode: string;
}

export class TreeTruncatedError extends Error {}

export const TRUNCATED_MESSAGE =
  'the repository tree is too large for one API read (over 100,000 entries); use the path input with a checkout instead';

/** The files of a tree listing (folders and submodules left out), links marked as such. */
export function filesOf(entries: readonly RawTreeEntry[]): TreeEntry[] {
  return entries
    .filter((e) => e.type === 'blob')
    .map((e) => {
      const kind = e.mode === SYMLINK_MODE ? 'symlink' : 'file';
      return { path: e.path, sha: e.sha, mode: e.mode, size: e.size, kind };
    });
}

/** Every file of a tree (or a commit's tree), recursively: one request, shared by the run. */
export async function readTree(objects: GitObjects, treeOrCommitSha: string): Promise<TreeEntry[]> {
  const read = await objects.tree(treeOrCommitSha, true);
  if (read.truncated) throw new TreeTruncatedError(TRUNCATED_MESSAGE);
  return filesOf(read.entries);
}

export class GitHubSnapshot implements Snapshot {
  readonly #byPath: Map<string, TreeEntry>;

  constructor(
    private readonly objects: GitObjects,
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
    return (await this.objects.blob(entry.sha)).toString('utf8');
  }
}
