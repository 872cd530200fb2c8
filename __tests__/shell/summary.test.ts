/** Every run's job summary shows where the touched components' versions run, with the promotion chain. */
import { describe, expect, it } from 'vitest';
import { COMPONENT } from '../e2e/fixtures.js';
import { closeStandInsAfterAll, repoWithNewPackage } from '../e2e/scenario.js';
import { act } from './run-in-process.js';

closeStandInsAfterAll();

describe('the job summary', () => {
  it('has the version matrix and the Mermaid chain of the components the run touched', async () => {
    const { standIn, event } = await repoWithNewPackage();
    const run = await act(standIn, event, { 'dry-run': 'true' });
    expect(run.code).toBe(0);
    expect(run.summary).toContain('### Where every version runs');
    expect(run.summary).toContain('| component | dev | staging | prod | newest Package |');
    // The matrix shows the base branch (what runs now): prod is behind staging in the example.
    expect(run.summary).toMatch(new RegExp(`\\| ${COMPONENT.replaceAll('.', '\\.')} \\| .*behind staging`));
    expect(run.summary).toContain('```mermaid\nflowchart LR');
    // Only the touched component: the example's other component is not in the matrix.
    expect(run.summary).not.toContain('payments-api.apps.example.com');
  });
});
