/**
 * A repeatable scenario for an outside timer: starts the GitHub stand-in, delivers the one-PR push
 * (a new Package, `environments: dev`) once with the bundled action, then writes a shell file that
 * runs the action's no-op replay of that push against it, and waits until it is killed. The replay
 * writes nothing, so it can be run any number of times (by this build or another: the first
 * argument after the env file is the script the env file runs, default dist/index.js).
 *
 *   npx tsx bench/replay-stand-in.ts /tmp/replay.sh [--latency 0] &
 *   sh /tmp/replay.sh /path/to/index.js      # one replay; time it from outside
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { initialFiles, newPackage, pushEvent } from '../__tests__/e2e/fixtures.js';
import { inputEnvironment, runAction, runnerEnvironment } from '../__tests__/e2e/run-action.js';
import { startStandIn } from '../__tests__/e2e/stand-in/server.js';
import { readActionMetadata } from '../scripts/action-metadata.js';

const OWNER = 'acme';
const REPO = 'gitops';
const TOKEN = 'ghs_benchToken';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { latency: { type: 'string', default: '0' } },
});
const envFile = positionals[0];
if (!envFile) throw new Error('usage: replay-stand-in.ts <env file> [--latency ms]');

const standIn = await startStandIn({
  owner: OWNER,
  repo: REPO,
  token: TOKEN,
  files: initialFiles(),
  latencyMs: Number(values.latency),
});
const pkg = newPackage();
const before = standIn.head('main')!;
const event = pushEvent(
  OWNER,
  REPO,
  before,
  standIn.commit('main', { [pkg.path]: pkg.content }, 'supply chain'),
);
const call = {
  apiUrl: standIn.url,
  repository: `${OWNER}/${REPO}`,
  eventName: 'push',
  event,
  token: TOKEN,
  inputs: { environments: 'dev' },
};
const first = await runAction(call);
if (first.code !== 0) throw new Error(`the first delivery failed:\n${first.stdout}`);

const dir = mkdtempSync(join(tmpdir(), 'flux-pkg-replay-'));
const files = {
  dir,
  eventPath: join(dir, 'event.json'),
  outputPath: join(dir, 'output'),
  summaryPath: join(dir, 'summary.md'),
};
writeFileSync(files.eventPath, JSON.stringify(event));
const env = {
  PATH: process.env.PATH ?? '',
  HOME: dir,
  ...runnerEnvironment(call, files),
  ...inputEnvironment(call, readActionMetadata()),
};
const quote = (v: string) => `'${v.replaceAll("'", `'\\''`)}'`;
const action = new URL('../dist/index.js', import.meta.url).pathname;
writeFileSync(
  envFile,
  [
    `cd ${quote(dir)} && : > ${quote(files.outputPath)} && : > ${quote(files.summaryPath)}`,
    `exec env -i ${Object.entries(env)
      .map(([k, v]) => `${k}=${quote(v)}`)
      .join(' ')} ${quote(process.execPath)} "\${1:-${action}}" >/dev/null`,
    '',
  ].join('\n'),
);
console.log(`stand-in at ${standIn.url} (${values.latency} ms per answer); replay: sh ${envFile} [index.js]`);
process.on('SIGTERM', () => void standIn.close().then(() => process.exit(0)));
setInterval(() => {}, 1 << 30);
