/**
 * bootstrap's synchronous rules: which components, the parameters each one's Flux and RBAC files
 * are rendered with, and what a requested version or an existing folder means. bootstrap.ts loads
 * and orchestrates.
 */

import type { LoadedConfig } from '../../../config/config.js';
import { type RepoConfig, settingsFor } from '../../../config/config.js';
import { type Diagnostic, error, warning } from '../../../diagnostics.js';
import { type BootstrapParams, DEFAULT_TIMINGS, type PolicyRule } from '../../../flux/params.js';
import { isFluxControllerAccount, RESERVED_NAMESPACES } from '../../../flux/rbac.js';
import { nameOf } from '../../../settings/declarations.js';
import type { ComponentPackages } from '../../model/packages.js';
import type { ComponentLayout } from '../../model/repository.js';
import type { EnvironmentResult } from '../../types.js';
import {
  type BootstrapRequest,
  DEFAULT_COMMIT_STATUS_SECRET,
  DEFAULT_FLUX_NAMESPACE,
  DEFAULT_SOPS_AGE_SECRET,
  fluxApiVersionOf,
  fluxGitUrl,
} from './request.js';

/** What bootstrap plans from: the request, the repository's file list and flux-pkg.yaml, and where diagnostics go. */
export interface BootstrapInput {
  request: BootstrapRequest;
  paths: Set<string>;
  loaded: LoadedConfig;
  diagnostics: Diagnostic[];
}

/** The components asked for (`*`: every one with Packages); an unknown name is an error naming the input. */
export function chooseComponents(p: BootstrapInput, all: ComponentLayout[]): ComponentLayout[] {
  const withPackages = all.filter((c) => c.packageFiles.length > 0);
  if (p.request.components.length === 1 && p.request.components[0] === '*') {
    if (withPackages.length === 0)
      p.diagnostics.push(error('request.component', 'component * finds no component with Packages', ''));
    return withPackages;
  }
  const known = withPackages.map((c) => c.name).join(', ') || 'none';
  return [...new Set(p.request.components)].flatMap((name) => {
    const found = withPackages.find((c) => c.name === name);
    if (!found)
      p.diagnostics.push(
        error(
          'request.component',
          `component "${name}" has no Packages in the repository (components: ${known})`,
          '',
        ),
      );
    return found ? [found] : [];
  });
}

/** Every name, path and switch of one component's bootstrap: inputs, then flux-pkg.yaml, then defaults. */
export function resolveParams(p: BootstrapInput, component: ComponentLayout): BootstrapParams | undefined {
  const { request: r, loaded, diagnostics } = p;
  const { config } = loaded;
  const env = r.environment;
  const settings = settingsFor(config, component.name, env);
  const configured = <K extends keyof typeof settings>(key: K) =>
    explicitSetting(config, component.name, env, key);
  const targetNamespace = r.targetNamespace ?? settings.targetNamespace;
  if (!targetNamespace) {
    diagnostics.push(
      error(
        'request.target-namespace',
        `${nameOf('target-namespace', r.wording)} is required: flux-pkg.yaml gives none for environment "${env}"`,
        '',
      ),
    );
    return undefined;
  }
  const fluxNamespace = r.fluxNamespace ?? settings.fluxNamespace ?? DEFAULT_FLUX_NAMESPACE;
  const serviceAccountName =
    r.serviceAccountName ?? configured('serviceAccountName') ?? `${component.name}-installer`;
  const fluxServiceAccountName =
    r.fluxServiceAccountName ?? settings.fluxServiceAccountName ?? `${component.name}-flux`;
  const kubeconfigSecretName = r.kubeconfigSecretName ?? settings.kubeconfigSecret ?? `${env}-kubeconfig`;
  const extra = extraRules(config, component.name, env);
  riskyParams(
    p,
    component,
    { targetNamespace, fluxNamespace, fluxServiceAccountName, kubeconfigSecretName },
    extra,
  );
  const paths = bootstrapPaths(config, component, env);
  folderProblems(p, component, paths.rbacDir);
  return {
    component: component.name,
    environment: env,
    targetNamespace,
    serviceAccountName,
    fluxServiceAccountName,
    kubeconfigSecretName,
    fluxNamespace,
    fluxApiVersion: fluxApiVersionOf(r.fluxApiVersion, settings.fluxApiVersion),
    gitUrl: fluxGitUrl(r.gitUrl),
    gitSecretName: r.gitSecretName ?? settings.gitSecretName ?? `${component.name}-gitops-auth`,
    branch: r.branch,
    paths,
    ...DEFAULT_TIMINGS,
    notifications:
      r.commitStatus === false
        ? false
        : {
            // The repository on this GitHub server, never the git URL's host (the token goes there).
            address: r.repositoryUrl!.replace(/\/+$/, ''),
            tokenSecretName: r.commitStatusSecretName ?? DEFAULT_COMMIT_STATUS_SECRET,
          },
    extraRules: extra,
    sopsSecretName:
      settings.secretFormat === 'sops'
        ? (r.sopsAgeSecretName ?? settings.sopsAgeSecretName ?? DEFAULT_SOPS_AGE_SECRET)
        : undefined,
  };
}

