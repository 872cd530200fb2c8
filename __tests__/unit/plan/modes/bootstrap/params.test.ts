import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LoadedConfig, parseConfig } from '../../../../../src/config/config.js';
import {
  type BootstrapInput,
  chooseComponents,
  existsAlready,
  keptValuesNote,
  requestedPackage,
  resolveParams,
} from '../../../../../src/plan/modes/bootstrap/params.js';
import type { BootstrapRequest } from '../../../../../src/plan/types.js';
import { codes, type RepoState, repo } from '../../../repo-state.js';

const state = () =>
  repo()
    .component('api', { packages: ['1.0.0', '1.1.0'] })
    .environment('dev')
    .component('web', { packages: ['1.0.0'] })
    .environment('dev')
    .component('empty')
    .environment('dev');

function input(s: RepoState, fields: Partial<BootstrapRequest> = {}, loaded?: LoadedConfig): BootstrapInput {
  return {
    request: {
      kind: 'bootstrap',
      components: ['api'],
      environment: 'qa',
      gitUrl: 'git@github.com:org/gitops.git',
      branch: 'main',
      repositoryUrl: 'https://github.com/org/gitops/',
      targetNamespace: 'api',
      ...fields,
    },
    paths: new Set(s.paths),
    loaded: loaded ?? { config: DEFAULT_CONFIG, diagnostics: [] },
    diagnostics: [],
  };
}

describe('chooseComponents', () => {
  it('* is every component with Packages; names are kept once; an unknown one is an error listing the others', () => {
    const s = state();
    expect(chooseComponents(input(s, { components: ['*'] }), s.components()).map((c) => c.name)).toEqual([
      'api',
      'web',
    ]);
    const p = input(s, { components: ['web', 'web', 'empty'] });
    expect(chooseComponents(p, s.components()).map((c) => c.name)).toEqual(['web']);
    expect(p.diagnostics).toMatchObject([
      { code: 'request.component', message: expect.stringContaining('(components: api, web)') },
    ]);
  });
});

describe('resolveParams: inputs, then flux-pkg.yaml, then defaults', () => {
  it('defaults named after the component and environment; the scp-like git URL made ssh://', () => {
    const s = state();
    const p = input(s);
    const params = resolveParams(p, s.layout('api'))!;
    expect(p.diagnostics).toEqual([]);
    expect(params).toMatchObject({
      targetNamespace: 'api',
      fluxNamespace: 'flux-system',
      serviceAccountName: 'api-installer',
      fluxServiceAccountName: 'api-flux',
      kubeconfigSecretName: 'qa-kubeconfig',
      gitSecretName: 'api-gitops-auth',
      gitUrl: 'ssh://git@github.com/org/gitops.git',
      notifications: { address: 'https://github.com/org/gitops', tokenSecretName: 'github-commit-status' },
      paths: {
        environmentDir: 'api/qa',
        rbacDir: 'api/qa-rbac',
        packagesDir: 'api/packages',
        brainDir: 'clusters/brain/api',
      },
      sopsSecretName: undefined,
    });
    expect(resolveParams(input(s, { commitStatus: false }), s.layout('api'))!.notifications).toBe(false);
  });

  it('flux-pkg.yaml gives what the request does not; the request wins', () => {
    const loaded = parseConfig(
      'flux-pkg.yaml',
      'environments:\n  - name: qa\n    targetNamespace: from-config\n    kubeconfigSecret: qa-cluster\n',
    );
    const s = state();
    const fromConfig = resolveParams(input(s, { targetNamespace: undefined }, loaded), s.layout('api'))!;
    expect(fromConfig).toMatchObject({ targetNamespace: 'from-config', kubeconfigSecretName: 'qa-cluster' });
    expect(
      resolveParams(input(s, { targetNamespace: 'given' }, loaded), s.layout('api'))!.targetNamespace,
    ).toBe('given');
  });

  it('refuses: no target namespace anywhere, the Flux namespace as target, a shared kubeconfig only warns', () => {
    const s = state();
    const none = input(s, { targetNamespace: undefined });
    expect(resolveParams(none, s.layout('api'))).toBeUndefined();
    expect(codes(none.diagnostics)).toEqual(['request.target-namespace']);
    const flux = input(s, { targetNamespace: 'flux-system' });
    resolveParams(flux, s.layout('api'));
    expect(codes(flux.diagnostics)).toEqual(['request.target-namespace']);
    const shared = input(s, { kubeconfigSecretName: 'dev-kubeconfig' });
    resolveParams(shared, s.layout('api'));
    expect(shared.diagnostics).toMatchObject([{ code: 'bootstrap.shared-kubeconfig', severity: 'warning' }]);
  });

  it('refuses an environment named like the Packages folder or whose RBAC folder is another environment', () => {
    const s = state();
    const packages = input(s, { environment: 'packages' });
    resolveParams(packages, s.layout('api'));
    expect(packages.diagnostics).toMatchObject([
      { code: 'request.environment', message: expect.stringContaining('Packages folder') },
    ]);
    // api already has a folder qa-rbac, where qa's RBAC folder would go.
    const withFolder = state().component('api').environment('qa-rbac');
    const clash = input(withFolder);
    resolveParams(clash, withFolder.layout('api'));
    expect(codes(clash.diagnostics)).toEqual(['request.environment']);
  });
});

describe('requestedPackage, keptValuesNote, existsAlready', () => {
  it('the requested version’s Package file; none asked: undefined; unknown: null and an error listing versions', () => {
    const s = state();
    expect(requestedPackage(input(s), s.layout('api'), s.packages('api'))).toBeUndefined();
    expect(requestedPackage(input(s, { version: '1.0.0' }), s.layout('api'), s.packages('api'))).toBe(
      'api/packages/1.0.0.yaml',
    );
    const p = input(s, { version: '9.9.9' });
    expect(requestedPackage(p, s.layout('api'), s.packages('api'))).toBeNull();
    expect(p.diagnostics).toMatchObject([
      { code: 'request.version', message: expect.stringContaining('versions: 1.0.0, 1.1.0') },
    ]);
  });

  it('an existing environment: values or a version asked are not applied (a warning); without force it is an error', () => {
    const s = state();
    const p = input(s, { environment: 'dev', values: 'replicas: 2\n' });
    const params = resolveParams(p, s.layout('api'))!;
    keptValuesNote(p, params);
    expect(codes(p.diagnostics)).toEqual(['bootstrap.values-kept']);
    expect(existsAlready(p, s.layout('api'), params)).toBe(true);
    const fresh = input(s);
    expect(existsAlready(fresh, s.layout('api'), resolveParams(fresh, s.layout('api'))!)).toBe(false);
  });
});
