/**
 * The gate's policy checks: files that decide what Flux may do rather than what it delivers. A pull
 * request is judged by the base branch's rules (flux-pkg.yaml's promotion, override labels,
 * encryption, layout, status creators and RBAC policy); what it changes in them is listed, never
 * applied to itself. RBAC folders and the Brain folder are checked object by object; `.sops.yaml`
 * recipient changes are listed, and refused beside changed encrypted values.
 * Pure functions of (base texts, head texts); the shell reads the files.
 */
import {
  CONFIG_FILE,
  type EnvironmentConfig,
  type Layout,
  type PolicyConfig,
  type RepoConfig,
} from '../../../config/config.js';
import { type Diagnostic, type ErrorCode, error, warning } from '../../../diagnostics.js';
import { isFluxControllerAccount } from '../../../flux/rbac.js';
import { checkObject, schemaKey } from '../../../flux/validate.js';
import { parseYaml, positionAt } from '../../../yaml/parse.js';

export const SOPS_CONFIG_FILE = '.sops.yaml';

/** The config a pull request is judged by: the base's, plus the environments the pull request adds. */
export function judgingConfig(base: RepoConfig, head: RepoConfig): RepoConfig {
  const judged: RepoConfig = { ...base, file: head.file ?? base.file };
  if (!base.environments) return judged;
  const known = new Set(base.environments.map((e) => e.name));
  const added = (head.environments ?? []).filter((e) => !known.has(e.name));
  if (added.length === 0) return judged;
  // A new environment is judged by its own entry; it may name only environments that exist.
  const names = new Set([...known, ...added.map((e) => e.name)]);
  const entries: EnvironmentConfig[] = added.map((e) =>
    e.promoteFrom === undefined || names.has(e.promoteFrom) ? e : { ...e, promoteFrom: undefined },
  );
  const components = Object.fromEntries(
    Object.entries(base.components).map(([name, c]) => {
      const extra = (head.components[name]?.environments ?? []).filter((e) => !known.has(e) && names.has(e));
      return [name, c.environments ? { ...c, environments: [...c.environments, ...extra] } : c];
    }),
  );
  return { ...judged, environments: [...base.environments, ...entries], components };
}

/** What a pull request changes in flux-pkg.yaml's rules, one line each (listed, never applied to itself). */
export function configPolicyChanges(base: RepoConfig, head: RepoConfig): string[] {
  const lines: string[] = [];
  const compare = (what: string, before: unknown, after: unknown) => {
    if (JSON.stringify(before) !== JSON.stringify(after))
      lines.push(`${CONFIG_FILE}: ${what} ${brief(before)} → ${brief(after)}`);
  };
  compare('layout', base.layout, head.layout);
  compare('prFlow', base.prFlow, head.prFlow);
  compare('promotion', base.promotion, head.promotion);
  compare('policy', base.policy, head.policy);
  compare('defaults', base.defaults, head.defaults);
  const envs = (c: RepoConfig) => new Map((c.environments ?? []).map((e) => [e.name, e]));
  const [before, after] = [envs(base), envs(head)];
  for (const name of new Set([...before.keys(), ...after.keys()]))
    compare(`environment "${name}"`, before.get(name), after.get(name));
  for (const name of new Set([...Object.keys(base.components), ...Object.keys(head.components)]))
    compare(`component "${name}"`, base.components[name], head.components[name]);
  return lines;
}

