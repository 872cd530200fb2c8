/**
 * The gitops repo as a folder on disk (a checkout, or the bundled example). Never reads through a
 * symbolic link: the walk lists links as links (lstat, not stat), and a read refuses a path with a
 * link anywhere in it, a file that is not regular (a FIFO, /dev/zero), or one over the size cap —
 * reading at most one byte more than the cap.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { DEFAULT_LIMITS } from '../yaml/limits.js';
import { relativePathProblem } from './paths.js';
import { type FileEntry, type ReadOptions, RefusedReadError, type Snapshot } from './snapshot.js';

const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

export class LocalSnapshot implements Snapshot {
  #entries?: Promise<FileEntry[]>;
  #realRoot?: Promise<string>;
  /** Folders already checked (no link on the way, inside the root), by repo-relative path. */
  readonly #dirs = new Map<string, Promise<boolean>>();

  constructor(readonly root: string) {}

  list(): Promise<readonly FileEntry[]> {
    this.#entries ??= this.#walk();
    return this.#entries;
  }

  async read(
    path: string,
    { maxBytes = DEFAULT_LIMITS.maxBytes }: ReadOptions = {},
  ): Promise<string | undefined> {
    const target = await this.#resolve(path);
    if (!target) return undefined;
    // O_NOFOLLOW: a link swapped in after the checks above is refused by the kernel, not followed.
    const flags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(target, flags);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw new RefusedReadError(path, 'symlink');
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new RefusedReadError(path, 'special');
      if (info.size > maxBytes) throw new RefusedReadError(path, 'too-large', info.size);
      // The size can grow between stat and read: never read more than one byte past the cap.
      const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
      let length = 0;
      while (length < buffer.length) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      if (length > maxBytes) throw new RefusedReadError(path, 'too-large', length);
      return buffer.subarray(0, length).toString('utf8');
    } finally {
      await handle.close();
    }
  }

  /**
   * The absolute path of a repo file, checked: a clean relative path, no link on the way, and the
   * real path inside the real root. Undefined when the file (or a folder on the way) does not exist.
   */
  async #resolve(path: string): Promise<string | undefined> {
    if (relativePathProblem(path) !== undefined) throw new RefusedReadError(path, 'outside');
    const slash = path.lastIndexOf('/');
    const dir = slash === -1 ? '' : path.slice(0, slash);
    if (!(await this.#checkedDir(dir))) return undefined;
    const target = join(this.root, ...path.split('/'));
    const info = await lstatOrUndefined(target);
    if (!info || info.isDirectory()) return undefined;
    if (info.isSymbolicLink()) throw new RefusedReadError(path, 'symlink');
    if (!info.isFile()) throw new RefusedReadError(path, 'special');
    return target;
  }

  /** Is this repo folder a real folder inside the real root, with no link on the way? Checked once per folder. */
  #checkedDir(dir: string): Promise<boolean> {
    let checked = this.#dirs.get(dir);
    if (!checked) {
      checked = this.#checkDir(dir);
      this.#dirs.set(dir, checked);
    }
    return checked;
  }

  async #checkDir(dir: string): Promise<boolean> {
    this.#realRoot ??= realpath(this.root);
    if (dir === '') return true;
    const slash = dir.lastIndexOf('/');
    if (!(await this.#checkedDir(slash === -1 ? '' : dir.slice(0, slash)))) return false;
    const absolute = join(this.root, ...dir.split('/'));
    const info = await lstatOrUndefined(absolute);
    if (!info) return false;
    if (info.isSymbolicLink()) throw new RefusedReadError(dir, 'symlink');
    if (!info.isDirectory()) return false;
    const [real, realRoot] = [await realpath(absolute), await this.#realRoot];
    if (!real.startsWith(realRoot + sep)) throw new RefusedReadError(dir, 'outside');
    return true;
  }

  async #walk(): Promise<FileEntry[]> {
    const files: FileEntry[] = [];
    const visit = async (dir: string, prefix: string): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true });
      const subdirs: Promise<void>[] = [];
      for (const entry of entries) {
        const path = `${prefix}${entry.name}`;
        // Dirent types come from lstat: a link to a folder is a link, never descended into.
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRS.has(entry.name)) subdirs.push(visit(join(dir, entry.name), `${path}/`));
        } else if (entry.isFile()) files.push({ path });
        else if (entry.isSymbolicLink()) files.push({ path, kind: 'symlink' });
        else files.push({ path, kind: 'special' });
      }
      await Promise.all(subdirs);
    };
    await visit(this.root, '');
    // Sizes are read lazily by `size()`: most files are never looked at.
    files.sort((a, b) => (a.path < b.path ? -1 : 1));
    return files;
  }

  async size(path: string): Promise<number | undefined> {
    try {
      const info = await lstat(join(this.root, ...path.split('/')));
      return info.isFile() ? info.size : undefined;
    } catch {
      return undefined;
    }
  }
}

async function lstatOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw e;
  }
}
