/**
 * The benchmark: `npm run bench [-- --sizes 100,1000 --repeats 3 --suite validate]`.
 *
 * Generates synthetic gitops repos (bench/generate.ts), then runs every suite on every size. A
 * suite that measures time or memory runs each repetition in a fresh child process, so one run's
 * heap, JIT and caches never flatter the next; the median of the repetitions is reported.
 * Prints a table and writes bench/out/results.json.
 *
 * To add a scenario (for example counting REST calls of `install` against the GitHub stand-in),
 * push a `Suite` onto `suites`: it gets the generated repo and returns its metrics.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type GeneratedRepo, generate } from './generate.js';
import type { WorkerResult } from './worker.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');

export interface Size {
  components: number;
}

export const SIZES: readonly Size[] = [{ components: 100 }, { components: 1000 }];

export interface SuiteContext {
  size: Size;
  repo: GeneratedRepo;
  repeats: number;
}

export interface SuiteResult {
  suite: string;
  components: number;
  /** Median of each numeric metric over the repetitions. */
  median: Record<string, number>;
  /** Every repetition, as measured. */
  runs: Record<string, unknown>[];
  /** Set when the suite could not run (its module is missing, it crashed, …). */
  error?: string;
}

export interface Suite {
  name: string;
  description: string;
  run(ctx: SuiteContext): SuiteResult | Promise<SuiteResult>;
}

/** A suite that runs `bench/<worker>` on the repo in a fresh process per repetition. */
export function workerSuite(name: string, worker: string, description: string): Suite {
  return {
    name,
    description,
    run({ size, repo, repeats }) {
      const runs: WorkerResult[] = [];
      for (let i = 0; i < repeats; i++) {
        const outcome = runWorker(worker, repo.dir);
        if ('error' in outcome)
          return { suite: name, components: size.components, median: {}, runs, error: outcome.error };
        runs.push(outcome.result);
      }
      return { suite: name, components: size.components, median: medians(runs), runs };
    },
  };
}

/**
 * The suites, in order. `validate`, `parse-floor` and `parse-floor-concurrent` make the main table; any other
 * suite's medians are printed after it. Add REST-call-count scenarios here.
 */
export const suites: Suite[] = [
  workerSuite(
    'validate',
    'validate-worker.ts',
    "plan(new LocalSnapshot(dir), { kind: 'validate' }): the whole validate path on a local checkout",
  ),
  workerSuite(
    'gate',
    'gate-worker.ts',
    'the gate on a pull request that changes one environment: scope, base facts, validate that environment',
  ),
  workerSuite(
    'parse-floor',
    'parse-floor-worker.ts',
    'read every *.yaml and parseAllDocuments it (and the values YAML inside params.yaml), nothing else',
  ),
  workerSuite(
    'values-patterns',
    'values-patterns-worker.ts',
    "valuesSchema patterns on RE2 next to RegExp: compile and test cost on the reference CRDs' patterns, ^(a+)+$, end to end",
  ),
  workerSuite(
    'parse-floor-concurrent',
    'parse-floor-concurrent-worker.ts',
    "the parse floor with the next component folder's reads in flight while this one is parsed, as validate reads",
  ),
];

function runWorker(worker: string, dir: string): { result: WorkerResult } | { error: string } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', `bench/${worker}`, dir], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 30 * 60 * 1000,
  });
  const stderr = child.stderr?.trim() ?? '';
  if (stderr) process.stderr.write(`${indent(stderr, `  [${worker}] `)}\n`);
  const last = child.stdout?.trim().split('\n').at(-1);
  if (child.status !== 0 || !last) {
    const why =
      child.error?.message ?? (child.signal ? `killed by ${child.signal}` : `exit code ${child.status}`);
    return { error: `${worker}: ${why}${stderr ? `: ${stderr.split('\n').slice(0, 3).join(' | ')}` : ''}` };
  }
  try {
    return { result: JSON.parse(last) as WorkerResult };
  } catch {
    return { error: `${worker}: printed no JSON result: ${last.slice(0, 200)}` };
  }
}

