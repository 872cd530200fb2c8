import { describe, expect, it } from 'vitest';
import type { ComponentPackages } from '../../../../../src/plan/model/packages.js';
import type { ComponentLayout } from '../../../../../src/plan/model/repository.js';
import {
  componentsToLoad,
  environmentFilterMatchedNothing,
  installEnvironments,
  installTargets,
} from '../../../../../src/plan/modes/install/targets.js';
import type { InstallRequest } from '../../../../../src/plan/types.js';
import { codes, type RepoState, repo } from '../../../repo-state.js';

const state = () =>
  repo()
    .component('api', { packages: ['1.0.0', '1.1.0'] })
    .environment('dev')
    .environment('prod')
    .component('web', { packages: ['2.0.0'] })
    .environment('dev')
    .component('docs'); // no Packages yet

/** What run.ts hands installTargets(): the Packages of componentsToLoad(). */
function loaded(s: RepoState, request: InstallRequest): Map<ComponentLayout, ComponentPackages> {
  const components = s.components();
  return new Map(componentsToLoad(components, request).map((c) => [c, s.packages(c.name)]));
}

describe('componentsToLoad', () => {
  it('without Package files: every component that has Packages, within the filter', () => {
    const components = state().components();
    expect(componentsToLoad(components, { kind: 'install' }).map((c) => c.name)).toEqual(['api', 'web']);
    expect(
      componentsToLoad(components, { kind: 'install', components: ['web', 'docs'] }).map((c) => c.name),
    ).toEqual(['web']);
  });

  it('with Package files: their components once each, in request order, within the filter', () => {
    const components = state().components();
    const request: InstallRequest = {
      kind: 'install',
      packages: [
        'web/packages/2.0.0.yaml',
        'api/packages/1.0.0.yaml',
        'api/packages/1.1.0.yaml',
        'nowhere.yaml',
      ],
    };
    expect(componentsToLoad(components, request).map((c) => c.name)).toEqual(['web', 'api']);
    expect(componentsToLoad(components, { ...request, components: ['api'] }).map((c) => c.name)).toEqual([
      'api',
    ]);
  });
});

describe('installTargets', () => {
  it('pins the newest version among a component’s requested Package files, whatever their order', () => {
    const files = ['api/packages/1.1.0.yaml', 'api/packages/1.0.0.yaml'];
    for (const packages of [files, [...files].reverse()]) {
      const s = state();
      const request: InstallRequest = { kind: 'install', packages };
      const ctx = s.context();
      const targets = installTargets(ctx, s.components(), request, loaded(s, request));
      expect(targets.map((t) => [t.component.name, t.pinned?.version])).toEqual([['api', '1.1.0']]);
      expect(ctx.diagnostics).toEqual([]);
    }
  });

  it('without Package files: one unpinned target per loaded component', () => {
    const s = state();
    const request: InstallRequest = { kind: 'install' };
    const targets = installTargets(s.context(), s.components(), request, loaded(s, request));
    expect(targets.map((t) => [t.component.name, t.pinned])).toEqual([
      ['api', undefined],
      ['web', undefined],
    ]);
  });

  it('refuses a Package file that does not exist, one outside a packages folder, and one with no Package', () => {
    const s = state()
      .file('README.md', '# hi\n')
      .file(
        'web/packages/meta.yaml',
        'apiVersion: data.packaging.carvel.dev/v1alpha1\nkind: PackageMetadata\n',
      );
    const request: InstallRequest = {
      kind: 'install',
      packages: ['ghost.yaml', 'README.md', 'web/packages/meta.yaml'],
    };
    const ctx = s.context();
    expect(installTargets(ctx, s.components(), request, loaded(s, request))).toEqual([]);
    expect(ctx.diagnostics.map((d) => [d.code, d.file, d.message])).toEqual([
      ['request.package', 'ghost.yaml', 'ghost.yaml does not exist in the repository'],
      ['request.package', 'README.md', "README.md is not in a component's packages/ folder"],
      ['request.package', 'web/packages/meta.yaml', 'web/packages/meta.yaml holds no Package'],
    ]);
  });

  it('does not add "holds no Package" to a file whose own errors already say why', () => {
    const s = state().file('web/packages/broken.yaml', 'kind: Package\nkind: Package\n');
    const request: InstallRequest = { kind: 'install', packages: ['web/packages/broken.yaml'] };
    const ctx = s.context();
    installTargets(ctx, s.components(), request, loaded(s, request));
    expect(codes(ctx.diagnostics)).toEqual([]);
  });
});

describe('installEnvironments and the environment filter', () => {
  it('every environment folder when flux-pkg.yaml lists none; only those without promoteFrom when it does', () => {
    const s = state();
    const target = { component: s.layout('api'), packages: s.packages('api') };
    expect(installEnvironments(s.context(), target, { kind: 'install' })).toEqual(['dev', 'prod']);
    const chained = s.config({ environments: [{ name: 'dev' }, { name: 'prod', promoteFrom: 'dev' }] });
    expect(installEnvironments(chained.context(), target, { kind: 'install' })).toEqual(['dev']);
    expect(installEnvironments(s.context(), target, { kind: 'install', environments: ['prod'] })).toEqual([]);
  });

  it('refuses an environment filter that matches no environment taking new versions', () => {
    const s = state().config({ environments: [{ name: 'dev' }, { name: 'prod', promoteFrom: 'dev' }] });
    const targets = [{ component: s.layout('api'), packages: s.packages('api') }];
    const ctx = s.context();
    environmentFilterMatchedNothing(ctx, targets, { kind: 'install', environments: ['prod'] });
    expect(codes(ctx.diagnostics)).toEqual(['request.no-match']);
    const fine = s.context();
    environmentFilterMatchedNothing(fine, targets, { kind: 'install', environments: ['dev'] });
    environmentFilterMatchedNothing(fine, [], { kind: 'install', environments: ['prod'] });
    expect(fine.diagnostics).toEqual([]);
  });
});
