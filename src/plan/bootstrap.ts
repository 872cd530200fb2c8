/**
 * bootstrap: a new environment for one or more components, as one change that Flux applies by
 * itself once merged — per component the environment folder (PackageInstall + values Secret, planned
 * and validated exactly as install does), the run cluster's RBAC folder, the Brain folder's Flux
 * objects; and flux-pkg.yaml listing the environment. Every rendered object is checked against the
 * shipped schema before anything is proposed; any error leaves `files` empty.
 */
import {
  CONFIG_FILE,
  type LoadedConfig,
  loadConfig,
  type RepoConfig,
  settingsFor,
} from '../config/config.js';
import {
  type Diagnostic,
  dedupeDiagnostics,
  error,
  hasErrors,
  sortDiagnostics,
  warning,
} from '../diagnostics.js';
import { brainKustomization, renderBootstrap } from '../flux/bootstrap.js';
import { generatedResources, kustomizationFilesIn } from '../flux/kustomize.js';
import { type BootstrapParams, DEFAULT_TIMINGS, type PolicyRule } from '../flux/params.js';
import { checkRenderedFile } from '../flux/validate.js';
import type { Snapshot } from '../repo/snapshot.js';
import { bootstrapConfig, configForPlanning } from './bootstrap-config.js';
import {
  type BootstrapRequest,
  DEFAULT_COMMIT_STATUS_SECRET,
  DEFAULT_FLUX_NAMESPACE,
  DEFAULT_SOPS_AGE_SECRET,
  fluxApiVersionOf,
  fluxGitUrl,
  httpsAddressOf,
  requestProblems,
} from './bootstrap-request.js';
import { unsafePathProblems } from './boundaries.js';
import { loadPackages } from './load.js';
import { plan } from './plan.js';
import { RepoReader } from './reader.js';
import { type ComponentLayout, discover } from './repository.js';
import type { EnvironmentResult, PlannedFile, PlanResult } from './types.js';

export type { BootstrapRequest } from './bootstrap-request.js';

export interface BootstrapResult extends PlanResult {
  environment: string;
  /** What was rendered, per component (names of the Secrets to create, for the pull request body). */
  params: BootstrapParams[];
}

interface Planning {
  snapshot: Snapshot;
  request: BootstrapRequest;
  reader: RepoReader;
  paths: Set<string>;
  loaded: LoadedConfig;
  diagnostics: Diagnostic[];
}

export async function planBootstrap(snapshot: Snapshot, request: BootstrapRequest): Promise<BootstrapResult> {
  const diagnostics = requestProblems(request);
  const empty = (): BootstrapResult => finish(request, diagnostics, [], [], []);
  if (hasErrors(diagnostics)) return empty();
  const loaded = await loadConfig(snapshot);
  diagnostics.push(...loaded.diagnostics);
  if (hasErrors(diagnostics)) return empty();
  const paths = new Set((await snapshot.list()).map((e) => e.path));
  const p: Planning = { snapshot, request, reader: new RepoReader(snapshot), paths, loaded, diagnostics };
  const all = discover([...paths], loaded.config.layout);
  const components = chooseComponents(p, all);
  const params = components.flatMap((c) => resolveParams(p, c) ?? []);
  if (hasErrors(diagnostics)) return empty();

  const configText = loaded.config.file ? (await p.reader.yaml(CONFIG_FILE)).text : undefined;
  const configEdit = bootstrapConfig(configText, loaded, all, components, request);
  diagnostics.push(...configEdit.diagnostics);
  if (hasErrors(diagnostics) || !configEdit.loaded) return empty();
  const planningConfig = configForPlanning(configEdit.loaded, request.environment);

  const environments: EnvironmentResult[] = [];
  for (const [i, component] of components.entries()) {
    const env = await planComponent(p, component, params[i]!, planningConfig);
    if (env) environments.push(env);
  }
  const files = [
    ...environments.flatMap((e) => e.files),
    ...(hasErrors(diagnostics) ? [] : await brainRootList(p, params)),
    ...(configEdit.file ? [configEdit.file] : []),
  ];
  for (const f of files)
    if (f.path !== configEdit.file?.path) diagnostics.push(...checkRenderedFile(f.path, f.content));
  diagnostics.push(...unsafePathProblems(files));
  return finish(request, diagnostics, environments, files, params);
}

