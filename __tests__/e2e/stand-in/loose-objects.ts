/**
 * Git's loose object format, read and written in-process so the stand-in does not start a `git`
 * process per object. A loose object is `objects/<2 hex>/<38 hex>`: the zlib-deflated bytes
 * `"<type> <size>\0<body>"`, named by the sha1 of those uncompressed bytes (git 2.39
 * object-file.c:1896 write_loose_object, :1240 unpack_loose_header). Anything not loose here (a
 * packed object) is the caller's to ask git for.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateSync, inflateSync } from 'node:zlib';

export type ObjectType = 'blob' | 'tree' | 'commit' | 'tag';

export interface RawObject {
  type: ObjectType;
  body: Buffer;
}

export interface ObjectHeader {
  type: ObjectType;
  size: number;
}

const TYPES = new Set<string>(['blob', 'tree', 'commit', 'tag']);
/** Compressed bytes that always inflate past the header ("commit 4294967295\0" is 18 bytes). */
const HEADER_PREFIX = 512;
let tempCounter = 0;

export class LooseObjects {
  /** Fan-out directories known to exist. */
  readonly #dirs = new Set<string>();

  constructor(private readonly objectsDir: string) {}

  #path(sha: string): string {
    return join(this.objectsDir, sha.slice(0, 2), sha.slice(2));
  }

  #file(sha: string): Buffer | undefined {
    try {
      return readFileSync(this.#path(sha));
    } catch {
      return undefined;
    }
  }

  /** The object, or undefined when it is not a loose object of this repository. */
  read(sha: string): RawObject | undefined {
    const data = this.#file(sha);
    if (!data) return undefined;
    const raw = inflateSync(data);
    const header = parseHeader(raw, sha);
    const body = raw.subarray(header.end);
    if (body.length !== header.size) throw new Error(`loose object ${sha}: size does not match its header`);
    return { type: header.type, body };
  }

  /** Type and size without inflating the whole object (git's unpack_loose_header does the same). */
  header(sha: string): ObjectHeader | undefined {
    const data = this.#file(sha);
    if (!data) return undefined;
    const start = inflateSync(data.subarray(0, HEADER_PREFIX), { finishFlush: constants.Z_SYNC_FLUSH });
    const raw = start.includes(0) ? start : inflateSync(data);
    const { type, size } = parseHeader(raw, sha);
    return { type, size };
  }

  /** Write `body` as a `type` object (a no-op when it exists); its sha. */
  write(type: ObjectType, body: Buffer): string {
    const header = Buffer.from(`${type} ${body.length}\0`, 'latin1');
    const sha = createHash('sha1').update(header).update(body).digest('hex');
    const path = this.#path(sha);
    if (existsSync(path)) return sha;
    const dir = join(this.objectsDir, sha.slice(0, 2));
    if (!this.#dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.#dirs.add(dir);
    }
    // Written aside, then renamed into place, so a reader never sees half an object (as git does).
    const temp = join(dir, `tmp_obj_${process.pid}_${++tempCounter}`);
    writeFileSync(temp, deflateSync(Buffer.concat([header, body]), { level: 1 }), { mode: 0o444 });
    renameSync(temp, path);
    return sha;
  }
}

function parseHeader(raw: Buffer, sha: string): ObjectHeader & { end: number } {
  const nul = raw.indexOf(0);
  const [type, size, ...rest] = raw.subarray(0, Math.max(nul, 0)).toString('latin1').split(' ');
  if (nul < 0 || rest.length > 0 || !TYPES.has(type!) || !/^\d+$/.test(size ?? ''))
    throw new Error(`loose object ${sha} has a malformed header`);
  return { type: type as ObjectType, size: Number(size), end: nul + 1 };
}

/** One entry of a tree object; `mode` as ls-tree prints it (`040000`, `100644`). */
export interface TreeItem {
  mode: string;
  name: string;
  sha: string;
}

/** The object type a tree entry's mode names (git 2.39 cache.h:384 object_type). */
export function typeOfMode(mode: string): 'blob' | 'tree' | 'commit' {
  const bits = Number.parseInt(mode, 8) & 0o170000;
  return bits === 0o040000 ? 'tree' : bits === 0o160000 ? 'commit' : 'blob';
}

/**
 * A tree object's bytes: `<mode> <name>\0<20-byte sha>` per entry, the mode in octal without leading
 * zeros, entries sorted as git sorts them, a tree as if its name ended with "/" (git 2.39
 * tree.c:base_name_compare, via builtin/mktree.c:ent_compare).
 */
