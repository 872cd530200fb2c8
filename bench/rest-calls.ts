/**
 * API economy: REST calls per scenario, counted from the GitHub stand-in's log while the bundled
 * action (dist/index.js) runs exactly as in the e2e tests. `npm run bench` runs it after the
 * throughput suites; `npx tsx bench/rest-calls.ts` runs it alone.
 *
 * Targets: ≤ 5 write calls per pull request, no write call on a no-op rerun, and reads that do not
 * grow with the number of unrelated files in the repository.
 *
 * Beside the action's per-PR and no-op figures it measures git's own cost for the same change
 * against the same bare repository — a shallow clone, a commit of the files the action's pull request
 * changed, a push (what peter-evans/create-pull-request does at its core): the floor any PR-opening
 * tool pays. Issue 11's targets: one PR ≤ 0.5× create-pull-request (≈ this floor plus its REST call),
 * a no-op rerun ≤ 0.2× its rerun. Issue 20's: reads for one PR ≤ 12 (no-op ≤ 10), writes ≤ 6, no
 * object read twice, and the longest chain of dependent calls for each.
 *
 * `--only one` runs the one-PR and no-op scenarios alone (the no-op twice: a replay with the
 * environments input, which keeps no delivery cursor, and a rerun once a run for every environment
 * moved the cursor to the base), `--calls` lists every call of every scenario, `--only many` adds the 10 × 5 pushes,
 * `--only truncated` the repository past one recursive tree read (what a change to the API path needs);
 * FLUX_PKG_ACTION=/tmp/x/index.js measures another build of the action (a branch's, built with ncc
 * into a scratch folder) against the same scenarios.
 *
 * `--latency 0,20` runs the scenarios once per latency (ms the stand-in waits before each answer;
 * default 20, a hosted runner's round trip to api.github.com; 0 is what create-pull-request's figures
 * in issue 20 were measured at: a stand-in on loopback). `--repeat 5` measures the one-PR and no-op
 * scenarios that many times, each on a fresh repository, and prints their medians. Writes are split
 * into per pull request and per run (a delivery cursor's create or move: one a run, whatever it
 * delivers). Wall times on a loaded machine are noise: compare medians of the same run only.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { COMPONENT, initialFiles, NEW_PACKAGE, newPackage, pushEvent } from '../__tests__/e2e/fixtures.js';
import { runAction } from '../__tests__/e2e/run-action.js';
import { type StandIn, startStandIn } from '../__tests__/e2e/stand-in/server.js';
import { duplicateReads, isPerRunWrite, longestChain, serverBusyMs } from './call-log.js';

const OWNER = 'acme';
const REPO = 'gitops';
const TOKEN = 'ghs_benchToken';

interface Count {
  scenario: string;
  prs: number;
  reads: number;
  writes: number;
  /** Of `writes`, those made once per run (the delivery cursor's). */
  runWrites: number;
  writesPerPr: string;
  seconds: number;
  ms: number;
  /** Of `ms`, the time the stand-in spent answering (at least one call open on its side). */
  serverMs: number;
  /** GETs of a path this run had already read. */
  duplicates: number;
  /** Calls that each waited for the one before: the run's round trips. */
  chain: number;
  byRoute: Record<string, number>;
  /** Every call in order, for `--calls`: method, path, when it was answered (ms after the first arrived). */
  log: string[];
}

