/**
 * A read-only view of the gitops repository at one commit. The planner sees the repo only through
 * this interface, so the same core runs on a local checkout and on the GitHub API.
 */
export interface FileEntry {
  /** Repository-relative POSIX path. */
  path: string;
  /** Size in bytes, when the source knows it without reading the file (it lets huge files be refused unread). */
  size?: number;
}

export interface Snapshot {
  /** Every file in the repository (no directories). */
  list(): Promise<readonly FileEntry[]>;
  /** The file's text, or undefined when it does not exist. */
  read(path: string): Promise<string | undefined>;
  /** Size in bytes without reading, for sources whose list() does not carry sizes. */
  size?(path: string): Promise<number | undefined>;
}

/** A snapshot over an in-memory map: the tests' fixture format, and the planner's view of its own output. */
export class MemorySnapshot implements Snapshot {
  readonly #files: Map<string, string>;

  constructor(files: Record<string, string> | Map<string, string>) {
    this.#files = files instanceof Map ? new Map(files) : new Map(Object.entries(files));
  }

  async list(): Promise<FileEntry[]> {
    return [...this.#files.entries()].map(([path, text]) => ({ path, size: Buffer.byteLength(text) }));
  }

  async read(path: string): Promise<string | undefined> {
    return this.#files.get(path);
  }
}
