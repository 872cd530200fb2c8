/**
 * One measurement of `validate` on a generated repo, in a fresh process: the whole planner
 * (list, read, parse with positions, Package checks, values Secret reading, schema compile and
 * values validation). Prints one JSON line.
 *
 * Usage: node --import tsx bench/validate-worker.ts <repo-dir>
 */
import { plan } from '../src/plan/plan.js';
import { LocalSnapshot } from '../src/repo/local.js';
import { type WorkerResult, workerDir } from './worker.js';

const dir = workerDir();
const snapshot = new LocalSnapshot(dir);
const start = performance.now();
const result = await plan(snapshot, { kind: 'validate' });
const ms = performance.now() - start;
const errors = result.diagnostics.filter((d) => d.severity === 'error');
// A benchmark of a repo that does not validate measures the wrong thing: say so loudly.
for (const d of errors.slice(0, 5)) console.error(`${d.file}:${d.line}:${d.column}: ${d.message}`);
const line: WorkerResult = {
  worker: 'validate',
  ms,
  files: (await snapshot.list()).length,
  maxRssMB: process.resourceUsage().maxRSS / 1024,
  processMs: performance.now(),
  environments: result.environments.length,
  diagnostics: result.diagnostics.length,
  errors: errors.length,
  valid: result.valid,
};
console.log(JSON.stringify(line));
