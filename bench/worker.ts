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
