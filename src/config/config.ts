/**
 * flux-pkg.yaml: the repository's own configuration. Optional; when absent the environments are the
 * folders that exist under each component, and every one takes new Package versions directly.
 * Precedence, lowest first: built-in defaults, `defaults:`, the environment's entry, the component's
 * entry, then what the caller (action inputs, CLI flags) overrides.
 */
import type { ErrorObject } from 'ajv';
import { expandNameTemplate, nameTemplateProblem } from '../carvel/names.js';
import { type Diagnostic, type ErrorCode, error, hasErrors, type Position } from '../diagnostics.js';
import { isProtectedPath, relativePathProblem } from '../repo/paths.js';
import { type FileEntry, readBounded, type Snapshot } from '../repo/snapshot.js';
import {
  DEFAULT_LIMITS,
  formatPath,
  type PathSegment,
  parseYaml,
  positionAt,
  tooLargeYaml,
} from '../yaml/parse.js';
import configValidator from './config-validator.generated.js';

export const CONFIG_FILE = 'flux-pkg.yaml';

/**
 * Names a person may give the config that the action does not read. Each is an error naming the file it does
 * read, never a silent fallback to no config (with none, every environment takes new versions directly: a
 * misnamed config would send a new Package straight to prod). One name is read, so two files never disagree.
 */
const MISNAMED_CONFIGS: Record<string, string> = {
  'flux-pkg.yml': `flux-pkg.yml is not read: the action reads ${CONFIG_FILE} at the repository root; rename the file to ${CONFIG_FILE}`,
  '.flux-pkg.yaml': `.flux-pkg.yaml is not read: the action reads ${CONFIG_FILE} (no leading dot) at the repository root; rename the file to ${CONFIG_FILE}`,
  '.flux-pkg.yml': `.flux-pkg.yml is not read: the action reads ${CONFIG_FILE} at the repository root; rename the file to ${CONFIG_FILE}`,
  '.github/flux-pkg.yaml': `nothing under .github/ is read: move .github/flux-pkg.yaml to ${CONFIG_FILE} at the repository root`,
  '.github/flux-pkg.yml': `nothing under .github/ is read: move .github/flux-pkg.yml to ${CONFIG_FILE} at the repository root`,
};

function misnamedConfigs(paths: readonly string[]): Diagnostic[] {
  return paths
    .filter((path) => Object.hasOwn(MISNAMED_CONFIGS, path))
    .map((path) => error('config.misnamed', MISNAMED_CONFIGS[path]!, path, { line: 1, column: 1 }));
}

export interface Layout {
  componentsPath: string;
  packagesDir: string;
  packageInstallFile: string;
  valuesSecretFile: string;
  valuesKey: string;
  /** Folder of the Brain cluster's Flux objects; each component gets `<brainPath>/<component>` (bootstrap). */
  brainPath: string;
  /** Name of an environment's RBAC folder under the component, with {environment} replaced (bootstrap). */
  rbacFolder: string;
}

/** A Kubernetes RBAC rule flux-pkg.yaml adds to the Role kapp-controller installs with (bootstrap). */
export interface RbacRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}

export type AutoMerge = false | 'merge' | 'squash' | 'rebase';

/** Everything that can be set per environment, fully resolved. */
export interface Settings {
  constraint: string;
  prereleases: boolean | string[];
  serviceAccountName: string;
  namespace?: string;
  packageInstallName: string;
  valuesSecretName: string;
  kubeconfigSecret?: string;
  targetNamespace?: string;
  secretFormat: 'plain' | 'sops';
  /** A values Secret in plain text is an error, not a warning. */
  requireEncryption: boolean;
  /** age recipients (`age1…`) the values Secret is encrypted for when no `.sops.yaml` rule matches. */
  sopsAgeRecipients: string[];
  fluxApiVersion: 'v1' | 'v1beta2';
  labels: string[];
  reviewers: string[];
  teamReviewers: string[];
  autoMerge: AutoMerge;
  /** Bootstrap: the namespace of the Brain's Flux objects and Secrets (default flux-system). */
  fluxNamespace?: string;
  /** Bootstrap: the ServiceAccount Flux impersonates on the run cluster. */
  fluxServiceAccountName?: string;
  /** Bootstrap: the Secret with the git credentials the GitRepository reads. */
  gitSecretName?: string;
  /** Bootstrap: the Secret with the SOPS age key, for secretFormat sops. */
  sopsAgeSecretName?: string;
  /** Bootstrap: extra rules for the kapp-controller account's Role (defaults, environment and component rules add up). */
  rbac?: { extraRules?: RbacRule[] };
}

export type PromoteWhen = 'merged' | 'healthy';

export interface EnvironmentConfig extends Partial<Settings> {
  name: string;
  promoteFrom?: string;
  /** Absent: merged. */
  promoteWhen?: PromoteWhen;
}