function brief(value: unknown): string {
  const text = value === undefined ? '(none)' : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** Which changed files are policy: flux-pkg.yaml, .sops.yaml, RBAC folders and the Brain folder. */
export interface PolicyFiles {
  rbac: { path: string; component: string }[];
  brain: { path: string; component?: string }[];
  sops: boolean;
  config: boolean;
}

export function policyFilesOf(changed: readonly string[], layout: Layout): PolicyFiles {
  const files: PolicyFiles = { rbac: [], brain: [], sops: false, config: false };
  const prefix = layout.componentsPath ? `${layout.componentsPath.replace(/\/+$/, '')}/` : '';
  const brain = `${layout.brainPath.replace(/\/+$/, '')}/`;
  const yaml = /\.ya?ml$/;
  for (const path of changed) {
    if (path === SOPS_CONFIG_FILE) files.sops = true;
    else if (path === CONFIG_FILE) files.config = true;
    else if (path.startsWith(brain) && yaml.test(path)) {
      const [first, ...rest] = path.slice(brain.length).split('/');
      // Flux's own objects (flux bootstrap) are not the action's to judge.
      if (first === 'flux-system') continue;
      files.brain.push({ path, component: rest.length > 0 ? first : undefined });
    } else if (path.startsWith(prefix)) {
      const parts = path.slice(prefix.length).split('/');
      if (parts.length >= 3 && environmentOfRbacFolder(layout, parts[1]!) !== undefined)
        files.rbac.push({ path, component: parts[0]! });
    }
  }
  return files;
}

/** The environment whose RBAC folder this folder name is, if it is one. */
export function environmentOfRbacFolder(layout: Layout, folder: string): string | undefined {
  const [before, after] = layout.rbacFolder.split('{environment}') as [string, string];
  if (!folder.startsWith(before) || !folder.endsWith(after)) return undefined;
  const env = folder.slice(before.length, folder.length - after.length);
  return /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(env) ? env : undefined;
}

/** policy.allowClusterScope of the base names this component (or `*`). */
export function clusterScopeAllowed(policy: PolicyConfig, component: string | undefined): boolean {
  return policy.allowClusterScope.some((c) => c === '*' || c === component);
}

const BUILT_IN_ADMIN_ROLES = new Set(['cluster-admin', 'admin', 'edit']);
const RBAC_GROUP = 'rbac.authorization.k8s.io';
/** What an RBAC folder may hold (applied with the kubeconfig's own identity). */
const RBAC_KINDS = new Set(['Namespace', 'ServiceAccount', 'Role', 'RoleBinding', 'Kustomization']);
const CLUSTER_KINDS = new Set(['ClusterRole', 'ClusterRoleBinding']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s) => typeof s === 'string') : []);

/** Each object of a policy file, with a way to place a diagnostic at one of its fields. */
function objectsOf(file: string, text: string, problems: Diagnostic[]) {
  const parsed = parseYaml(file, text);
  problems.push(...parsed.diagnostics);
  return parsed.documents
    .filter((d) => isObj(d.value))
    .map((d) => ({
      object: d.value as Obj,
      at: (path: (string | number)[]) => positionAt(parsed, d.doc, path),
    }));
}

/**
 * An RBAC object's problems: cluster scope, bindings to the built-in admin roles and `*` in rules
 * are refused unless the base's policy.allowClusterScope names the component.
 */
export function rbacObjectProblems(
  file: string,
  object: Obj,
  at: (path: (string | number)[]) => { line: number; column: number },
  allowed: boolean,
): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const kind = String(object.kind ?? '');
  const group = String(object.apiVersion ?? '').split('/')[0];
  const fix = `; if the Package needs it (it installs CRDs), the platform team adds the component to policy.allowClusterScope in ${CONFIG_FILE} on the base branch`;
  const refuse = (code: ErrorCode, message: string, path: (string | number)[]) =>
    problems.push(error(code, `${message}${fix}`, file, at(path), `.${path.join('.')}`));
  if (allowed || group !== RBAC_GROUP) return problems;
  if (CLUSTER_KINDS.has(kind))
    refuse('policy.cluster-scope', `${kind} "${nameOf(object)}" grants rights cluster-wide`, ['kind']);
  const roleRef = isObj(object.roleRef) ? object.roleRef : {};
  if (kind.endsWith('Binding') && BUILT_IN_ADMIN_ROLES.has(String(roleRef.name)))
    refuse(
      'policy.admin-binding',
      `${kind} "${nameOf(object)}" binds the built-in role "${String(roleRef.name)}"`,
      ['roleRef', 'name'],
    );
  const rules = Array.isArray(object.rules) ? object.rules : [];
  rules.forEach((rule, i) => {
    if (!isObj(rule)) return;
    for (const field of ['apiGroups', 'resources', 'verbs'] as const)
      if (strings(rule[field]).some((v) => v.includes('*')))
        refuse('policy.wildcard', `${kind} "${nameOf(object)}" has "*" in ${field}`, ['rules', i, field]);
  });
  return problems;
}

const nameOf = (object: Obj) => String((isObj(object.metadata) && object.metadata.name) || '(unnamed)');

