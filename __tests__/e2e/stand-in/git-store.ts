/**
 * The stand-in's object database: a real bare repository in a temp dir, driven through the `git` CLI
 * with GIT_DIR. Every blob, tree, commit and ref the API hands out is a real git object, so tests can
 * inspect results with plain git. Calls are synchronous: requests are handled one at a time, which
 * keeps ref compare-and-swap and the injected races deterministic.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const ZERO = '0000000000000000000000000000000000000000';
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

  private constructor(dir: string) {
    this.dir = dir;
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
    for (const line of this.git(['cat-file', '--batch-all-objects', '--batch-check=%(objectname)']).split(
      '\n',
    ))
      if (line) copy.#held.add(line);
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

  hashBlob(content: string | Buffer): string {
    return this.git(['hash-object', '-w', '--stdin'], content).trim();
  }

  /** `blob`, `tree`, `commit`, `tag`, or undefined when the object does not exist. */
  typeOf(sha: string): string | undefined {
    if (!/^[0-9a-f]{40}$/.test(sha)) return undefined;
    try {
      return this.#remember(`type ${sha}`, sha, () => this.git(['cat-file', '-t', sha]).trim());
    } catch {
      return undefined;
    }
  }

  readBlob(sha: string): Buffer {
    return this.#remember(`blob ${sha}`, sha, () =>
      execFileSync('git', ['cat-file', 'blob', sha], {
        env: { ...cleanEnv(), GIT_DIR: this.dir },
        maxBuffer: 256 * 1024 * 1024,
      }),
    );
  }

  /** Entries of a tree; `recursive` lists subtrees and everything under them, like the API. */
  lsTree(tree: string, recursive: boolean): TreeEntry[] {
    const cached = /^[0-9a-f]{40}$/.test(tree)
      ? this.#remember(`tree ${recursive} ${tree}`, tree, () => this.#lsTree(tree, recursive))
      : this.#lsTree(tree, recursive);
    return cached.map((e) => ({ ...e }));
  }

  #lsTree(tree: string, recursive: boolean): TreeEntry[] {
    const out = this.git(['ls-tree', '-z', '-l', ...(recursive ? ['-r', '-t'] : []), tree]);
    return out
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const tab = line.indexOf('\t');
        const [mode, type, sha, size] = line.slice(0, tab).split(/\s+/);
        const entry: TreeEntry = {
          path: line.slice(tab + 1),
          mode: mode!,
          type: type as TreeEntry['type'],
          sha: sha!,
        };
        if (type === 'blob') entry.size = Number(size);
        return entry;
      });
  }

  readCommit(sha: string): CommitInfo {
    const raw = this.#remember(`commit ${sha}`, sha, () => this.git(['cat-file', 'commit', sha]));
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

  /** The sha a full ref name (`refs/heads/main`) points at, or undefined. */
  resolveRef(ref: string): string | undefined {
    try {
      return this.git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim();
    } catch {
      return undefined;
    }
  }

  /** Compare-and-swap: set `ref` to `sha` only if it still holds `expected` (null: must not exist). */
  updateRef(ref: string, sha: string, expected: string | null): boolean {
    try {
      this.git(['update-ref', ref, sha, expected ?? ZERO]);
      return true;
    } catch {
      return false;
    }
  }

  /** Delete a ref; false when it does not exist. */
  deleteRef(ref: string): boolean {
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

  commitTree(
    tree: string,
    parents: string[],
    message: string,
    author: Person,
    committer: Person = author,
  ): string {
    const date = this.now();
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
 * Git objects never change, and a sha names the same object in every repository: what was read (by
 * sha, never by ref) is kept for the process, and used by a store that holds the object.
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
