import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { brainKustomization, type RenderedFile, renderBootstrap } from '../../src/flux/bootstrap.js';
import type { BootstrapParams } from '../../src/flux/params.js';
import { checkObject, checkRenderedFile } from '../../src/flux/validate.js';
import { checkAgainstCrd, hasReference, isCustomResource } from './crd.js';
import { params } from './params.js';

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML is navigated freely in assertions
type Obj = Record<string, any>;
const objectsOf = (text: string): Obj[] => parseAllDocuments(text).map((d) => d.toJS() as Obj);
const allFiles = (p: BootstrapParams): RenderedFile[] => {
  const r = renderBootstrap(p);
  return [
    ...r.shared,
    ...r.environment,
    {
      path: `${p.paths.brainDir}/kustomization.yaml`,
      content: brainKustomization(undefined, r.brainResources),
    },
  ];
};
const allObjects = (p: BootstrapParams): Obj[] => allFiles(p).flatMap((f) => objectsOf(f.content));
const find = (objects: Obj[], kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata?.name === name);

const VARIANTS: [string, BootstrapParams][] = [
  ['v1 with notifications', params()],
  ['v1beta2 (older clusters)', params({ fluxApiVersion: 'v1beta2' })],
  [
    'v1, notifications off, SOPS, public repo',
    params({ notifications: false, sopsSecretName: 'sops-age', gitSecretName: undefined }),
  ],
  [
    'v1beta2 with SOPS and a components path',
    params({
      fluxApiVersion: 'v1beta2',
      sopsSecretName: 'sops-age',
      paths: {
        brainDir: 'clusters/brain/app.default.tap',
        packagesDir: 'apps/app.default.tap/packages',
        environmentDir: 'apps/app.default.tap/dev',
        rbacDir: 'apps/app.default.tap/dev-rbac',
      },
    }),
  ],
];

describe('a bootstrap renders objects every API accepts', () => {
  it.each(VARIANTS)('%s: every file passes the schema the project ships', (_, p) => {
    const files = allFiles(p);
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) expect(checkRenderedFile(f.path, f.content)).toEqual([]);
  });

  describe.skipIf(!hasReference)('against the real CRDs in ../shared/reference', () => {
    it.each(VARIANTS)('%s: every custom resource validates against the CRD of its apiVersion', (_, p) => {
      const custom = allObjects(p).filter(isCustomResource);
      expect(custom.map((o) => o.kind).sort()).toEqual([
        ...(p.notifications ? ['Alert'] : []),
        'GitRepository',
        'Kustomization',
        'Kustomization',
        'Kustomization',
        ...(p.notifications ? ['Provider'] : []),
      ]);
      for (const o of custom) expect([o.kind, checkAgainstCrd(o)]).toEqual([o.kind, []]);
    });

    it("the seed document's fields fail the real CRDs as they fail the shipped schema", () => {
      const objects = allObjects(params());
      const repo = structuredClone(find(objects, 'GitRepository', 'app.default.tap-gitops-repo')!);
      repo.spec.gitImplementation = 'go-git';
      const ks = structuredClone(find(objects, 'Kustomization', 'app.default.tap-dev-packages')!);
      ks.spec.kubeConfig.secretRef.namespace = 'flux-system';
      const beta: Obj = { ...structuredClone(repo), apiVersion: 'source.toolkit.fluxcd.io/v1beta2' };
      beta.spec.secretRef.namespace = 'flux-system';
      delete beta.spec.gitImplementation;
      for (const bad of [repo, ks, beta]) {
        expect(checkAgainstCrd(bad).join()).toMatch(/additional properties/);
        expect(checkObject(bad).join()).toMatch(/additional properties/);
      }
      // v1beta2 did have gitImplementation; v1 dropped it.
      expect(checkAgainstCrd({ ...repo, apiVersion: 'source.toolkit.fluxcd.io/v1beta2' })).toEqual([]);
    });

    it("a kubeConfig with neither secretRef nor configMapRef breaks the CRD's CEL rule", () => {
      const ks = structuredClone(find(allObjects(params()), 'Kustomization', 'app.default.tap-dev-rbac')!);
      ks.spec.kubeConfig = {};
      expect(checkAgainstCrd(ks).join()).toMatch(/exactly one of spec.kubeConfig/);
    });
  });

  it('core kinds carry apiVersion, kind and what the API server requires', () => {
    const core = allObjects(params()).filter((o) => !isCustomResource(o));
    expect(new Set(core.map((o) => `${o.apiVersion} ${o.kind}`))).toEqual(
      new Set([
        'v1 Namespace',
        'v1 ServiceAccount',
        'rbac.authorization.k8s.io/v1 Role',
        'rbac.authorization.k8s.io/v1 RoleBinding',
        'kustomize.config.k8s.io/v1beta1 Kustomization',
      ]),
    );
    const binding = find(core, 'RoleBinding', 'app-flux')!;
    expect(checkObject({ ...binding, roleRef: undefined }).join()).toMatch(/roleRef/);
    expect(
      checkObject({ ...binding, subjects: [{ kind: 'ServiceAccount', name: 'app-flux' }] }).join(),
    ).toMatch(/namespace/);
    expect(checkObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } })).toEqual([
      'no schema for /v1/ConfigMap: bootstrap does not know this kind',
    ]);
  });
});

