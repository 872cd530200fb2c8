/**
 * Start-up: the CLI validating the example repo (dist/cli/index.js, as users run it) against a bare
 * `node -e ''`, in alternating fresh processes so machine load hits both alike. Reports the median
 * and the minimum of each (the minimum is the least disturbed run) and their ratios; the target is
 * the CLI at most 3× bare node. The first CLI run fills Node's compile cache and is not counted.
 * `npm run bench` runs it after the REST calls; `npx tsx bench/startup.ts [runs]` runs it alone.
 * `npx tsx bench/startup.ts [runs] --profile` says where the CLI's CPU time goes instead: V8 CPU
 * profiles of that many runs, each sample put in the innermost phase on its stack (WHERE below).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli', 'index.js');

/** The environment of a developer's machine: on a GitHub-hosted runner the CLI keeps no compile cache (startup.ts). */
const ENV = { ...process.env };
delete ENV.RUNNER_ENVIRONMENT;

function timeOnce(args: string[]): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: ENV });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export interface StartupResult {
  runs: number;
  bareMedianMs: number;
  bareMinMs: number;
  cliMedianMs: number;
  cliMinMs: number;
  medianRatio: number;
  minRatio: number;
}

export function measureStartup(runs = 15): StartupResult {
  const bare = ['-e', ''];
  const cli = [CLI, 'validate', '--repo', 'examples/gitops'];
  timeOnce(cli); // fills the compile cache, as any earlier run on the machine would have
  const bareMs: number[] = [];
  const cliMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    bareMs.push(timeOnce(bare));
    cliMs.push(timeOnce(cli));
  }
  const result = {
    runs,
    bareMedianMs: median(bareMs),
    bareMinMs: Math.min(...bareMs),
    cliMedianMs: median(cliMs),
    cliMinMs: Math.min(...cliMs),
    medianRatio: 0,
    minRatio: 0,
  };
  result.medianRatio = result.cliMedianMs / result.bareMedianMs;
  result.minRatio = result.cliMinMs / result.bareMinMs;
  return result;
}

/**
 * The phases a sample of the CLI's profile is put in: the innermost frame on its stack whose function
 * has one of these names decides (a YAML parse inside a module's evaluation is YAML parsing). Frames
 * V8 reports without a JavaScript function are their own phase: (garbage collector), (program) — V8's
 * own work outside JavaScript: compiling functions on first call, inline-cache misses — and (idle).
 */
const WHERE: [phase: string, functions: RegExp][] = [
  ['YAML parsing (yaml: lexer, parser, composer, toJS)', /^parseYaml$/],
  ['valuesSchema compile (normalise, ajv code generation)', /^compileValuesSchema$/],
  [
    'module load (read, compile cache, evaluate)',
    /^(__nccwpck_require__|compileSourceTextModule|compileForInternalLoader|compileForPublicLoader|ModuleWrap|readSync|evaluate|link|instantiate|moduleStrategy|loadAndTranslate|defaultResolve|importModuleDynamicallyCallback)$/,
  ],
  ['file system (list, stat, read)', /^(lstat|readdir|read|open|stat|realpath|close|fstat|readFile)$/],
  ['flux-pkg.yaml check (its YAML aside)', /^parseConfig$/],
  ['Package rules (its YAML aside)', /^packagesOf$/],
  ['environment rules and values checks', /^validateEnvironment$/],
];
const NATIVE = new Map([
  ['(garbage collector)', 'garbage collection'],
  ['(program)', 'V8 outside JavaScript (lazy compile, IC misses)'],
  ['(idle)', 'idle (waiting on I/O)'],
]);
const REST = 'the rest (request, loader, printing)';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds per phase in one V8 CPU profile. */
function phasesOf(profile: CpuProfile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const phaseOfNode = new Map<number, string>();
  const phaseOf = (id: number): string => {
    let phase: string | undefined = phaseOfNode.get(id) ?? NATIVE.get(byId.get(id)!.callFrame.functionName);
    for (let at: number | undefined = id; phase === undefined && at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)!.callFrame.functionName;
      phase = WHERE.find(([, functions]) => functions.test(name))?.[0];
    }
    phaseOfNode.set(id, phase ?? REST);
    return phase ?? REST;
  };
  const ms = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const phase = phaseOf(id);
    ms.set(phase, (ms.get(phase) ?? 0) + profile.timeDeltas[i]! / 1000);
  });
  return ms;
}

/** The CLI's CPU time by phase, the mean of `runs` profiled runs (a profiled run is slower than a plain one). */
export function profileStartup(runs = 5): { phase: string; ms: number }[] {
  const dir = mkdtempSync(join(tmpdir(), 'flux-pkg-startup-'));
  try {
    timeOnce([CLI, 'validate', '--repo', 'examples/gitops']); // the compile cache, as in measureStartup
    for (let i = 0; i < runs; i++)
      timeOnce(['--cpu-prof', '--cpu-prof-dir', dir, CLI, 'validate', '--repo', 'examples/gitops']);
    const total = new Map<string, number>();
    for (const file of readdirSync(dir)) {
      const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
      for (const [phase, ms] of phasesOf(profile)) total.set(phase, (total.get(phase) ?? 0) + ms / runs);
    }
    return [...total].map(([phase, ms]) => ({ phase, ms })).sort((a, b) => b.ms - a.ms);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printProfile(runs: number): void {
  const phases = profileStartup(runs);
  const all = phases.reduce((sum, p) => sum + p.ms, 0);
  console.log(`\nWhere the CLI's CPU time goes (mean of ${runs} profiled runs, node ${process.version}):\n`);
  console.log('| phase | ms | share |');
  console.log('|---|---|---|');
  for (const { phase, ms } of phases)
    console.log(`| ${phase} | ${ms.toFixed(1)} | ${((100 * ms) / all).toFixed(0)} % |`);
  console.log(`| all (profiling adds to each phase) | ${all.toFixed(1)} | 100 % |`);
}

async function main(): Promise<number> {
  if (!existsSync(CLI)) {
    console.error('startup: dist/cli/index.js is missing; run `npm run bundle` first');
    return 1;
  }
  const args = process.argv.slice(2);
  const runs = args.find((a) => /^\d+$/.test(a));
  if (args.includes('--profile')) {
    printProfile(Number(runs ?? 5));
    return 0;
  }
  const r = measureStartup(Number(runs ?? 15));
  const f = (n: number) => n.toFixed(0);
  console.log(`\nStart-up (${r.runs} alternating runs each, node ${process.version}):\n`);
  console.log('| | median ms | min ms |');
  console.log('|---|---|---|');
  console.log(`| node -e '' | ${f(r.bareMedianMs)} | ${f(r.bareMinMs)} |`);
  console.log(`| flux-pkg validate --repo examples/gitops | ${f(r.cliMedianMs)} | ${f(r.cliMinMs)} |`);
  console.log(`| ratio (target ≤ 3×) | ${r.medianRatio.toFixed(2)}× | ${r.minRatio.toFixed(2)}× |`);
  return 0;
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