async function measure(
  scenario: string,
  standIn: StandIn,
  event: object,
  inputs: Record<string, string> = {},
): Promise<Count> {
  const from = standIn.calls.length;
  const start = performance.now();
  const run = await runAction({
    apiUrl: standIn.url,
    repository: `${OWNER}/${REPO}`,
    eventName: 'push',
    event,
    token: TOKEN,
    inputs,
  });
  const seconds = (performance.now() - start) / 1000;
  if (run.code !== 0) throw new Error(`${scenario}: the action failed:\n${run.stdout}\n${run.stderr}`);
  const calls = standIn.calls.slice(from);
  // Pull requests, not rows: a per-environment PR has a row per component it holds.
  const rows = JSON.parse(run.outputs['pull-requests'] ?? '[]') as { operation: string; number?: number }[];
  const prs = new Set(rows.filter((p) => p.operation !== 'unchanged').map((p) => p.number)).size;
  const writes = calls.filter((c) => c.method !== 'GET').length;
  const runWrites = calls.filter(isPerRunWrite).length;
  const byRoute: Record<string, number> = {};
  for (const c of calls) byRoute[c.route] = (byRoute[c.route] ?? 0) + 1;
  return {
    scenario,
    prs,
    reads: calls.length - writes,
    writes,
    runWrites,
    writesPerPr: prs ? ((writes - runWrites) / prs).toFixed(1) : '—',
    seconds: Math.round(seconds * 10) / 10,
    ms: Math.round(seconds * 1000),
    serverMs: Math.round(serverBusyMs(calls)),
    duplicates: duplicateReads(calls).length,
    chain: longestChain(calls),
    byRoute,
    log: calls.map((c) => {
      const t = c.span
        ? `${Math.round(c.span[0] - (calls[0]?.span?.[0] ?? 0))}–${Math.round(c.span[1] - (calls[0]?.span?.[0] ?? 0))} ms`
        : '';
      return `${c.method} ${c.path.replace(`/repos/${OWNER}/${REPO}`, '')} → ${c.status} ${t}`;
    }),
  };
}

function printRow(r: Count): void {
  console.log(
    `| ${r.scenario} | ${r.prs} | ${r.reads} | ${r.writes} | ${r.writesPerPr} + ${r.runWrites} per run | ${r.duplicates} | ${r.chain} | ${r.seconds} |`,
  );
}

interface GitFloor {
  cloneMs: number;
  commitMs: number;
  pushMs: number;
  totalMs: number;
  files: number;
}

/** git without the user's configuration, as the stand-in runs it. */
function git(args: string[], cwd?: string): string {
  return execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Clone (depth 1, over file:// so git packs as over the network), commit the files `branch` changed
 * against main, push them to a new branch: each step timed, the median of `repeats`.
 */
function gitFloor(standIn: StandIn, branch: string, repeats = 3): GitFloor {
  const changed = standIn
    .git(['diff', '--name-only', '--no-renames', 'refs/heads/main', `refs/heads/${branch}`])
    .split('\n')
    .filter(Boolean);
  const files = Object.fromEntries(
    changed.map((f) => [f, standIn.git(['show', `refs/heads/${branch}:${f}`])]),
  );
  const runs: GitFloor[] = [];
  for (let i = 0; i < repeats; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'git-floor-'));
    const work = join(dir, 'work');
    const t0 = performance.now();
    git(['clone', '--quiet', '--depth', '1', '--branch', 'main', `file://${standIn.bareRepo}`, work]);
    const t1 = performance.now();
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(work, path)), { recursive: true });
      writeFileSync(join(work, path), text);
    }
    git(['add', '-A'], work);
    git(['commit', '--quiet', '-m', 'Deploy (git floor)'], work);
    const t2 = performance.now();
    git(['push', '--quiet', 'origin', `HEAD:refs/heads/git-floor-${i}`], work);
    const t3 = performance.now();
    rmSync(dir, { recursive: true, force: true });
    runs.push({
      cloneMs: t1 - t0,
      commitMs: t2 - t1,
      pushMs: t3 - t2,
      totalMs: t3 - t0,
      files: changed.length,
    });
  }
  const med = (k: keyof GitFloor) => runs.map((r) => r[k]).sort((a, b) => a - b)[runs.length >> 1]!;
  return {
    cloneMs: med('cloneMs'),
    commitMs: med('commitMs'),
    pushMs: med('pushMs'),
    totalMs: med('totalMs'),
    files: changed.length,
  };
}

function push(standIn: StandIn, files: Record<string, string | null>): object {
  const before = standIn.head('main')!;
  return pushEvent(OWNER, REPO, before, standIn.commit('main', files, 'supply chain'));
}

/** A round trip to api.github.com from a hosted runner is tens of ms; the stand-in on loopback is ~1. */
let LATENCY_MS = 20;

