/**
 * The stand-in's object database: a real bare repository in a temp dir. Every blob, tree, commit and
 * ref the API hands out is a real git object, so tests can inspect results with plain git (and write
 * to it with git: nothing about refs is cached). The hot paths - loose objects, loose refs, the
 * compare-and-swap of a ref - run in-process (loose-objects.ts, loose-refs.ts) in git's own formats;
 * packed objects, unusual names and inputs, diff, rev-list and merge-base go to the `git` CLI with
 * GIT_DIR. Calls are synchronous: requests are handled one at a time, which keeps ref
 * compare-and-swap and the injected races deterministic.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  commitText,
  decodeTree,
  encodeTree,
  LooseObjects,
  type ObjectHeader,
  type ObjectType,
  plainIdent,
  plainMessage,
  type RawObject,
  type TreeItem,
  typeOfMode,
  wellFormed,
} from './loose-objects.js';
import { ASK_GIT, LooseRefs } from './loose-refs.js';

export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const ZERO = '0000000000000000000000000000000000000000';
const SHA = /^[0-9a-f]{40}$/;
/** Commits get a logical clock: the Nth commit is dated N minutes after this, so shas are reproducible. */
const EPOCH = Date.parse('2024-01-01T00:00:00Z');

export interface Person {
  name: string;
  email: string;
  /** ISO 8601; filled in from the logical clock when absent. */
  date?: string;
}

export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
  author: Required<Person>;
  committer: Required<Person>;
  message: string;
}

export interface TreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  /** Blobs only. */
  size?: number;
}

/** A bad request that git itself refuses; the API layer turns it into a 422. */
export class GitError extends Error {
  /** `documented`: the request breaks a rule the API description states in prose (a contract violation). */
  constructor(
    message: string,
    readonly documented = false,
  ) {
    super(message);
  }
}

export class GitStore {
  readonly dir: string;
  #clock = 0;
  readonly #objects: LooseObjects;
  readonly #refs: LooseRefs;

  private constructor(dir: string) {
    this.dir = dir;
    this.#objects = new LooseObjects(join(dir, 'objects'));
    this.#refs = new LooseRefs(dir);
  }

  static create(defaultBranch: string): GitStore {
    const dir = join(mkdtempSync(join(tmpdir(), 'stand-in-')), 'repo.git');
    execFileSync('git', ['init', '--quiet', '--bare', '-b', defaultBranch, dir], { env: cleanEnv() });
    return new GitStore(dir);
  }