/** How versions move along promoteFrom chains. */
export interface PromotionConfig {
  /** PR labels that allow an out-of-order promotion. */
  overrideLabels: string[];
  /** The Kustomization whose commit status says an environment is healthy ({component}, {environment}). */
  healthKustomization: string;
  /** GitHub logins whose commit statuses may promote (the Flux Provider token's account). */
  statusCreators: string[];
  /** The health status context for a Provider with commitStatusExpr ({kustomization}, {component}, {environment}). */
  statusContext?: string;
}

/** What the gate lets RBAC and Brain folders hold (read from the base branch only). */
export interface PolicyConfig {
  /** Components (or `*`) allowed cluster-scope RBAC, bindings to built-in admin roles and `*` in rules. */
  allowClusterScope: string[];
}

export interface ComponentConfig extends Partial<Settings> {
  environments?: string[];
}

export type PrFlow = 'per-component' | 'per-environment';

export interface RepoConfig {
  /** The config file's path when one was read. */
  file?: string;
  layout: Layout;
  prFlow?: PrFlow;
  defaults: Partial<Settings>;
  /** Ordered environments, when the config lists them. */
  environments?: EnvironmentConfig[];
  components: Record<string, ComponentConfig>;
  promotion: PromotionConfig;
  policy: PolicyConfig;
}

export const DEFAULT_PROMOTION: PromotionConfig = {
  overrideLabels: ['hotfix'],
  healthKustomization: '{component}-{environment}-packageinstalls',
  statusCreators: [],
};

export const DEFAULT_POLICY: PolicyConfig = { allowClusterScope: [] };

export const DEFAULT_LAYOUT: Layout = {
  componentsPath: '',
  packagesDir: 'packages',
  packageInstallFile: 'packageinstall.yaml',
  valuesSecretFile: 'params.yaml',
  valuesKey: 'values.yaml',
  brainPath: 'clusters/brain',
  rbacFolder: '{environment}-rbac',
};

export const BUILT_IN_SETTINGS: Settings = {
  constraint: '{version}',
  prereleases: false,
  serviceAccountName: 'default-ns-sa',
  packageInstallName: '{component}',
  valuesSecretName: '{component}-values',
  secretFormat: 'plain',
  requireEncryption: false,
  sopsAgeRecipients: [],
  fluxApiVersion: 'v1',
  labels: [],
  reviewers: [],
  teamReviewers: [],
  autoMerge: false,
};

export const DEFAULT_CONFIG: RepoConfig = {
  layout: DEFAULT_LAYOUT,
  defaults: {},
  components: {},
  promotion: DEFAULT_PROMOTION,
  policy: DEFAULT_POLICY,
};

// The schema compiled ahead of time (scripts/compile-schemas.ts; a test fails when it drifts from schema.ts): compiling
// it with ajv at start was a quarter of the CLI's `validate`.
function validateSchema(value: unknown) {
  const validator = configValidator as ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };
  return { ok: validator(value), errors: validator.errors ?? [] };
}

/** flux-pkg.yaml as read: the configuration (defaults where absent or invalid) and what was wrong with it. */
export interface LoadedConfig {
  config: RepoConfig;
  diagnostics: Diagnostic[];
  /** Where a key of flux-pkg.yaml is, for checks that need the repository (absent without a config file). */
  positionOf?: (path: readonly PathSegment[]) => Position;
}

/** Read flux-pkg.yaml through the same size cap and link rule as every other file. */
export async function loadConfig(snapshot: Snapshot): Promise<LoadedConfig> {
  const entries = await snapshot.list();
  const misnamed = misnamedConfigs(entries.map((e) => e.path));
  const loaded = await readConfig(
    snapshot,
    entries.find((e) => e.path === CONFIG_FILE),
  );
  return misnamed.length === 0 ? loaded : { ...loaded, diagnostics: [...misnamed, ...loaded.diagnostics] };
}

async function readConfig(snapshot: Snapshot, entry: FileEntry | undefined): Promise<LoadedConfig> {
  if (!entry) return { config: DEFAULT_CONFIG, diagnostics: [] };
  const read = await readBounded(snapshot, CONFIG_FILE, DEFAULT_LIMITS.maxBytes, entry);
  if (read.refused) {
    const { reason, message, size } = read.refused;
    const diagnostic =
      reason === 'too-large'
        ? tooLargeYaml(CONFIG_FILE, size ?? DEFAULT_LIMITS.maxBytes + 1, DEFAULT_LIMITS.maxBytes)
            .diagnostics[0]!
        : error(`repo.${reason}`, message, CONFIG_FILE);
    return { config: { ...DEFAULT_CONFIG, file: CONFIG_FILE }, diagnostics: [diagnostic] };
  }
  if (read.text === undefined) return { config: DEFAULT_CONFIG, diagnostics: [] };
  return parseConfig(CONFIG_FILE, read.text);
}

