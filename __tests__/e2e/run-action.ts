/**
 * Runs the bundled action (dist/index.js) in a child process exactly as the Actions runner does:
 * INPUT_* variables, the event payload file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ACTION = new URL('../../dist/index.js', import.meta.url).pathname;

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
  inputs: Record<string, string>;
}

export async function runAction(call: ActionCall): Promise<ActionRun> {
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
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: call.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: call.repository,
    GITHUB_API_URL: call.apiUrl,
    GITHUB_SERVER_URL: 'https://github.example.com',
    GITHUB_GRAPHQL_URL: `${call.apiUrl}/graphql`,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
  };
  // The runner sets every input declared in action.yml, with its default when the workflow sets none.
  for (const [name, value] of Object.entries({ ...DEFAULTS, ...call.inputs })) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  const child = spawn(process.execPath, [ACTION], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    annotations: stdout.split('\n').filter((l) => l.startsWith('::error') || l.startsWith('::warning')),
  };
}

const DEFAULTS: Record<string, string> = {
  mode: 'auto',
  'dry-run': 'false',
  draft: 'false',
  'branch-prefix': 'flux-pkg',
  'commit-message': 'Deploy {component} {version} to {environment}',
  'pr-title': 'Deploy {component} {version} to {environment}',
};

/** GITHUB_OUTPUT's format: `name<<DELIMITER\nvalue\nDELIMITER`. */
function parseOutputs(text: string): Record<string, string> {
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
