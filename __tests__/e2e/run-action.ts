/**
 * Runs the bundled action (dist/index.js) in a child process exactly as the Actions runner does:
 * INPUT_* variables derived from action.yml, the event payload file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ActionMetadata, inputEnvName, readActionMetadata } from '../../scripts/action-metadata.js';

/** FLUX_PKG_ACTION: another build of the action (the bench compares a branch's bundle in a scratch folder). */
const ACTION = process.env.FLUX_PKG_ACTION ?? new URL('../../dist/index.js', import.meta.url).pathname;

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::error file=…,line=…::message` lines. */
  annotations: string[];
}

export interface ActionCall {
  apiUrl: string;
  repository: string;
  eventName: string;
  event: object;
  /** The step's `with:`: only inputs action.yml declares. */
  inputs: Record<string, string>;
  /** What `${{ github.token }}` evaluates to (the default of github-token). */
  token?: string;
  /** The runner's working directory (GITHUB_WORKSPACE); default: a scratch directory. */
  workspace?: string;
}

/**
 * The INPUT_* variables the runner sets: every input action.yml declares, with the step's `with:`
 * value or else the declared default (none: ''). An input action.yml does not declare is a scenario
 * bug, refused here (the runner only warns, and the action would never see it).
 */
export function inputEnvironment(
  call: Pick<ActionCall, 'inputs' | 'token'>,
  action: ActionMetadata = readActionMetadata(),
): Record<string, string> {
  const undeclared = Object.keys(call.inputs).filter((name) => !(name in action.inputs));
  if (undeclared.length > 0) {
    throw new Error(`input ${undeclared.join(', ')} is not declared in action.yml`);
  }
  const env: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    env[inputEnvName(name)] = call.inputs[name] ?? evaluateDefault(name, input.default ?? '', call.token);
  }
  return env;
}

function evaluateDefault(name: string, value: string, token: string | undefined): string {
  if (!value.includes('${{')) return value;
  if (/^\$\{\{\s*github\.token\s*\}\}$/.test(value)) {
    if (token === undefined) throw new Error(`input ${name} defaults to github.token: pass the run's token`);
    return token;
  }
  throw new Error(`input ${name}: the harness cannot evaluate the default ${value}`);
}

/** Where a step's files live: the event payload, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, the scratch dir. */
export interface StepFiles {
  dir: string;
  eventPath: string;
  outputPath: string;
  summaryPath: string;
}

/** The GITHUB_* and RUNNER_* variables the runner sets for a step (the in-process harness shares them). */
export function runnerEnvironment(
  call: Pick<ActionCall, 'eventName' | 'repository' | 'apiUrl' | 'workspace'>,
  files: StepFiles,
): Record<string, string> {
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: call.eventName,
    GITHUB_EVENT_PATH: files.eventPath,
    GITHUB_REPOSITORY: call.repository,
    GITHUB_API_URL: call.apiUrl,
    GITHUB_SERVER_URL: 'https://github.example.com',
    GITHUB_GRAPHQL_URL: `${call.apiUrl}/graphql`,
    GITHUB_OUTPUT: files.outputPath,
    GITHUB_STEP_SUMMARY: files.summaryPath,
    GITHUB_WORKSPACE: call.workspace ?? files.dir,
    RUNNER_TEMP: files.dir,
  };
}

export async function runAction(call: ActionCall): Promise<ActionRun> {
  const action = readActionMetadata();
  const dir = mkdtempSync(join(tmpdir(), 'flux-pkg-run-'));
  const eventPath = join(dir, 'event.json');
  const outputPath = join(dir, 'output');
  const summaryPath = join(dir, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(call.event));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    ...runnerEnvironment(call, { dir, eventPath, outputPath, summaryPath }),
    ...inputEnvironment(call, action),
  };
  const cwd = call.workspace ?? dir;
  const child = spawn(process.execPath, [ACTION], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return stepResult(action, { code, stdout, stderr }, { outputPath, summaryPath });
}

/**
 * What a finished step shows, read back as the runner reads it: outputs (only those action.yml
 * declares — another one throws), the summary and the annotations.
 */
export function stepResult(
  action: ActionMetadata,
  run: { code: number | null; stdout: string; stderr: string },
  files: { outputPath: string; summaryPath: string },
): ActionRun {
  const outputs = parseOutputs(readFileSync(files.outputPath, 'utf8'));
  const undeclared = Object.keys(outputs).filter((name) => !(name in action.outputs));
  if (undeclared.length > 0) throw new Error(`the action set output ${undeclared} that action.yml lacks`);
  return {
    ...run,
    outputs,
    summary: readFileSync(files.summaryPath, 'utf8'),
    annotations: annotationsOf(run.stdout),
  };
}

/** The `::error …::` and `::warning …::` workflow commands in a step's stdout. */
export const annotationsOf = (stdout: string): string[] =>
  stdout.split('\n').filter((l) => l.startsWith('::error') || l.startsWith('::warning'));

/** GITHUB_OUTPUT's format: `name<<DELIMITER\nvalue\nDELIMITER`. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    outputs[m[1]!] = value.join('\n');
  }
  return outputs;
}
