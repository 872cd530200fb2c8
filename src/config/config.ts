/**
 * flux-pkg.yaml: the repository's own configuration. Optional; when absent the environments are the
 * folders that exist under each component, and every one takes new Package versions directly.
 * Precedence, lowest first: built-in defaults, `defaults:`, the environment's entry, the component's
 * entry, then what the caller (action inputs, CLI flags) overrides.
 */
import { Ajv } from 'ajv';
import { expandNameTemplate, nameTemplateProblem } from '../carvel/names.js';
import { type Diagnostic, error } from '../diagnostics.js';
import type { Snapshot } from '../repo/snapshot.js';
import { formatPath, type ParsedYaml, type PathSegment, parseYaml, positionAt } from '../yaml/parse.js';
import { configSchema } from './schema.js';

export const CONFIG_FILE = 'flux-pkg.yaml';

export interface Layout {
  componentsPath: string;
  packagesDir: string;
  packageInstallFile: string;
  valuesSecretFile: string;
  valuesKey: string;
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
  fluxApiVersion: 'v1' | 'v1beta2';
  labels: string[];
  reviewers: string[];
  teamReviewers: string[];
  autoMerge: AutoMerge;
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
}

export const DEFAULT_PROMOTION: PromotionConfig = {
  overrideLabels: ['hotfix'],
  healthKustomization: '{component}-{environment}-packageinstalls',
};

export const DEFAULT_LAYOUT: Layout = {
  componentsPath: '',
  packagesDir: 'packages',
  packageInstallFile: 'packageinstall.yaml',
  valuesSecretFile: 'params.yaml',
  valuesKey: 'values.yaml',
};

export const BUILT_IN_SETTINGS: Settings = {
  constraint: '{version}',
  prereleases: false,
  serviceAccountName: 'default-ns-sa',
  packageInstallName: '{component}',
  valuesSecretName: '{component}-values',
  secretFormat: 'plain',
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
};

let validator: ReturnType<Ajv['compile']> | undefined;
function validateSchema(value: unknown) {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(configSchema);
  return { ok: validator(value), errors: validator.errors ?? [] };
}

/** flux-pkg.yaml as read: the configuration (defaults where absent or invalid) and what was wrong with it. */
export interface LoadedConfig {
  config: RepoConfig;
  diagnostics: Diagnostic[];
}

export async function loadConfig(snapshot: Snapshot): Promise<LoadedConfig> {
  const text = await snapshot.read(CONFIG_FILE);
  if (text === undefined) return { config: DEFAULT_CONFIG, diagnostics: [] };
  return parseConfig(CONFIG_FILE, text);
}

export function parseConfig(file: string, text: string): LoadedConfig {
  const parsed = parseYaml(file, text);
  const diagnostics = [...parsed.diagnostics];
  const first = parsed.documents[0];
  if (diagnostics.length > 0 || !first) return { config: { ...DEFAULT_CONFIG, file }, diagnostics };
  const { ok, errors } = validateSchema(first.value);
  if (!ok) {
    for (const e of errors) {
      const path = e.instancePath.split('/').slice(1).map(decodePointer);
      const at = e.keyword === 'additionalProperties' ? [...path, String(e.params.additionalProperty)] : path;
      const what =
        e.keyword === 'additionalProperties' ? `unknown setting "${e.params.additionalProperty}"` : e.message;
      diagnostics.push(
        error('config.invalid', `${what}`, file, positionAt(parsed, first.doc, at), formatPath(at)),
      );
    }
    return { config: { ...DEFAULT_CONFIG, file }, diagnostics };
  }
  const raw = first.value as {
    layout?: Partial<Layout>;
    prFlow?: PrFlow;
    defaults?: Partial<Settings>;
    environments?: EnvironmentConfig[];
    components?: Record<string, ComponentConfig>;
    promotion?: Partial<PromotionConfig>;
  };
  const config: RepoConfig = {
    file,
    layout: { ...DEFAULT_LAYOUT, ...raw.layout },
    prFlow: raw.prFlow,
    defaults: raw.defaults ?? {},
    environments: raw.environments,
    components: raw.components ?? {},
    promotion: { ...DEFAULT_PROMOTION, ...raw.promotion },
  };
  const names = new Set<string>();
  raw.environments?.forEach((env, i) => {
    const at = ['environments', i, 'name'];
    if (names.has(env.name)) {
      diagnostics.push(
        error(
          'config.duplicate-environment',
          `environment "${env.name}" is listed twice`,
          file,
          positionAt(parsed, first.doc, at),
          formatPath(at),
        ),
      );
    }
    names.add(env.name);
  });
  raw.environments?.forEach((env, i) => {
    if (env.promoteFrom !== undefined && !names.has(env.promoteFrom)) {
      const at = ['environments', i, 'promoteFrom'];
      diagnostics.push(
        error(
          'config.unknown-environment',
          `promoteFrom names "${env.promoteFrom}", which is not a listed environment`,
          file,
          positionAt(parsed, first.doc, at),
          formatPath(at),
        ),
      );
    }
  });
  checkSettings(parsed, first.doc, raw, diagnostics);
  diagnostics.push(
    ...promotionCycles(raw.environments ?? [], (at) => positionAt(parsed, first.doc, at), file),
  );
  return { config, diagnostics };
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

/** Settings the schema cannot judge: name templates that make invalid names, a secret format not supported yet. */
function checkSettings(
  parsed: ParsedYaml,
  doc: ParsedYaml['documents'][number]['doc'],
  raw: Parameters<typeof settingsBlocks>[0],
  diagnostics: Diagnostic[],
): void {
  const report = (at: PathSegment[], code: string, message: string) =>
    diagnostics.push(error(code, message, parsed.file, positionAt(parsed, doc, at), formatPath(at)));
  for (const [where, settings] of settingsBlocks(raw)) {
    for (const key of ['packageInstallName', 'valuesSecretName'] as const) {
      const template = settings[key];
      const problem = typeof template === 'string' ? nameTemplateProblem(template) : undefined;
      if (problem) report([...where, key], 'config.name-template', `${key} ${problem}`);
    }
    if (settings.secretFormat === 'sops')
      report(
        [...where, 'secretFormat'],
        'config.secret-format',
        'secretFormat "sops" is not supported yet: the values Secret would be written in plain text; use "plain" (or leave it out) until SOPS support lands',
      );
  }
}

/** A promoteFrom chain that comes back to itself (or names itself) can never receive a version. */
function promotionCycles(
  environments: readonly EnvironmentConfig[],
  at: (path: (string | number)[]) => { line: number; column: number },
  file: string,
): Diagnostic[] {
  const upstream = new Map(environments.map((e) => [e.name, e.promoteFrom]));
  const reported = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  environments.forEach((env, i) => {
    const seen = [env.name];
    for (let up = env.promoteFrom; up !== undefined; up = upstream.get(up)) {
      if (up === env.name) {
        if (!seen.some((n) => reported.has(n))) {
          const path = ['environments', i, 'promoteFrom'];
          diagnostics.push(
            error(
              'config.promotion-cycle',
              `promoteFrom forms a cycle (${[...seen, env.name].join(' → ')}): no environment in it would ever receive a version`,
              file,
              at(path),
              formatPath(path),
            ),
          );
        }
        for (const n of seen) reported.add(n);
        break;
      }
      if (seen.includes(up)) break; // a cycle further up, reported from its own members
      seen.push(up);
    }
  });
  return diagnostics;
}

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