const indent = (text: string, prefix: string) =>
  text
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function medians(runs: readonly Record<string, unknown>[]): Record<string, number> {
  const keys = new Set(runs.flatMap((r) => Object.keys(r).filter((k) => typeof r[k] === 'number')));
  return Object.fromEntries([...keys].map((k) => [k, median(runs.map((r) => r[k] as number))]));
}

// ---------------------------------------------------------------------------------------------
// Report

interface Row {
  components: number;
  environments: number;
  files: number;
  validateMs?: number;
  filesPerSecond?: number;
  validateRssMB?: number;
  floorMs?: number;
  floorRssMB?: number;
  ratio?: number;
  /** The parse floor with reads in flight (parse-floor-concurrent), and validate's time over it. */
  concurrentFloorMs?: number;
  concurrentRatio?: number;
  validateMsPerFile?: number;
  floorMsPerFile?: number;
}

function rowFor(repo: GeneratedRepo, results: readonly SuiteResult[]): Row {
  const of = (suite: string) =>
    results.find((r) => r.suite === suite && r.components === repo.components && !r.error);
  const v = of('validate')?.median;
  const f = of('parse-floor')?.median;
  const cf = of('parse-floor-concurrent')?.median;
  const files = v?.files ?? f?.files ?? repo.files;
  return {
    components: repo.components,
    environments: repo.environments,
    files,
    validateMs: v?.ms,
    filesPerSecond: v ? files / (v.ms! / 1000) : undefined,
    validateRssMB: v?.maxRssMB,
    floorMs: f?.ms,
    floorRssMB: f?.maxRssMB,
    ratio: v && f ? v.ms! / f.ms! : undefined,
    concurrentFloorMs: cf?.ms,
    concurrentRatio: v && cf ? v.ms! / cf.ms! : undefined,
    validateMsPerFile: v ? v.ms! / files : undefined,
    floorMsPerFile: f ? f.ms! / (f.files ?? files) : undefined,
  };
}

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined
    ? 'n/a'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function table(rows: readonly Row[]): string {
  const header = [
    'size',
    'files',
    'validate ms',
    'files/s',
    'peak RSS MB',
    'floor ms',
    'floor RSS MB',
    'validate/floor',
    'floor* ms',
    'validate/floor*',
    'validate ms/file',
    'floor ms/file',
  ];
  const body = rows.map((r) => [
    `${fmt(r.components)} × ${r.environments}`,
    fmt(r.files),
    fmt(r.validateMs),
    fmt(r.filesPerSecond),
    fmt(r.validateRssMB),
    fmt(r.floorMs),
    fmt(r.floorRssMB),
    r.ratio === undefined ? 'n/a' : `${fmt(r.ratio, 2)}×`,
    fmt(r.concurrentFloorMs),
    r.concurrentRatio === undefined ? 'n/a' : `${fmt(r.concurrentRatio, 2)}×`,
    fmt(r.validateMsPerFile, 3),
    fmt(r.floorMsPerFile, 3),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

interface Linearity {
  from: number;
  to: number;
  /** ms/file at the larger size over ms/file at the smaller: 1 is linear, above 1 grows faster than the repo. */
  validate?: number;
  floor?: number;
}

function linearity(rows: readonly Row[]): Linearity | undefined {
  if (rows.length < 2) return undefined;
  const small = rows[0]!;
  const large = rows.at(-1)!;
  const ratio = (a?: number, b?: number) => (a !== undefined && b !== undefined ? b / a : undefined);
  return {
    from: small.components,
    to: large.components,
    validate: ratio(small.validateMsPerFile, large.validateMsPerFile),
    floor: ratio(small.floorMsPerFile, large.floorMsPerFile),
  };
}

// ---------------------------------------------------------------------------------------------

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      repeats: { type: 'string', default: '3' },
      suite: { type: 'string', multiple: true },
    },
  });
  const sizes: Size[] = values.sizes
    ? values.sizes.split(',').map((s) => ({ components: Number(s) }))
    : [...SIZES];
  const repeats = Number(values.repeats);
  if (sizes.some((s) => !Number.isInteger(s.components) || s.components < 1) || !(repeats >= 1)) {
    console.error('usage: npm run bench -- [--sizes 100,1000] [--repeats 3] [--suite NAME]...');
    return 2;
  }
  const chosen = values.suite ? suites.filter((s) => values.suite!.includes(s.name)) : suites;

  mkdirSync(OUT, { recursive: true });
  const repos: GeneratedRepo[] = [];
  const results: SuiteResult[] = [];
  for (const size of sizes) {
    const started = performance.now();
    const repo = generate(join(OUT, `repo-${size.components}`), { components: size.components });
    repos.push(repo);
    console.log(
      `repo ${size.components} × ${repo.environments}: ${repo.files} files, ${(repo.bytes / 1e6).toFixed(1)} MB, ` +
        `${repo.packages} Packages (mean ${(repo.meanPackageBytes / 1024).toFixed(1)} KB, ${repo.meanSchemaProperties} schema properties)` +
        (repo.reused ? ' (reused)' : ` (generated in ${Math.round(performance.now() - started)} ms)`),
    );
    globalThis.gc?.();
    for (const suite of chosen) {
      const result = await suite.run({ size, repo, repeats });
      results.push(result);
      console.log(
        result.error
          ? `  ${suite.name}: FAILED: ${result.error}`
          : `  ${suite.name}: median ${fmt(result.median.ms)} ms, ${fmt(result.median.maxRssMB)} MB ` +
              `(runs: ${result.runs.map((r) => fmt(r.ms as number)).join(', ')} ms)`,
      );
    }
  }

  const rows = repos.map((repo) => rowFor(repo, results));
  const lin = linearity(rows);
  console.log(
    `\nMedian of ${repeats} run(s), each in a fresh process (node ${process.version}, ${cpus()[0]?.model ?? 'cpu?'}):\n`,
  );
  console.log(table(rows));
  if (rows.some((r) => r.concurrentFloorMs !== undefined))
    console.log(
      '\nfloor*: the parse floor with reads in flight as validate issues them (parse-floor-concurrent); ' +
        'the plain floor reads one file after another, so it also counts waiting for each read.',
    );
  if (lin)
    console.log(
      `\nLinearity (ms/file at ${lin.to} ÷ ms/file at ${lin.from}; 1.00 = linear): ` +
        `validate ${fmt(lin.validate, 2)}, parse floor ${fmt(lin.floor, 2)}`,
    );
  const inTable = ['validate', 'parse-floor', 'parse-floor-concurrent'];
  const others = results.filter((r) => !inTable.includes(r.suite));
  for (const r of others)
    console.log(`${r.suite} @ ${r.components}: ${r.error ? `FAILED: ${r.error}` : JSON.stringify(r.median)}`);

  const report = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model,
    cpus: cpus().length,
    repeats,
    suites: chosen.map((s) => ({ name: s.name, description: s.description })),
    repos,
    table: rows,
    linearity: lin,
    results,
  };
  writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${join('bench', 'out', 'results.json')}`);
  // API economy: REST calls per scenario against the GitHub stand-in (bench/rest-calls.ts).
  let rest = 0;
  if (!values.suite || values.suite.includes('rest-calls')) {
    rest =
      spawnSync(process.execPath, ['--import', 'tsx', 'bench/rest-calls.ts'], { cwd: ROOT, stdio: 'inherit' })
        .status ?? 1;
  }
  // Start-up: the CLI validating the example against a bare `node -e ''` (bench/startup.ts).
  let startup = 0;
  if (!values.suite || values.suite.includes('startup')) {
    startup =
      spawnSync(process.execPath, ['--import', 'tsx', 'bench/startup.ts'], { cwd: ROOT, stdio: 'inherit' })
        .status ?? 1;
  }
  return results.some((r) => r.error) || rest !== 0 || startup !== 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
