/**
 * Start-up: the CLI validating the example repo (dist/cli/index.js, as users run it) against a bare
 * `node -e ''`, in alternating fresh processes so machine load hits both alike. Reports the median
 * and the minimum of each (the minimum is the least disturbed run) and their ratios; the target is
 * the CLI at most 3× bare node. The first CLI run fills Node's compile cache and is not counted.
 * `npm run bench` runs it after the REST calls; `npx tsx bench/startup.ts [runs]` runs it alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli', 'index.js');

function timeOnce(args: string[]): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
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

async function main(): Promise<number> {
  if (!existsSync(CLI)) {
    console.error('startup: dist/cli/index.js is missing; run `npm run bundle` first');
    return 1;
  }
  const r = measureStartup(Number(process.argv[2] ?? 15));
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
