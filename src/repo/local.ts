/** The gitops repo as a folder on disk (a checkout, or the bundled example). */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { FileEntry, Snapshot } from './snapshot.js';

const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

export class LocalSnapshot implements Snapshot {
  #entries?: Promise<FileEntry[]>;

  constructor(readonly root: string) {}

  list(): Promise<readonly FileEntry[]> {
    this.#entries ??= this.#walk();
    return this.#entries;
  }

  async read(path: string): Promise<string | undefined> {
    try {
      return await readFile(join(this.root, ...path.split('/')), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EISDIR')
        return undefined;
      throw e;
    }
  }

  async #walk(): Promise<FileEntry[]> {
    const entries = await readdir(this.root, { recursive: true, withFileTypes: true });
    const files: FileEntry[] = [];
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const path = relative(this.root, join(entry.parentPath, entry.name)).split(sep).join('/');
      if (path.split('/').some((part) => SKIPPED_DIRS.has(part))) continue;
      files.push({ path });
    }
    // Sizes are read lazily by `size()`: most files are never looked at.
    files.sort((a, b) => (a.path < b.path ? -1 : 1));
    return files;
  }

  async size(path: string): Promise<number | undefined> {
    try {
      return (await stat(join(this.root, ...path.split('/')))).size;
    } catch {
      return undefined;
    }
  }
}
