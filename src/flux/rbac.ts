/**
 * The run cluster's RBAC for one environment. Two accounts with different jobs:
 * - kapp-controller installs the Package as `serviceAccountName` (in the target namespace), so that
 *   account needs the ConfigMap rule kapp keeps its records with, plus whatever the Package deploys;
 * - Flux applies Packages, PackageInstalls and Secrets as `fluxServiceAccountName`. Flux looks the
 *   impersonated account up in the namespace named like its own Kustomization's (the Flux
 *   namespace), on the run cluster; the Role it is bound to is in the target namespace.
 * An account cannot grant itself rights, so this folder is applied by a Kustomization with no
 * serviceAccountName (the kubeconfig's identity) and no targetNamespace (objects sit in two
 * namespaces, each named explicitly).
 */
import { type BootstrapParams, KAPP_CONFIGMAP_RULE, type PolicyRule } from './params.js';
import { type Manifest, renderManifests } from './yaml.js';

const RBAC_API = 'rbac.authorization.k8s.io/v1';
const APPLY_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

/** What Flux applies into the target namespace: the Packages, the PackageInstall and its values Secret. */
export const FLUX_APPLY_RULES: PolicyRule[] = [
  { apiGroups: ['data.packaging.carvel.dev'], resources: ['packages'], verbs: APPLY_VERBS },
  { apiGroups: ['packaging.carvel.dev'], resources: ['packageinstalls'], verbs: APPLY_VERBS },
  { apiGroups: [''], resources: ['secrets'], verbs: APPLY_VERBS },
];

/** Namespaces a Package never installs into: the cluster's own and Flux's. */
export const RESERVED_NAMESPACES = ['flux-system', 'kube-system', 'kube-public', 'kube-node-lease'];

/**
 * Flux's controllers' ServiceAccounts: impersonating one applies with the controller's own
 * (cluster-admin) rights, which is what serviceAccountName exists to avoid.
 */
export function isFluxControllerAccount(name: string): boolean {
  return /^(?:kustomize|helm|source|notification|source-watcher)-controller$|^image-/.test(name);
}

export const RBAC_FILE = 'rbac.yaml';

/** Pruning a Kustomization must never delete a namespace and everything in it. */
const KEEP_ON_PRUNE = { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' };

export function rbacManifests(p: BootstrapParams): Manifest[] {
  const installer = p.serviceAccountName;
  const applier = p.fluxServiceAccountName;
  const namespaces = [...new Set([p.targetNamespace, p.fluxNamespace])];
  return [
    ...namespaces.map((name) => ({
      object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name, annotations: KEEP_ON_PRUNE } },
    })),
    {
      comment: 'The account kapp-controller installs the Package with.',
      object: serviceAccount(installer, p.targetNamespace),
    },
    { object: role(installer, p.targetNamespace, [KAPP_CONFIGMAP_RULE, ...p.extraRules]) },
    { object: roleBinding(installer, p.targetNamespace, installer, p.targetNamespace) },
    {
      comment: `The account Flux impersonates (it must live in ${p.fluxNamespace}, like the Kustomizations).`,
      object: serviceAccount(applier, p.fluxNamespace),
    },
    { object: role(applier, p.targetNamespace, FLUX_APPLY_RULES) },
    { object: roleBinding(applier, p.targetNamespace, applier, p.fluxNamespace) },
  ];
}

export function renderRbac(p: BootstrapParams): string {
  return renderManifests(rbacManifests(p));
}

function serviceAccount(name: string, namespace: string) {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } };
}

function role(name: string, namespace: string, rules: readonly PolicyRule[]) {
  return { apiVersion: RBAC_API, kind: 'Role', metadata: { name, namespace }, rules: rules.map(copyRule) };
}

function roleBinding(name: string, namespace: string, account: string, accountNamespace: string) {
  return {
    apiVersion: RBAC_API,
    kind: 'RoleBinding',
    metadata: { name, namespace },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
    subjects: [{ kind: 'ServiceAccount', name: account, namespace: accountNamespace }],
  };
}

function copyRule(rule: PolicyRule): PolicyRule {
  const copy: PolicyRule = {
    apiGroups: [...rule.apiGroups],
    resources: [...rule.resources],
    verbs: [...rule.verbs],
  };
  if (rule.resourceNames) copy.resourceNames = [...rule.resourceNames];
  return copy;
}
