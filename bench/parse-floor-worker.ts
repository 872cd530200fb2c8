/**
 * The parse floor, in a fresh process: read every *.yaml file of the repo and parse it with the
 * `yaml` package (plus the values YAML embedded in each params.yaml), nothing else. No planner
 * can validate a repo faster than it can parse it; validate's time over this is its own overhead.
 *
 * Usage: node --import tsx bench/parse-floor-worker.ts <repo-dir>
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { type WorkerResult, workerDir } from './worker.js';

const VALUES_KEY = 'values.yaml';

const dir = workerDir();
const start = performance.now();
const entries = await readdir(dir, { recursive: true, withFileTypes: true });
let files = 0;
let documents = 0;
for (const entry of entries) {
  if (!entry.isFile() || !entry.name.endsWith('.yaml')) continue;
  const text = await readFile(join(entry.parentPath, entry.name), 'utf8');
  files++;
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) continue;
  documents += docs.length;
  if (entry.name !== 'params.yaml') continue;
  for (const doc of docs) {
    const values = doc.getIn(['stringData', VALUES_KEY]);
    if (typeof values === 'string') documents += [parseAllDocuments(values)].flat().length;
  }
}
const ms = performance.now() - start;
const line: WorkerResult = {
  worker: 'parse-floor',
  ms,
  files,
  maxRssMB: process.resourceUsage().maxRSS / 1024,
  processMs: performance.now(),
  documents,
};
console.log(JSON.stringify(line));