async function repo(files: Record<string, string>, recursiveTreeLimit?: number): Promise<StandIn> {
  return startStandIn({
    owner: OWNER,
    repo: REPO,
    token: TOKEN,
    files,
    latencyMs: LATENCY_MS,
    recursiveTreeLimit,
  });
}

/** One component per index, each with five environments that all take new versions (no config file). */
function manyComponents(count: number): { files: Record<string, string>; pushed: Record<string, string> } {
  const base = initialFiles();
  const files: Record<string, string> = {};
  const pushed: Record<string, string> = {};
  const oldPackage = base[`${COMPONENT}/packages/20230412153322.0.0.yaml`]!;
  const newer = newPackage().content;
  for (let i = 0; i < count; i++) {
    const name = `svc-${i}.apps.example.com`;
    const rename = (text: string) => text.replaceAll(COMPONENT, name);
    files[`${name}/packages/20230412153322.0.0.yaml`] = rename(oldPackage);
    pushed[`${name}/packages/20230502091145.0.0.yaml`] = rename(newer);
    for (const env of ['dev', 'qa', 'staging', 'prod-us', 'prod-eu']) {
      for (const file of ['packageinstall.yaml', 'params.yaml', 'kustomization.yaml']) {
        files[`${name}/${env}/${file}`] = rename(base[`${COMPONENT}/dev/${file}`]!);
      }
    }
  }
  return { files, pushed };
}

