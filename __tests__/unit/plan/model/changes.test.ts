import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT } from '../../../../src/config/config.js';
import { changedPaths, classifyChanges, scopeOfChanges } from '../../../../src/plan/model/changes.js';
import { repo } from '../../repo-state.js';

const state = () =>
  repo()
    .component('api', { packages: ['1.0.0'] })
    .environment('dev')
    .environment('prod')
    .component('web', { packages: ['1.0.0', '1.1.0'] })
    .environment('dev');

describe('classifyChanges: what a push touched', () => {
  it('picks out changed Package files, changed PackageInstalls and flux-pkg.yaml', () => {
    const changed = [
      'web/packages/1.1.0.yaml',
      'api/prod/packageinstall.yaml',
      'api/prod/params.yaml',
      'flux-pkg.yaml',
    ];
    expect(classifyChanges(changed, state().paths, DEFAULT_LAYOUT)).toEqual({
      packageFiles: ['web/packages/1.1.0.yaml'],
      packageInstalls: [{ component: 'api', environment: 'prod', path: 'api/prod/packageinstall.yaml' }],
      configChanged: true,
    });
  });

  it('counts nothing for a change outside the layout', () => {
    expect(
      classifyChanges(['README.md', 'web/dev/kustomization.yaml'], state().paths, DEFAULT_LAYOUT),
    ).toEqual({
      packageFiles: [],
      packageInstalls: [],
      configChanged: false,
    });
  });
});

describe('changedPaths: added or modified blobs between two trees', () => {
  it('lists added and modified paths, not removed or unchanged ones', () => {
    const before = [
      { path: 'a', sha: '1' },
      { path: 'b', sha: '2' },
      { path: 'gone', sha: '3' },
    ];
    const after = [
      { path: 'a', sha: '1' },
      { path: 'b', sha: '9' },
      { path: 'new', sha: '4' },
    ];
    expect(changedPaths(before, after)).toEqual(['b', 'new']);
  });
});

describe('scopeOfChanges: what the gate validates for a pull request', () => {
  it('an environment file → that environment; a Package file → every environment of its component', () => {
    expect(
      scopeOfChanges(['api/dev/params.yaml', 'web/packages/1.1.0.yaml'], state().paths, DEFAULT_LAYOUT),
    ).toEqual({
      api: ['dev'],
      web: '*',
    });
  });

  it('a Package file wins over an environment of the same component, whatever the order', () => {
    const paths = state().paths;
    expect(scopeOfChanges(['web/dev/params.yaml', 'web/packages/1.0.0.yaml'], paths, DEFAULT_LAYOUT)).toEqual(
      { web: '*' },
    );
    expect(scopeOfChanges(['web/packages/1.0.0.yaml', 'web/dev/params.yaml'], paths, DEFAULT_LAYOUT)).toEqual(
      { web: '*' },
    );
  });

  it('flux-pkg.yaml → everything (no scope)', () => {
    expect(
      scopeOfChanges(['flux-pkg.yaml', 'api/dev/params.yaml'], state().paths, DEFAULT_LAYOUT),
    ).toBeUndefined();
  });

  it('ignores a removed component and files outside component folders', () => {
    expect(
      scopeOfChanges(['gone/dev/params.yaml', 'docs/x/y.md', 'README.md'], state().paths, DEFAULT_LAYOUT),
    ).toEqual({});
  });
});