export function parseConfig(file: string, text: string): LoadedConfig {
  const parsed = parseYaml(file, text);
  const diagnostics = [...parsed.diagnostics];
  const invalid = (): LoadedConfig => ({ config: { ...DEFAULT_CONFIG, file }, diagnostics });
  if (diagnostics.length > 0) return invalid();
  const first = parsed.documents[0];
  const isEmptyMap = isPlainObject(first?.value) && Object.keys(first.value).length === 0;
  if (!first || isEmptyMap) {
    diagnostics.push(
      error(
        'config.empty',
        `${file} is present but says nothing; list the environments (or other settings), or delete the file`,
        file,
        first ? positionAt(parsed, first.doc, []) : { line: 1, column: 1 },
      ),
    );
    return invalid();
  }
  const positionOf = (path: readonly PathSegment[]) => positionAt(parsed, first.doc, path);
  const at = (code: ErrorCode, message: string, path: PathSegment[]) =>
    diagnostics.push(error(code, message, file, positionOf(path), formatPath(path)));
  if (parsed.documents.length > 1)
    at('config.documents', `${file} must hold one YAML document, not ${parsed.documents.length}`, []);
  checkLayoutPaths(first.value, at);
  const { ok, errors } = validateSchema(first.value);
  for (const e of errors) {
    const path = e.instancePath.split('/').slice(1).map(decodePointer);
    // A bad layout path is reported once, in words, by checkLayoutPaths().
    if (path[0] === 'layout' && path.length === 2 && e.keyword !== 'type') continue;
    const extra = e.keyword === 'additionalProperties' ? String(e.params.additionalProperty) : undefined;
    at(
      'config.invalid',
      extra ? `unknown setting "${extra}"` : `${e.message}`,
      extra ? [...path, extra] : path,
    );
  }
  if (!ok || hasErrors(diagnostics)) return invalid();
  const raw = first.value as {
    layout?: Partial<Layout>;
    prFlow?: PrFlow;
    defaults?: Partial<Settings>;
    environments?: EnvironmentConfig[];
    components?: Record<string, ComponentConfig>;
    promotion?: Partial<PromotionConfig>;
    policy?: Partial<PolicyConfig>;
  };
  const config: RepoConfig = {
    file,
    layout: { ...DEFAULT_LAYOUT, ...raw.layout },
    prFlow: raw.prFlow,
    defaults: raw.defaults ?? {},
    environments: raw.environments,
    components: raw.components ?? {},
    promotion: { ...DEFAULT_PROMOTION, ...raw.promotion },
    policy: { ...DEFAULT_POLICY, ...raw.policy },
  };
  checkEnvironments(config, at);
  checkStatusCreators(config, at);
  checkSettings(raw, at);
  return { config: hasErrors(diagnostics) ? { ...DEFAULT_CONFIG, file } : config, diagnostics, positionOf };
}

type Report = (code: ErrorCode, message: string, path: PathSegment[]) => void;

/** Every configured path is a clean relative path inside the repo (layout keys are folder and file names). */
function checkLayoutPaths(value: unknown, report: Report): void {
  const layout = isPlainObject(value) ? value.layout : undefined;
  if (!isPlainObject(layout)) return;
  for (const [key, setting] of Object.entries(layout)) {
    if (typeof setting !== 'string' || !(key in DEFAULT_LAYOUT)) continue;
    const problem = layoutPathProblem(key as keyof Layout, setting);
    if (problem)
      report('config.path', `layout.${key} ${JSON.stringify(setting)} ${problem}`, ['layout', key]);
  }
}

/** What is wrong with a layout setting's value, or undefined. The JSON Schema says the same with patterns. */
export function layoutPathProblem(key: keyof Layout, value: string): string | undefined {
  if (key === 'valuesKey') {
    if (!/^[-._a-zA-Z0-9]+$/.test(value) || value === '.' || value === '..' || value.length > 253)
      return 'must be a Kubernetes Secret key: letters, digits, "-", "_" and "." (not "." or "..")';
    return undefined;
  }
  if (key === 'componentsPath' || key === 'brainPath') {
    if (value === '') return key === 'brainPath' ? 'must not be empty' : undefined;
    const problem = relativePathProblem(value);
    if (problem) return problem;
    return isProtectedPath(value)
      ? `is under ${value.split('/')[0]}/, which flux-pkg-action never writes`
      : undefined;
  }
  const problem = relativePathProblem(value);
  if (problem) return problem;
  if (value.includes('/')) return 'must be one name, without "/"';
  if (key === 'rbacFolder' && !value.includes('{environment}'))
    return 'must contain {environment}: each environment needs an RBAC folder of its own';
  return undefined;
}

