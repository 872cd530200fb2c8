import { describe, expect, it } from 'vitest';
import {
  describePromotion,
  promotedPackage,
  promotionSource,
  requestProblem,
} from '../../../../../src/plan/modes/promote/rules.js';
import type { EnvironmentResult, Promotion } from '../../../../../src/plan/types.js';
import { codes, repo } from '../../../repo-state.js';

const chained = () =>
  repo()
    .config({
      environments: [
        { name: 'dev' },
        { name: 'stage', promoteFrom: 'dev' },
        { name: 'prod', promoteFrom: 'stage' },
      ],
    })
    .component('app', { packages: ['1.0.0', '1.1.0'] })
    .environment('dev')
    .environment('stage')
    .environment('prod');
const promote = (p: Omit<Promotion, 'component'>): Promotion => ({ component: 'app', ...p });

describe('requestProblem: a promotion that cannot be planned, in one line', () => {
  const problem = (p: Promotion) => {
    const state = chained();
    return requestProblem(state.context(), state.components(), p);
  };

  it('accepts a promotion along the chain and an explicit from-environment', () => {
    expect(problem(promote({ environment: 'stage' }))).toBeUndefined();
    expect(problem(promote({ environment: 'prod', from: 'dev' }))).toBeUndefined();
  });

  it('names the input that is wrong', () => {
    expect(problem(promote({ environment: 'Prod' }))).toMatch(/^to-environment "Prod"/);
    expect(problem(promote({ environment: 'prod', from: 'a/b' }))).toMatch(/^from-environment "a\/b"/);
    expect(problem({ component: 'ghost', environment: 'prod' })).toBe(
      'no component "ghost" in the repository (components: app)',
    );
    expect(problem(promote({ environment: 'qa' }))).toBe(
      'app has no environment "qa" (it has dev, stage, prod)',
    );
    expect(problem(promote({ environment: 'prod', from: 'prod' }))).toMatch(/both "prod"/);
    expect(problem(promote({ environment: 'prod', from: 'qa' }))).toBe(
      'app has no environment "qa" to promote from',
    );
  });

  it('an environment with no promoteFrom needs a from-environment or a version', () => {
    expect(problem(promote({ environment: 'dev' }))).toMatch(/does not promote from another environment/);
    expect(problem(promote({ environment: 'dev', version: '1.0.0' }))).toBeUndefined();
  });
});

describe('promotionSource and promotedPackage', () => {
  it('the source is the explicit from, else promoteFrom', () => {
    const ctx = chained().context();
    expect(promotionSource(ctx, promote({ environment: 'prod' }))).toBe('stage');
    expect(promotionSource(ctx, promote({ environment: 'prod', from: 'dev' }))).toBe('dev');
    expect(promotionSource(ctx, promote({ environment: 'dev', version: '1.0.0' }))).toBeUndefined();
  });

  it('the explicit version wins over what the source selects', () => {
    const state = chained();
    const ctx = state.context();
    const pkg = promotedPackage(
      ctx,
      state.layout('app'),
      state.packages('app'),
      promote({ environment: 'prod', version: '1.0.0' }),
      '1.1.0',
    );
    expect(pkg?.version).toBe('1.0.0');
    expect(ctx.diagnostics).toEqual([]);
  });

  it('refuses a source that selects nothing and a version with no Package, at the packages folder', () => {
    const state = chained();
    const ctx = state.context();
    expect(
      promotedPackage(
        ctx,
        state.layout('app'),
        state.packages('app'),
        promote({ environment: 'prod' }),
        undefined,
      ),
    ).toBeUndefined();
    expect(
      promotedPackage(
        ctx,
        state.layout('app'),
        state.packages('app'),
        promote({ environment: 'prod', version: '9.9.9' }),
        undefined,
      ),
    ).toBeUndefined();
    expect(ctx.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['promote.no-version', 'app/packages'],
      ['promote.unknown-version', 'app/packages'],
    ]);
    expect(ctx.diagnostics[1]!.message).toContain('it has 1.0.0, 1.1.0');
  });
});

describe('describePromotion', () => {
  it('records the source, whether it goes down, and the Package’s release notes', () => {
    const state = chained();
    const ctx = state.context();
    const packages = state.packages('app');
    const [older, newer] = packages.packages;
    const up = { fromVersion: '1.0.0' } as EnvironmentResult;
    describePromotion(
      ctx,
      up,
      packages,
      newer!,
      promote({ environment: 'prod', source: { trigger: 'merged', commit: 'abc' } }),
    );
    expect(up.promotion).toMatchObject({
      from: 'stage',
      source: { trigger: 'merged', commit: 'abc' },
      downgrade: false,
    });
    const down = { fromVersion: '1.1.0' } as EnvironmentResult;
    describePromotion(ctx, down, packages, older!, promote({ environment: 'prod', version: '1.0.0' }));
    expect(down.promotion).toMatchObject({ from: undefined, downgrade: true });
    expect(codes(ctx.diagnostics)).toEqual([]);
  });
});
