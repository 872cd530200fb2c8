/**
 * The job summary reports a pull request's own state (issue 18): in validate mode, what the pull
 * request changes (base → head), "the gate fails" rather than "nothing was written", and an
 * out-of-order environment flagged in red in the version matrix, never a green "current".
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { loadBaseFacts } from '../../src/plan/load/base.js';
import { loadStatus } from '../../src/plan/modes/status/run.js';
import { plan } from '../../src/plan/plan.js';
import { MemorySnapshot } from '../../src/repo/snapshot.js';
import { jobSummary } from '../../src/report/summary/job-summary.js';
import { flagOutOfOrder } from '../../src/report/summary/status.js';
import { statusMarkdown, statusText } from '../../src/report/summary/status-render.js';
import { packageInstallFile, sampleRepo } from '../helpers/gitops.js';

const REF = 'app.default.tap';
const CHAIN = 'environments:\n  - name: dev\n  - name: prod\n    promoteFrom: dev\n';
const repo = (overrides: Record<string, string> = {}) =>
  new MemorySnapshot(sampleRepo({ 'flux-pkg.yaml': CHAIN, ...overrides }));

async function validateAgainstBase(head: MemorySnapshot) {
  const { config } = parseConfig('flux-pkg.yaml', CHAIN);
  const base = await loadBaseFacts(repo(), config);
  return plan(head, { kind: 'validate', scope: { [REF]: '*' }, base });
}

describe('the job summary in validate mode', () => {
  it('says what the pull request changes, per environment, and what it fetches', async () => {
    const result = await validateAgainstBase(
      repo({ [`${REF}/dev/packageinstall.yaml`]: packageInstallFile(REF, '1.1.0') }),
    );
    expect(result.valid).toBe(true);
    const summary = jobSummary(result, [], 'validate', false);
    expect(summary).toContain(
      `| ${REF} | dev | \`1.1.0\` | \`1.1.0\` | changes \`1.0.0\` → \`1.1.0\` | valid |`,
    );
    expect(summary).toContain(`| ${REF} | prod | \`1.0.0\` | \`1.0.0\` | no version change | valid |`);
    expect(summary).not.toContain('up to date');
    expect(summary).toContain(
      '<code>app.default.tap</code> in <code>dev</code>: what changes in the cluster',
    );
  });

  it('an out-of-order promotion: the gate fails, and the matrix flags prod in red, not current', async () => {
    const head = repo({ [`${REF}/prod/packageinstall.yaml`]: packageInstallFile(REF, '1.1.0') });
    const result = await validateAgainstBase(head);
    expect(result.valid).toBe(false);
    const summary = jobSummary(result, [], 'validate', false);
    expect(summary).toContain('### 1 error(s) — the gate fails');
    expect(summary).not.toContain('nothing was written');
    expect(summary).toContain('changes `1.0.0` → `1.1.0`');

    // The matrix is built from the head alone, which cannot see the order: the run's error flags it.
    const model = await loadStatus(head, { components: [REF] });
    expect(model.components[0]!.cells.find((c) => c.environment === 'prod')!.state).toBe('current');
    const flagged = flagOutOfOrder(model, result.diagnostics);
    const prod = flagged.components[0]!.cells.find((c) => c.environment === 'prod')!;
    expect(prod.outOfOrder).toBe(true);
    const markdown = statusMarkdown(flagged);
    expect(markdown).toContain('🔴 `1.1.0` **out of order**');
    expect(markdown).toMatch(/class c0e1 invalid/);
    expect(statusText(flagged)).toContain('1.1.0 OUT OF ORDER');
    // Nothing else is flagged.
    expect(flagged.components[0]!.cells.find((c) => c.environment === 'dev')!.outOfOrder).toBeUndefined();
  });

  it('install mode keeps its wording', async () => {
    const result = await plan(repo(), { kind: 'install' });
    const summary = jobSummary(result, [], 'install', true);
    expect(summary).toContain('would open');
    expect(summary).toContain('what changes in the cluster');
  });
});
