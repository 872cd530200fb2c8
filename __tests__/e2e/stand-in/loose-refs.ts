/**
 * The files ref backend, read and written in-process for the names and states that are plain: a
 * loose ref is `$GIT_DIR/<refname>` holding `<sha>\n`, shadowing the same name in `packed-refs`. A
 * write takes `<refname>.lock` with O_EXCL, as git does, so it excludes (and is excluded by) a
 * concurrent `git update-ref`. Anything unusual answers ASK_GIT and the caller runs the git CLI,
 * which keeps git's own semantics for it.
 */
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** The state is outside what this module handles; run git. */
export const ASK_GIT = Symbol('ask git');
type OrAskGit<T> = T | typeof ASK_GIT;

/**
 * Components of ordinary characters: none starting with "." or ending with ".lock", no "..", nothing
 * rev-parse reads as revision syntax (`^ ~ : @{`). A subset of what `git check-ref-format` accepts
 * (git 2.39 refs.c:161 check_refname_component).
 */
const PLAIN = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

function isPlainName(name: string): boolean {
  return PLAIN.test(name) && !name.includes('..') && !/\.lock(\/|$)/.test(name) && !name.endsWith('.');
}

/** A full ref name (`refs/heads/main`) made of plain components: the only names written in-process. */
export function isPlainRef(ref: string): boolean {
  return ref.startsWith('refs/') && isPlainName(ref);
}

/** A loose ref file's value: a sha, absent, or ASK_GIT (a symbolic or broken ref, or a directory). */
type LooseValue = OrAskGit<string | undefined>;

export class LooseRefs {
  constructor(private readonly gitDir: string) {}

  #loose(ref: string): LooseValue {
    let text: string;
    try {
      text = readFileSync(join(this.gitDir, ref), 'latin1');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : ASK_GIT;
    }
    // git 2.39 refs.c:484 parse_loose_ref_contents: 40 hex, then the end or whitespace.
    const m = /^([0-9a-f]{40})(?:\s|$)/.exec(text);
    return m ? m[1]! : ASK_GIT;
  }

  /** `packed-refs` as name → sha, or undefined when the file does not exist. */
  #packed(): Map<string, string> | undefined {
    let text: string;
    try {
      text = readFileSync(join(this.gitDir, 'packed-refs'), 'latin1');
    } catch {
      return undefined;
    }
    const refs = new Map<string, string>();
    for (const line of text.split('\n')) {
      const m = /^([0-9a-f]{40}) (.+)$/.exec(line);
      if (m) refs.set(m[2]!, m[1]!);
    }
    return refs;
  }

  /** What `refname` holds as an exact name, loose first, then packed. */
  #value(ref: string, packed: Map<string, string> | undefined): LooseValue {
    const loose = this.#loose(ref);
    return loose === undefined ? packed?.get(ref) : loose;
  }

  /**
   * The sha `git rev-parse --verify <name>` starts from, for a plain name (`refs/heads/main` or
   * `main`): the first of git 2.39 refs.c:604 ref_rev_parse_rules that exists (`<name>`,
   * `refs/<name>`, `refs/tags/<name>`, `refs/heads/<name>`, `refs/remotes/<name>`,
   * `refs/remotes/<name>/HEAD`). A name that is a file of $GIT_DIR itself (`HEAD`), or that could be
   * an abbreviated sha when no ref matches, is git's to answer.
   */
  resolve(name: string): OrAskGit<string | undefined> {
    if (!isPlainName(name)) return ASK_GIT;
    if (!name.startsWith('refs/') && statSync(join(this.gitDir, name), { throwIfNoEntry: false }))
      return ASK_GIT;
    const packed = this.#packed();
    const rules = ['', 'refs/', 'refs/tags/', 'refs/heads/', 'refs/remotes/'].map((p) => `${p}${name}`);
    rules.push(`refs/remotes/${name}/HEAD`);
    for (const ref of rules.filter((r) => r.startsWith('refs/'))) {
      const value = this.#value(ref, packed);
      if (value !== undefined) return value;
    }
    return /^[0-9a-f]{4,}$/i.test(name) ? ASK_GIT : undefined;
  }

  /** Whether any ref exists, as `git for-each-ref --count=1` would print one. */
  any(): boolean {
    const packed = this.#packed();
    if (packed && packed.size > 0) return true;
    const walk = (dir: string): boolean =>
      readdirSync(dir, { withFileTypes: true }).some((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : !e.name.endsWith('.lock'),
      );
    return walk(join(this.gitDir, 'refs'));
  }

  /**
   * Compare-and-swap: point `ref` at `sha` if it holds `expected` (null: if it does not exist), under
   * `<ref>.lock` as git 2.39 refs/files-backend.c:547 lock_raw_ref takes it. Name conflicts, a
   * `packed-refs` file and anything else unusual are git's to answer.
   */
  update(ref: string, sha: string, expected: string | null): OrAskGit<boolean> {
    if (!isPlainRef(ref) || this.#packed()) return ASK_GIT;
    const path = join(this.gitDir, ref);
    const before = this.#loose(ref);
    if (before === ASK_GIT) return ASK_GIT;
    if (before !== (expected ?? undefined)) return false;
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch {
      return ASK_GIT; // an enclosing name is a ref (a file): git reports the conflict
    }
    return this.#locked(path, () => {
      if (this.#loose(ref) !== (expected ?? undefined)) return false;
      return `${sha}\n`;
    });
  }

  /** `git update-ref -d`: true when gone (absent already counts, as with git 2.39). */
  delete(ref: string): OrAskGit<boolean> {
    if (!isPlainRef(ref) || this.#packed()) return ASK_GIT;
    const before = this.#loose(ref);
    if (before === ASK_GIT) return ASK_GIT;
    if (before === undefined) return true;
    const path = join(this.gitDir, ref);
    const done = this.#locked(path, () => null);
    if (done === true) this.#removeEmptyParents(ref);
    return done;
  }

  /**
   * Hold `<path>.lock` while `decide` runs: a string is written as the ref's new content, null deletes
   * the ref, false gives up. A lock somebody else holds fails the update, as it does in git.
   */
  #locked(path: string, decide: () => string | null | false): OrAskGit<boolean> {
    const lock = `${path}.lock`;
    let fd: number;
    try {
      if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) return ASK_GIT;
      fd = openSync(lock, 'wx', 0o644);
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EEXIST' ? false : ASK_GIT;
    }
    let renamed = false;
    try {
      const content = decide();
      if (content === false) return false;
      if (content === null) unlinkSync(path);
      else {
        writeSync(fd, content);
        closeSync(fd);
        fd = -1;
        renameSync(lock, path);
        renamed = true;
      }
      return true;
    } finally {
      if (fd >= 0) closeSync(fd);
      if (!renamed) unlinkSync(lock);
    }
  }

  /** Empty directories left by a deleted ref, below `refs/<kind>/` (files-backend.c:1077). */
  #removeEmptyParents(ref: string): void {
    const parts = ref.split('/');
    for (let depth = parts.length - 1; depth > 2; depth--) {
      try {
        rmdirSync(join(this.gitDir, ...parts.slice(0, depth)));
      } catch {
        return;
      }
    }
  }
}