/**
 * What bootstrap refuses whether an input or flux-pkg.yaml gives it: installing into the Flux or
 * a system namespace, Flux impersonating a controller's account, `*` in Role rules (unless the base
 * flux-pkg.yaml's policy.allowClusterScope names the component); a kubeconfig Secret another
 * environment uses is a warning (namespaces of one cluster share one).
 */
function riskyParams(
  p: BootstrapInput,
  component: ComponentLayout,
  given: {
    targetNamespace: string;
    fluxNamespace: string;
    fluxServiceAccountName: string;
    kubeconfigSecretName: string;
  },
  rules: readonly PolicyRule[],
): void {
  const { config } = p.loaded;
  const env = p.request.environment;
  const refuse = (input: 'target-namespace' | 'flux-service-account-name' | 'rbac', message: string) =>
    p.diagnostics.push(error(`request.${input}`, `${input} ${message}`, ''));
  if (given.targetNamespace === given.fluxNamespace || RESERVED_NAMESPACES.includes(given.targetNamespace))
    refuse(
      'target-namespace',
      `"${given.targetNamespace}" is ${given.targetNamespace === given.fluxNamespace ? 'the Flux namespace' : 'a namespace of the cluster'}: a Package is installed into a namespace of its own; set target-namespace (or targetNamespace in flux-pkg.yaml) to it`,
    );
  if (isFluxControllerAccount(given.fluxServiceAccountName))
    refuse(
      'flux-service-account-name',
      `"${given.fluxServiceAccountName}" is a Flux controller's account: Flux would apply with its cluster-wide rights; name an account of the environment's own (default ${component.name}-flux)`,
    );
  if (rules.some(hasWildcard) && !allowsClusterScope(config, component.name))
    refuse(
      'rbac',
      `rbac.extraRules of flux-pkg.yaml for ${component.name} in ${env} use "*" in apiGroups, resources or verbs: list what the Package deploys, or have the platform team add ${component.name} to policy.allowClusterScope on the base branch`,
    );
  const sharing = otherEnvironments(p, component).find(
    (other) => kubeconfigOf(config, component.name, other) === given.kubeconfigSecretName,
  );
  if (sharing)
    p.diagnostics.push(
      warning(
        'bootstrap.shared-kubeconfig',
        `kubeconfig Secret "${given.kubeconfigSecretName}" of ${env} is also the one of environment "${sharing}": both deliver to one cluster with one identity (fine for namespaces of one cluster; otherwise set kubeconfig-secret-name)`,
        '',
      ),
    );
}

const hasWildcard = (rule: PolicyRule) =>
  [...rule.apiGroups, ...rule.resources, ...rule.verbs].some((v) => v.includes('*'));

/** policy.allowClusterScope names the component (or `*`). */
export function allowsClusterScope(config: RepoConfig, component: string): boolean {
  return config.policy.allowClusterScope.some((c) => c === '*' || c === component);
}

function otherEnvironments(p: BootstrapInput, component: ComponentLayout): string[] {
  const listed = p.loaded.config.environments?.map((e) => e.name) ?? [];
  return [...new Set([...listed, ...component.environments])].filter((e) => e !== p.request.environment);
}

function kubeconfigOf(config: RepoConfig, component: string, environment: string): string {
  return settingsFor(config, component, environment).kubeconfigSecret ?? `${environment}-kubeconfig`;
}

/** A setting flux-pkg.yaml itself sets (component, environment or defaults), not a built-in default. */
function explicitSetting<K extends keyof ReturnType<typeof settingsFor>>(
  config: RepoConfig,
  component: string,
  environment: string,
  key: K,
): ReturnType<typeof settingsFor>[K] | undefined {
  const blocks = [
    config.components[component],
    config.environments?.find((e) => e.name === environment),
    config.defaults,
  ];
  for (const block of blocks) {
    const value = (block as Record<string, unknown> | undefined)?.[key];
    if (value !== undefined) return value as ReturnType<typeof settingsFor>[K];
  }
  return undefined;
}

