/**
 * Reading a commit's tree: one recursive read when GitHub lists it whole; past its limit (a
 * recursive read stops at 100,000 entries or 7 MB and says `truncated: true`), the root alone, then
 * only the folders a run needs, walked down by path (a non-recursive read per folder on the way, a
 * recursive read of the folder itself). What a run reads then does not grow with unrelated folders.
 */
import type { GitObjects, TreeRead } from './objects.js';
import { filesOf, type TreeEntry, TreeTruncatedError } from './snapshot.js';
import { type RawTreeEntry, TreeIndex } from './tree-index.js';

/** What a run knows of a commit's tree; `partial` when GitHub could not list it whole. */
export interface KnownTree {
  index: TreeIndex;
  partial: boolean;
}

/**
 * The tree `treeSha` (the listing may come from a read by another name, `prefetched`, e.g. a read
 * by branch name made in parallel with the branch read): whole, or its root when it is too large.
 */
export async function readKnownTree(
  objects: GitObjects,
  treeSha: string,
  prefetched?: Promise<{ sha: string; truncated: boolean; entries: RawTreeEntry[] } | undefined>,
): Promise<KnownTree> {
  const early = await prefetched;
  return knownFrom(objects, early?.sha === treeSha ? early : await objects.tree(treeSha, true));
}

/**
 * A commit's tree (GitHub reads a commit's tree by the commit's sha): whole, or its root when it is
 * too large. One recursive read, plus the root's own listing when that read was truncated.
 */
export async function readCommitTree(objects: GitObjects, commitSha: string): Promise<KnownTree> {
  return knownFrom(objects, await objects.tree(commitSha, true));
}

async function knownFrom(objects: GitObjects, whole: TreeRead): Promise<KnownTree> {
  const index = new TreeIndex(whole.sha);
  if (!whole.truncated) {
    index.add('', whole.entries, true);
    return { index, partial: false };
  }
  index.add('', (await objects.tree(whole.sha, false)).entries, false);
  return { index, partial: true };
}

/** The files a KnownTree holds so far (every file unless it is partial), as a snapshot lists them. */
export function knownFiles(known: KnownTree): TreeEntry[] {
  return filesOf(known.index.files());
}

/**
 * The names of the folders directly in `dir`, reading only the listings on the way down (one
 * non-recursive read per level not yet known): a walk of the root's children costs no subtree read.
 */
export async function foldersIn(objects: GitObjects, index: TreeIndex, dir: string): Promise<string[]> {
  const parts = dir === '' ? [] : dir.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const at = parts.slice(0, i).join('/');
    if (index.knows(at)) continue;
    const entry = index.entry(at);
    if (entry?.type !== 'tree') return [];
    index.add(at, (await objects.tree(entry.sha, false)).entries, false);
  }
  return (index.children(dir) ?? [])
    .filter((e) => e.type === 'tree')
    .map((e) => e.path.slice(dir ? dir.length + 1 : 0));
}

/** Folders with those inside another of them left out (reading the outer one reads them too). */
export function outermost(dirs: Iterable<string>): string[] {
  const sorted = [...new Set(dirs)].filter((d) => d !== '').sort();
  return sorted.filter((d) => !sorted.some((o) => o !== d && d.startsWith(`${o}/`)));
}

/**
 * The component folders under `root` (the names, read from the listings only): dot-folders left
 * out, and with components at the root the Brain's own top folder too.
 */
export async function componentNames(
  objects: GitObjects,
  index: TreeIndex,
  layout: { componentsPath: string; brainPath: string },
): Promise<string[]> {
  const root = layout.componentsPath.replace(/\/+$/, '');
  const brainTop = layout.brainPath.replace(/\/+$/, '').split('/')[0];
  const names = await foldersIn(objects, index, root);
  return names.filter((n) => !n.startsWith('.') && (root !== '' || n !== brainTop));
}

/**
 * The API calls `widen` makes to read `dirs` in each of `indexes` (a head and a base): one
 * recursive read per outermost folder not yet known whole, counted once when both trees name it by
 * the same sha (a tree sha names its content, and GitObjects reads each tree once), plus one
 * listing per folder on the way down not yet listed. A folder whose sha is not known yet (a
 * folder above it is unlisted) counts as its own read: the count never comes out low.
 */
export function readsToWiden(indexes: readonly TreeIndex[], dirs: Iterable<string>): number {
  const folders = outermost(dirs);
  const reads = new Set<string>();
  indexes.forEach((index, i) => {
    for (const dir of folders)
      for (const read of readsOfFolder(index, dir)) reads.add(read.replace('#', `${i}`));
  });
  return reads.size;
}

