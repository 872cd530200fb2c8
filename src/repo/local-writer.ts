/**
 * Writes planned files into a local checkout, and nowhere else. Every path passes the final guard
 * (assertWritablePaths); every folder on the way is a real folder inside the real root (no link);
 * an existing file that is a link is refused, never written through; each file is written to a temp
 * file in its own folder and renamed over the target, so a reader never sees half a file and a link
 * swapped in at the last moment is replaced, not followed.
 */
import type { Stats } from 'node:fs';
import { lstat, mkdir, realpath, rename, unlink, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { nodeCrypto } from '../builtins.js';
import { assertWritablePaths } from './paths.js';

export interface FileToWrite {
  /** Repository-relative POSIX path. */
  path: string;
  content: string;
}

/** A write refused before anything was written; `path` is the offending file or folder. */
export class WriteRefusedError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path} ${reason}; nothing written`);
  }
}

/** Write every file, or (when any is refused) none: all are checked before the first write. */
export async function writeFiles(root: string, files: readonly FileToWrite[]): Promise<void> {
  assertWritablePaths(files.map((f) => f.path));
  const realRoot = await realpath(root);
  for (const file of files) await check(root, realRoot, file.path, false);
  for (const file of files) {
    const mode = await check(root, realRoot, file.path, true);
    await replace(join(root, ...file.path.split('/')), file.content, mode);
  }
}

/**
 * Walk the folders of `path` from the root: each is a real folder (created when `create`), the last
 * one's real path is inside the real root, and the file, when it exists, is a regular file. Returns
 * the existing file's permission bits, to keep them.
 */
async function check(
  root: string,
  realRoot: string,
  path: string,
  create: boolean,
): Promise<number | undefined> {
  const parts = path.split('/');
  let dir = root;
  for (const [i, part] of parts.slice(0, -1).entries()) {
    dir = join(dir, part);
    const shown = parts.slice(0, i + 1).join('/');
    let info = await lstatOrUndefined(dir);
    if (!info && create) {
      await mkdir(dir);
      info = await lstat(dir);
    }
    if (!info) return undefined; // created in the write pass
    if (info.isSymbolicLink())
      throw new WriteRefusedError(shown, 'is a symbolic link; flux-pkg-action does not write through links');
    if (!info.isDirectory()) throw new WriteRefusedError(shown, 'is not a folder');
  }
  const realDir = await realpath(dir);
  if (realDir !== realRoot && !realDir.startsWith(realRoot + sep))
    throw new WriteRefusedError(path, 'resolves outside the repository');
  const target = await lstatOrUndefined(join(dir, parts[parts.length - 1]!));
  if (target?.isSymbolicLink())
    throw new WriteRefusedError(path, 'is a symbolic link; flux-pkg-action does not write through links');
  if (target && !target.isFile()) throw new WriteRefusedError(path, 'is not a regular file');
  return target ? target.mode & 0o7777 : undefined;
}

async function replace(target: string, content: string, mode: number | undefined): Promise<void> {
  const temp = `${target}.flux-pkg-${nodeCrypto().randomBytes(6).toString('hex')}.tmp`;
  // 'wx': O_CREAT|O_EXCL, which fails on anything already at the temp path, a link included.
  await writeFile(temp, content, { flag: 'wx', mode: mode ?? 0o644 });
  try {
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => {});
    throw e;
  }
}

async function lstatOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
