import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type RepoConfig } from '../../../../../src/config/config.js';
import {
  environmentOfStatus,
  type HealthStatus,
  judgeHealthStatus,
  staleCommitReason,
} from '../../../../../src/plan/modes/promote/health.js';
import { repo } from '../../../repo-state.js';

const config: RepoConfig = {
  ...DEFAULT_CONFIG,
  environments: [{ name: 'dev' }, { name: 'prod', promoteFrom: 'dev', promoteWhen: 'healthy' }],
  promotion: { ...DEFAULT_CONFIG.promotion, statusCreators: ['flux-bot'] },
};
const components = repo()
  .config(config)
  .component('app', { packages: ['1.0.0'] })
  .environment('dev')
  .environment('prod')
  .components();
const SHA = 'f'.repeat(40);
const status = (fields: Partial<HealthStatus> = {}): HealthStatus => ({
  sha: SHA,
  context: 'kustomization/app-dev-packageinstalls/0c9c2e41',
  state: 'success',
  description: 'ReconciliationSucceeded',
  sender: 'flux-bot',
  branches: ['main'],
  ...fields,
});
const judge = (fields: Partial<HealthStatus> = {}) =>
  judgeHealthStatus(config, status(fields), components, 'main');

describe('judgeHealthStatus: which commit statuses promote', () => {
  it('only the final successful reconciliation, from a trusted account, on the base branch', () => {
    expect(judge()).toEqual({ kind: 'healthy', component: 'app', environment: 'dev', targets: ['prod'] });
  });

  it('ignores, saying why: another context, an untrusted sender, another branch, an intermediate success', () => {
    expect(judge({ context: 'ci/build' })).toMatchObject({
      kind: 'ignore',
      reason: expect.stringContaining('names no environment'),
    });
    expect(judge({ sender: 'mallory' })).toMatchObject({
      kind: 'ignore',
      reason: expect.stringContaining('"mallory"'),
    });
    expect(judge({ branches: ['feature'] })).toMatchObject({
      kind: 'ignore',
      reason: expect.stringContaining('not on main'),
    });
    expect(judge({ description: 'DependencyNotReady' })).toMatchObject({
      kind: 'ignore',
      reason: expect.stringContaining('"dependency not ready"'),
    });
    expect(judge({ state: 'pending' })).toMatchObject({ kind: 'ignore' });
  });

  it('an environment nothing promotes from when healthy is ignored', () => {
    expect(judge({ context: 'kustomization/app-prod-packageinstalls/0c9c2e41' })).toMatchObject({
      kind: 'ignore',
      reason: expect.stringContaining('no environment promotes from prod'),
    });
  });

  it('a failure is reported against its targets', () => {
    expect(judge({ state: 'failure', description: 'HealthCheckFailed' })).toMatchObject({
      kind: 'failed',
      targets: ['prod'],
      reason: expect.stringContaining('health check failed'),
    });
  });

  it('keeps hostile text on one short line', () => {
    const verdict = judge({ context: `x\n${'y'.repeat(500)}` });
    expect(verdict.kind === 'ignore' && verdict.reason).not.toContain('\n');
    expect(verdict.kind === 'ignore' && verdict.reason.length).toBeLessThan(400);
  });
});

describe('environmentOfStatus and staleCommitReason', () => {
  it('a context template in promotion.statusContext names the environment instead', () => {
    const templated = {
      ...config,
      promotion: { ...config.promotion, statusContext: 'flux/{component}/{environment}' },
    };
    expect(environmentOfStatus(templated, 'flux/app/dev', components)).toEqual({
      component: 'app',
      environment: 'dev',
    });
    expect(
      environmentOfStatus(templated, 'kustomization/app-dev-packageinstalls/x', components),
    ).toBeUndefined();
  });

  it('a healthy commit promotes only while its environment still runs the version it ran', () => {
    const source = { component: 'app', environment: 'dev', targets: ['prod'] };
    expect(staleCommitReason(source, SHA, '1.0.0', '1.0.0')).toBeUndefined();
    expect(staleCommitReason(source, SHA, '1.0.0', '1.1.0')).toMatch(
      /ran app 1.0.0 in dev, which now runs 1.1.0/,
    );
    expect(staleCommitReason(source, SHA, undefined, undefined)).toMatch(/no version/);
  });
});
