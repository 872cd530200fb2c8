/**
 * The parse floor, in a fresh process: read every *.yaml file of the repo and parse it with the
 * `yaml` package (plus the values YAML embedded in each params.yaml), nothing else. No planner
 * can validate a repo faster than it can parse it; validate's time over this is its own overhead.
 *
 * Usage: node --import tsx bench/parse-floor-worker.ts <repo-dir>
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseForFloor, printResult, workerDir } from './worker.js';

const dir = workerDir();
const start = performance.now();
const entries = await readdir(dir, { recursive: true, withFileTypes: true });
let files = 0;
let documents = 0;
for (const entry of entries) {
  if (!entry.isFile() || !entry.name.endsWith('.yaml')) continue;
  const path = join(entry.parentPath, entry.name);
  files++;
  documents += parseForFloor(path, await readFile(path, 'utf8'));
}
printResult('parse-floor', start, files, { documents });
