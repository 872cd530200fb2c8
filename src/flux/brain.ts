/**
 * The Brain cluster's Flux objects for one component: the GitRepository it reads (shared by the
 * component's environments), and per environment three Kustomizations that apply to the run
 * cluster through the kubeconfig Secret — RBAC first, then Packages, then the PackageInstall.
 * None carries a field the APIs lack: no `gitImplementation` (gone in v1), no `namespace` under
 * `kubeConfig.secretRef`, `secretRef` or `sourceRef` (every Secret and the GitRepository live in
 * the Kustomization's own namespace).
 */
import { PACKAGE_INSTALL_HEALTH_CHECK } from './health.js';
import { type BootstrapParams, objectNames } from './params.js';
import type { Manifest } from './yaml.js';

export const KUSTOMIZE_GROUP = 'kustomize.toolkit.fluxcd.io';
export const SOURCE_GROUP = 'source.toolkit.fluxcd.io';

export function gitRepositoryManifest(p: BootstrapParams): Manifest {
  const spec: Record<string, unknown> = {
    url: p.gitUrl,
    ref: { branch: p.branch },
    interval: p.gitInterval,
    timeout: p.gitTimeout,
  };
  if (p.gitSecretName) spec.secretRef = { name: p.gitSecretName };
  return {
    object: {
      apiVersion: `${SOURCE_GROUP}/${p.fluxApiVersion}`,
      kind: 'GitRepository',
      metadata: { name: objectNames(p.component, p.environment).gitRepository, namespace: p.fluxNamespace },
      spec,
    },
  };
}

/** The environment's three Kustomizations, in the order Flux applies them. */
export function kustomizationManifests(p: BootstrapParams): Manifest[] {
  const names = objectNames(p.component, p.environment);
  const rbac = kustomization(p, names.rbac, p.paths.rbacDir);
  const packages = kustomization(p, names.packages, p.paths.packagesDir);
  Object.assign(packages.spec, remote(p), { dependsOn: [{ name: names.rbac }] });
  const installs = kustomization(p, names.packageInstalls, p.paths.environmentDir);
  Object.assign(installs.spec, remote(p), { dependsOn: [{ name: names.rbac }, { name: names.packages }] });
  if (p.fluxApiVersion === 'v1') installs.spec.healthCheckExprs = [{ ...PACKAGE_INSTALL_HEALTH_CHECK }];
  if (p.sopsSecretName)
    installs.spec.decryption = { provider: 'sops', secretRef: { name: p.sopsSecretName } };
  return [
    {
      comment: `RBAC on the run cluster, applied with the kubeconfig's own identity (no serviceAccountName).`,
      object: rbac,
    },
    { object: packages },
    {
      comment:
        p.fluxApiVersion === 'v1'
          ? 'healthCheckExprs: a PackageInstall is healthy only once kapp-controller reports ReconcileSucceeded for its current generation.'
          : 'v1beta2 has no healthCheckExprs: Flux cannot tell a failed PackageInstall (ReconcileFailed) from a healthy one. Use v1 where the cluster serves it.',
      object: installs,
    },
  ];
}

function kustomization(p: BootstrapParams, name: string, path: string) {
  const spec: Record<string, unknown> = {
    interval: p.interval,
    timeout: p.timeout,
    sourceRef: { kind: 'GitRepository', name: objectNames(p.component, p.environment).gitRepository },
    path: `./${path}`,
    prune: true,
    wait: true,
    kubeConfig: { secretRef: { name: p.kubeconfigSecretName } },
  };
  return {
    apiVersion: `${KUSTOMIZE_GROUP}/${p.fluxApiVersion}`,
    kind: 'Kustomization',
    metadata: { name, namespace: p.fluxNamespace },
    spec,
  };
}

/** What the Packages and PackageInstall Kustomizations add: where, and as whom, on the run cluster. */
function remote(p: BootstrapParams) {
  return { targetNamespace: p.targetNamespace, serviceAccountName: p.fluxServiceAccountName };
}