describe('the Brain cluster objects', () => {
  const objects = allObjects(params());
  const ks = (suffix: string) => find(objects, 'Kustomization', `app.default.tap-dev-${suffix}`)!.spec;

  it('apply RBAC first with the kubeconfig identity, then Packages, then the PackageInstall', () => {
    expect(ks('rbac').serviceAccountName).toBeUndefined();
    expect(ks('rbac').targetNamespace).toBeUndefined();
    expect(ks('rbac').dependsOn).toBeUndefined();
    expect(ks('packages').dependsOn).toEqual([{ name: 'app.default.tap-dev-rbac' }]);
    expect(ks('packageinstalls').dependsOn).toEqual([
      { name: 'app.default.tap-dev-rbac' },
      { name: 'app.default.tap-dev-packages' },
    ]);
    for (const s of [ks('packages'), ks('packageinstalls')]) {
      expect(s).toMatchObject({
        serviceAccountName: 'app-flux',
        targetNamespace: 'apps',
        prune: true,
        wait: true,
        interval: '5m',
        timeout: '5m',
      });
    }
    expect([ks('rbac').path, ks('packages').path, ks('packageinstalls').path]).toEqual([
      './app.default.tap/dev-rbac',
      './app.default.tap/packages',
      './app.default.tap/dev',
    ]);
  });

  it('reference Secrets and the GitRepository by name only, in their own namespace', () => {
    for (const s of [ks('rbac'), ks('packages'), ks('packageinstalls')]) {
      expect(s.kubeConfig).toEqual({ secretRef: { name: 'dev-kubeconfig' } });
      expect(s.sourceRef).toEqual({ kind: 'GitRepository', name: 'app.default.tap-gitops-repo' });
    }
    const repo = find(objects, 'GitRepository', 'app.default.tap-gitops-repo')!;
    expect(repo.spec).toEqual({
      url: 'https://github.com/acme/gitops.git',
      ref: { branch: 'main' },
      interval: '1m',
      timeout: '60s',
      secretRef: { name: 'app.default.tap-gitops-auth' },
    });
    const text = allFiles(params({ fluxApiVersion: 'v1beta2' }))
      .map((f) => f.content)
      .join('');
    expect(text).not.toMatch(/gitImplementation/);
  });

  it('judge PackageInstall health with CEL on v1 and say why not on v1beta2', () => {
    expect(ks('packageinstalls').healthCheckExprs).toHaveLength(1);
    expect(ks('packageinstalls').healthCheckExprs[0]).toMatchObject({
      apiVersion: 'packaging.carvel.dev/v1alpha1',
      kind: 'PackageInstall',
    });
    expect(ks('packages').healthCheckExprs).toBeUndefined();
    const beta = renderBootstrap(params({ fluxApiVersion: 'v1beta2' })).environment[0]!.content;
    expect(beta).toMatch(/^# v1beta2 has no healthCheckExprs/m);
    expect(beta).not.toMatch(/^\s+healthCheckExprs:/m);
    expect(
      objectsOf(beta).every(
        (o) => o.kind !== 'Kustomization' || o.apiVersion === 'kustomize.toolkit.fluxcd.io/v1beta2',
      ),
    ).toBe(true);
  });

  it('decrypt the environment folder with SOPS only when its Secret is encrypted', () => {
    expect(ks('packageinstalls').decryption).toBeUndefined();
    const sops = find(
      allObjects(params({ sopsSecretName: 'sops-age' })),
      'Kustomization',
      'app.default.tap-dev-packageinstalls',
    )!;
    expect(sops.spec.decryption).toEqual({ provider: 'sops', secretRef: { name: 'sops-age' } });
  });

  it('report every applied commit to GitHub for the environment, unless turned off', () => {
    const provider = find(objects, 'Provider', 'app.default.tap-github')!;
    expect(provider.spec).toEqual({
      type: 'github',
      address: 'https://github.com/acme/gitops',
      secretRef: { name: 'github-commit-status' },
    });
    const alert = find(objects, 'Alert', 'app.default.tap-dev')!;
    const names = objects
      .filter((o) => o.kind === 'Kustomization' && o.apiVersion.startsWith('kustomize.toolkit'))
      .map((o) => o.metadata.name);
    expect(alert.spec.eventSources).toEqual(names.map((name) => ({ kind: 'Kustomization', name })));
    expect(alert.spec).toMatchObject({
      providerRef: { name: 'app.default.tap-github' },
      eventSeverity: 'info',
    });
    const off = renderBootstrap(params({ notifications: false }));
    expect([...off.shared, ...off.environment].map((f) => f.path)).not.toContain(
      'clusters/brain/app.default.tap/provider.yaml',
    );
    expect(off.environment[0]!.content).not.toMatch(/kind: (Alert|Provider)/);
    expect(off.brainResources).toEqual(['gitrepository.yaml', 'dev.yaml']);
  });

  it('are the same bytes for the same parameters, each file headed as generated', () => {
    const first = allFiles(params());
    expect(allFiles(params())).toEqual(first);
    for (const f of first)
      expect(f.content.split('\n')[0]).toMatch(/^# Generated by flux-pkg-action bootstrap\./);
  });

  it("add a second environment to the Brain folder's kustomization.yaml, keeping what is there", () => {
    const dev = renderBootstrap(params());
    const existing = `# mine\n${brainKustomization(undefined, dev.brainResources)}`;
    const prod = renderBootstrap(params({ environment: 'prod' }));
    const merged = brainKustomization(existing, prod.brainResources);
    expect(merged.startsWith('# mine\n')).toBe(true);
    expect(objectsOf(merged)[0]!.resources).toEqual([
      'dev.yaml',
      'gitrepository.yaml',
      'provider.yaml',
      'prod.yaml',
    ]);
  });
});

describe('the run cluster RBAC', () => {
  const objects = allObjects(params());

  it("gives kapp-controller's account the ConfigMap rule plus the extra rules, in the target namespace", () => {
    const role = find(objects, 'Role', 'app-installer')!;
    expect(role.metadata.namespace).toBe('apps');
    expect(role.rules).toEqual([
      { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'create', 'update', 'delete'] },
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list', 'create', 'update'] },
    ]);
    expect(find(objects, 'ServiceAccount', 'app-installer')!.metadata.namespace).toBe('apps');
    expect(find(objects, 'RoleBinding', 'app-installer')!.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'app-installer', namespace: 'apps' },
    ]);
  });

  it('lets the account Flux impersonates apply Packages, PackageInstalls and Secrets, and nothing else', () => {
    const account = find(objects, 'ServiceAccount', 'app-flux')!;
    expect(account.metadata.namespace).toBe('flux-system');
    const role = find(objects, 'Role', 'app-flux')!;
    expect(role.metadata.namespace).toBe('apps');
    const granted = role.rules.flatMap((r: Obj) =>
      r.resources.map((res: string) => `${r.apiGroups[0]}/${res}`),
    );
    expect(granted).toEqual([
      'data.packaging.carvel.dev/packages',
      'packaging.carvel.dev/packageinstalls',
      '/secrets',
    ]);
    for (const r of role.rules)
      expect(r.verbs).toEqual(expect.arrayContaining(['get', 'list', 'create', 'patch', 'delete']));
    expect(find(objects, 'RoleBinding', 'app-flux')).toMatchObject({
      metadata: { namespace: 'apps' },
      roleRef: { kind: 'Role', name: 'app-flux' },
      subjects: [{ kind: 'ServiceAccount', name: 'app-flux', namespace: 'flux-system' }],
    });
  });

  it('creates the namespaces and keeps them when a Kustomization prunes', () => {
    const namespaces = objects.filter((o) => o.kind === 'Namespace');
    expect(namespaces.map((n) => n.metadata.name)).toEqual(['apps', 'flux-system']);
    for (const n of namespaces)
      expect(n.metadata.annotations).toEqual({ 'kustomize.toolkit.fluxcd.io/prune': 'disabled' });
  });
});

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
if (!hasKubectl) console.warn('SKIPPED kubectl kustomize of the bootstrap folders: kubectl is not installed');

describe.skipIf(!hasKubectl)('kubectl kustomize builds every folder bootstrap writes', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'flux-bootstrap-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.each(VARIANTS)('%s', (_, p) => {
    const dir = join(
      scratch,
      p.fluxApiVersion +
        String(Boolean(p.notifications)) +
        String(Boolean(p.sopsSecretName)) +
        p.paths.rbacDir.length,
    );
    const files = allFiles(p);
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.content);
    }
    for (const folder of [p.paths.brainDir, p.paths.rbacDir]) {
      const built = objectsOf(
        execFileSync('kubectl', ['kustomize', join(dir, folder)], { encoding: 'utf8' }),
      );
      const expected = files.filter(
        (f) => dirname(f.path) === folder && !f.path.endsWith('/kustomization.yaml'),
      );
      expect(built.length).toBe(expected.flatMap((f) => objectsOf(f.content)).length);
    }
  });
});
