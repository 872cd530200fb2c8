/**
 * What every hostile-repository scenario asserts about a whole action run: nothing written to the
 * gitops repo (no branch, no commit, no pull request), and a planted secret in no output channel.
 */
import { expect } from 'vitest';
import type { ActionRun } from '../e2e/run-action.js';
import { branches } from '../e2e/scenario.js';
import type { StandIn } from '../e2e/stand-in/server.js';

/** Not a single write reached the API, and the repository holds main only, with no pull request. */
export function expectNoWrite(standIn: StandIn): void {
  expect(standIn.writes().map((c) => c.route)).toEqual([]);
  expect(branches(standIn)).toEqual(['main']);
  expect(standIn.pulls).toEqual([]);
}

/**
 * Every channel a run can show something in: the log (annotations and the failure line are in it),
 * the job summary, the outputs, and what it wrote to GitHub (PR titles, bodies, comments, commit
 * messages). The files it writes are not a channel: a values document may hold values.
 */
export function channels(run: ActionRun, standIn: StandIn): Record<string, string> {
  return {
    stdout: run.stdout,
    stderr: run.stderr,
    annotations: run.annotations.join('\n'),
    summary: run.summary,
    outputs: JSON.stringify(run.outputs),
    pulls: JSON.stringify(standIn.pulls.map((p) => [p.title, p.body, p.comments.map((c) => c.body)])),
    commits: standIn.git(['log', '--all', '--format=%B']),
  };
}

/** `secret` appears in no channel of the run (checked one by one, so a failure names the channel). */
export function expectNotShown(run: ActionRun, standIn: StandIn, secret: string): void {
  for (const [channel, text] of Object.entries(channels(run, standIn)))
    expect(text.includes(secret), `${secret} in ${channel}`).toBe(false);
}

/** The step failed with exactly one failing line, and it matches. */
export function failureLine(run: ActionRun): string {
  expect(run.code, run.stdout).not.toBe(0);
  const failures = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
  expect(failures, run.stdout).toHaveLength(1);
  return failures[0]!;
}
