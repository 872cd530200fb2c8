import { describe, expect, it } from 'vitest';
import { selectedVersion } from '../../../../src/plan/model/environment.js';
import { codes, repo } from '../../repo-state.js';

const PI = 'app/dev/packageinstall.yaml';
const app = () => repo().component('app', { packages: ['1.0.0', '1.1.0', '2.0.0'] });
const piWith = (spec: string) =>
  `apiVersion: packaging.carvel.dev/v1alpha1\nkind: PackageInstall\nmetadata:\n  name: app\nspec:\n${spec}`;

describe('environmentFiles: an environment folder as the planner sees it', () => {
  it('reads the PackageInstall (name, refName, selection, values Secret names), the values and the kustomization', () => {
    const env = app()
      .environment('dev', { version: '1.0.0', values: 'replicas: 2\n' })
      .environmentFiles('app', 'dev');
    expect(env.diagnostics).toEqual([]);
    expect(env.packageInstall).toMatchObject({
      file: PI,
      name: 'app.example.com',
      refName: 'app.example.com',
      selection: { constraints: '1.0.0' },
      secretNames: ['app.example.com-values'],
    });
    expect(env.valuesSecret?.merged).toEqual({ replicas: 2 });
    expect(env.kustomizationPath).toBe('app/dev/kustomization.yaml');
  });

  it('a folder that builds no PackageInstall has none (validate says so); one that builds one twice is refused as kustomize would', () => {
    const none = app()
      .environment('dev')
      .file(PI, 'apiVersion: v1\nkind: ConfigMap\n')
      .environmentFiles('app', 'dev');
    expect(none.packageInstall).toBeUndefined();
    expect(none.diagnostics).toEqual([]);
    const text = app().environment('dev').files[PI]!;
    const two = app().environment('dev').file(PI, `${text}---\n${text}`).environmentFiles('app', 'dev');
    expect(two.diagnostics).toMatchObject([
      {
        code: 'kustomization.duplicate',
        file: PI,
        line: 17,
        message: expect.stringContaining('built twice (first at app/dev/packageinstall.yaml:2)'),
      },
    ]);
  });

  it('names each field kapp-controller needs, at its line', () => {
    const env = app()
      .environment('dev')
      .file(
        PI,
        `apiVersion: packaging.carvel.dev/v1beta1\nkind: PackageInstall\nmetadata:\n  name: app\nspec:\n  packageRef:\n    refName: app.example.com\n`,
      )
      .environmentFiles('app', 'dev');
    expect(env.diagnostics).toMatchObject([
      { code: 'packageinstall.api-version', line: 1, path: '.apiVersion' },
      { code: 'packageinstall.version-selection', line: 6, path: '.spec.packageRef.versionSelection' },
      { code: 'packageinstall.service-account', path: '.spec.serviceAccountName' },
    ]);
  });

  it('refuses a missing packageRef and a values entry without secretRef.name', () => {
    const env = app()
      .environment('dev')
      .file(PI, piWith('  cluster: {}\n  values:\n  - secretRef: {}\n'))
      .environmentFiles('app', 'dev');
    expect(codes(env.diagnostics)).toEqual(['packageinstall.package-ref', 'packageinstall.values']);
    expect(env.diagnostics[1]).toMatchObject({ line: 8, path: '.spec.values[0]' });
  });

  it('keeps the prerelease identifiers of the versionSelection', () => {
    const env = app()
      .environment('dev')
      .file(
        PI,
        piWith(
          '  serviceAccountName: sa\n  packageRef:\n    refName: app.example.com\n    versionSelection:\n      constraints: ">=1.0.0"\n      prereleases:\n        identifiers: [rc]\n',
        ),
      )
      .environmentFiles('app', 'dev');
    expect(env.diagnostics).toEqual([]);
    expect(env.packageInstall?.selection).toEqual({
      constraints: '>=1.0.0',
      prereleases: { identifiers: ['rc'] },
    });
  });

  it('refuses a folder with two kustomization files (kustomize does), naming the second', () => {
    const env = app()
      .environment('dev')
      .file('app/dev/kustomization.yml', 'resources: []\n')
      .environmentFiles('app', 'dev');
    expect(env.diagnostics).toMatchObject([
      { code: 'kustomization.multiple', file: 'app/dev/kustomization.yml' },
    ]);
    expect(env.kustomizationPath).toBeUndefined();
  });

  it('has no PackageInstall, values or kustomization where the folder has none of them', () => {
    const env = app()
      .environment('dev', { packageInstall: false, values: null, kustomization: false })
      .file('app/dev/params.yaml', undefined)
      .environmentFiles('app', 'dev');
    expect(env).toMatchObject({ diagnostics: [], hasFiles: false });
    expect([env.packageInstall, env.valuesSecret]).toEqual([undefined, undefined]);
    expect(env.kustomizationPath).toBeUndefined();
  });
});

describe('selectedVersion: what kapp-controller would run', () => {
  it('is the highest version the constraint allows, and none for another refName', () => {
    const state = app()
      .environment('dev', { version: '<2.0.0' })
      .environment('qa', { version: '>=1.0.0', refName: 'x.example.com' });
    expect(selectedVersion(state.environmentFiles('app', 'dev'), state.packages('app'))).toBe('1.1.0');
    expect(selectedVersion(state.environmentFiles('app', 'qa'), state.packages('app'))).toBeUndefined();
    const open = app().environment('qa', { version: '>=1.0.0' });
    expect(selectedVersion(open.environmentFiles('app', 'qa'), open.packages('app'))).toBe('2.0.0');
  });
});
