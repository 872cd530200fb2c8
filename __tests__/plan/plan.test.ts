import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { plan } from '../../src/plan/plan.js';
import type { PlanResult } from '../../src/plan/types.js';
import { MemorySnapshot } from '../../src/repo/snapshot.js';
import { KUSTOMIZATION, packageFile, packageInstallFile, paramsFile, sampleRepo } from '../helpers/gitops.js';

const REF = 'app.default.tap';

function apply(files: Record<string, string>, result: PlanResult): Record<string, string> {
  const next = { ...files };
  for (const f of result.files) next[f.path] = f.content;
  return next;
}

const errorsOf = (r: PlanResult) => r.diagnostics.filter((d) => d.severity === 'error');

describe('plan: new Package version → environments', () => {
  it('brings every environment to the newest Package, changing only the constraint line', async () => {
    const repo = sampleRepo();
    const result = await plan(new MemorySnapshot(repo), { kind: 'install' });
    expect(errorsOf(result)).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual([
      `${REF}/dev/packageinstall.yaml`,
      `${REF}/prod/packageinstall.yaml`,
    ]);
    const dev = result.files[0]!;
    const before = repo[dev.path]!.split('\n');
    const after = dev.content.split('\n');
    expect(after.length).toBe(before.length);
    const changed = after.filter((line, i) => line !== before[i]);
    expect(changed).toEqual(['      constraints: 1.1.0']);
    expect(dev.content).toContain('# Managed through pull requests');
    expect(dev.content).toContain('team: payments # a field a person added');
    expect(result.environments.map((e) => [e.environment, e.fromVersion, e.toVersion, e.constraint])).toEqual(
      [
        ['dev', '1.0.0', '1.1.0', '1.1.0'],
        ['prod', '1.0.0', '1.1.0', '1.1.0'],
      ],
    );
  });

  it('is idempotent: planning again on the result changes nothing', async () => {
    const first = await plan(new MemorySnapshot(sampleRepo()), { kind: 'install' });
    const second = await plan(new MemorySnapshot(apply(sampleRepo(), first)), { kind: 'install' });
    expect(second.valid).toBe(true);
    expect(second.files).toEqual([]);
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const a = await plan(new MemorySnapshot(sampleRepo()), { kind: 'install' });
    const b = await plan(new MemorySnapshot(sampleRepo()), { kind: 'install' });
    expect(a).toEqual(b);
  });

  it('lets the newest of several pushed versions supersede the others', async () => {
    const repo = sampleRepo({ [`${REF}/packages/1.2.0.yaml`]: packageFile(REF, '1.2.0') });
    const result = await plan(new MemorySnapshot(repo), {
      kind: 'install',
      packages: [`${REF}/packages/1.2.0.yaml`, `${REF}/packages/1.1.0.yaml`],
    });
    expect(result.environments.map((e) => e.toVersion)).toEqual(['1.2.0', '1.2.0']);
  });

  it('leaves an environment already on a newer version alone (kapp-controller refuses downgrades)', async () => {
    const repo = sampleRepo({ [`${REF}/dev/packageinstall.yaml`]: packageInstallFile(REF, '1.1.0') });
    const result = await plan(new MemorySnapshot(repo), {
      kind: 'install',
      packages: [`${REF}/packages/1.0.0.yaml`],
    });
    expect(result.valid).toBe(true);
    expect(result.files.map((f) => f.path)).not.toContain(`${REF}/dev/packageinstall.yaml`);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'plan.downgrade', severity: 'warning' }),
    );
  });

  it('writes the configured constraint policy and checks Carvel would select that version', async () => {
    const config = 'defaults:\n  constraint: ">={version}"\n';
    const result = await plan(new MemorySnapshot(sampleRepo({ 'flux-pkg.yaml': config })), {
      kind: 'install',
    });
    expect(result.valid).toBe(true);
    expect(result.files[0]!.content).toContain('constraints: ">=1.1.0"');
    // Pinning an older version with ">=" would make kapp-controller pick the newest: refused.
    const older = await plan(new MemorySnapshot(sampleRepo({ 'flux-pkg.yaml': config })), {
      kind: 'install',
      packages: [`${REF}/packages/1.0.0.yaml`],
      environments: ['dev'],
    });
    expect(older.files).toEqual([]);
    expect(errorsOf(older)).toEqual([
      expect.objectContaining({
        code: 'plan.constraint-selects-other',
        message: expect.stringContaining('would make kapp-controller select 1.1.0 rather than 1.0.0'),
      }),
    ]);
  });

  it('does not pin build metadata away: 1.1.0+build.1 needs its exact constraint', async () => {
    const repo = sampleRepo({ [`${REF}/packages/1.1.0+build.1.yaml`]: packageFile(REF, '1.1.0+build.1') });
    const result = await plan(new MemorySnapshot(repo), {
      kind: 'install',
      packages: [`${REF}/packages/1.1.0+build.1.yaml`],
    });
    expect(result.valid).toBe(true);
    expect(result.environments[0]!.constraint).toBe('1.1.0+build.1');
  });

  it('creates a new environment listed in flux-pkg.yaml, with a kustomization that lists its files', async () => {
    const config =
      'environments:\n  - name: dev\n  - name: staging\n    serviceAccountName: staging-sa\n  - name: prod\n    promoteFrom: staging\n';
    const result = await plan(new MemorySnapshot(sampleRepo({ 'flux-pkg.yaml': config })), {
      kind: 'install',
    });
    expect(errorsOf(result)).toEqual([]);
    expect(result.environments.map((e) => e.environment)).toEqual(['dev', 'staging']);
    const staging = Object.fromEntries(
      result.files.filter((f) => f.path.includes('/staging/')).map((f) => [f.path.split('/').pop(), f]),
    );
    expect(Object.keys(staging).sort()).toEqual(['kustomization.yaml', 'packageinstall.yaml', 'params.yaml']);
    const pi = parse(staging['packageinstall.yaml']!.content);
    expect(pi).toEqual({
      apiVersion: 'packaging.carvel.dev/v1alpha1',
      kind: 'PackageInstall',
      metadata: { name: REF },
      spec: {
        serviceAccountName: 'staging-sa',
        packageRef: { refName: REF, versionSelection: { constraints: '1.1.0' } },
        values: [{ secretRef: { name: `${REF}-values` } }],
      },
    });
    expect(staging['params.yaml']!.secret).toBe(true);
    expect(parse(staging['kustomization.yaml']!.content).resources).toEqual([
      'packageinstall.yaml',
      'params.yaml',
    ]);
  });

  it('points a new PackageInstall at the values Secret the environment already has', async () => {
    const params = paramsFile(REF, 'replicas: 2\n').replace(`name: ${REF}-values`, 'name: handmade-values');
    const repo = sampleRepo({
      [`${REF}/dev/packageinstall.yaml`]: undefined,
      [`${REF}/dev/params.yaml`]: params,
    });
    const result = await plan(new MemorySnapshot(repo), { kind: 'install', environments: ['dev'] });
    expect(result.valid).toBe(true);
    const pi = result.files.find((f) => f.path === `${REF}/dev/packageinstall.yaml`)!;
    expect(pi.action).toBe('create');
    expect(parse(pi.content).spec.values).toEqual([{ secretRef: { name: 'handmade-values' } }]);
    expect(result.files.map((f) => f.path)).not.toContain(`${REF}/dev/params.yaml`);
  });

  it('lists what Flux applied before when it adds a kustomization.yaml to an existing folder', async () => {
    const repo = sampleRepo({
      [`${REF}/dev/kustomization.yaml`]: undefined,
      [`${REF}/dev/extra-configmap.yaml`]: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n',
    });
    const result = await plan(new MemorySnapshot(repo), { kind: 'install', environments: ['dev'] });
    const kustomization = result.files.find((f) => f.path === `${REF}/dev/kustomization.yaml`)!;
    expect(kustomization.action).toBe('create');
    expect(parse(kustomization.content).resources).toEqual([
      'extra-configmap.yaml',
      'packageinstall.yaml',
      'params.yaml',
    ]);
  });

  it('replaces values only when asked, and names the changed keys', async () => {
    const result = await plan(new MemorySnapshot(sampleRepo()), {
      kind: 'install',
      environments: ['dev'],
      values: 'replicas: 4\nhostname: dev.example.com\n',
    });
    expect(result.valid).toBe(true);
    expect(result.environments[0]!.valuesKeysChanged).toEqual(['replicas']);
    const params = result.files.find((f) => f.path.endsWith('params.yaml'))!;
    expect(parse(parse(params.content).stringData['values.yaml'])).toEqual({
      replicas: 4,
      hostname: 'dev.example.com',
    });
  });
});

