/**
 * What one environment's bootstrap renders from: every name, path and switch already resolved
 * (from action inputs, CLI flags, flux-pkg.yaml and the defaults below). The renderers in this
 * folder only turn it into YAML; they decide nothing about where values come from.
 */

export type FluxApiVersion = 'v1' | 'v1beta2';

/** A Kubernetes RBAC rule, as flux-pkg.yaml may add it for what a Package deploys. */
export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}

/** Repository-relative POSIX folders, no leading `./` or trailing `/`. */
export interface BootstrapPaths {
  /** The Brain cluster's folder for this component (the Brain's own Flux syncs it). */
  brainDir: string;
  /** The component's Packages (`<component>/packages`). */
  packagesDir: string;
  /** The environment's PackageInstall and values Secret (`<component>/<environment>`). */
  environmentDir: string;
  /** The run cluster's RBAC for this environment, applied with the kubeconfig's own identity. */
  rbacDir: string;
}

export interface Notifications {
  /** The gitops repository's https address, e.g. `https://github.com/org/gitops`. */
  address: string;
  /** Secret (in the Flux namespace) whose `token` key holds a GitHub token with commit-status rights. */
  tokenSecretName: string;
}

export interface BootstrapParams {
  component: string;
  environment: string;
  /** The run cluster namespace the Packages, PackageInstall and values Secret land in. */
  targetNamespace: string;
  /** The ServiceAccount kapp-controller installs the Package with (in targetNamespace). */
  serviceAccountName: string;
  /** The ServiceAccount Flux impersonates on the run cluster; it lives in fluxNamespace there. */
  fluxServiceAccountName: string;
  /** Secret in fluxNamespace on the Brain cluster, kubeconfig under the key `value`. */
  kubeconfigSecretName: string;
  fluxNamespace: string;
  fluxApiVersion: FluxApiVersion;
  gitUrl: string;
  /** Secret in fluxNamespace with git credentials; absent for a public repository. */
  gitSecretName?: string;
  branch: string;
  paths: BootstrapPaths;
  /** How often Flux reconciles the Kustomizations, and how long one apply + health check may take. */
  interval: string;
  timeout: string;
  /** How often the GitRepository polls, and its git timeout. */
  gitInterval: string;
  gitTimeout: string;
  /** Commit statuses through notification-controller; false turns them off. */
  notifications: Notifications | false;
  /** Rules added to the kapp-controller account's Role (beyond the ConfigMap rule kapp needs). */
  extraRules: PolicyRule[];
  /** Secret holding the SOPS age key, when the environment's values Secret is encrypted. */
  sopsSecretName?: string;
}

/** Names of the Brain cluster's objects, derived from component and environment only. */
export function objectNames(component: string, environment: string) {
  const prefix = `${component}-${environment}`;
  return {
    gitRepository: `${component}-gitops-repo`,
    provider: `${component}-github`,
    alert: prefix,
    rbac: `${prefix}-rbac`,
    packages: `${prefix}-packages`,
    packageInstalls: `${prefix}-packageinstalls`,
  };
}

/** Where bootstrap writes, by default. `componentsPath` is flux-pkg.yaml's layout.componentsPath. */
export function defaultPaths(
  component: string,
  environment: string,
  componentsPath = '',
  packagesDir = 'packages',
): BootstrapPaths {
  const base = componentsPath.replace(/^\.?\/+|\/+$/g, '');
  const dir = base ? `${base}/${component}` : component;
  return {
    brainDir: `clusters/brain/${component}`,
    packagesDir: `${dir}/${packagesDir}`,
    environmentDir: `${dir}/${environment}`,
    rbacDir: `${dir}/${environment}-rbac`,
  };
}

export const DEFAULT_TIMINGS = {
  interval: '5m',
  timeout: '5m',
  gitInterval: '1m',
  gitTimeout: '60s',
} as const;

/** The seed's rule: kapp records what it deployed in ConfigMaps, whatever the Package deploys. */
export const KAPP_CONFIGMAP_RULE: PolicyRule = {
  apiGroups: [''],
  resources: ['configmaps'],
  verbs: ['get', 'list', 'create', 'update', 'delete'],
};
