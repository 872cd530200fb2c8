/**
 * The gate's policy half, in the shell: read the base and head texts of the policy files a pull
 * request changes (RBAC folders, the Brain folder, flux-pkg.yaml, .sops.yaml) and judge them with
 * the pure checks of plan/modes/validate/policy.ts, by the base branch's rules.
 */
import type { Layout, RepoConfig } from '../config/config.js';
import { type Diagnostic, hasErrors } from '../diagnostics.js';
import { componentFolders } from '../github/tree-walk.js';
import { discover } from '../plan/model/repository.js';
import {
  type BrainContext,
  brainFileProblems,
  clusterScopeAllowed,
  configPolicyChanges,
  encryptedValuesChanged,
  policyFilesOf,
  rbacFileProblems,
  SOPS_CONFIG_FILE,
  sharedKubeconfigWarnings,
  sopsRecipientChanges,
  sopsTogetherProblem,
} from '../plan/modes/validate/policy.js';
import type { PlanResult } from '../plan/types.js';
import { readBounded, type Snapshot } from '../repo/snapshot.js';
import { DEFAULT_LIMITS } from '../yaml/parse.js';

export interface GatePolicyInput {
  head: Snapshot;
  base: Snapshot;
  /** Every path the pull request changes (undefined: more than GitHub lists, so every policy file). */
  changed: readonly string[] | undefined;
  /** The rules: the base branch's flux-pkg.yaml (with the environments the pull request adds). */
  judged: RepoConfig;
  baseConfig: RepoConfig;
  headConfig: RepoConfig;
  repositoryUrl: string;
  /**
   * The component names a Brain Kustomization may point at, when the head's file list does not
   * hold every component (a tree past GitHub's one-read limit): every folder under componentsPath.
   */
  components?: ReadonlySet<string>;
}

/**
 * The folders the gate reads on a tree past GitHub's one-read limit: each changed file's folder,
 * the component folder of each changed path (its Packages, environments and RBAC folders: the scope,
 * the base facts and the out-of-order check look at all of them) and, when a Brain file changes,
 * the whole Brain folder (kubeconfig sharing is judged over all of it) and that component's folder.
 * flux-pkg.yaml and the root's files need no read: the root's listing is known.
 */
export function gateFolders(changed: readonly string[], layout: Layout): string[] {
  const trim = (dir: string) => dir.replace(/\/+$/, '');
  const prefix = trim(layout.componentsPath) ? `${trim(layout.componentsPath)}/` : '';
  const brain = trim(layout.brainPath);
  const folders = new Set(componentFolders(changed, layout.componentsPath));
  for (const path of changed) {
    if (path.includes('/')) folders.add(path.slice(0, path.lastIndexOf('/')));
    if (!brain || !path.startsWith(`${brain}/`)) continue;
    folders.add(brain);
    const [component, ...rest] = path.slice(brain.length + 1).split('/');
    if (component && rest.length > 0) folders.add(`${prefix}${component}`);
  }
  return [...folders].sort();
}

/** At most this many encrypted files are compared when .sops.yaml's recipients change. */
const MAX_VALUE_FILES = 300;

export async function checkGatePolicy(
  input: GatePolicyInput,
): Promise<{ diagnostics: Diagnostic[]; notes: string[] }> {
  const { head, base, judged } = input;
  const headPaths = (await head.list()).map((e) => e.path);
  const changed = input.changed ?? headPaths;
  const files = policyFilesOf(changed, judged.layout);
  const diagnostics: Diagnostic[] = [];
  const notes: string[] = [];
  if (files.config)
    for (const line of configPolicyChanges(input.baseConfig, input.headConfig))
      notes.push(
        `policy change, not applied to this pull request (judged by the base branch's rules): ${line}`,
      );
  const headSet = new Set(headPaths);
  for (const { path, component } of files.rbac) {
    const text = headSet.has(path) ? await textOf(head, path) : undefined;
    if (text !== undefined)
      diagnostics.push(...rbacFileProblems(path, text, clusterScopeAllowed(judged.policy, component)));
  }
  if (files.brain.length > 0) diagnostics.push(...(await brainProblems(input, files.brain, headPaths)));
  if (files.sops) {
    const recipients = sopsRecipientChanges(
      await textOf(base, SOPS_CONFIG_FILE),
      await textOf(head, SOPS_CONFIG_FILE),
    );
    notes.push(...recipients.map((l) => `policy change (encryption recipients): ${l}`));
    if (recipients.length > 0)
      diagnostics.push(...sopsTogetherProblem(recipients, await valueFiles(input, changed)));
  }
  const checked = [...files.rbac, ...files.brain].length;
  if (checked > 0)
    notes.push(
      `checked ${checked} RBAC and Brain file${checked === 1 ? '' : 's'} against the base branch's policy${hasErrors(diagnostics) ? '' : ': nothing refused'}`,
    );
  return { diagnostics, notes };
}

async function brainProblems(
  input: GatePolicyInput,
  changedBrain: { path: string; component?: string }[],
  headPaths: readonly string[],
): Promise<Diagnostic[]> {
  const { head, judged } = input;
  const components = input.components ?? new Set(discover(headPaths, judged.layout).map((c) => c.name));
  const ctx: BrainContext = {
    layout: judged.layout,
    policy: judged.policy,
    repositoryUrl: input.repositoryUrl,
    components,
  };
  const headSet = new Set(headPaths);
  const diagnostics: Diagnostic[] = [];
  for (const { path, component } of changedBrain) {
    const text = headSet.has(path) ? await textOf(head, path) : undefined;
    if (text !== undefined) diagnostics.push(...brainFileProblems(path, component, text, ctx));
  }
  // Sharing is about the whole Brain folder as it will be, not only the changed files.
  const everyBrainFile = policyFilesOf(headPaths, judged.layout).brain;
  const texts: { path: string; text: string }[] = [];
  for (const { path } of everyBrainFile) {
    const text = await textOf(head, path);
    if (text !== undefined) texts.push({ path, text });
  }
  diagnostics.push(...sharedKubeconfigWarnings(texts, ctx));
  return diagnostics;
}

/** The changed files whose encrypted values (not only their sops metadata) differ from the base. */
async function valueFiles(input: GatePolicyInput, changed: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const candidates = changed
    .filter((p) => /\.ya?ml$/.test(p) && p !== SOPS_CONFIG_FILE)
    .slice(0, MAX_VALUE_FILES);
  for (const path of candidates) {
    const [before, after] = [await textOf(input.base, path), await textOf(input.head, path)];
    if (encryptedValuesChanged(before, after)) found.push(path);
  }
  return found;
}

async function textOf(snapshot: Snapshot, path: string): Promise<string | undefined> {
  const entry = (await snapshot.list()).find((e) => e.path === path);
  if (!entry) return undefined;
  const read = await readBounded(snapshot, path, DEFAULT_LIMITS.maxBytes, entry);
  return read.text;
}

/** The plan's result with the policy's diagnostics added (any error fails the gate). */
export function withPolicy(result: PlanResult, diagnostics: readonly Diagnostic[]): PlanResult {
  if (diagnostics.length === 0) return result;
  const valid = result.valid && !hasErrors(diagnostics);
  return {
    ...result,
    valid,
    files: valid ? result.files : [],
    diagnostics: [...result.diagnostics, ...diagnostics],
  };
}
