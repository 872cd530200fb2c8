/**
 * POST /git/trees semantics on a real repository: start from `base_tree` (or nothing), apply entries
 * by full path (`app.default.tap/dev/params.yaml` lands in the nested trees), `content` writes a blob,
 * `sha: null` deletes, and only the trees on changed paths are rewritten (as `git mktree` would).
 */
import { EMPTY_TREE, GitError, type GitStore, type Person } from './git-store.js';
import type { TreeItem } from './loose-objects.js';

export interface TreeChange {
  path?: unknown;
  mode?: unknown;
  type?: unknown;
  sha?: unknown;
  content?: unknown;
}

interface Node {
  mode: string;
  type: string;
  sha: string;
  /** Loaded on first descent (trees only). */
  children?: Map<string, Node>;
  dirty?: boolean;
}

const SHA_OR_CONTENT =
  'Must supply either tree.sha or tree.content. Request will be rejected if both are present.';

const TYPE_OF_MODE: Record<string, string> = {
  '100644': 'blob',
  '100755': 'blob',
  '120000': 'blob',
  '040000': 'tree',
  '160000': 'commit',
};

function childrenOf(git: GitStore, node: Node): Map<string, Node> {
  if (!node.children) {
    const entries = node.sha ? git.lsTree(node.sha, false) : [];
    node.children = new Map(entries.map((e) => [e.path, { mode: e.mode, type: e.type, sha: e.sha }]));
  }
  return node.children;
}

/** The node for `path`'s parent directory, creating missing directories unless `create` is false. */
function parentOf(
  git: GitStore,
  root: Node,
  segments: string[],
  create: boolean,
  path: string,
): Node | undefined {
  let dir = root;
  for (const name of segments.slice(0, -1)) {
    const children = childrenOf(git, dir);
    let next = children.get(name);
    if (!next) {
      if (!create) return undefined;
      next = { mode: '040000', type: 'tree', sha: '', children: new Map() };
      children.set(name, next);
    } else if (next.type !== 'tree') {
      throw new GitError(`tree.path ${path} goes through ${name}, which is not a directory`);
    }
    dir.dirty = true;
    dir = next;
  }
  dir.dirty = true;
  return dir;
}

function apply(git: GitStore, root: Node, change: TreeChange): void {
  const { path, mode, type, sha, content } = change;
  if (typeof path !== 'string' || path === '') throw new GitError('tree.path is missing');
  const segments = path.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s === '.git')) {
    throw new GitError(`tree.path ${path} contains a malformed path component`);
  }
  if (sha !== undefined && content !== undefined) {
    throw new GitError(SHA_OR_CONTENT, true);
  }
  const name = segments.at(-1)!;
  if (sha === null) {
    const dir = parentOf(git, root, segments, false, path);
    if (!dir || !childrenOf(git, dir).delete(name)) throw new GitError('GitRPC::BadObjectState');
    return;
  }
  if (sha === undefined && content === undefined) {
    throw new GitError(SHA_OR_CONTENT, true);
  }
  if (typeof mode !== 'string' || !TYPE_OF_MODE[mode])
    throw new GitError(`tree.mode for ${path} is missing or invalid`);
  const kind = TYPE_OF_MODE[mode]!;
  if (type !== undefined && type !== kind)
    throw new GitError(`tree.type ${String(type)} does not match tree.mode ${mode}`);
  let object: string;
  if (typeof content === 'string') {
    if (kind !== 'blob') throw new GitError(`tree.content is only allowed for blobs (${path})`);
    object = git.hashBlob(content);
  } else {
    object = String(sha);
    if (kind !== 'commit' && git.typeOf(object) !== kind)
      throw new GitError(`tree.sha ${object} is not a valid ${kind}`);
  }
  const entry: Node = { mode, type: kind, sha: object };
  childrenOf(git, parentOf(git, root, segments, true, path)!).set(name, entry);
}

/** Write every dirty tree bottom-up; empty directories disappear, as in git. */
function write(git: GitStore, node: Node): string {
  if (!node.dirty) return node.sha;
  const items: TreeItem[] = [];
  let gitlinks = false;
  for (const [name, child] of [...childrenOf(git, node)]) {
    if (child.type === 'tree') child.sha = write(git, child);
    if (child.sha === EMPTY_TREE) continue;
    gitlinks ||= child.type === 'commit';
    items.push({ mode: child.mode, name, sha: child.sha });
  }
  // `git mktree --missing` when a submodule's commit is named: the repository does not hold it.
  return git.writeTree(items, gitlinks);
}

/** Build the tree for a POST /git/trees body; throws GitError for what GitHub answers with 422. */
export function buildTree(git: GitStore, baseTree: string | undefined, changes: TreeChange[]): string {
  if (baseTree !== undefined && git.typeOf(baseTree) !== 'tree')
    throw new GitError(`base_tree ${baseTree} is not a valid tree`);
  const root: Node = { mode: '040000', type: 'tree', sha: baseTree ?? '', dirty: true };
  for (const change of changes) apply(git, root, change);
  return write(git, root);
}

/** What a pushed path holds: a file's text, a symbolic link (mode 120000, its target as the blob), or null to delete. */
export type PushedFile = string | { symlink: string } | null;

/**
 * Commit `files` on top of `ref` as `author`, the way a person pushing would, and move the ref with
 * compare-and-swap. A missing ref starts from `fromRef`'s head (or no parent at all).
 */
export function commitFiles(
  git: GitStore,
  ref: string,
  files: Record<string, PushedFile>,
  message: string,
  author: Person,
  fromRef?: string,
): string {
  const current = git.resolveRef(ref);
  const parent = current ?? (fromRef ? git.resolveRef(fromRef) : undefined);
  const baseTree = parent ? git.readCommit(parent).tree : undefined;
  const changes = Object.entries(files).map(([path, content]) =>
    content === null
      ? { path, sha: null }
      : typeof content === 'string'
        ? { path, mode: '100644', type: 'blob', content }
        : { path, mode: '120000', type: 'blob', content: content.symlink },
  );
  const tree = buildTree(git, baseTree, changes);
  const sha = git.commitTree(tree, parent ? [parent] : [], message, author);
  if (!git.updateRef(ref, sha, current ?? null)) throw new GitError(`${ref} moved while committing`);
  return sha;
}
