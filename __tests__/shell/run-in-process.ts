/**
 * Runs the action in this process, as the runner would run dist/index.js: `run()` imported from
 * src/main.ts, INPUT_* derived from action.yml by the e2e harness's own `inputEnvironment`, the
 * GITHUB_* variables by its `runnerEnvironment`, stdout captured (annotations are `::error` lines),
 * GITHUB_OUTPUT and the job summary read back. Fast (no node start-up, no bundle) and precise (the
 * source, with a client whose options the tests choose).
 *
 * The action's state is process-wide (process.env, process.exitCode, stdout, @actions/core's
 * summary, which caches its file path on first use): runs are queued one after another, and each
 * restores what it changed. Use one stand-in per test and no `describe.concurrent` in shell tests.
 */
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { readActionMetadata } from '../../scripts/action-metadata.js';
import type { ClientOverrides } from '../../src/action/session.js';
import { run } from '../../src/main.js';
import {
  type ActionCall,
  type ActionRun,
  inputEnvironment,
  runnerEnvironment,
  stepResult,
} from '../e2e/run-action.js';
import { OWNER, REPO, TOKEN } from '../e2e/scenario.js';
import type { StandIn } from '../e2e/stand-in/server.js';

/**
 * The client the shell tests run with: writes unpaced (the runner's budget spaces bursts out; the
 * stand-in needs no protection) and retries after 10 ms units instead of seconds (1, 4, 9 units).
 * "Slow down" answers are still honoured, `retry-after` included.
 */
export const TEST_CLIENT: ClientOverrides = { pacing: false, retryUnitMs: 10 };

/** One scratch dir and one summary file per process: core.summary keeps the first path it saw. */
const DIR = mkdtempSync(join(tmpdir(), 'flux-pkg-inproc-'));
const SUMMARY = join(DIR, 'summary.md');
writeFileSync(SUMMARY, '');
const RUNNER_VARIABLE = /^(?:INPUT_|GITHUB_|RUNNER_)/;

let queue: Promise<unknown> = Promise.resolve();
let runs = 0;

export interface InProcessCall extends ActionCall {
  /** Client options for this run (default TEST_CLIENT). */
  client?: ClientOverrides;
}

/** One action run in this process; concurrent calls wait for each other. */
export function runInProcess(call: InProcessCall): Promise<ActionRun> {
  const next = queue.then(() => runOnce(call));
  queue = next.catch(() => {});
  return next;
}

async function runOnce(call: InProcessCall): Promise<ActionRun> {
  const action = readActionMetadata();
  runs += 1;
  const eventPath = join(DIR, `event-${runs}.json`);
  const outputPath = join(DIR, `output-${runs}`);
  writeFileSync(eventPath, JSON.stringify(call.event));
  writeFileSync(outputPath, '');
  truncateSync(SUMMARY);
  core.summary.emptyBuffer();
  const env = {
    ...runnerEnvironment(call, { dir: DIR, eventPath, outputPath, summaryPath: SUMMARY }),
    ...inputEnvironment(call, action),
  };

  const savedEnv = { ...process.env };
  const savedExitCode = process.exitCode;
  const write = { out: process.stdout.write, err: process.stderr.write };
  let stdout = '';
  let stderr = '';
  for (const name of Object.keys(process.env)) if (RUNNER_VARIABLE.test(name)) delete process.env[name];
  Object.assign(process.env, env);
  process.exitCode = undefined;
  process.stdout.write = capture((t) => (stdout += t));
  process.stderr.write = capture((t) => (stderr += t));
  let code: number;
  try {
    await run({ client: call.client ?? TEST_CLIENT });
    code = Number(process.exitCode ?? 0);
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    process.exitCode = savedExitCode;
    for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
    Object.assign(process.env, savedEnv);
  }

  return stepResult(action, { code, stdout, stderr }, { outputPath, summaryPath: SUMMARY });
}

/** A stream's write() that keeps the text instead of printing it. */
function capture(keep: (text: string) => void): typeof process.stdout.write {
  return ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    keep(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof process.stdout.write;
}

/** The e2e scenarios' `act`, in process: the action on a push (or another event) against a stand-in. */
export function act(
  standIn: StandIn,
  event: object,
  inputs: Record<string, string> = {},
  eventName = 'push',
  client?: ClientOverrides,
): Promise<ActionRun> {
  return runInProcess({
    apiUrl: standIn.url,
    repository: `${OWNER}/${REPO}`,
    eventName,
    event,
    token: TOKEN,
    inputs,
    client,
  });
}