/** Extra Role rules add up: defaults, then the environment's, then the component's. */
function extraRules(config: RepoConfig, component: string, environment: string): PolicyRule[] {
  return [
    config.defaults,
    config.environments?.find((e) => e.name === environment),
    config.components[component],
  ].flatMap((block) => block?.rbac?.extraRules ?? []);
}

function bootstrapPaths(config: RepoConfig, component: ComponentLayout, environment: string) {
  const { layout } = config;
  return {
    brainDir: `${layout.brainPath}/${component.name}`,
    packagesDir: `${component.dir}/${layout.packagesDir}`,
    environmentDir: `${component.dir}/${environment}`,
    rbacDir: `${component.dir}/${rbacFolderOf(config, environment)}`,
  };
}

const rbacFolderOf = (config: RepoConfig, environment: string) =>
  config.layout.rbacFolder.replaceAll('{environment}', environment);

/** The environment folder, the RBAC folder and the Packages folder must be three different folders. */
function folderProblems(p: BootstrapInput, component: ComponentLayout, rbacDir: string): void {
  const { config } = p.loaded;
  const env = p.request.environment;
  const rbac = rbacDir.slice(component.dir.length + 1);
  const others = new Set([...component.environments, ...(config.environments?.map((e) => e.name) ?? [])]);
  others.delete(env);
  const clash =
    env === config.layout.packagesDir
      ? `is the name of the Packages folder`
      : rbac === config.layout.packagesDir || rbac === env || others.has(rbac)
        ? `would put its RBAC folder ${rbac}/ where environment or Packages folder "${rbac}" is`
        : [...others].find((o) => rbacFolderOf(config, o) === env)
          ? `is the RBAC folder of another environment`
          : undefined;
  if (clash)
    p.diagnostics.push(
      error('request.environment', `environment "${env}" ${clash} in ${component.dir}/`, ''),
    );
}

/** The Package file of the requested version; undefined: the newest (install's choice); null: an error. */
export function requestedPackage(
  p: BootstrapInput,
  component: ComponentLayout,
  { packages }: ComponentPackages,
): string | undefined | null {
  const version = p.request.version;
  if (version === undefined) return undefined;
  const found = packages.find((pkg) => pkg.version === version);
  if (found) return found.file;
  const versions = packages.map((pkg) => pkg.version);
  const shown = versions.length > 5 ? ['…', ...versions.slice(-5)] : versions;
  p.diagnostics.push(
    error(
      'request.version',
      `version "${version}" has no Package of ${component.name} (versions: ${shown.join(', ') || 'none'})`,
      '',
    ),
  );
  return null;
}

/** With force, an environment that has a folder keeps it as it is: its values are the source of truth. */
export function existingEnvironment(
  p: BootstrapInput,
  component: ComponentLayout,
  packages: ComponentPackages,
): EnvironmentResult {
  return {
    component: component.name,
    environment: p.request.environment,
    refName: packages.refName,
    files: [],
    valuesKeysChanged: [],
    valid: true,
  };
}

/** Values or a version asked for an environment that exists are not applied: say so. */
export function keptValuesNote(p: BootstrapInput, params: BootstrapParams): void {
  if (p.request.values !== undefined || p.request.version !== undefined)
    p.diagnostics.push(
      warning(
        'bootstrap.values-kept',
        `${params.paths.environmentDir}/ exists: its PackageInstall and values are kept; values and version are not applied (install and promote change them)`,
        params.paths.environmentDir,
      ),
    );
}

/** Without force, an environment that has any of its folders already is an error. */
export function existsAlready(
  p: BootstrapInput,
  component: ComponentLayout,
  params: BootstrapParams,
): boolean {
  const env = p.request.environment;
  const existing = [
    ...(component.environments.includes(env) ? [`${params.paths.environmentDir}/`] : []),
    ...[...p.paths].filter(
      (f) => f.startsWith(`${params.paths.rbacDir}/`) || f === `${params.paths.brainDir}/${env}.yaml`,
    ),
  ];
  if (existing.length === 0 || p.request.force) return false;
  p.diagnostics.push(
    error(
      'bootstrap.exists',
      `environment "${env}" of ${component.name} exists already (${existing[0]}); rerun with ${nameOf('force', p.request.wording)} to regenerate its Flux and RBAC files (values are kept)`,
      existing[0]!.replace(/\/$/, ''),
    ),
  );
  return true;
}