/** Every place flux-pkg.yaml sets per-environment settings, with its path in the file. */
function settingsBlocks(raw: {
  defaults?: Partial<Settings>;
  environments?: EnvironmentConfig[];
  components?: Record<string, ComponentConfig>;
}): [PathSegment[], Partial<Settings>][] {
  return [
    ...(raw.defaults ? [[['defaults'], raw.defaults] as [PathSegment[], Partial<Settings>]] : []),
    ...(raw.environments ?? []).map((e, i) => [['environments', i], e] as [PathSegment[], Partial<Settings>]),
    ...Object.entries(raw.components ?? {}).map(
      ([name, c]) => [['components', name], c] as [PathSegment[], Partial<Settings>],
    ),
  ];
}

/** Settings the schema cannot judge: name templates that make invalid names. */
function checkSettings(raw: Parameters<typeof settingsBlocks>[0], report: Report): void {
  for (const [where, settings] of settingsBlocks(raw)) {
    for (const key of ['packageInstallName', 'valuesSecretName'] as const) {
      const template = settings[key];
      const problem = typeof template === 'string' ? nameTemplateProblem(template) : undefined;
      if (problem) report('config.name-template', `${key} ${problem}`, [...where, key]);
    }
  }
}

/**
 * Health-gated promotion trusts commit statuses only from listed accounts: anyone with
 * `statuses: write` can post the context notification-controller posts.
 */
function checkStatusCreators(config: RepoConfig, report: Report): void {
  if (config.promotion.statusCreators.length > 0) return;
  const index = (config.environments ?? []).findIndex((e) => e.promoteWhen === 'healthy');
  if (index < 0) return;
  report(
    'config.status-creators',
    `environment "${config.environments![index]!.name}" uses promoteWhen: healthy, but promotion.statusCreators lists no account: add the GitHub login of the token in the Flux Provider's Secret (e.g. promotion: { statusCreators: [flux-bot] }); statuses from anyone else never promote`,
    ['environments', index, 'promoteWhen'],
  );
}

/** Environment names used by promoteFrom and components.*.environments exist; promotion has no cycle. */
function checkEnvironments(config: RepoConfig, report: Report): void {
  const envs = config.environments ?? [];
  const names = new Set<string>();
  envs.forEach((env, i) => {
    if (names.has(env.name))
      report('config.duplicate-environment', `environment "${env.name}" is listed twice`, [
        'environments',
        i,
        'name',
      ]);
    names.add(env.name);
  });
  const promotedFrom = new Map(envs.map((e) => [e.name, e.promoteFrom]));
  envs.forEach((env, i) => {
    const at = ['environments', i, 'promoteFrom'];
    if (env.promoteFrom === undefined) return;
    if (env.promoteFrom === env.name)
      report('config.promote-cycle', `environment "${env.name}" promotes from itself`, at);
    else if (!names.has(env.promoteFrom))
      report(
        'config.unknown-environment',
        `promoteFrom names "${env.promoteFrom}", which is not a listed environment`,
        at,
      );
    else {
      const chain = [env.name];
      for (
        let next: string | undefined = env.promoteFrom;
        next !== undefined;
        next = promotedFrom.get(next)
      ) {
        if (next === env.name) {
          report(
            'config.promote-cycle',
            `promotion goes round in a cycle: ${[...chain, next].join(' ← ')}`,
            at,
          );
          break;
        }
        if (chain.includes(next)) break; // a cycle that does not include this environment: reported at its members
        chain.push(next);
      }
    }
  });
  if (!config.environments) return;
  for (const [component, settings] of Object.entries(config.components)) {
    settings.environments?.forEach((name, i) => {
      if (!names.has(name))
        report(
          'config.unknown-environment',
          `component "${component}" names environment "${name}", which is not a listed environment`,
          ['components', component, 'environments', i],
        );
    });
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function decodePointer(segment: string): string | number {
  const s = segment.replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(s) ? Number(s) : s;
}

/** The resolved settings for one component in one environment. */
export function settingsFor(
  config: RepoConfig,
  component: string,
  environment: string,
  overrides: Partial<Settings> = {},
): Settings {
  const env = config.environments?.find((e) => e.name === environment);
  const { environments: _, ...componentSettings } = config.components[component] ?? {};
  const { name: __, promoteFrom: ___, promoteWhen: ____, ...envSettings } = env ?? { name: environment };
  const merged = {
    ...BUILT_IN_SETTINGS,
    ...config.defaults,
    ...envSettings,
    ...componentSettings,
    ...definedOnly(overrides),
  };
  return {
    ...merged,
    // Templates were checked at load (checkSettings); the planner checks the names it writes.
    packageInstallName: expandNameTemplate(merged.packageInstallName, component),
    valuesSecretName: expandNameTemplate(merged.valuesSecretName, component),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
