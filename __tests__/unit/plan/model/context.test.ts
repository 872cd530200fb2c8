import { describe, expect, it } from 'vitest';
import { error, warning } from '../../../../src/diagnostics.js';
import { environmentResult, versionOrder } from '../../../../src/plan/model/context.js';
import { repo } from '../../repo-state.js';

describe('environmentResult', () => {
  it('starts valid with the component’s refName and known versions; fail() records the error and marks it invalid', () => {
    const state = repo()
      .component('app', { packages: ['1.1.0', '1.0.0'] })
      .environment('dev');
    const ctx = state.context();
    const { result, fail } = environmentResult(ctx, state.layout('app'), 'dev', state.packages('app'));
    expect(result).toMatchObject({
      component: 'app',
      environment: 'dev',
      valid: true,
      refName: 'app.example.com',
      knownVersions: ['1.0.0', '1.1.0'],
    });
    const problem = error('request.package', 'broken', 'app/dev/params.yaml');
    expect(fail(problem)).toBe(result);
    expect(result.valid).toBe(false);
    expect(ctx.diagnostics).toEqual([problem]);
  });

  it('records a warning through fail() as given (the caller chooses what fails)', () => {
    const state = repo().component('app', { packages: ['1.0.0'] });
    const ctx = state.context();
    const { fail } = environmentResult(ctx, state.layout('app'), 'dev', state.packages('app'));
    fail(warning('plan.downgrade', 'note', ''));
    expect(ctx.diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });
});

describe('versionOrder', () => {
  it('orders by Carvel semver: numeric parts, prereleases before releases', () => {
    expect(['1.10.0', '1.2.0', '1.2.0-rc.1', '0.9.0'].sort(versionOrder)).toEqual([
      '0.9.0',
      '1.2.0-rc.1',
      '1.2.0',
      '1.10.0',
    ]);
  });
});