describe('plan: bad input writes nothing and names the file and line', () => {
  it('reports a value of the wrong type on its line inside params.yaml', async () => {
    const repo = sampleRepo({
      [`${REF}/prod/params.yaml`]: paramsFile(REF, 'replicas: three\nhostname: app.example.com\n'),
    });
    const result = await plan(new MemorySnapshot(repo), { kind: 'install' });
    expect(result.valid).toBe(false);
    expect(result.files).toEqual([]);
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({ file: `${REF}/prod/params.yaml`, line: 7, column: 5, path: '.replicas' }),
    ]);
    expect(errorsOf(result)[0]!.message).not.toContain('three');
  });

  it('reports an unknown key (a typo) with a suggestion', async () => {
    const repo = sampleRepo({
      [`${REF}/dev/params.yaml`]: paramsFile(REF, 'replicas: 1\nhostnme: x.example.com\n'),
    });
    const result = await plan(new MemorySnapshot(repo), { kind: 'install' });
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({ file: `${REF}/dev/params.yaml`, line: 8, path: '.hostnme' }),
    ]);
    expect(errorsOf(result)[0]!.message).toContain('hostname');
  });

  it.each([
    ['a value out of the enum', 'log_level: verbose\n', '.log_level', 7],
    ['a value out of range', 'port: 70000\n', '.port', 7],
    ['an unknown nested key', 'resources:\n  cpu: 1m\n  gpu: 1\n', '.resources.gpu', 9],
  ])('reports %s', async (_, values, path, line) => {
    const repo = sampleRepo({ [`${REF}/dev/params.yaml`]: paramsFile(REF, values) });
    const result = await plan(new MemorySnapshot(repo), { kind: 'install' });
    expect(result.files).toEqual([]);
    expect(errorsOf(result)).toContainEqual(
      expect.objectContaining({ file: `${REF}/dev/params.yaml`, path, line }),
    );
  });

  it('judges a params.yaml without the configured values key by the keys it has', async () => {
    const secret = (values: string) =>
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${REF}-values\nstringData:\n  other.yaml: |\n    ${values}\n`;
    const good = await plan(
      new MemorySnapshot(sampleRepo({ [`${REF}/dev/params.yaml`]: secret('replicas: 2') })),
      {
        kind: 'validate',
      },
    );
    expect(errorsOf(good)).toEqual([]);
    const bad = await plan(
      new MemorySnapshot(sampleRepo({ [`${REF}/dev/params.yaml`]: secret('replicas: 0') })),
      {
        kind: 'install',
      },
    );
    expect(bad.files).toEqual([]);
    expect(errorsOf(bad)).toEqual([
      expect.objectContaining({
        code: 'values.minimum',
        file: `${REF}/dev/params.yaml`,
        line: 7,
        path: '.replicas',
      }),
    ]);
  });

  it('reports values that are not YAML, on their line', async () => {
    const repo = sampleRepo({
      [`${REF}/dev/params.yaml`]: paramsFile(REF, 'replicas: 1\nhostname: [oops\n'),
    });
    const result = await plan(new MemorySnapshot(repo), { kind: 'install' });
    expect(result.files).toEqual([]);
    const [first] = errorsOf(result);
    expect(first).toMatchObject({ code: 'yaml.syntax', file: `${REF}/dev/params.yaml` });
    expect(first!.line).toBeGreaterThanOrEqual(7);
  });

  it('reports a Package file with Packages of different refNames in one component', async () => {
    const repo = sampleRepo({ [`${REF}/packages/other.yaml`]: packageFile('other.default.tap', '1.0.0') });
    const result = await plan(new MemorySnapshot(repo), { kind: 'install' });
    expect(result.files).toEqual([]);
    expect(errorsOf(result)).toContainEqual(expect.objectContaining({ code: 'package.ref-name-conflict' }));
  });

  it.each([
    [
      'an environment folder that is not a DNS-1123 label',
      `${REF}/Dev_1/packageinstall.yaml`,
      'layout.environment-name',
    ],
    [
      'a component folder with uppercase letters',
      'App.Default.tap/packages/1.0.0.yaml',
      'layout.component-name',
    ],
  ])('reports %s', async (_, path, code) => {
    const result = await plan(new MemorySnapshot(sampleRepo({ [path]: packageInstallFile(REF, '1.0.0') })), {
      kind: 'install',
    });
    expect(result.files).toEqual([]);
    expect(errorsOf(result)).toContainEqual(expect.objectContaining({ code }));
  });

  it.each([['../etc'], ['a/b'], ['PROD']])('rejects the environment filter %j', async (name) => {
    const result = await plan(new MemorySnapshot(sampleRepo()), { kind: 'install', environments: [name] });
    expect(result.files).toEqual([]);
    expect(errorsOf(result)).toContainEqual(expect.objectContaining({ code: 'request.environment' }));
  });

  it('rejects an environment filter that names no environment', async () => {
    const result = await plan(new MemorySnapshot(sampleRepo()), { kind: 'install', environments: ['qa'] });
    expect(result.valid).toBe(false);
    expect(errorsOf(result)[0]!.message).toContain('names no environment');
  });

  it('rejects a --package path that does not exist or is not a Package', async () => {
    const missing = await plan(new MemorySnapshot(sampleRepo()), {
      kind: 'install',
      packages: [`${REF}/packages/9.9.9.yaml`],
    });
    expect(errorsOf(missing)).toEqual([
      expect.objectContaining({
        code: 'request.package',
        message: expect.stringContaining('does not exist'),
      }),
    ]);
    const notPackage = await plan(new MemorySnapshot(sampleRepo()), {
      kind: 'install',
      packages: [`${REF}/dev/params.yaml`],
    });
    expect(errorsOf(notPackage)).toEqual([expect.objectContaining({ code: 'request.package' })]);
  });

  it('rejects an invalid Package and names its line', async () => {
    const bad = packageFile(REF, '1.1.0').replace(`name: ${REF}.1.1.0`, `name: ${REF}.1.1`);
    const result = await plan(new MemorySnapshot(sampleRepo({ [`${REF}/packages/1.1.0.yaml`]: bad })), {
      kind: 'install',
    });
    expect(result.files).toEqual([]);
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({ code: 'package.name-mismatch', file: `${REF}/packages/1.1.0.yaml`, line: 4 }),
    ]);
  });

  it('a valuesSchema that cannot be read is a warning: kapp-controller stores it unread, the Package still plans', async () => {
    const unreadable = packageFile(REF, '1.1.0', '      openAPIv3: just a string');
    const result = await plan(
      new MemorySnapshot(sampleRepo({ [`${REF}/packages/1.1.0.yaml`]: unreadable })),
      { kind: 'install' },
    );
    expect(errorsOf(result)).toEqual([]);
    expect(result.files).not.toEqual([]);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'schema.invalid',
        file: `${REF}/packages/1.1.0.yaml`,
        message: expect.stringContaining('values are not checked'),
      }),
    );
  });

  it('a valuesSchema quirk is a warning naming the schema path, and the rest is still checked', async () => {
    const quirky = packageFile(
      REF,
      '1.1.0',
      '      openAPIv3:\n        type: object\n        properties:\n          replicas:\n            type: 42\n            minimum: 1',
    );
    const result = await plan(new MemorySnapshot(sampleRepo({ [`${REF}/packages/1.1.0.yaml`]: quirky })), {
      kind: 'install',
    });
    expect(errorsOf(result)).toEqual([]);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'schema.assumed',
        message: expect.stringContaining('openAPIv3.properties.replicas.type'),
      }),
    );
  });
});

describe('plan: validate everything', () => {
  it('accepts a consistent repository', async () => {
    const result = await plan(new MemorySnapshot(sampleRepo()), { kind: 'validate' });
    expect(errorsOf(result)).toEqual([]);
    expect(result.environments.map((e) => [e.environment, e.toVersion])).toEqual([
      ['dev', '1.0.0'],
      ['prod', '1.0.0'],
    ]);
  });

  it('reports a constraint that no Package version satisfies', async () => {
    const repo = sampleRepo({ [`${REF}/prod/packageinstall.yaml`]: packageInstallFile(REF, '2.0.0') });
    const result = await plan(new MemorySnapshot(repo), { kind: 'validate' });
    expect(result.valid).toBe(false);
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({ code: 'packageinstall.no-version', file: `${REF}/prod/packageinstall.yaml` }),
    ]);
  });

  it('reports a PackageInstall without versionSelection (kapp-controller would fail at reconcile time)', async () => {
    const pi = packageInstallFile(REF, '1.0.0').replace(
      '    versionSelection:\n      constraints: 1.0.0\n',
      '',
    );
    const result = await plan(new MemorySnapshot(sampleRepo({ [`${REF}/dev/packageinstall.yaml`]: pi })), {
      kind: 'validate',
    });
    expect(errorsOf(result)).toContainEqual(
      expect.objectContaining({
        code: 'packageinstall.version-selection',
        file: `${REF}/dev/packageinstall.yaml`,
      }),
    );
  });

  it('validates what ytt sees: every key of the Secret merged in key order', async () => {
    const params = `${paramsFile(REF, 'replicas: 2\n')}  zz-override.yaml: |\n    replicas: 0\n`;
    const result = await plan(new MemorySnapshot(sampleRepo({ [`${REF}/dev/params.yaml`]: params })), {
      kind: 'validate',
    });
    expect(errorsOf(result)).toEqual([expect.objectContaining({ path: '.replicas', line: 9 })]);
  });

  it('checks flux-pkg.yaml against its schema with file and line', async () => {
    const result = await plan(
      new MemorySnapshot(
        sampleRepo({ 'flux-pkg.yaml': 'environments:\n  - name: dev\n    reviewer: [me]\n' }),
      ),
      { kind: 'validate' },
    );
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({ code: 'config.invalid', file: 'flux-pkg.yaml', line: 3 }),
    ]);
  });

  it('keeps a valid kustomization and files it does not own untouched', async () => {
    const repo = sampleRepo({
      [`${REF}/dev/kustomization.yaml`]: `${KUSTOMIZATION}- extra-configmap.yaml\n`,
    });
    const result = await plan(new MemorySnapshot(repo), { kind: 'install' });
    expect(result.files.map((f) => f.path)).not.toContain(`${REF}/dev/kustomization.yaml`);
  });
});
