/**
 * What a run knows of one commit's tree: the entries it read (files, and the folders' own tree
 * shas), and which folders it knows completely. From that alone it computes the tree sha that
 * base + a few files would have, as git does, so a branch that already holds exactly those files
 * is recognised from its commit's tree sha without reading its tree.
 */
import { createHash } from 'node:crypto';

/** One entry as the Git Data API lists it: `type` 'blob', 'tree' or 'commit' (a submodule). */
export interface RawTreeEntry {
  path: string;
  mode: string;
  type: string;
  sha: string;
  size?: number;
}

/** git's blob id for a text: lets an unchanged file be recognised without writing anything. */
export function blobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

const parentOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

export class TreeIndex {
  /** Direct entries by folder ('' is the root), for the folders read completely. */
  readonly #children = new Map<string, Map<string, RawTreeEntry>>();
  /** Folders read recursively: everything under them is known. */
  readonly #deep = new Set<string>();

  constructor(readonly rootSha: string) {}

  /**
   * Entries of `dir`'s tree as read: recursively (every folder under it is then complete) or not
   * (only `dir` is). Paths in `entries` are relative to `dir`.
   */
  add(dir: string, entries: readonly RawTreeEntry[], recursive: boolean): void {
    this.#children.set(dir, new Map());
    if (recursive) this.#deep.add(dir);
    for (const e of entries) {
      const path = dir ? `${dir}/${e.path}` : e.path;
      // A recursive read lists everything under dir: each folder in it is then known completely.
      if (recursive && e.type === 'tree' && !this.#children.has(path)) this.#children.set(path, new Map());
      const parent = parentOf(path);
      const siblings = this.#children.get(parent) ?? new Map<string, RawTreeEntry>();
      this.#children.set(parent, siblings);
      siblings.set(nameOf(path), { ...e, path });
    }
  }

  /** Is every direct entry of `dir` known? */
  knows(dir: string): boolean {
    return this.#children.has(dir);
  }

  /** The direct entries of `dir` (full paths), when its listing was read; undefined otherwise. */
  children(dir: string): RawTreeEntry[] | undefined {
    const known = this.#children.get(dir);
    return known ? [...known.values()] : undefined;
  }

  /** Is everything under `dir` known (it, or a folder above it, was read recursively)? */
  knowsAllUnder(dir: string): boolean {
    for (let d = dir; ; d = parentOf(d)) {
      if (this.#deep.has(d)) return true;
      if (d === '') return false;
    }
  }

  /** The entry at `path` (a file or a folder), when its folder was read. */
  entry(path: string): RawTreeEntry | undefined {
    return this.#children.get(parentOf(path))?.get(nameOf(path));
  }

  /** Every file known, sorted by path (folders complete or not: what was read). */
  files(): RawTreeEntry[] {
    return [...this.#children.values()]
      .flatMap((m) => [...m.values()])
      .filter((e) => e.type === 'blob')
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /**
   * The root tree sha of this tree with `files` written (mode 100644, as createTree with inline
   * content writes them); undefined when a folder on a written path was not read completely.
   */
  shaWith(files: readonly { path: string; content: string }[]): string | undefined {
    if (!this.knows('')) return undefined;
    const written = new Map<string, Map<string, RawTreeEntry>>();
    for (const f of files) {
      const parts = f.path.split('/');
      for (let i = 0; i < parts.length; i++) {
        const dir = parts.slice(0, i).join('/');
        if (!written.has(dir)) {
          const known = this.#children.get(dir);
          if (!known && this.entry(dir)) return undefined;
          written.set(dir, new Map(known));
        }
      }
      const leaf = { path: f.path, mode: '100644', type: 'blob', sha: blobSha(f.content) };
      written.get(parentOf(f.path))!.set(nameOf(f.path), leaf);
    }
    if (written.size === 0) return this.rootSha;
    // Deepest folders first, so each parent hashes its children's new shas.
    const dirs = [...written.keys()].sort((a, b) => depth(b) - depth(a));
    for (const dir of dirs) {
      const sha = treeObjectSha([...written.get(dir)!.values()]);
      if (dir === '') return sha;
      written.get(parentOf(dir))!.set(nameOf(dir), { path: dir, mode: '040000', type: 'tree', sha });
    }
    return undefined;
  }
}

const depth = (dir: string) => (dir === '' ? 0 : dir.split('/').length);

/**
 * git's tree object id: entries sorted by name, a folder compared as if its name ended in "/";
 * modes written without leading zeros (a folder is "40000"). See git's tree-walk / fsck order
 * (git/git fsck.c `verify_ordered`, and `base_name_compare` in read-cache.c).
 */
export function treeObjectSha(entries: readonly RawTreeEntry[]): string {
  const key = (e: RawTreeEntry) => Buffer.from(nameOf(e.path) + (e.type === 'tree' ? '/' : ''), 'utf8');
  const sorted = [...entries].sort((a, b) => Buffer.compare(key(a), key(b)));
  const body = Buffer.concat(
    sorted.map((e) =>
      Buffer.concat([
        Buffer.from(`${e.mode.replace(/^0+/, '')} ${nameOf(e.path)}\0`, 'utf8'),
        Buffer.from(e.sha, 'hex'),
      ]),
    ),
  );
  return createHash('sha1').update(`tree ${body.length}\0`).update(body).digest('hex');
}
