/**
 * The parse floor with reads in flight the way validate issues them: every *.yaml file of the repo,
 * one top-level folder (component) at a time, the next folder's files already being read while
 * this one's are parsed with the `yaml` package (plus the values YAML embedded in each
 * params.yaml). parse-floor-worker.ts reads one file after another, so its time includes waiting
 * for each read; this one waits only where parsing cannot hide the reads.
 *
 * Usage: node --import tsx bench/parse-floor-concurrent-worker.ts <repo-dir>
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseForFloor, printResult, workerDir } from './worker.js';

const dir = workerDir();
const start = performance.now();
const entries = await readdir(dir, { recursive: true, withFileTypes: true });
const groups = new Map<string, string[]>();
for (const entry of entries) {
  if (!entry.isFile() || !entry.name.endsWith('.yaml')) continue;
  const path = join(entry.parentPath, entry.name);
  const top = relative(dir, path).split(sep)[0]!;
  const group = groups.get(top) ?? [];
  group.push(path);
  groups.set(top, group);
}
const folders = [...groups.values()];
const read = (paths: string[] | undefined) =>
  (paths ?? []).map((p) => {
    const text = readFile(p, 'utf8');
    text.catch(() => {});
    return { p, text };
  });
let files = 0;
let documents = 0;
let next = read(folders[0]);
for (let i = 0; i < folders.length; i++) {
  const current = next;
  next = read(folders[i + 1]);
  for (const { p, text } of current) {
    files++;
    documents += parseForFloor(p, await text);
  }
}
printResult('parse-floor-concurrent', start, files, { documents });