function finish(
  request: BootstrapRequest,
  diagnostics: Diagnostic[],
  environments: EnvironmentResult[],
  files: PlannedFile[],
  params: BootstrapParams[],
): BootstrapResult {
  const valid = !hasErrors(diagnostics);
  return {
    valid,
    diagnostics: sortDiagnostics(dedupeDiagnostics(diagnostics)),
    environments: environments.map((e) => ({ ...e, valid: e.valid && valid })),
    files: valid ? files : [],
    environment: request.environment,
    params,
  };
}

/** The components asked for (`*`: every one with Packages); an unknown name is an error naming the input. */
function chooseComponents(p: Planning, all: ComponentLayout[]): ComponentLayout[] {
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
function resolveParams(p: Planning, component: ComponentLayout): BootstrapParams | undefined {
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
        `target-namespace is required: flux-pkg.yaml gives none for environment "${env}"`,
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
  if (targetNamespace === fluxNamespace && serviceAccountName === fluxServiceAccountName)
    diagnostics.push(
      error(
        'request.service-account-name',
        `service-account-name "${serviceAccountName}" is also the account Flux impersonates, and target-namespace is the Flux namespace: the two accounts need different names`,
        '',
      ),
    );
  const paths = bootstrapPaths(config, component, env);
  folderProblems(p, component, paths.rbacDir);
  return {
    component: component.name,
    environment: env,
    targetNamespace,
    serviceAccountName,
    fluxServiceAccountName,
    kubeconfigSecretName: r.kubeconfigSecretName ?? settings.kubeconfigSecret ?? `${env}-kubeconfig`,
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
            address: httpsAddressOf(r.gitUrl),
            tokenSecretName: r.commitStatusSecretName ?? DEFAULT_COMMIT_STATUS_SECRET,
          },
    extraRules: extraRules(config, component.name, env),
    sopsSecretName:
      settings.secretFormat === 'sops'
        ? (r.sopsAgeSecretName ?? settings.sopsAgeSecretName ?? DEFAULT_SOPS_AGE_SECRET)
        : undefined,
  };
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
function folderProblems(p: Planning, component: ComponentLayout, rbacDir: string): void {
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

/** One component's files: its environment folder (unless it exists), RBAC folder and Brain folder. */
async function planComponent(
  p: Planning,
  component: ComponentLayout,
  params: BootstrapParams,
  planningConfig: LoadedConfig,
): Promise<EnvironmentResult | undefined> {
  const env = p.request.environment;
  const hasEnvFolder = component.environments.includes(env);
  const existing = [
    ...(hasEnvFolder ? [`${params.paths.environmentDir}/`] : []),
    ...[...p.paths].filter(
      (f) => f.startsWith(`${params.paths.rbacDir}/`) || f === `${params.paths.brainDir}/${env}.yaml`,
    ),
  ];
  if (existing.length > 0 && !p.request.force) {
    p.diagnostics.push(
      error(
        'bootstrap.exists',
        `environment "${env}" of ${component.name} exists already (${existing[0]}); rerun with force to regenerate its Flux and RBAC files (values are kept)`,
        existing[0]!.replace(/\/$/, ''),
      ),
    );
    return undefined;
  }
  const result = hasEnvFolder
    ? await existingEnvironment(p, component, params)
    : await newEnvironment(p, component, params, planningConfig);
  if (!result) return undefined;
  result.files.push(...(await fluxFiles(p, params)));
  return result;
}

/** The environment folder, planned by install mode's planner on the config that lists the environment. */
async function newEnvironment(
  p: Planning,
  component: ComponentLayout,
  params: BootstrapParams,
  planningConfig: LoadedConfig,
): Promise<EnvironmentResult | undefined> {
  const { request: r } = p;
  const packageFile = await chosenPackage(p, component);
  if (packageFile === null) return undefined;
  const planned = await plan(
    p.snapshot,
    {
      kind: 'install',
      packages: packageFile ? [packageFile] : undefined,
      components: [component.name],
      environments: [r.environment],
      values: r.values,
      sops: r.sops,
      overrides: {
        serviceAccountName: params.serviceAccountName,
        ...(r.sopsAgeRecipients ? { sopsAgeRecipients: r.sopsAgeRecipients } : {}),
      },
    },
    planningConfig,
  );
  p.diagnostics.push(...planned.diagnostics);
  const env = planned.environments.find((e) => e.component === component.name);
  if (!env && !hasErrors(planned.diagnostics))
    p.diagnostics.push(
      error('bootstrap.no-version', `no Package of ${component.name} is selectable in ${r.environment}`, ''),
    );
  return env ? { ...env, files: [...env.files] } : undefined;
}

/** With force, an environment that has a folder keeps it as it is: its values are the source of truth. */
async function existingEnvironment(
  p: Planning,
  component: ComponentLayout,
  params: BootstrapParams,
): Promise<EnvironmentResult> {
  if (p.request.values !== undefined || p.request.version !== undefined)
    p.diagnostics.push(
      warning(
        'bootstrap.values-kept',
        `${params.paths.environmentDir}/ exists: its PackageInstall and values are kept; values and version are not applied (install and promote change them)`,
        params.paths.environmentDir,
      ),
    );
  const packages = await loadPackages(p.reader, component);
  return {
    component: component.name,
    environment: p.request.environment,
    refName: packages.refName,
    files: [],
    valuesKeysChanged: [],
    valid: true,
  };
}

/** The Package file of the requested version; undefined: the newest (install's choice); null: an error. */
async function chosenPackage(p: Planning, component: ComponentLayout): Promise<string | undefined | null> {
  const version = p.request.version;
  if (version === undefined) return undefined;
  const { packages } = await loadPackages(p.reader, component);
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

/** The RBAC and Brain files: shared ones only when absent, the environment's regenerated, lists merged. */
async function fluxFiles(p: Planning, params: BootstrapParams): Promise<PlannedFile[]> {
  const rendered = renderBootstrap(params);
  const wanted = [...rendered.shared.filter((f) => !p.paths.has(f.path)), ...rendered.environment];
  const files: PlannedFile[] = [];
  for (const f of wanted) {
    const before = await textOf(p, f.path);
    if (before !== f.content) files.push(planned(f.path, f.content, before));
  }
  files.push(...(await listedIn(p, params.paths.brainDir, rendered.brainResources, wanted)));
  return files;
}

/** A kustomization file in the Brain's synced folder applies only what it lists: list each component's folder. */
async function brainRootList(p: Planning, params: BootstrapParams[]): Promise<PlannedFile[]> {
  const root = p.loaded.config.layout.brainPath;
  if (!kustomizationFilesIn(p.paths, root)[0]) return [];
  return listedIn(
    p,
    root,
    params.map((x) => x.paths.brainDir.slice(root.length + 1)),
    [],
  );
}

/** A folder's kustomization file listing `resources` (kept, extended, or new over what Flux applied). */
async function listedIn(
  p: Planning,
  dir: string,
  resources: string[],
  adding: { path: string }[],
): Promise<PlannedFile[]> {
  const path = kustomizationFilesIn(p.paths, dir)[0];
  if (path) {
    const before = await textOf(p, path);
    const content = brainKustomization(before, resources);
    return content === before ? [] : [planned(path, content, before)];
  }
  const inFolder = [...p.paths].filter((f) => f.startsWith(`${dir}/`));
  const all =
    inFolder.length === 0
      ? resources
      : generatedResources([...inFolder, ...adding.map((f) => f.path)], dir).filter(Boolean);
  const content = brainKustomization(undefined, [...new Set([...all, ...resources])]);
  return [planned(`${dir}/kustomization.yaml`, content, undefined)];
}

async function textOf(p: Planning, path: string): Promise<string | undefined> {
  if (!p.paths.has(path)) return undefined;
  const read = await p.reader.yaml(path);
  if (read.text === undefined && read.parsed) p.diagnostics.push(...read.parsed.diagnostics);
  return read.text;
}

function planned(path: string, content: string, before: string | undefined): PlannedFile {
  return { path, content, action: before === undefined ? 'create' : 'update', secret: false };
}
