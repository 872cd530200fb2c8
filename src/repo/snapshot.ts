/**
 * A read-only view of the gitops repository at one commit. The planner sees the repo only through
 * this interface, so the same core runs on a local checkout and on the GitHub API.
 *
 * Both sources report a symbolic link the same way (`kind: 'symlink'`) and never read through one:
 * what a link points at may be outside the repository.
 */
export interface FileEntry {
  /** Repository-relative POSIX path. */
  path: string;
  /** Size in bytes, when the source knows it without reading the file (it lets huge files be refused unread). */
  size?: number;
  /** 'symlink': a symbolic link (git mode 120000), never followed; 'special': a FIFO, device or socket. Absent: a regular file. */
  kind?: 'file' | 'symlink' | 'special';
}

export interface ReadOptions {
  /** Refuse (RefusedReadError 'too-large') a file over this many bytes, reading at most one byte more. */
  maxBytes?: number;
}

export interface Snapshot {
  /** Every file in the repository (no directories; symbolic links as `kind: 'symlink'`). */
  list(): Promise<readonly FileEntry[]>;
  /**
   * The file's text, or undefined when it does not exist. Throws RefusedReadError for a symbolic link
   * (or a path through one), a file that is not a regular file, or one over `maxBytes`.
   */
  read(path: string, options?: ReadOptions): Promise<string | undefined>;
  /** Size in bytes without reading, for sources whose list() does not carry sizes. */
  size?(path: string): Promise<number | undefined>;
}

export type RefusalReason = 'symlink' | 'special' | 'outside' | 'too-large';

/** A file the snapshot will not read. `path` is the offending path (a link may be a folder above the file asked for). */
export class RefusedReadError extends Error {
  constructor(
    readonly path: string,
    readonly reason: RefusalReason,
    /** For 'too-large': the size in bytes (at least maxBytes + 1). */
    readonly size?: number,
  ) {
    super(refusalMessage(path, reason, size));
  }
}

export function refusalMessage(path: string, reason: RefusalReason, size?: number): string {
  switch (reason) {
    case 'symlink':
      return `${path} is a symbolic link; flux-pkg-action does not follow links`;
    case 'special':
      return `${path} is not a regular file (a FIFO, device or socket); flux-pkg-action reads only regular files`;
    case 'outside':
      return `${path} resolves outside the repository; flux-pkg-action reads only inside it`;
    case 'too-large':
      return `${path} is ${size ?? 'over the limit of'} bytes; refused unread`;
  }
}

/** A read through the size cap and the link rule: text, absent, or refused (with the reason). */
export type BoundedRead =
  | { text: string; refused?: undefined }
  | { text?: undefined; refused?: undefined }
  | { text?: undefined; refused: RefusedReadError };

/**
 * The one way the core reads a file: `entry` (from list(), when known) lets links and oversized
 * files be refused without asking the source; the source refuses the rest itself.
 */
export async function readBounded(
  snapshot: Snapshot,
  path: string,
  maxBytes: number,
  entry?: FileEntry,
): Promise<BoundedRead> {
  if (entry?.kind === 'symlink' || entry?.kind === 'special')
    return { refused: new RefusedReadError(path, entry.kind) };
  if (entry?.size !== undefined && entry.size > maxBytes)
    return { refused: new RefusedReadError(path, 'too-large', entry.size) };
  try {
    const text = await snapshot.read(path, { maxBytes });
    if (text !== undefined && text.length > maxBytes / 4 && Buffer.byteLength(text) > maxBytes)
      return { refused: new RefusedReadError(path, 'too-large', Buffer.byteLength(text)) };
    return text === undefined ? {} : { text };
  } catch (e) {
    if (e instanceof RefusedReadError) return { refused: e };
    throw e;
  }
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

/**
 * A snapshot whose reads are kept: a run that plans twice on one commit (the plan, then the status
 * matrix of the components it touched) reads each file once.
 */
export class KeptSnapshot implements Snapshot {
  readonly #texts = new Map<string, Promise<string | undefined>>();

  readonly size?: (path: string) => Promise<number | undefined>;

  constructor(private readonly inner: Snapshot) {
    if (inner.size) this.size = (path) => inner.size!(path);
  }

  list(): Promise<readonly FileEntry[]> {
    return this.inner.list();
  }

  read(path: string, options?: ReadOptions): Promise<string | undefined> {
    const key = `${options?.maxBytes ?? ''}:${path}`;
    let text = this.#texts.get(key);
    if (!text) {
      text = this.inner.read(path, options);
      this.#texts.set(key, text);
    }
    return text;
  }
}
