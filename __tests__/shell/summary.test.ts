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
    // The matrix shows the base branch (what runs now) for the environments the run planned, and
    // prod, which it did not plan, as not read: no read per file of every other environment.
    expect(run.summary).toContain(
      `| ${COMPONENT} | \`20230412153322.0.0\` | \`20230412153322.0.0\` | _not read_ | \`20230502091145.0.0\` |`,
    );
    expect(run.summary).toContain('`flux-pkg status` shows every one');
    expect(run.summary).toContain('```mermaid\nflowchart LR');
    // Only the touched component: the example's other component is not in the matrix.
    expect(run.summary).not.toContain('payments-api.apps.example.com');
  });
});