/** A file of an RBAC folder: only namespaced RBAC objects (and the folder's kustomization.yaml). */
export function rbacFileProblems(file: string, text: string, allowed: boolean): Diagnostic[] {
  if (isKustomizeFile(file)) return listOnlyKustomizeProblems(file, text, 'an RBAC folder');
  const problems: Diagnostic[] = [];
  for (const { object, at } of objectsOf(file, text, problems)) {
    const kind = String(object.kind ?? '');
    // Cluster kinds are judged by rbacObjectProblems (refused unless the base allows cluster scope).
    if (!RBAC_KINDS.has(kind) && !CLUSTER_KINDS.has(kind))
      problems.push(
        error(
          'policy.rbac-kind',
          `${kind || 'an object without kind'} in an RBAC folder: it is applied with the kubeconfig's own identity, so it holds only Namespaces, ServiceAccounts, Roles and RoleBindings; move it to the environment folder`,
          file,
          at(['kind']),
          '.kind',
        ),
      );
    problems.push(...rbacObjectProblems(file, object, at, allowed));
  }
  return problems;
}

/** What the Brain checks need to know about the repository. */
export interface BrainContext {
  layout: Layout;
  policy: PolicyConfig;
  /** This repository on its GitHub server, e.g. https://github.com/org/gitops. */
  repositoryUrl: string;
  /** Component names (folders under componentsPath). */
  components: ReadonlySet<string>;
}

/** One Brain file: Flux objects against the shipped CRD schemas, and the rules on what they point at. */
export function brainFileProblems(
  file: string,
  component: string | undefined,
  text: string,
  ctx: BrainContext,
): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const allowed = clusterScopeAllowed(ctx.policy, component);
  if (isKustomizeFile(file)) return listOnlyKustomizeProblems(file, text, 'the Brain folder');
  for (const { object, at } of objectsOf(file, text, problems)) {
    const key = schemaKey(object);
    const group = key.split('/')[0];
    if (group === RBAC_GROUP) {
      problems.push(...rbacObjectProblems(file, object, at, allowed));
      continue;
    }
    const schema = checkObject(object).filter((p) => !p.startsWith('no schema for'));
    for (const p of schema.slice(0, 5))
      problems.push(error('policy.schema', `${object.kind} "${nameOf(object)}": ${p}`, file, at([])));
    if (key.startsWith('kustomize.toolkit.fluxcd.io/'))
      problems.push(...kustomizationProblems(file, object, at, ctx));
    if (key.startsWith('notification.toolkit.fluxcd.io/') && object.kind === 'Provider')
      problems.push(...providerProblems(file, object, at, ctx));
  }
  return problems;
}

const isKustomizeFile = (file: string) => /(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(file);

/**
 * A policy folder's kustomization.yaml may only list entries of its folder: a patch, generator,
 * transformer, component or remote resource there would change the objects after they were judged
 * (the same rule as environment folders).
 */
function listOnlyKustomizeProblems(file: string, text: string, where: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const { object, at } of objectsOf(file, text, problems)) {
    for (const key of Object.keys(object)) {
      if (key === 'apiVersion' || key === 'kind' || key === 'resources') continue;
      problems.push(
        error(
          'policy.kustomization',
          `${JSON.stringify(key.slice(0, 60))} in the kustomization.yaml of ${where} would change its objects after the gate judged them; list the files of the folder under resources only, and write the objects as they are to be applied`,
          file,
          at([key]),
          `.${key}`,
        ),
      );
    }
    const resources = Array.isArray(object.resources) ? object.resources : [];
    resources.forEach((entry, i) => {
      // A file or a sub-folder of this folder (the root lists component folders): both are judged here.
      if (typeof entry === 'string' && /^[^/\\:]+$/.test(entry) && !entry.startsWith('.')) return;
      problems.push(
        error(
          'policy.kustomization',
          `resources[${i}] of the kustomization.yaml of ${where} is not a file or sub-folder of this folder: list the folder's own entries only (a path outside or a URL brings objects the gate did not judge)`,
          file,
          at(['resources', i]),
          `.resources[${i}]`,
        ),
      );
    });
  }
  return problems;
}

