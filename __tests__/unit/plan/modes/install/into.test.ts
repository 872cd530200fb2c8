import { describe, expect, it } from 'vitest';
import {
  type Delivery,
  type InstallStep,
  needsEnvironmentFiles,
  planInstallInto,
} from '../../../../../src/plan/modes/install/into.js';
import type { EnvironmentResult, InstallRequest } from '../../../../../src/plan/types.js';
import { codes, type RepoState, repo } from '../../../repo-state.js';

const app = () => repo().component('app', { packages: ['1.0.0', '1.1.0', '2.0.0-rc.1'] });

/** Plan one environment of `app` and return what the rule decided (plain values Secrets never wait to be sealed). */
function plan(
  state: RepoState,
  environment: string,
  request: Pick<InstallRequest, 'values' | 'overrides'> = {},
  delivery: Delivery = {},
) {
  const ctx = state.context();
  const component = state.layout('app');
  const packages = state.packages('app');
  const env = needsEnvironmentFiles(ctx, component, packages, environment, request)
    ? state.environmentFiles('app', environment)
    : undefined;
  const step: InstallStep = planInstallInto(ctx, component, packages, env, environment, request, delivery);
  if (!('result' in step)) throw new Error('a plain values Secret was sent to be sealed');
  return { result: step.result as EnvironmentResult | undefined, diagnostics: ctx.diagnostics };
}

const pinned = (state: RepoState, version: string) => ({
  pinned: state.packages('app').packages.find((p) => p.version === version)!,
});

describe('planInstallInto: an upgrade', () => {
  it('moves the constraint to the newest release (not the prerelease) and changes nothing else', () => {
    const state = app().environment('dev', { version: '1.0.0' });
    const { result, diagnostics } = plan(state, 'dev');
    expect(diagnostics).toEqual([]);
    expect(result).toMatchObject({
      valid: true,
      fromVersion: '1.0.0',
      toVersion: '1.1.0',
      constraint: '1.1.0',
    });
    expect(result!.files.map((f) => [f.path, f.action])).toEqual([['app/dev/packageinstall.yaml', 'update']]);
    const written = result!.files[0]!.content;
    expect(written).toContain('constraints: 1.1.0');
    // The person's annotation and comment stay.
    expect(written).toContain('team: payments # a field a person added');
  });

  it('takes a prerelease when the settings allow prereleases', () => {
    const state = app().environment('dev', { version: '1.0.0' });
    const { result } = plan(state, 'dev', { overrides: { prereleases: true } });
    expect(result?.toVersion).toBe('2.0.0-rc.1');
  });

  it('writes nothing when the environment already runs the version', () => {
    const state = app().environment('dev', { version: '1.1.0' });
    const { result, diagnostics } = plan(state, 'dev');
    expect(diagnostics).toEqual([]);
    expect(result).toMatchObject({ valid: true, fromVersion: '1.1.0', toVersion: '1.1.0', files: [] });
  });
});

describe('planInstallInto: a lower version than the environment runs', () => {
  it('install leaves the environment alone, with a warning at the Package', () => {
    const state = app().environment('dev', { version: '1.1.0' });
    const { result, diagnostics } = plan(state, 'dev', {}, { ...pinned(state, '1.0.0') });
    expect(result).toBeUndefined();
    expect(diagnostics).toMatchObject([
      { code: 'plan.downgrade', severity: 'warning', file: 'app/packages/1.0.0.yaml' },
    ]);
  });

  it('promote refuses, pointing at the constraint', () => {
    const state = app().environment('dev', { version: '1.1.0' });
    const { result, diagnostics } = plan(
      state,
      'dev',
      {},
      { ...pinned(state, '1.0.0'), downgrade: 'refuse' },
    );
    expect(result?.valid).toBe(false);
    expect(diagnostics).toMatchObject([
      {
        code: 'promote.downgrade',
        file: 'app/dev/packageinstall.yaml',
        line: 13,
        path: '.spec.packageRef.versionSelection.constraints',
      },
    ]);
  });

  it('a rollback writes the lower constraint and the downgradable annotation; install then holds until a newer version', () => {
    const state = app().environment('dev', { version: '1.1.0' });
    const { result } = plan(state, 'dev', {}, { ...pinned(state, '1.0.0'), downgrade: 'allow' });
    const rolledBack = result!.files[0]!.content;
    expect(rolledBack).toContain('packaging.carvel.dev/downgradable');
    expect(rolledBack).toContain('flux-pkg.dev/rolled-back-from: "1.1.0"');
    expect(rolledBack).toContain('constraints: 1.0.0');
    state.file('app/dev/packageinstall.yaml', rolledBack);
    // 1.1.0 is what it was rolled back from: not offered again, nothing written, a warning at the annotation.
    const held = plan(state, 'dev');
    expect(held.result?.files).toEqual([]);
    expect(held.diagnostics).toMatchObject([
      { code: 'plan.rollback-hold', file: 'app/dev/packageinstall.yaml', line: 9 },
    ]);
    // A newer version releases the hold, and the upgrade takes the downgradable annotation away.
    const released = plan(
      state.file(
        'app/packages/1.2.0.yaml',
        repo().component('app', { packages: ['1.2.0'] }).files['app/packages/1.2.0.yaml'],
      ),
      'dev',
    );
    expect(released.result?.toVersion).toBe('1.2.0');
    expect(released.result!.files[0]!.content).not.toContain('packaging.carvel.dev/downgradable');
  });
});

