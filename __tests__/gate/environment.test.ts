/**
 * The planner on environment folders as Flux builds them (plan() over a MemorySnapshot): where the
 * PackageInstall and its values Secret live, what install refuses to write beside them, every Secret
 * of the folder checked for encryption, and the gate's scope from a pull request's files.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT } from '../../src/config/config.js';
import { policyChanges, scopeOfChanges } from '../../src/plan/model/changes.js';
import { plan } from '../../src/plan/plan.js';
import type { PlanResult } from '../../src/plan/types.js';
import { MemorySnapshot } from '../../src/repo/snapshot.js';
import { KUSTOMIZATION, packageInstallFile, paramsFile, sampleRepo } from '../helpers/gitops.js';

const REF = 'app.default.tap';
const DEV = `${REF}/dev`;
const errors = (r: PlanResult) =>
  r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.file]);
const deploy = `${packageInstallFile(REF, '1.0.0')}---\n${paramsFile(REF, 'replicas: 2\n')}`;
const onlyDeploy = {
  [`${DEV}/packageinstall.yaml`]: undefined,
  [`${DEV}/params.yaml`]: undefined,
  [`${DEV}/deploy.yaml`]: deploy,
  [`${DEV}/kustomization.yaml`]: KUSTOMIZATION.replace(
    '- packageinstall.yaml\n- params.yaml\n',
    '- deploy.yaml\n',
  ),
};

describe('an environment folder as Flux builds it', () => {
  it('validates a PackageInstall and values Secret in deploy.yaml like the layout files', async () => {
    const valid = await plan(new MemorySnapshot(sampleRepo(onlyDeploy)), { kind: 'validate' });
    expect(errors(valid)).toEqual([]);
    const broken = sampleRepo({
      ...onlyDeploy,
      [`${DEV}/deploy.yaml`]: deploy.replace('replicas: 2', 'replicas: 0'),
    });
    const invalid = await plan(new MemorySnapshot(broken), { kind: 'validate' });
    expect(errors(invalid)).toEqual([['values.minimum', `${DEV}/deploy.yaml`]]);
  });

  it('install refuses to write packageinstall.yaml beside a PackageInstall in another file', async () => {
    const result = await plan(new MemorySnapshot(sampleRepo(onlyDeploy)), {
      kind: 'install',
      environments: ['dev'],
    });
    expect(result.files).toEqual([]);
    expect(errors(result)).toEqual([
      ['environment.written-elsewhere', `${DEV}/deploy.yaml`],
      ['environment.written-elsewhere', `${DEV}/deploy.yaml`],
    ]);
  });

  it('a packageinstall.yaml the kustomization does not list is not applied: an error', async () => {
    const repo = sampleRepo({
      [`${DEV}/kustomization.yaml`]: KUSTOMIZATION.replace('- packageinstall.yaml\n', ''),
    });
    const result = await plan(new MemorySnapshot(repo), { kind: 'validate' });
    expect(errors(result)).toEqual([['packageinstall.not-applied', `${DEV}/kustomization.yaml`]]);
  });

  it('a values Secret in another namespace than the PackageInstall is a warning (targetNamespace may unite them)', async () => {
    const repo = sampleRepo({
      [`${DEV}/params.yaml`]: paramsFile(REF, 'replicas: 2\n').replace(
        /(name: .*-values)/,
        '$1\n  namespace: other',
      ),
    });
    const result = await plan(new MemorySnapshot(repo), { kind: 'validate' });
    expect(errors(result)).toEqual([]);
    expect(
      result.diagnostics
        .filter((d) => d.code === 'packageinstall.values-secret-namespace')
        .map((d) => d.file),
    ).toEqual([`${DEV}/params.yaml`]);
  });

  it('every other Secret the folder builds is held to requireEncryption too', async () => {
    const pullSecret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: pull\nstringData:\n  a: b\n';
    const repo = sampleRepo({
      'flux-pkg.yaml': 'defaults:\n  requireEncryption: true\n',
      [`${DEV}/pull.yaml`]: pullSecret,
      [`${DEV}/kustomization.yaml`]: `${KUSTOMIZATION}- pull.yaml\n`,
    });
    const result = await plan(new MemorySnapshot(repo), { kind: 'validate', environments: ['dev'] });
    const plain = result.diagnostics.filter((d) => d.code === 'values.plain-secret');
    expect(plain.map((d) => [d.severity, d.file])).toEqual([
      ['error', `${DEV}/params.yaml`],
      ['error', `${DEV}/pull.yaml`],
    ]);
    expect(plain[1]!.message).toContain('the Secret "pull"');
  });
});

describe("the gate's scope", () => {
  const paths = Object.keys(sampleRepo({ [`${DEV}/sub/extra.yaml`]: 'x: 1\n' }));
  const layout = DEFAULT_LAYOUT;

  it('any file under an environment folder, an RBAC folder or the Brain folder puts its environments in scope', () => {
    expect(scopeOfChanges([`${DEV}/sub/extra.yaml`], paths, layout)).toEqual({ [REF]: ['dev'] });
    expect(scopeOfChanges([`${REF}/prod-rbac/rbac.yaml`], paths, layout)).toEqual({ [REF]: ['prod'] });
    expect(scopeOfChanges([`clusters/brain/${REF}/dev.yaml`], paths, layout)).toEqual({ [REF]: '*' });
    expect(scopeOfChanges(['a/.sops.yaml'], paths, layout)).toBeUndefined();
    expect(scopeOfChanges(['docs/x.md', 'clusters/brain/flux-system/gotk.yaml'], paths, layout)).toEqual({});
  });

  it('lists the policy files a pull request changes', () => {
    const changed = [
      `${DEV}/params.yaml`,
      'flux-pkg.yaml',
      '.sops.yaml',
      `${REF}/dev-rbac/rbac.yaml`,
      'clusters/brain/flux-system/gotk.yaml',
      'docs/x.md',
    ];
    expect(policyChanges(changed, layout)).toEqual([
      '.sops.yaml',
      `${REF}/dev-rbac/rbac.yaml`,
      'clusters/brain/flux-system/gotk.yaml',
      'flux-pkg.yaml',
    ]);
  });
});
