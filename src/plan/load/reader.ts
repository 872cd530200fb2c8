/**
 * The loader's port to the repository: reads and parses files through the snapshot, each at most
 * once (and a text parsed by an earlier plan of the run is not parsed again: parsed.ts), refusing
 * oversized ones unread. Asynchronous (it does I/O); the planning rules never see it.
 */
import { type ErrorCode, error } from '../../diagnostics.js';
import { type FileEntry, readBounded, type Snapshot } from '../../repo/snapshot.js';
import { DEFAULT_LIMITS, type ParsedYaml, tooLargeYaml } from '../../yaml/parse.js';
import { parsedFile } from './parsed.js';

/** A file as the reader hands it out: parsed (or refused) and its text; neither when it does not exist. */
export interface YamlRead {
  parsed?: ParsedYaml;
  text?: string;
}

/** Reads and parses files through the snapshot, each at most once, refusing oversized ones unread. */
export class RepoReader {
  readonly #cache = new Map<string, Promise<YamlRead>>();
  /** Reads started by prefetch() that yaml() has not asked for yet. */
  readonly #reads = new Map<string, Promise<Read>>();
  #entries?: Promise<Map<string, FileEntry>>;
  /** By folder depth: each folder at that depth → every file under it. */
  readonly #folders = new Map<number, Map<string, string[]>>();
  #scans = 0;

  constructor(readonly snapshot: Snapshot) {}

  async exists(path: string): Promise<boolean> {
    return (await this.#entryMap()).has(path);
  }

  /**
   * Every file under a folder (repository paths, in the snapshot's order). The first few calls scan
   * the listing (a gate reads a handful of folders); after that, folders at that depth are indexed
   * once (a whole-repository run reads thousands).
   */
  async under(dir: string): Promise<string[]> {
    const entries = await this.#entryMap();
    const prefix = `${dir}/`;
    const depth = dir.split('/').length;
    if (this.#scans < SCANS_BEFORE_INDEX && !this.#folders.has(depth)) {
      this.#scans += 1;
      return [...entries.keys()].filter((p) => p.startsWith(prefix));
    }
    let index = this.#folders.get(depth);
    if (!index) {
      index = folderIndex(entries, depth);
      this.#folders.set(depth, index);
    }
    return index.get(dir) ?? [];
  }

  yaml(path: string): Promise<YamlRead> {
    let cached = this.#cache.get(path);
    if (!cached) {
      const read = this.#reads.get(path) ?? this.#read(path);
      this.#reads.delete(path);
      cached = read.then((r) => parse(path, r));
      this.#cache.set(path, cached);
    }
    return cached;
  }

  /**
   * Start reading files the planner is about to ask for, all at once: files read one after another
   * wait on the disk (or the network) once each. Only files that will be asked for belong here.
   * They are parsed when yaml() asks for them, so what it returns is the same either way, and
   * parsed documents live no longer than without prefetching (which keeps the heap small).
   */
  prefetch(paths: Iterable<string>): void {
    for (const path of paths) {
      if (this.#cache.has(path) || this.#reads.has(path)) continue;
      const read = this.#read(path);
      // A failed read surfaces when yaml() is awaited, as without prefetching; never as an unhandled rejection.
      read.catch(() => {});
      this.#reads.set(path, read);
    }
  }

  /** Drop what was read under a folder: a large repo is planned component by component in bounded memory. */
  forget(dir: string): void {
    const prefix = `${dir}/`;
    for (const cache of [this.#cache, this.#reads])
      for (const path of cache.keys()) if (path.startsWith(prefix)) cache.delete(path);
  }

  async #entryMap() {
    this.#entries ??= this.snapshot.list().then((entries) => new Map(entries.map((e) => [e.path, e])));
    return this.#entries;
  }

  async #read(path: string): Promise<Read> {
    const entry = (await this.#entryMap()).get(path);
    if (!entry) return {};
    const size = entry.size ?? (entry.kind ? undefined : await this.snapshot.size?.(path));
    const read = await readBounded(this.snapshot, path, DEFAULT_LIMITS.maxBytes, { ...entry, size });
    if (read.refused?.reason === 'too-large')
      return { tooLarge: read.refused.size ?? DEFAULT_LIMITS.maxBytes + 1 };
    if (read.refused)
      return { refused: refusedYaml(path, `repo.${read.refused.reason}`, read.refused.message) };
    return { text: read.text };
  }
}

/** Listing scans before under() indexes a depth. */
const SCANS_BEFORE_INDEX = 8;

/** Each folder `depth` segments deep → every file under it. */
function folderIndex(entries: Map<string, FileEntry>, depth: number): Map<string, string[]> {
  const folders = new Map<string, string[]>();
  for (const path of entries.keys()) {
    let end = -1;
    for (let i = 0; i < depth; i++) {
      end = path.indexOf('/', end + 1);
      if (end === -1) break;
    }
    if (end === -1) continue;
    const dir = path.slice(0, end);
    const files = folders.get(dir);
    if (files) files.push(path);
    else folders.set(dir, [path]);
  }
  return folders;
}

/** A file as read: its text, its size when it was refused for it, or why it was refused unread; none when it does not exist. */
interface Read {
  text?: string;
  tooLarge?: number;
  refused?: ParsedYaml;
}

function parse(path: string, read: Read): YamlRead {
  if (read.tooLarge !== undefined)
    return { parsed: tooLargeYaml(path, read.tooLarge, DEFAULT_LIMITS.maxBytes) };
  if (read.refused) return { parsed: read.refused };
  if (read.text === undefined) return {};
  return { parsed: parsedFile(path, read.text), text: read.text };
}

/** A file refused unread (a symbolic link, a FIFO): an error at the file, never a silent skip. */
export function refusedYaml(file: string, code: ErrorCode, message: string): ParsedYaml {
  const diagnostic = error(code, message, file);
  return { file, documents: [], diagnostics: [diagnostic], position: () => ({ line: 0, column: 0 }) };
}