/**
 * The reads readFolder makes for `dir` in `index`, as keys (a listing or a folder by its path,
 * with `#` for the index, or a subtree by its sha): none for a folder already known whole or
 * known to be absent (readFolder stops there too).
 */
function readsOfFolder(index: TreeIndex, dir: string): string[] {
  if (index.knowsAllUnder(dir)) return [];
  const reads: string[] = [];
  const parts = dir.split('/');
  let listed = true;
  for (let n = 1; n <= parts.length; n++) {
    const at = parts.slice(0, n).join('/');
    const entry = listed ? index.entry(at) : undefined;
    if (listed && entry?.type !== 'tree') return reads;
    if (n === parts.length) return [...reads, entry ? `tree ${entry.sha}` : `folder #:${at}`];
    if (index.knows(at)) continue;
    reads.push(`listing #:${at}`);
    listed = false;
  }
  return reads;
}

/**
 * Read every folder in `dirs` completely (and the folders on the way down to it); GitObjects keeps
 * the reads in flight few, however many folders a walk names.
 */
export async function widen(objects: GitObjects, index: TreeIndex, dirs: Iterable<string>): Promise<void> {
  await Promise.all(outermost(dirs).map((dir) => readFolder(objects, index, dir)));
}

async function readFolder(objects: GitObjects, index: TreeIndex, dir: string): Promise<void> {
  if (index.knowsAllUnder(dir)) return;
  const parts = dir.split('/');
  for (let i = 1; i < parts.length; i++) {
    const above = parts.slice(0, i).join('/');
    if (index.knows(above)) continue;
    const entry = index.entry(above);
    if (entry?.type !== 'tree') return;
    index.add(above, (await objects.tree(entry.sha, false)).entries, false);
  }
  const entry = index.entry(dir);
  if (entry?.type !== 'tree') return;
  const read = await objects.tree(entry.sha, true);
  if (read.truncated)
    throw new TreeTruncatedError(
      `the folder ${dir} alone is too large for one API read (over 100,000 entries); use the path input with a checkout instead`,
    );
  index.add(dir, read.entries, true);
}

/**
 * The files of tree `after` that tree `before` does not hold as they are (added or changed), found
 * by descending only into folders whose tree sha differs: a push to one component reads that
 * component's folders, not the repository.
 */
export async function changedFiles(
  objects: GitObjects,
  before: string | undefined,
  after: string,
  dir = '',
): Promise<string[]> {
  if (before === after) return [];
  const at = (name: string) => (dir ? `${dir}/${name}` : name);
  if (before === undefined) {
    const all = await objects.tree(after, true);
    if (all.truncated) throw new TreeTruncatedError(`the folder ${dir} alone is too large for one API read`);
    return all.entries.filter((e) => e.type === 'blob').map((e) => at(e.path));
  }
  const [a, b] = await Promise.all([objects.tree(before, false), objects.tree(after, false)]);
  const old = new Map(a.entries.map((e) => [e.path, e]));
  const found = await Promise.all(
    b.entries.map(async (e): Promise<string[]> => {
      const was = old.get(e.path);
      if (was?.sha === e.sha && was.type === e.type) return [];
      if (e.type === 'tree')
        return changedFiles(objects, was?.type === 'tree' ? was.sha : undefined, e.sha, at(e.path));
      return e.type === 'blob' ? [at(e.path)] : [];
    }),
  );
  return found.flat();
}

/** A commit's root tree sha, from a non-recursive read of its tree (kept: a walk reads it anyway). */
export async function rootTreeOf(objects: GitObjects, commitSha: string): Promise<string> {
  return (await objects.tree(commitSha, false)).sha;
}

/** The component folders (`<componentsPath>/<component>`) that hold any of `paths`. */
export function componentFolders(paths: readonly string[], componentsPath: string): string[] {
  const prefix = componentsPath ? `${componentsPath.replace(/\/+$/, '')}/` : '';
  const folders = new Set<string>();
  for (const path of paths) {
    if (!path.startsWith(prefix)) continue;
    const [component, ...rest] = path.slice(prefix.length).split('/');
    if (component && rest.length > 0) folders.add(`${prefix}${component}`);
  }
  return [...folders].sort();
}

/** A file a plan may read: YAML, a regular file, not over `maxBytes` when its size is known. */
export function planReadable(e: { path: string; kind?: string; size?: number }, maxBytes: number): boolean {
  return e.kind !== 'symlink' && /\.ya?ml$/.test(e.path) && (e.size ?? 0) <= maxBytes;
}