describe('planInstallInto: refusals', () => {
  it('a PackageInstall of another refName', () => {
    const state = app().environment('dev', { refName: 'other.example.com' });
    const { result, diagnostics } = plan(state, 'dev');
    expect(result?.valid).toBe(false);
    expect(diagnostics).toMatchObject([
      {
        code: 'packageinstall.ref-name',
        file: 'app/dev/packageinstall.yaml',
        path: '.spec.packageRef.refName',
      },
    ]);
  });

  it('a name template that gives no Kubernetes name, before any file is read', () => {
    const state = app().environment('dev');
    const { result, diagnostics } = plan(state, 'dev', {
      overrides: { valuesSecretName: '{component}_Values' },
    });
    expect(result?.valid).toBe(false);
    expect(codes(diagnostics)).toEqual(['config.name-template']);
  });

  it('a component whose Packages disagree on refName; a component with no Package is left alone', () => {
    const mixed = app().file(
      'app/packages/9.0.0.yaml',
      repo().component('x', { refName: 'x.example.com', packages: ['9.0.0'] }).files['x/packages/9.0.0.yaml'],
    );
    expect(codes(plan(mixed.environment('dev'), 'dev').diagnostics)).toEqual(['plan.no-ref-name']);
    const empty = repo().component('app').environment('dev');
    expect(plan(empty, 'dev')).toEqual({ result: undefined, diagnostics: [] });
  });

  it('only prereleases to choose from: a warning, nothing written', () => {
    const state = repo()
      .component('app', { packages: ['1.0.0-rc.1'] })
      .environment('dev');
    const { result, diagnostics } = plan(state, 'dev');
    expect(result).toMatchObject({ valid: false, files: [] });
    expect(diagnostics).toMatchObject([{ code: 'plan.no-version', severity: 'warning' }]);
  });

  it('values that break the Package’s schema, at their line in params.yaml', () => {
    const state = app().environment('dev', { version: '1.0.0' });
    const { result, diagnostics } = plan(state, 'dev', { values: 'replicas: 0\n' });
    expect(result?.valid).toBe(false);
    expect(diagnostics).toMatchObject([
      { code: 'values.minimum', file: 'app/dev/params.yaml', line: 7, path: '.replicas' },
    ]);
  });
});

describe('planInstallInto: a new environment folder', () => {
  it('creates the PackageInstall, a values Secret and a kustomization listing both', () => {
    const state = app().environment('qa', { packageInstall: false, values: null, kustomization: false });
    // The folder exists only through a file of another kind.
    state.file('app/qa/params.yaml', undefined).file('app/qa/configmap.yaml', 'kind: ConfigMap\n');
    const { result, diagnostics } = plan(state, 'qa');
    expect(diagnostics).toEqual([]);
    expect(result!.files.map((f) => [f.path, f.action])).toEqual([
      ['app/qa/packageinstall.yaml', 'create'],
      ['app/qa/params.yaml', 'create'],
      ['app/qa/kustomization.yaml', 'create'],
    ]);
    const kustomization = result!.files[2]!.content;
    for (const listed of ['configmap.yaml', 'packageinstall.yaml', 'params.yaml'])
      expect(kustomization).toContain(listed);
  });
});

describe('needsEnvironmentFiles', () => {
  it('only when the names are valid and the Packages share one refName', () => {
    const state = app().environment('dev');
    const ctx = state.context();
    const component = state.layout('app');
    expect(needsEnvironmentFiles(ctx, component, state.packages('app'), 'dev', {})).toBe(true);
    expect(
      needsEnvironmentFiles(ctx, component, state.packages('app'), 'dev', {
        overrides: { packageInstallName: 'A' },
      }),
    ).toBe(false);
    const none = repo().component('app').environment('dev');
    expect(needsEnvironmentFiles(none.context(), none.layout('app'), none.packages('app'), 'dev', {})).toBe(
      false,
    );
  });
});

describe('planInstallInto: an encrypted values Secret without a key', () => {
  const ENCRYPTED = `apiVersion: v1
kind: Secret
metadata:
  name: app.example.com-values
stringData:
  values.yaml: ENC[AES256_GCM,data:AAAA,iv:BBBB,tag:CCCC,type:str]
sops:
  mac: ENC[AES256_GCM,data:DDDD,iv:EEEE,tag:FFFF,type:str]
  version: 3.9.0
`;

  it('the version moves and the file is left as it is; --values is refused, naming the missing key', () => {
    const state = app().environment('dev', { version: '1.0.0' }).file('app/dev/params.yaml', ENCRYPTED);
    const moved = plan(state, 'dev');
    expect(moved.result?.files.map((f) => f.path)).toEqual(['app/dev/packageinstall.yaml']);
    expect(moved.diagnostics).toMatchObject([{ code: 'sops.no-key', severity: 'warning' }]);
    const refused = plan(state, 'dev', { values: 'replicas: 3\n' });
    expect(refused.result?.valid).toBe(false);
    expect(refused.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['sops.no-key', 'warning'],
      ['sops.no-key', 'error'],
    ]);
  });
});
