import { basename } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** What every benchmark worker prints: one JSON line on stdout. */
export interface WorkerResult {
  worker: string;
  /** Wall time of the measured work, excluding process start and module loading. */
  ms: number;
  /** Files the work covered. */
  files: number;
  /** Peak resident set size of the whole process (`process.resourceUsage().maxRSS`), in MB. */
  maxRssMB: number;
  /** Time since the process started, including module loading. */
  processMs: number;
  [extra: string]: unknown;
}

/** The repo directory, the worker's only argument. */
export function workerDir(): string {
  const dir = process.argv[2];
  if (!dir) {
    console.error(`usage: node --import tsx ${process.argv[1]} <repo-dir>`);
    process.exit(2);
  }
  return dir;
}

const VALUES_KEY = 'values.yaml';

/** The floor's unit of work: parse one file (and the values YAML inside a params.yaml); count its documents. */
export function parseForFloor(path: string, text: string): number {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return 0;
  let documents = docs.length;
  if (basename(path) !== 'params.yaml') return documents;
  for (const doc of docs) {
    const values = doc.getIn(['stringData', VALUES_KEY]);
    if (typeof values === 'string') documents += [parseAllDocuments(values)].flat().length;
  }
  return documents;
}

/** Print the worker's one JSON line. */
export function printResult(
  worker: string,
  start: number,
  files: number,
  extra: Record<string, unknown> = {},
): void {
  const line: WorkerResult = {
    worker,
    ms: performance.now() - start,
    files,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    processMs: performance.now(),
    ...extra,
  };
  console.log(JSON.stringify(line));
}