function unrelated(count: number): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`docs/notes/${i % 50}/note-${i}.md`, `# note ${i}\n`]),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      calls: { type: 'boolean' },
      latency: { type: 'string', default: '20' },
      repeat: { type: 'string', default: '1' },
    },
  });
  const latencies = values.latency.split(',').map((l) => Number(l.trim()));
  if (latencies.some((l) => !Number.isFinite(l) || l < 0)) throw new Error(`--latency ${values.latency}`);
  const repeat = Number(values.repeat);
  const medians: string[] = [];
  for (const latency of latencies) {
    LATENCY_MS = latency;
    await scenarios(values);
    if (repeat > 1) medians.push(await repeated(repeat));
  }
  if (medians.length > 0) {
    console.log(`\nMedians of ${repeat} runs, each on a fresh repository (wall ms, the action's process):\n`);
    console.log(
      "| latency | one PR | of which the stand-in answering | the action's own (one PR − stand-in) | no-op replay (environments: dev) | git floor (clone+commit+push) |",
    );
    console.log('|---|---|---|---|---|---|');
    for (const m of medians) console.log(m);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** The one-PR run and its replay, `times` times on fresh repositories: one row of medians. */
async function repeated(times: number): Promise<string> {
  const [one, oneServer, noOp, floor]: number[][] = [[], [], [], []];
  const pkg = newPackage();
  for (let i = 0; i < times; i++) {
    const standIn = await repo(initialFiles());
    const event = push(standIn, { [pkg.path]: pkg.content });
    const run = await measure('one PR', standIn, event, { environments: 'dev' });
    one.push(run.ms);
    oneServer.push(run.serverMs);
    noOp.push((await measure('no-op', standIn, event, { environments: 'dev' })).ms);
    floor.push(gitFloor(standIn, standIn.pulls[0]!.head, 1).totalMs);
    await standIn.close();
  }
  const own = one.map((ms, i) => ms - oneServer[i]!);
  return `| ${LATENCY_MS} ms | ${Math.round(median(one))} | ${Math.round(median(oneServer))} | ${Math.round(median(own))} | ${Math.round(median(noOp))} | ${Math.round(median(floor))} |`;
}

async function scenarios(values: { only?: string; calls?: boolean }): Promise<void> {
  const results: Count[] = [];
  const pkg = newPackage();
  console.log(`action: ${process.env.FLUX_PKG_ACTION ?? 'dist/index.js'}; ${LATENCY_MS} ms per answer`);
  console.log(
    '| scenario | PRs written | reads | writes | writes/PR + per run | duplicate reads | longest chain | wall s |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  const record = (r: Count) => {
    results.push(r);
    printRow(r);
  };

  const one = await repo(initialFiles());
  const firstPush = push(one, { [pkg.path]: pkg.content });
  record(await measure('new PR, one environment', one, firstPush, { environments: 'dev' }));
  const floor = gitFloor(one, one.pulls[0]!.head);
  record(await measure('no-op replay (environments: dev)', one, firstPush, { environments: 'dev' }));
  // A run for every environment records the delivery cursor; a rerun then finds it at the base.
  record(await measure('the same push, every environment (cursor created)', one, firstPush));
  record(await measure('no-op rerun, cursor at the base', one, firstPush));
  if (values.only === 'one' || values.only === 'truncated') {
    await one.close();
    if (values.only === 'truncated') await unrelatedFiles(record, pkg.content, /truncated/);
    return summarise(results, floor, values.calls);
  }
  if (values.only !== 'many') {
    const newer = newPackage('20230601120000.0.0');
    const update = push(one, { [newer.path]: newer.content });
    record(await measure('update of the existing PR', one, update, { environments: 'dev' }));
  }
  await one.close();
  if (values.only !== 'many') await unrelatedFiles(record, pkg.content);

  const { files, pushed } = manyComponents(10);
  const many = await repo(files);
  record(await measure('push of 10 Packages × 5 environments', many, push(many, pushed)));
  await many.close();
  const batched = await repo(files);
  record(
    await measure(
      'push of 10 Packages × 5 environments, pr-flow per-environment',
      batched,
      push(batched, pushed),
      {
        'pr-flow': 'per-environment',
      },
    ),
  );
  await batched.close();

  summarise(results, floor, values.calls);
}

/** Reads that must not grow with unrelated files; past one recursive tree read, only the needed subtrees. */
async function unrelatedFiles(record: (r: Count) => void, content: string, only = /./): Promise<void> {
  const scenarios: [string, number, number | undefined][] = [
    ...[0, 2_000, 20_000].map((n): [string, number, undefined] => [`+${n} unrelated files`, n, undefined]),
    ['+2000 unrelated files, recursive tree truncated at 1,000 entries', 2_000, 1_000],
  ];
  for (const [name, extra, limit] of scenarios) {
    if (!only.test(name)) continue;
    const big = await repo({ ...initialFiles(), ...unrelated(extra) }, limit);
    const event = push(big, { [NEW_PACKAGE]: content });
    record(await measure(`new PR, one environment, ${name}`, big, event, { environments: 'dev' }));
    await big.close();
  }
}

function summarise(results: Count[], floor: GitFloor, listCalls = false): void {
  console.log(`\nREST calls per scenario (GitHub stand-in, bundled action, ${LATENCY_MS} ms per answer):\n`);
  console.log(
    '| scenario | PRs written | reads | writes | writes/PR + per run | duplicate reads | longest chain | wall s |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results) printRow(r);
  const ms = (n: number) => Math.round(n).toLocaleString('en-US');
  const [onePr, noOp] = [results[0]!, results[1]!];
  console.log("\nThe action beside git's own cost for the same change (same bare repository):\n");
  console.log('| | wall ms | REST calls |');
  console.log('|---|---|---|');
  console.log(`| action: new PR, one environment | ${ms(onePr.ms)} | ${onePr.reads + onePr.writes} |`);
  console.log(`| action: no-op rerun | ${ms(noOp.ms)} | ${noOp.reads + noOp.writes} |`);
  console.log(
    `| git: clone ${ms(floor.cloneMs)} + commit ${ms(floor.commitMs)} + push ${ms(floor.pushMs)} (${floor.files} ${floor.files === 1 ? 'file' : 'files'}) | ${ms(floor.totalMs)} | 0 |`,
  );
  console.log(
    `| action one PR ÷ git floor | ${(onePr.ms / floor.totalMs).toFixed(2)}× | (target ≤ 0.5× create-pull-request, which pays this floor plus its REST calls) |`,
  );
  console.log('\nby route:');
  for (const r of results)
    console.log(
      `- ${r.scenario}: ${Object.entries(r.byRoute)
        .map(([k, v]) => `${k.replace('/repos/{owner}/{repo}', '')} ×${v}`)
        .join(', ')}`,
    );
  if (!listCalls) return;
  for (const r of results)
    console.log(`\n${r.scenario}, call by call:\n${r.log.map((l) => `  ${l}`).join('\n')}`);
}

await main();