/** Where a Flux Kustomization's spec.path points: a component's environment, RBAC or Packages folder. */
export function targetOf(
  path: unknown,
  layout: Layout,
  components: ReadonlySet<string>,
): { component: string; folder: string; rbacOf?: string } | undefined {
  if (typeof path !== 'string') return undefined;
  const clean = path.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  const prefix = layout.componentsPath ? `${layout.componentsPath.replace(/\/+$/, '')}/` : '';
  if (!clean.startsWith(prefix)) return undefined;
  const [component, folder] = clean.slice(prefix.length).split('/');
  if (!component || !components.has(component)) return undefined;
  return {
    component,
    folder: folder ?? '',
    rbacOf: folder ? environmentOfRbacFolder(layout, folder) : undefined,
  };
}

function kustomizationProblems(
  file: string,
  object: Obj,
  at: (path: (string | number)[]) => { line: number; column: number },
  ctx: BrainContext,
): Diagnostic[] {
  const spec = isObj(object.spec) ? object.spec : {};
  const target = targetOf(spec.path, ctx.layout, ctx.components);
  // The RBAC Kustomization applies with the kubeconfig's identity by design; its folder is judged above.
  if (!target || target.rbacOf !== undefined) return [];
  const account = typeof spec.serviceAccountName === 'string' ? spec.serviceAccountName : undefined;
  const name = nameOf(object);
  if (account === undefined)
    return [
      error(
        'policy.service-account',
        `Kustomization "${name}" applies ${target.component}/${target.folder} without serviceAccountName: it would apply with the kubeconfig's own identity; set the account Flux impersonates (bootstrap: <component>-flux)`,
        file,
        at(['spec']),
        '.spec.serviceAccountName',
      ),
    ];
  if (isFluxControllerAccount(account))
    return [
      error(
        'policy.service-account',
        `Kustomization "${name}" impersonates "${account}", a Flux controller's account with cluster-wide rights; use the environment's own account (bootstrap: <component>-flux)`,
        file,
        at(['spec', 'serviceAccountName']),
        '.spec.serviceAccountName',
      ),
    ];
  return [];
}

/** A github Provider's address is where Flux sends the commit-status token: this repository, on this server. */
function providerProblems(
  file: string,
  object: Obj,
  at: (path: (string | number)[]) => { line: number; column: number },
  ctx: BrainContext,
): Diagnostic[] {
  const spec = isObj(object.spec) ? object.spec : {};
  if (spec.type !== 'github') return [];
  const address = typeof spec.address === 'string' ? spec.address : '';
  const normal = (url: string) =>
    url
      .trim()
      .replace(/\/+$/, '')
      .replace(/\.git$/, '')
      .toLowerCase();
  if (normal(address) === normal(ctx.repositoryUrl)) return [];
  const shown = JSON.stringify(address.slice(0, 120));
  return [
    error(
      'policy.provider-address',
      `Provider "${nameOf(object)}" sends its GitHub token to ${shown}, not to this repository (${ctx.repositoryUrl}); set spec.address to ${ctx.repositoryUrl}`,
      file,
      at(['spec', 'address']),
      '.spec.address',
    ),
  ];
}

/**
 * A kubeconfig Secret used by Kustomizations of two environments: a warning naming both (fine for
 * namespaces of one cluster, a mistake otherwise). `brain`: every Brain file of the head.
 */
export function sharedKubeconfigWarnings(
  brain: readonly { path: string; text: string }[],
  ctx: BrainContext,
): Diagnostic[] {
  const users = new Map<string, { environment: string; file: string }[]>();
  for (const { path, text } of brain) {
    for (const { object } of objectsOf(path, text, [])) {
      if (!schemaKey(object).startsWith('kustomize.toolkit.fluxcd.io/')) continue;
      const spec = isObj(object.spec) ? object.spec : {};
      const target = targetOf(spec.path, ctx.layout, ctx.components);
      const ref =
        isObj(spec.kubeConfig) && isObj(spec.kubeConfig.secretRef)
          ? spec.kubeConfig.secretRef.name
          : undefined;
      const namespace = isObj(object.metadata) ? String(object.metadata.namespace ?? '') : '';
      if (!target || typeof ref !== 'string') continue;
      const environment = target.rbacOf ?? target.folder;
      if (environment === ctx.layout.packagesDir) continue;
      const key = `${namespace}/${ref}`;
      users.set(key, [...(users.get(key) ?? []), { environment, file: path }]);
    }
  }
  const warnings: Diagnostic[] = [];
  for (const [key, list] of users) {
    const environments = [...new Set(list.map((u) => u.environment))];
    if (environments.length < 2) continue;
    warnings.push(
      warning(
        'policy.shared-kubeconfig',
        `kubeconfig Secret "${key.split('/')[1]}" is used by environments ${environments.map((e) => `"${e}"`).join(' and ')}: they deliver to one cluster with one identity (fine for namespaces of one cluster; otherwise give each environment its own)`,
        list[0]!.file,
      ),
    );
  }
  return warnings;
}

