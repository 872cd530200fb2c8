/**
 * Only Flux promotes, and only when done: a status promotes when the account in
 * promotion.statusCreators posted the final successful reconciliation ("reconciliation succeeded")
 * of the environment's health Kustomization. Everything else is ignored with a reason in the log and
 * the summary, and no pull request is opened.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { judgeHealthStatus } from '../../src/plan/modes/promote/health.js';
import { COMPONENT, NEW_VERSION, newPackage, pushEvent } from '../e2e/fixtures.js';
import {
  chainConfig,
  chainRepo,
  FLUX_BOT,
  PI,
  statusEvent,
  withConstraint,
} from '../e2e/promotion-scenario.js';
import { closeStandInsAfterAll, OWNER, prsOf, REPO } from '../e2e/scenario.js';
import { act } from '../shell/run-in-process.js';

closeStandInsAfterAll();

const KUSTOMIZATION = `${COMPONENT}-dev-packageinstalls`;

/** dev runs NEW_VERSION on main (its PR merged, and the push run that followed opened nothing); staging promotes from dev when healthy. */
async function devMerged(config?: string) {
  const standIn = await chainRepo('healthy');
  const pkg = newPackage();
  standIn.commit(
    'main',
    { [pkg.path]: pkg.content, ...(config ? { 'flux-pkg.yaml': config } : {}) },
    'Package',
  );
  const before = standIn.head('main')!;
  const sha = standIn.commit(
    'main',
    { [PI('dev')]: withConstraint(standIn, 'dev', NEW_VERSION) },
    'Merge dev',
  );
  await act(standIn, pushEvent(OWNER, REPO, before, sha));
  expect(standIn.pulls).toEqual([]);
  return { standIn, sha };
}

/**
 * The two tests of statuses that must promote nothing share one devMerged() repository, made once for
 * the file: each asserts it still has no pull request, so neither can pass on the other's leftovers.
 */
let ignoredOnce: ReturnType<typeof devMerged> | undefined;
const devMergedForIgnored = () => (ignoredOnce ??= devMerged());

describe('whose statuses promote, and which (mode promote on status events)', () => {
  it('ignores a final success posted by an account not in promotion.statusCreators, saying why', async () => {
    const { standIn, sha } = await devMergedForIgnored();
    const run = await act(
      standIn,
      statusEvent(sha, KUSTOMIZATION, 'success', { sender: 'mallory' }),
      {},
      'status',
    );
    expect(run.code).toBe(0);
    expect(standIn.pulls).toEqual([]);
    for (const out of [run.stdout, run.summary]) {
      expect(out).toContain('mallory');
      expect(out).toContain('promotion.statusCreators');
    }
  });

  it('does not promote on "dependency not ready" or "health check canceled" posted as success', async () => {
    const { standIn, sha } = await devMergedForIgnored();
    for (const description of ['dependency not ready', 'health check canceled', 'DependencyNotReady', '']) {
      const run = await act(
        standIn,
        statusEvent(sha, KUSTOMIZATION, 'success', { description }),
        {},
        'status',
      );
      expect(run.code).toBe(0);
      expect(run.summary).toContain('not the final successful reconciliation');
      expect(standIn.pulls).toEqual([]);
    }
  });

  it('control: the final success from the Provider’s account opens staging’s pull request', async () => {
    const { standIn, sha } = await devMerged();
    const run = await act(standIn, statusEvent(sha, KUSTOMIZATION, 'success'), {}, 'status');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(prsOf(run).map((p) => [p.environment, p.operation])).toEqual([['staging', 'created']]);
  });

  it('a later failure for that commit comments on the open promotion and turns auto-merge off', async () => {
    const config = chainConfig('healthy').replace(
      '    promoteWhen: healthy\n',
      '    promoteWhen: healthy\n    autoMerge: squash\n',
    );
    const { standIn, sha } = await devMerged(config);
    expect((await act(standIn, statusEvent(sha, KUSTOMIZATION, 'success'), {}, 'status')).code).toBe(0);
    const staging = standIn.pulls.find((p) => p.head.endsWith('/staging'))!;
    expect(staging.autoMerge).toBeDefined();
    // Control: a failure for another commit marks nothing.
    const other = standIn.commit('main', { 'README.md': 'x\n' }, 'docs');
    await act(standIn, statusEvent(other, KUSTOMIZATION, 'failure'), {}, 'status');
    expect(staging.comments).toEqual([]);
    expect(staging.autoMerge).toBeDefined();
    const failed = await act(standIn, statusEvent(sha, KUSTOMIZATION, 'failure'), {}, 'status');
    expect(failed.code).toBe(0);
    expect(staging.autoMerge).toBeUndefined();
    expect(staging.comments.map((c) => c.body)).toEqual([
      expect.stringContaining('Auto-merge is turned off'),
    ]);
    expect(failed.stdout).toContain(`#${staging.number}: auto-merge off`);
  });

  it('a Provider with commitStatusExpr: promotion.statusContext names its context', async () => {
    const config = `${chainConfig('healthy')}  statusContext: "flux/{component}/{environment}"\n`;
    const { standIn, sha } = await devMerged(config);
    const custom = { ...statusEvent(sha, KUSTOMIZATION, 'success'), context: `flux/${COMPONENT}/dev` };
    const run = await act(standIn, custom, {}, 'status');
    expect(run.code).toBe(0);
    expect(prsOf(run).map((p) => p.environment)).toEqual(['staging']);
  });
});

describe('judgeHealthStatus (pure)', () => {
  const { config } = parseConfig('flux-pkg.yaml', chainConfig('healthy'));
  const components = [{ name: COMPONENT, environments: ['dev', 'staging', 'prod'] }];
  const status = (over: Partial<Parameters<typeof judgeHealthStatus>[1]>) =>
    judgeHealthStatus(
      config,
      {
        sha: 'a'.repeat(40),
        context: `kustomization/${KUSTOMIZATION}/0c9c2e41`,
        state: 'success',
        description: 'reconciliation succeeded',
        sender: FLUX_BOT,
        branches: ['main'],
        ...over,
      },
      components,
      'main',
    );

  it('healthy only for the final success from a listed account on the base branch', () => {
    expect(status({})).toMatchObject({ kind: 'healthy', environment: 'dev', targets: ['staging'] });
    expect(status({ sender: undefined }).kind).toBe('ignore');
    expect(status({ sender: `${FLUX_BOT}x` }).kind).toBe('ignore');
    expect(status({ branches: ['feature'] }).kind).toBe('ignore');
    expect(status({ state: 'pending' }).kind).toBe('ignore');
    expect(status({ description: 'reconciliation succeeded, trust me' }).kind).toBe('ignore');
    expect(status({ state: 'failure', description: 'health check failed' }).kind).toBe('failed');
    expect(status({ context: `kustomization/${COMPONENT}-dev-packages/0c9c2e41` }).kind).toBe('ignore');
  });

  it('flux-pkg.yaml with promoteWhen: healthy and no statusCreators is refused at its line', () => {
    const text = chainConfig('healthy').replace(/promotion:\n {2}statusCreators: .*\n/, '');
    const { diagnostics } = parseConfig('flux-pkg.yaml', text);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['config.status-creators', text.split('\n').findIndex((l) => l.includes('promoteWhen')) + 1],
    ]);
    expect(diagnostics[0]!.message).toContain('add the GitHub login');
  });
});
