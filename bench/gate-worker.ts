/**
 * One measurement of the gate (mode validate on a pull request) in a fresh process: a pull request
 * that changes one environment's values Secret, scoped by scopeOfChanges, compared with the base
 * (loadBaseFacts on the same checkout), then planned. Compare with `validate` (the whole repo).
 *
 * Usage: node --import tsx bench/gate-worker.ts <repo-dir>
 */
import { loadConfig } from '../src/config/config.js';
import { loadBaseFacts } from '../src/plan/load/base.js';
import { scopeOfChanges } from '../src/plan/model/changes.js';
import { discover } from '../src/plan/model/repository.js';
import { plan } from '../src/plan/plan.js';
import { LocalSnapshot } from '../src/repo/local.js';
import { type WorkerResult, workerDir } from './worker.js';

const dir = workerDir();
const snapshot = new LocalSnapshot(dir);
const start = performance.now();
const loaded = await loadConfig(snapshot);
const paths = (await snapshot.list()).map((e) => e.path);
const component = discover(paths, loaded.config.layout).find((c) => c.environments.length > 0)!;
const changed = [`${component.dir}/${component.environments[0]}/${loaded.config.layout.valuesSecretFile}`];
const scope = scopeOfChanges(changed, paths, loaded.config.layout);
const base = await loadBaseFacts(snapshot, loaded.config, scope);
const result = await plan(snapshot, { kind: 'validate', scope, base }, loaded);
const ms = performance.now() - start;
const errors = result.diagnostics.filter((d) => d.severity === 'error');
for (const d of errors.slice(0, 5)) console.error(`${d.file}:${d.line}:${d.column}: ${d.message}`);
const line: WorkerResult = {
  worker: 'gate',
  ms,
  files: paths.length,
  maxRssMB: process.resourceUsage().maxRSS / 1024,
  processMs: performance.now(),
  environments: result.environments.length,
  diagnostics: result.diagnostics.length,
  errors: errors.length,
  valid: result.valid,
};
console.log(JSON.stringify(line));