/** The recipients of each .sops.yaml creation rule, keyed by its path_regex. */
export function sopsRecipients(text: string | undefined): Map<string, string[]> {
  const rules = new Map<string, string[]>();
  if (text === undefined) return rules;
  const doc = parseYaml(SOPS_CONFIG_FILE, text).documents[0]?.value;
  const list = isObj(doc) && Array.isArray(doc.creation_rules) ? doc.creation_rules : [];
  for (const rule of list) {
    if (!isObj(rule)) continue;
    const key = typeof rule.path_regex === 'string' ? rule.path_regex : '(every file)';
    const groups = Array.isArray(rule.key_groups) ? rule.key_groups.filter(isObj) : [];
    const recipients = [rule, ...groups].flatMap((block) =>
      ['age', 'pgp', 'kms', 'gcp_kms', 'azure_keyvault', 'hc_vault_transit_uri'].flatMap((field) => {
        const value = block[field];
        const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [];
        return items.map((v) => `${field}:${typeof v === 'string' ? v.trim() : JSON.stringify(v)}`);
      }),
    );
    rules.set(key, [...new Set([...(rules.get(key) ?? []), ...recipients])].sort());
  }
  return rules;
}

/** What a pull request changes in .sops.yaml's recipients, one line per creation rule. */
export function sopsRecipientChanges(base: string | undefined, head: string | undefined): string[] {
  const [before, after] = [sopsRecipients(base), sopsRecipients(head)];
  const lines: string[] = [];
  for (const rule of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(rule) ?? [];
    const now = after.get(rule) ?? [];
    const added = now.filter((r) => !was.includes(r));
    const removed = was.filter((r) => !now.includes(r));
    if (added.length + removed.length === 0) continue;
    const part = (what: string, list: string[]) =>
      list.length ? ` ${what} ${list.map(short).join(', ')}` : '';
    lines.push(`${SOPS_CONFIG_FILE}: rule ${brief(rule)}:${part('adds', added)}${part('removes', removed)}`);
  }
  return lines;
}

/** A recipient on one line, short (repository text: newlines and controls escaped). */
const short = (recipient: string) => {
  const flat = JSON.stringify(recipient).slice(1, -1);
  return flat.length > 40 ? `${flat.slice(0, 37)}...` : flat;
};

/**
 * Did the encrypted values of a file change (not only its `sops:` metadata, as `sops updatekeys`
 * does when recipients change)? Undefined texts: the file was added or removed.
 */
export function encryptedValuesChanged(base: string | undefined, head: string | undefined): boolean {
  const isEncrypted = (t: string | undefined) => t !== undefined && /^sops:\s*$/m.test(t) && /ENC\[/.test(t);
  if (!isEncrypted(base) && !isEncrypted(head)) return false;
  return withoutSopsBlock(base) !== withoutSopsBlock(head);
}

function withoutSopsBlock(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^sops:\s*$/.test(l));
  if (start < 0) return text;
  let end = start + 1;
  while (end < lines.length && (/^\s/.test(lines[end]!) || lines[end] === '')) end += 1;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

/** Recipients and encrypted values changed together: a reviewer could not tell who can read the new values. */
export function sopsTogetherProblem(
  recipientChanges: readonly string[],
  valueFiles: readonly string[],
): Diagnostic[] {
  if (recipientChanges.length === 0 || valueFiles.length === 0) return [];
  return [
    error(
      'policy.sops-recipients-with-values',
      `this pull request changes the recipients in ${SOPS_CONFIG_FILE} and encrypted values (${valueFiles.slice(0, 3).join(', ')}${valueFiles.length > 3 ? ', …' : ''}) together: split it — first the recipients (with sops updatekeys on the encrypted files), then the values`,
      SOPS_CONFIG_FILE,
    ),
  ];
}
