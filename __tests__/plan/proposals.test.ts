/** Plans become pull requests: one per (component, environment), or one per environment for big pushes. */
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import { type ProposalStyle, proposalsFromPlan } from '../../src/plan/proposals/proposals.js';
import { MemorySnapshot } from '../../src/repo/snapshot.js';
import { KUSTOMIZATION, packageFile, packageInstallFile, paramsFile, sampleRepo } from '../helpers/gitops.js';

const style: ProposalStyle = {
  title: 'Deploy {component} {version} to {environment}',
  commitMessage: 'Deploy {component} {version} to {environment}',
  labels: ['from-input'],
  reviewers: [],
  teamReviewers: [],
  draft: false,
  autoMerge: false,
  links: { serverUrl: 'https://github.com', repository: 'acme/gitops', baseSha: 'a'.repeat(40) },
};

/** Two components, each with a new version waiting for dev and prod. */
function twoComponents(): Record<string, string> {
  const other = 'payments.apps.example.com';
  return sampleRepo({
    [`${other}/packages/2.0.0.yaml`]: packageFile(other, '2.0.0'),
    [`${other}/packages/2.1.0.yaml`]: packageFile(other, '2.1.0'),
    [`${other}/dev/packageinstall.yaml`]: packageInstallFile(other, '2.0.0'),
    [`${other}/dev/params.yaml`]: paramsFile(other, 'replicas: 1\n'),
    [`${other}/dev/kustomization.yaml`]: KUSTOMIZATION,
    [`${other}/prod/packageinstall.yaml`]: packageInstallFile(other, '2.0.0'),
    [`${other}/prod/params.yaml`]: paramsFile(other, 'replicas: 2\n'),
    [`${other}/prod/kustomization.yaml`]: KUSTOMIZATION,
  });
}

async function planned() {
  const result = await plan(new MemorySnapshot(twoComponents()), { kind: 'install' });
  expect(result.valid).toBe(true);
  return result;
}

describe('pull request flows', () => {
  it('per-component: one proposal per component and environment, titled from the template', async () => {
    const proposals = proposalsFromPlan(await planned(), style);
    expect(proposals.map((p) => p.key).sort()).toEqual([
      'app.default.tap/dev',
      'app.default.tap/prod',
      'payments.apps.example.com/dev',
      'payments.apps.example.com/prod',
    ]);
    const dev = proposals.find((p) => p.key === 'app.default.tap/dev')!;
    expect(dev.title).toBe('Deploy app.default.tap 1.1.0 to dev');
    expect(dev.version).toBe('1.1.0');
    expect(dev.labels).toEqual(['from-input']);
    expect(dev.body).toContain('<!-- flux-pkg-action v1 key=app.default.tap/dev version=1.1.0 -->');
  });

  it('per-environment: one proposal per environment holding every component, with a row each', async () => {
    const result = await planned();
    const proposals = proposalsFromPlan(result, style, 'per-environment');
    expect(proposals).toHaveLength(2);
    const dev = proposals.find((p) => p.targets[0]!.environment === 'dev')!;
    expect(dev.key).toMatch(/^_environments\/dev\/[0-9a-f]{8}$/);
    expect(dev.targets.map((t) => `${t.component}@${t.toVersion}`).sort()).toEqual([
      'app.default.tap@1.1.0',
      'payments.apps.example.com@2.1.0',
    ]);
    expect(dev.files.map((f) => f.path).sort()).toEqual(
      result.environments
        .filter((e) => e.environment === 'dev')
        .flatMap((e) => e.files.map((f) => f.path))
        .sort(),
    );
    expect(dev.title).toBe('Deploy 2 components to dev');
    expect(dev.body).toContain('| app.default.tap | `1.0.0` → `1.1.0` |');
    expect(dev.body).toContain('| payments.apps.example.com | `2.0.0` → `2.1.0` |');
    expect(dev.body.trimEnd().split('\n').at(-1)).toBe(`<!-- flux-pkg-action v1 key=${dev.key} -->`);
  });

  it('per-environment keys name the set of components: the same batch maps to the same branch', async () => {
    const a = proposalsFromPlan(await planned(), style, 'per-environment').map((p) => p.key);
    const b = proposalsFromPlan(await planned(), style, 'per-environment').map((p) => p.key);
    expect(a).toEqual(b);
    const alone = await plan(new MemorySnapshot(sampleRepo()), { kind: 'install' });
    const keys = proposalsFromPlan(alone, style, 'per-environment').map((p) => p.key);
    // A single component in an environment keeps its per-component branch.
    expect(keys.sort()).toEqual(['app.default.tap/dev', 'app.default.tap/prod']);
  });
});

describe('per-environment batches', () => {
  it('batch only what changes: a component already up to date keeps its own (closing) proposal', async () => {
    const files = twoComponents();
    // payments is already at its newest version in dev: nothing to change there.
    files['payments.apps.example.com/dev/packageinstall.yaml'] = packageInstallFile(
      'payments.apps.example.com',
      '2.1.0',
    );
    const result = await plan(new MemorySnapshot(files), { kind: 'install' });
    const proposals = proposalsFromPlan(result, style, 'per-environment');
    const dev = proposals.filter((p) => p.targets.some((t) => t.environment === 'dev'));
    expect(dev.map((p) => [p.key, p.files.length > 0])).toEqual([
      ['app.default.tap/dev', true],
      ['payments.apps.example.com/dev', false],
    ]);
    const prod = proposals.filter((p) => p.targets.some((t) => t.environment === 'prod'));
    expect(prod).toHaveLength(1);
    expect(prod[0]!.key).toMatch(/^_environments\/prod\//);
  });
});