export function encodeTree(items: readonly TreeItem[]): Buffer {
  const keyed = items.map((item) => ({
    item,
    key: Buffer.from(typeOfMode(item.mode) === 'tree' ? `${item.name}/` : item.name, 'utf8'),
  }));
  keyed.sort((a, b) => Buffer.compare(a.key, b.key));
  const parts: Buffer[] = [];
  for (const { item } of keyed) {
    parts.push(Buffer.from(`${Number.parseInt(item.mode, 8).toString(8)} ${item.name}\0`, 'utf8'));
    parts.push(Buffer.from(item.sha, 'hex'));
  }
  return Buffer.concat(parts);
}

/** A tree object's entries in stored order, modes zero-padded to six digits as `git ls-tree` prints them. */
export function decodeTree(body: Buffer, sha: string): TreeItem[] {
  const items: TreeItem[] = [];
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    const nul = body.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 21 > body.length) throw new Error(`tree ${sha} is malformed`);
    items.push({
      mode: body.toString('latin1', at, space).padStart(6, '0'),
      name: body.toString('utf8', space + 1, nul),
      sha: body.toString('hex', nul + 1, nul + 21),
    });
    at = nul + 21;
  }
  return items;
}

/** An identity line's parts as `git commit-tree` writes them. */
export interface Ident {
  name: string;
  email: string;
  /** Seconds since the epoch (UTC). */
  seconds: number;
}

/**
 * The exact text `git commit-tree` writes with no encoding, signature or extra headers (git 2.39
 * commit.c:1554 commit_tree_extended): tree, parents in order, author, committer, a blank line,
 * the message as given.
 */
export function commitText(
  tree: string,
  parents: readonly string[],
  author: Ident,
  committer: Ident,
  message: string,
): Buffer {
  const ident = (who: Ident) => `${who.name} <${who.email}> ${who.seconds} +0000`;
  const lines = [`tree ${tree}`, ...parents.map((p) => `parent ${p}`)];
  lines.push(`author ${ident(author)}`, `committer ${ident(committer)}`);
  return Buffer.from(`${lines.join('\n')}\n\n${message}`, 'utf8');
}

/** ident.c:200 crud(): what git strips from both ends of a name or email. */
const CRUD = new Set([...',:;<>"\\\'.']);
const crud = (ch: string) => ch.charCodeAt(0) <= 32 || CRUD.has(ch);

/** No lone surrogate (which would reach git as U+FFFD). */
export const wellFormed = (s: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

/**
 * The identity as git would write it, when git would write it unchanged: a non-empty name, no crud at
 * either end, no `\n < >` inside (git 2.39 ident.c:450 fmt_ident strips those), and a date of the
 * form the logical clock writes (`2024-01-01T00:01:00Z`, years 1970-2099). Undefined otherwise: the
 * caller asks `git commit-tree`, which keeps git's own answer (a rewrite, a refusal, another date
 * parse).
 */
export function plainIdent(name: string, email: string, date: string): Ident | undefined {
  const clean = (s: string) =>
    wellFormed(s) && !/[\0\n<>]/.test(s) && (s === '' || (!crud(s[0]!) && !crud(s.at(-1)!)));
  if (typeof name !== 'string' || typeof email !== 'string' || typeof date !== 'string') return undefined;
  if (name === '' || !clean(name) || !clean(email)) return undefined;
  const m = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.exec(date);
  if (!m || Number(m[1]) < 1970 || Number(m[1]) > 2099) return undefined;
  const ms = Date.parse(date);
  if (Number.isNaN(ms) || new Date(ms).toISOString() !== date.replace('Z', '.000Z')) return undefined;
  return { name, email, seconds: ms / 1000 };
}

/**
 * A message `git commit-tree` stores byte for byte: no NUL (commit.c:1548 refuses it) and nothing
 * commit.c:1419 find_invalid_utf8 rejects (a lone surrogate, U+FDD0-U+FDEF, U+xxFFFE/F), which git
 * would re-encode as Latin-1.
 */
export function plainMessage(message: string): boolean {
  if (typeof message !== 'string' || message.includes('\0') || !wellFormed(message)) return false;
  if (!/[\uFDD0-\uFDEF\uFFFE\uFFFF\uD800-\uDFFF]/.test(message)) return true;
  for (const ch of message) {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return false;
  }
  return true;
}
