import { describe, expect, it } from 'vitest';
import { validateChoice, validateComponent } from '../../../../../src/plan/modes/validate/rules.js';
import type { ValidateRequest } from '../../../../../src/plan/types.js';
import { codes, type RepoState, repo } from '../../../repo-state.js';

const app = () => repo().component('app', { packages: ['1.0.0', '1.1.0'] });
const PI = 'app/dev/packageinstall.yaml';

function validate(state: RepoState, request: Omit<ValidateRequest, 'kind'> = {}) {
  const ctx = state.context();
  const results = validateComponent(ctx, state.view('app'), { kind: 'validate', ...request });
  return { results, diagnostics: ctx.diagnostics };
}

describe('validateChoice: which components and environments validate checks', () => {
  const state = () =>
    repo()
      .component('api', { packages: ['1.0.0'] })
      .environment('dev')
      .environment('prod')
      .component('web', { packages: ['1.0.0'] })
      .environment('dev');
  const chosen = (request: Omit<ValidateRequest, 'kind'>) =>
    validateChoice(state().components(), { kind: 'validate', ...request }).map((c) => [
      c.component.name,
      c.environments,
    ]);

  it('everything without filters; the filters narrow components and environments', () => {
    expect(chosen({})).toEqual([
      ['api', ['dev', 'prod']],
      ['web', ['dev']],
    ]);
    expect(chosen({ components: ['web'] })).toEqual([['web', ['dev']]]);
    expect(chosen({ environments: ['prod'] })).toEqual([
      ['api', ['prod']],
      ['web', []],
    ]);
  });

  it('a pull request’s scope: every environment (*) or the listed ones, no other component', () => {
    expect(chosen({ scope: { api: ['prod'] } })).toEqual([['api', ['prod']]]);
    expect(chosen({ scope: { web: '*' } })).toEqual([['web', ['dev']]]);
  });
});

describe('validateComponent: each environment', () => {
  it('a PackageInstall that selects a Package with values that fit: valid, no diagnostics', () => {
    const { results, diagnostics } = validate(
      app().environment('dev', { version: '>=1.0.0', values: 'replicas: 2\n' }),
    );
    expect(diagnostics).toEqual([]);
    expect(results).toMatchObject([
      {
        environment: 'dev',
        valid: true,
        toVersion: '1.1.0',
        packageFile: 'app/packages/1.1.0.yaml',
        constraint: '>=1.0.0',
      },
    ]);
  });

  it('a constraint no Package satisfies, at the PackageInstall', () => {
    const { results, diagnostics } = validate(app().environment('dev', { version: '3.0.0' }));
    expect(results[0]!.valid).toBe(false);
    expect(diagnostics).toMatchObject([
      { code: 'packageinstall.no-version', file: PI, path: '.spec.packageRef.versionSelection.constraints' },
    ]);
  });

  it('a PackageInstall of another refName', () => {
    const { diagnostics } = validate(app().environment('dev', { refName: 'other.example.com' }));
    expect(codes(diagnostics)).toEqual(['packageinstall.ref-name']);
  });

  it('an environment folder without a PackageInstall', () => {
    const { results, diagnostics } = validate(app().environment('dev', { packageInstall: false }));
    expect(results[0]!.valid).toBe(false);
    expect(diagnostics).toMatchObject([
      { code: 'packageinstall.missing', file: 'app/dev/kustomization.yaml' },
    ]);
  });

  it('values that break the schema, at their line in params.yaml', () => {
    const { diagnostics } = validate(app().environment('dev', { values: 'replicas: 1\nlog_level: loud\n' }));
    expect(diagnostics).toMatchObject([
      { code: 'values.enum', file: 'app/dev/params.yaml', line: 8, path: '.log_level' },
    ]);
  });

  it('a referenced values Secret the folder does not build: an error (kapp-controller would wait for it forever)', () => {
    const { results, diagnostics } = validate(app().environment('dev', { values: null }));
    expect(diagnostics).toMatchObject([
      {
        code: 'packageinstall.values-secret-missing',
        severity: 'error',
        file: PI,
        message: expect.stringContaining('"app.example.com-values"'),
      },
    ]);
    expect(results[0]!.valid).toBe(false);
  });

  it('a values Secret of another name than spec.values references is the referenced one missing', () => {
    const state = app()
      .environment('dev')
      .file(
        'app/dev/params.yaml',
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: renamed\nstringData:\n  values.yaml: |\n    replicas: 1\n',
      );
    expect(validate(state).diagnostics).toMatchObject([
      { code: 'packageinstall.values-secret-missing', severity: 'error' },
    ]);
  });
});

describe('validateComponent: against the base branch (the gate)', () => {
  const chain = (state: RepoState) =>
    state.config({ environments: [{ name: 'dev' }, { name: 'prod', promoteFrom: 'dev' }] });

  it('refuses a version that the promoteFrom environment does not run at the base', () => {
    const state = chain(
      app().environment('dev', { version: '1.0.0' }).environment('prod', { version: '1.1.0' }),
    );
    const base = { versions: { 'app/dev': '1.0.0', 'app/prod': '1.0.0' }, packages: {} };
    const { results, diagnostics } = validate(state, { base });
    expect(diagnostics).toMatchObject([
      { code: 'promotion.out-of-order', file: 'app/prod/packageinstall.yaml', line: 13 },
    ]);
    expect(results.find((r) => r.environment === 'prod')!.valid).toBe(false);
  });

  it('an override label turns the refusal into a warning; a version dev already has passes', () => {
    const state = chain(
      app().environment('dev', { version: '1.1.0' }).environment('prod', { version: '1.1.0' }),
    );
    const behind = { versions: { 'app/dev': '1.0.0', 'app/prod': '1.0.0' }, packages: {} };
    expect(codes(validate(state, { base: behind, labels: ['hotfix'] }).diagnostics)).toEqual([
      'promotion.override',
    ]);
    const caughtUp = { versions: { 'app/dev': '1.1.0', 'app/prod': '1.0.0' }, packages: {} };
    expect(validate(state, { base: caughtUp }).diagnostics).toEqual([]);
  });

  it('refuses a Package changed in place (same version, other content)', () => {
    const state = app().environment('dev');
    const digest = state.packages('app').packages.find((p) => p.version === '1.0.0')!.digest;
    const same = { versions: {}, packages: { 'app@1.0.0': digest } };
    expect(validate(state, { base: same }).diagnostics).toEqual([]);
    const other = { versions: {}, packages: { 'app@1.0.0': `${digest}-other` } };
    expect(validate(state, { base: other }).diagnostics).toMatchObject([
      { code: 'package.changed-in-place', file: 'app/packages/1.0.0.yaml', path: '.spec.version' },
    ]);
  });
});