  /** A copy of this repository (objects, refs and logical clock): the same shas, without the git calls. */
  copy(): GitStore {
    const dir = join(mkdtempSync(join(tmpdir(), 'stand-in-')), 'repo.git');
    cpSync(this.dir, dir, { recursive: true });
    const copy = new GitStore(dir);
    copy.#clock = this.#clock;
    for (const sha of this.#held) copy.#held.add(sha);
    return copy;
  }

  /** Objects this repository is known to hold: a read of one of them may come from OBJECTS. */
  readonly #held = new Set<string>();

  #remember<T>(key: string, sha: string, read: () => T): T {
    if (this.#held.has(sha) && OBJECTS.has(key)) return OBJECTS.get(key) as T;
    const value = read(); // throws for an object this repository does not hold
    OBJECTS.set(key, value);
    this.#held.add(sha);
    return value;
  }

  /** Run git against the bare repository; `input` goes to stdin. */
  git(args: string[], input?: string | Buffer, env: Record<string, string> = {}): string {
    return execFileSync('git', args, {
      env: { ...cleanEnv(), GIT_DIR: this.dir, ...env },
      input,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  }

  /** `git cat-file --batch[-check]` for an object that is not loose (packed); undefined when missing. */
  #catFile(sha: string, bodyToo: boolean): { type: ObjectType; size: number; body?: Buffer } | undefined {
    const out = execFileSync('git', ['cat-file', bodyToo ? '--batch' : '--batch-check'], {
      env: { ...cleanEnv(), GIT_DIR: this.dir },
      input: `${sha}\n`,
      maxBuffer: 256 * 1024 * 1024,
    });
    const eol = out.indexOf(10);
    const [, type, size] = out.toString('latin1', 0, eol).split(' ');
    if (size === undefined) return undefined; // "<sha> missing"
    const body = bodyToo ? out.subarray(eol + 1, eol + 1 + Number(size)) : undefined;
    return { type: type as ObjectType, size: Number(size), body };
  }

  /** The whole object: loose ones read in-process, anything else from git. Throws when missing. */
  #raw(sha: string): RawObject {
    return this.#remember(`raw ${sha}`, sha, () => {
      const loose = this.#objects.read(sha);
      if (loose) return loose;
      const packed = this.#catFile(sha, true);
      if (!packed) throw new Error(`object ${sha} does not exist`);
      return { type: packed.type, body: packed.body! };
    });
  }

  /** Type and size, without reading the whole object when it is not at hand. Throws when missing. */
  #info(sha: string): ObjectHeader {
    if (this.#held.has(sha)) {
      const raw = OBJECTS.get(`raw ${sha}`) as RawObject | undefined;
      if (raw) return { type: raw.type, size: raw.body.length };
    }
    return this.#remember(`info ${sha}`, sha, () => {
      const info = this.#objects.header(sha) ?? this.#catFile(sha, false);
      if (!info) throw new Error(`object ${sha} does not exist`);
      return { type: info.type, size: info.size };
    });
  }

  /** Write an object in-process (loose), and keep what was written at hand. */
  #write(type: ObjectType, body: Buffer): string {
    const sha = this.#objects.write(type, body);
    OBJECTS.set(`raw ${sha}`, { type, body });
    this.#held.add(sha);
    return sha;
  }

  hashBlob(content: string | Buffer): string {
    // A copy: what is kept for later reads must not change with the caller's buffer.
    return this.#write(
      'blob',
      typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content),
    );
  }

  /** `blob`, `tree`, `commit`, `tag`, or undefined when the object does not exist. */
  typeOf(sha: string): string | undefined {
    if (!SHA.test(sha)) return undefined;
    try {
      return this.#info(sha).type;
    } catch {
      return undefined;
    }
  }

  readBlob(sha: string): Buffer {
    const raw = this.#raw(sha);
    if (raw.type !== 'blob') throw new Error(`object ${sha} is a ${raw.type}, not a blob`);
    return raw.body;
  }

  /**
   * Write a tree of `items` as `git mktree` would (its checks included: builtin/mktree.c:70
   * mktree_line refuses a missing object unless `allowMissing`, and a wrong type always). Names that
   * mktree would read differently (a "/", a NUL) and anything but a full sha go to git.
   */
  writeTree(items: readonly TreeItem[], allowMissing: boolean): string {
    const odd = (i: TreeItem) =>
      i.name === '' || /[/\0]/.test(i.name) || !wellFormed(i.name) || !SHA.test(i.sha);
    if (items.some(odd)) return this.#mktree(items, allowMissing);
    for (const { mode, name, sha } of items) {
      const type = typeOfMode(mode);
      const found = this.typeOf(sha);
      if (found === undefined && !allowMissing && type !== 'commit')
        throw new Error(`git mktree: entry '${name}' object ${sha} is unavailable`);
      if (found !== undefined && found !== type)
        throw new Error(
          `git mktree: entry '${name}' object ${sha} is a ${found} but specified type was (${type})`,
        );
    }
    return this.#write('tree', encodeTree(items));
  }

  #mktree(items: readonly TreeItem[], allowMissing: boolean): string {
    const lines = items.map((i) => `${i.mode} ${typeOfMode(i.mode)} ${i.sha}\t${i.name}\0`).join('');
    return this.git(['mktree', '-z', ...(allowMissing ? ['--missing'] : [])], lines).trim();
  }

  /** The tree a tree-ish names (`<rev>^{tree}`), or undefined. Shas and plain ref names in-process. */
  treeSha(rev: string): string | undefined {
    const sha = SHA.test(rev) ? rev : this.#refs.resolve(rev);
    if (sha === undefined) return undefined;
    const type = sha === ASK_GIT ? 'tag' : this.typeOf(sha);
    if (type === 'tree') return sha as string;
    if (type === 'commit') return this.readCommit(sha as string).tree;
    if (type !== 'tag') return undefined;
    try {
      return this.git(['rev-parse', '--verify', '--quiet', `${rev}^{tree}`]).trim();
    } catch {
      return undefined;
    }
  }

  /** Entries of a tree (or of a commit's or ref's tree); `recursive` lists subtrees and everything under them, like the API. */
  lsTree(rev: string, recursive: boolean): TreeEntry[] {
    const tree = this.treeSha(rev);
    if (tree === undefined) throw new Error(`${rev} is not a valid tree-ish`);
    const cached = this.#remember(`tree ${recursive} ${tree}`, tree, () => {
      const entries: TreeEntry[] = [];
      this.#listTree(tree, recursive, '', entries);
      return entries;
    });
    return cached.map((e) => ({ ...e }));
  }

  /** `git ls-tree -l [-r -t]` order: each entry in stored order, a subtree before what it holds. */
  #listTree(tree: string, recursive: boolean, prefix: string, into: TreeEntry[]): void {
    for (const item of decodeTree(this.#raw(tree).body, tree)) {
      const type = typeOfMode(item.mode);
      const entry: TreeEntry = { path: prefix + item.name, mode: item.mode, type, sha: item.sha };
      if (type === 'blob') entry.size = this.#info(item.sha).size;
      into.push(entry);
      if (recursive && type === 'tree') this.#listTree(item.sha, true, `${entry.path}/`, into);
    }
  }

  /**
   * `git rev-parse <rev>:<path>` for a plain path (no empty, `.` or `..` component, which rev-parse
   * would read relative to a cwd): the sha at `path`, or undefined when there is nothing there.
   */
  objectAt(rev: string, path: string): string | undefined {
    const segments = path.split('/');
    if (segments.some((s) => s === '' || s === '.' || s === '..')) return undefined;
    const root = this.treeSha(rev);
    let entry: TreeEntry | undefined = root
      ? { path: '', mode: '040000', type: 'tree', sha: root }
      : undefined;
    for (const name of segments) {
      if (entry?.type !== 'tree') return undefined;
      entry = this.lsTree(entry.sha, false).find((e) => e.path === name);
    }
    return entry?.sha;
  }

  readCommit(sha: string): CommitInfo {
    const raw = this.#remember(`commit ${sha}`, sha, () =>
      SHA.test(sha) && this.typeOf(sha) === 'commit'
        ? this.#raw(sha).body.toString('utf8')
        : this.git(['cat-file', 'commit', sha]),
    );
    const split = raw.indexOf('\n\n');
    const headers = raw.slice(0, split).split('\n');
    const field = (name: string) =>
      headers.filter((h) => h.startsWith(`${name} `)).map((h) => h.slice(name.length + 1));
    const person = (line: string): Required<Person> => {
      const m = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(line)!;
      return {
        name: m[1]!,
        email: m[2]!,
        date: new Date(Number(m[3]) * 1000).toISOString().replace('.000Z', 'Z'),
      };
    };
    return {
      sha,
      tree: field('tree')[0]!,
      parents: field('parent'),
      author: person(field('author')[0]!),
      committer: person(field('committer')[0]!),
      message: raw.slice(split + 2),
    };
  }

  /** Whether the repository has any ref (GitHub calls a repository without one empty). */
  hasRefs(): boolean {
    return this.#refs.any();
  }

  /** The sha a full ref name (`refs/heads/main`) points at, or undefined. */
  resolveRef(ref: string): string | undefined {
    const sha = this.#refs.resolve(ref);
    if (sha === undefined) return undefined;
    const type = sha === ASK_GIT ? 'tag' : this.typeOf(sha);
    if (type === 'commit') return sha as string;
    if (type !== 'tag') return undefined; // rev-parse's ^{commit} fails on a tree, blob or missing object
    try {
      return this.git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim();
    } catch {
      return undefined;
    }
  }

  /** Compare-and-swap: set `ref` to `sha` only if it still holds `expected` (null: must not exist). */
  updateRef(ref: string, sha: string, expected: string | null): boolean {
    // files-backend.c:1763 write_ref_to_lockfile: the object must exist, and be a commit on a branch.
    const type = this.typeOf(sha);
    const done = !SHA.test(sha)
      ? ASK_GIT // a name git would resolve
      : type === undefined || (type !== 'commit' && ref.startsWith('refs/heads/'))
        ? false
        : this.#refs.update(ref, sha, expected);
    if (done !== ASK_GIT) return done;
    try {
      this.git(['update-ref', ref, sha, expected ?? ZERO]);
      return true;
    } catch {
      return false;
    }
  }

  /** Delete a ref; false when git refuses (a ref that does not exist is deleted already). */
  deleteRef(ref: string): boolean {
    const done = this.#refs.delete(ref);
    if (done !== ASK_GIT) return done;
    try {
      this.git(['update-ref', '-d', ref]);
      return true;
    } catch {
      return false;
    }
  }

  isAncestor(ancestor: string, descendant: string): boolean {
    try {
      this.git(['merge-base', '--is-ancestor', ancestor, descendant]);
      return true;
    } catch {
      return false;
    }
  }

  /** The next tick of the logical clock, as an ISO date. */
  now(): string {
    this.#clock += 1;
    return new Date(EPOCH + this.#clock * 60_000).toISOString().replace('.000Z', 'Z');
  }

  /**
   * The commit `git commit-tree` would write, written in-process when its inputs are plain (see
   * plainIdent, plainMessage); anything else, and a tree or parent that is not one, goes to git.
   */
  commitTree(
    tree: string,
    parents: string[],
    message: string,
    author: Person,
    committer: Person = author,
  ): string {
    const date = this.now();
    const authorIdent = plainIdent(author.name, author.email, author.date ?? date);
    const committerIdent = plainIdent(committer.name, committer.email, committer.date ?? date);
    const plain =
      authorIdent &&
      committerIdent &&
      plainMessage(message) &&
      this.typeOf(tree) === 'tree' &&
      parents.every((p) => this.typeOf(p) === 'commit');
    if (plain) {
      // builtin/commit-tree.c:26 new_parent: a repeated parent is dropped ("duplicate parent ignored").
      const unique = [...new Set(parents)];
      return this.#write('commit', commitText(tree, unique, authorIdent, committerIdent, message));
    }
    return this.git(['commit-tree', tree, ...parents.flatMap((p) => ['-p', p])], message, {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: author.date ?? date,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
      GIT_COMMITTER_DATE: committer.date ?? date,
    }).trim();
  }

  /** Every file at a ref, commit or tree, as text. */
  readFiles(rev: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const e of this.lsTree(rev, true))
      if (e.type === 'blob') files[e.path] = this.readBlob(e.sha).toString('utf8');
    return files;
  }

  remove(): void {
    rmSync(join(this.dir, '..'), { recursive: true, force: true });
  }
}

/**
 * Git objects never change, and a sha names the same object in every repository: what was read or
 * written (by sha, never by ref) is kept for the process, and used by a store that holds the object.
 */
const OBJECTS = new Map<string, unknown>();

/** git without the user's or system's configuration, hooks or templates leaking in. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    LC_ALL: 'C',
  };
  return env;
}
