/**
 * The steps of .github/workflows/dry-run.yml that run the action (uses: ./), run here the way the
 * runner runs them: their `with:` through action.yml's inputs, the checkout as the workspace. So the
 * workflow cannot name an input, a path or a Package that does not work.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runAction } from './run-action.js';
import { closeStandInsAfterAll, expectNothingWritten, gitopsRepo, OWNER, REPO, TOKEN } from './scenario.js';

closeStandInsAfterAll();

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const workflow = parse(readFileSync(`${ROOT}.github/workflows/dry-run.yml`, 'utf8'));
const steps: { name: string; uses?: string; with: Record<string, string> }[] = Object.values(
  workflow.jobs as Record<string, { steps: [] }>,
).flatMap((job) => job.steps);

describe.concurrent('the dry-run workflow', () => {
  it.each(steps.filter((s) => s.uses === './').map((s) => [s.name, s] as const))('%s', async (_, step) => {
    const standIn = await gitopsRepo();
    const run = await runAction({
      apiUrl: standIn.url,
      repository: `${OWNER}/${REPO}`,
      eventName: 'pull_request',
      event: {},
      token: TOKEN,
      inputs: step.with,
      workspace: ROOT,
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.valid).toBe('true');
    if (step.with.mode === 'install') expect(JSON.parse(run.outputs['changed-files']!)).not.toEqual([]);
    expectNothingWritten(standIn);
  });
});
