/**
 * Mode validate, the gate: on a pull request, what it changes — the environments its files touch,
 * widened to a component's every environment when a Package or its Brain folder changes and to the
 * whole repo when flux-pkg.yaml or a .sops.yaml does; policy files (RBAC, Brain, flux-pkg.yaml,
 * .sops.yaml) listed — checked at its head (the API's tree, or the `path:` checkout) and compared
 * with the base branch read through the API (Packages changed in place, out-of-order promotion).
 * Past GitHub's recursive-tree limit both trees are read only under the folders the pull request
 * touches (widenForGate), or every component folder within the REST budget when it validates
 * everything (walkEverything). Without a pull request: the whole base branch. Writes nothing but
 * the verdict.
 */
import * as core from '@actions/core';
import { CONFIG_FILE, type Layout, type LoadedConfig, loadConfig } from '../config/config.js';
import { hasErrors } from '../diagnostics.js';
import { labelsNow } from '../github/commit-status.js';
import { api, readBaseOrFail } from '../github/deliver.js';
import type { Base } from '../github/publish.js';
import { refreshFiles } from '../github/publish.js';
import { listPullRequestFiles, type PullFiles } from '../github/pull-files.js';
import { GitHubSnapshot, type TreeEntry } from '../github/snapshot.js';
import {
  componentNames,
  type KnownTree,
  knownFiles,
  readCommitTree,
  readsToWiden,
  widen,
} from '../github/tree-walk.js';
import { loadBaseFacts } from '../plan/load/base.js';
import { isSopsConfig, policyChanges, scopeOfChanges } from '../plan/model/changes.js';
import { discover } from '../plan/model/repository.js';
import { judgingConfig } from '../plan/modes/validate/policy.js';
import { plan } from '../plan/plan.js';
import type { PlanResult, Scope, ValidateRequest } from '../plan/types.js';
import { KeptSnapshot } from '../repo/snapshot.js';
import type { PullRequestFacts } from './facts.js';
import { checkGatePolicy, gateFolders, withPolicy } from './gate-policy.js';
import { ActionError, annotate, failInvalid, finish, type StatusSource } from './report.js';
import { checkTargetOf, type Session, snapshotOf, sopsKeys, treeOfCommit } from './session.js';
import { postCheck } from './verdict.js';

export async function validate(session: Session): Promise<void> {
  const { inputs, facts } = session;
  const pr = facts.pullRequest;
  // With `path:` the head is the checkout, and the base still comes from the API: the gate compares
  // the same way whichever way the head is read.
  const gate = pr?.headSha !== undefined && pr.number !== undefined;
  const request: ValidateRequest = {
    kind: 'validate',
    environments: inputs.environments,
    sops: sopsKeys(inputs),
  };
  const notes: string[] = [];
  let snapshot: ReturnType<typeof snapshotOf>;
  if (gate) {
    const { headTree, base, files, partial, brainComponents } = await readGate(session, pr);
    snapshot = snapshotOf(session, headTree ? knownFiles(headTree) : []);
    // The base always through the API: with `path:` the checkout is the head, never the base.
    const baseSnapshot = new KeptSnapshot(new GitHubSnapshot(session.objects, base.tree));
    const headPaths = (await api('listing the head of the pull request', () => snapshot.list())).map(
      (e) => e.path,
    );
    const [headLoaded, baseLoaded] = await api('reading flux-pkg.yaml', () =>
      Promise.all([loadConfig(snapshot), loadConfig(baseSnapshot)]),
    );
    // Rules come from the base: a pull request is never judged by the flux-pkg.yaml it brings.
    const judged = hasErrors(baseLoaded.diagnostics)
      ? headLoaded.config
      : judgingConfig(baseLoaded.config, headLoaded.config);
    const loaded = hasErrors(headLoaded.diagnostics) ? headLoaded : { ...headLoaded, config: judged };
    const layout = loaded.config.layout;
    const scope = files.truncated ? undefined : scopeOfChanges(files.paths, headPaths, layout);
    request.policy = files.truncated ? undefined : policyChanges(files.paths, layout);
    notes.push(describeScope(scope, files.truncated, request.policy ?? []));
    request.scope = scope;
    // The labels as they are now: a re-run replays the old payload, a label added since counts.
    request.labels = await api(`reading the labels of pull request #${pr.number}`, () =>
      labelsNow(session.client, session.ref, pr.number!),
    );
    request.base = await api('reading the base branch', () =>
      loadBaseFacts(baseSnapshot, loaded.config, scope),
    );
    const policy = await api('reading the policy files', () =>
      checkGatePolicy({
        head: snapshot,
        base: baseSnapshot,
        changed: files.truncated ? undefined : files.paths,
        judged: loaded.config,
        baseConfig: baseLoaded.config,
        headConfig: headLoaded.config,
        repositoryUrl: `${session.facts.serverUrl.replace(/\/+$/, '')}/${session.ref.owner}/${session.ref.repo}`,
        components: brainComponents,
      }),
    );
    notes.push(...policy.notes);
    const result =
      partial && discover(headPaths, layout).length === 0
        ? nothingInScope(loaded)
        : await api('reading the gitops repository', () => plan(snapshot, request, loaded));
    const verdict = withPolicy(result, policy.diagnostics);
    await postCheck(checkTargetOf(session), pr.headSha!, {
      state: verdict.valid ? 'success' : 'failure',
      description: verdictLine(verdict),
    });
    return report(session, verdict, notes, { snapshot, loaded });
  }
  const tree = pr?.headSha
    ? await treeOfCommit(session, pr.headSha)
    : await wholeBase(session, session.baseBranch);
  // The whole repository is read once and not kept: its validation is also the matrix's.
  snapshot = snapshotOf(session, tree, false);
  const loaded = await api('reading flux-pkg.yaml', () => loadConfig(snapshot));
  const result = await api('reading the gitops repository', () => plan(snapshot, request, loaded));
  const validation = inputs.environments ? undefined : result;
  return report(session, result, notes, { snapshot, loaded, validation });
}

/**
 * The gate's reads: the head's tree (unless `path:` is the head), the base's and the pull request's
 * files, at once; past GitHub's one-read limit, widened to what the pull request touches.
 */
async function readGate(session: Session, pr: PullRequestFacts) {
  const [headTree, base, files] = await Promise.all([
    session.inputs.path
      ? undefined
      : api(`reading commit ${pr.headSha}`, () => readCommitTree(session.objects, pr.headSha!)),
    readBaseOrFail(session.objects, pr.baseRef ?? session.baseBranch, true),
    api(`listing the files of pull request #${pr.number}`, () =>
      listPullRequestFiles(session.client, session.ref, pr.number!),
    ),
  ]);
  const partial = headTree?.partial === true || base.partial;
  const brainComponents = partial
    ? await widenForGate(session, { head: headTree, base, files, number: pr.number!, headSha: pr.headSha! })
    : undefined;
  return { headTree, base, files, partial, brainComponents };
}

/**
 * Past GitHub's one-read limit (the head's tree, the base's or both): both read only under the
 * folders the pull request touches (gate-policy.ts `gateFolders`). A pull request that makes the gate
 * validate every environment needs every component folder: walkEverything, within the REST budget.
 * Returns the component names the Brain checks use: every folder under componentsPath, read from
 * the listings on the way down (never a component's own subtree).
 */
async function widenForGate(
  session: Session,
  {
    head,
    base,
    files,
    number,
    headSha,
  }: { head?: KnownTree; base: Base; files: PullFiles; number: number; headSha: string },
): Promise<ReadonlySet<string> | undefined> {
  const [headConfig, baseConfig] = await api('reading flux-pkg.yaml', () =>
    Promise.all([
      head ? loadConfig(new GitHubSnapshot(session.objects, knownFiles(head))) : undefined,
      loadConfig(new GitHubSnapshot(session.objects, base.tree)),
    ]),
  );
  // The layout the plan uses: the base's rules (judgingConfig), the head's when the base's are broken.
  const { layout } = (hasErrors(baseConfig.diagnostics) && headConfig ? headConfig : baseConfig).config;
  const everywhere = files.paths.filter((p) => p === CONFIG_FILE || isSopsConfig(p));
  if (files.truncated || everywhere.length > 0) {
    const why = files.truncated
      ? `pull request #${number} lists more files than GitHub shows (3,000)`
      : `pull request #${number} changes ${everywhere.join(', ')}`;
    return walkEverything(session, { head, base, files, layout, why, headSha });
  }
  const folders = gateFolders(files.paths, layout);
  core.info(
    `the tree is larger than one API read: reading ${folders.length} folder(s) the pull request touches`,
  );
  await api('reading the folders the pull request touches', () =>
    Promise.all([
      head?.partial ? widen(session.objects, head.index, folders) : undefined,
      base.partial ? widen(session.objects, base.index, folders).then(() => refreshFiles(base)) : undefined,
    ]),
  );
  const brain = layout.brainPath.replace(/\/+$/, '');
  if (!head?.partial || !files.paths.some((p) => brain && p.startsWith(`${brain}/`))) return undefined;
  const names = await api('listing the component folders', () =>
    componentNames(session.objects, head.index, layout),
  );
  return new Set(names);
}

/**
 * The gate of a pull request that makes it validate every environment, past the one-read limit:
 * every component folder (and the Brain folder and the folders it touches) read on the head and the
 * base, one subtree read each, a folder with the same sha on both read once. The walk is counted
 * first and refused, before any read of a folder, when it does not fit in the REST budget above its
 * reserve (budget.ts `affordable`, as deliver.ts `withinBudget` asks): the verdict fails, naming the
 * counts. Returns the head's component names for the Brain checks (when the head is the API's).
 */
async function walkEverything(
  session: Session,
  given: { head?: KnownTree; base: Base; files: PullFiles; layout: Layout; why: string; headSha: string },
): Promise<ReadonlySet<string> | undefined> {
  const { head, base, files, layout, why } = given;
  const { objects, budget } = session;
  const [headNames, baseNames] = await api('listing the component folders', () =>
    Promise.all([
      head ? componentNames(objects, head.index, layout) : [],
      componentNames(objects, base.index, layout),
    ]),
  );
  const root = layout.componentsPath.replace(/\/+$/, '');
  const brain = layout.brainPath.replace(/\/+$/, '');
  const names = new Set([...headNames, ...baseNames]);
  const dirs = [...[...names].map((n) => (root ? `${root}/${n}` : n)), ...(brain ? [brain] : [])];
  dirs.push(...gateFolders(files.paths, layout));
  const partials = [head?.partial ? head.index : undefined, base.partial ? base.index : undefined];
  const reads = readsToWiden(
    partials.filter((i) => i !== undefined),
    dirs,
  );
  if (budget.affordable([reads]) < 1) {
    await postCheck(checkTargetOf(session), given.headSha, {
      state: 'failure',
      description: `refused: validating every environment needs ${reads} API reads, over the budget left`,
    });
    throw new ActionError(
      `${why}, so the gate validates every environment, and ${trees(head, base)} larger than GitHub lists in one read (over 100,000 entries or 7 MB): that needs all ${names.size} component folder(s) under ${root || 'the repository root'} on the head and the base, ${reads} tree read(s) through the API, and the REST budget has ${budget.remaining} request(s) left, ${budget.reserve} of them kept for the repository's other workflows. The gate did not read them: rerun it after the budget refills${resetTime(budget.resetAt)}, or review this pull request by hand, with \`flux-pkg validate\` run on a checkout of its head`,
    );
  }
  core.info(
    `the tree is larger than one API read and ${why}: reading all ${names.size} component folder(s) on the head and the base (${reads} tree read(s))`,
  );
  await api('reading every component folder', () =>
    Promise.all([
      head?.partial ? widen(objects, head.index, dirs) : undefined,
      base.partial ? widen(objects, base.index, dirs).then(() => refreshFiles(base)) : undefined,
    ]),
  );
  return head?.partial ? new Set(headNames) : undefined;
}

const resetTime = (resetAt: number | undefined) =>
  resetAt === undefined ? '' : ` (at ${new Date(resetAt * 1000).toISOString().replace(/\.\d+Z$/, 'Z')})`;

const trees = (head: KnownTree | undefined, base: Base) =>
  head?.partial && base.partial
    ? 'both trees are'
    : head?.partial
      ? "the head's tree is"
      : "the base's tree is";

/** A pull request that touches no component: nothing to plan (on a partial tree, planning would find no component at all). */
function nothingInScope(loaded: LoadedConfig): PlanResult {
  return {
    valid: !hasErrors(loaded.diagnostics),
    diagnostics: loaded.diagnostics,
    environments: [],
    files: [],
  };
}

/** The base branch, whole: validate without a pull request checks every environment. */
async function wholeBase(session: Session, branch: string): Promise<readonly TreeEntry[]> {
  const base = await readBaseOrFail(session.objects, branch, true);
  if (base.partial)
    throw new ActionError(
      `validate without a pull request checks every environment of ${branch}, which needs every component folder, and its tree is larger than GitHub lists in one read (over 100,000 entries or 7 MB): set the path input to a checkout, or let the gate check pull requests (it reads only the folders each one touches)`,
    );
  return base.tree;
}

async function report(
  session: Session,
  result: Awaited<ReturnType<typeof plan>>,
  notes: string[],
  status: StatusSource,
) {
  annotate(result.diagnostics);
  const run = { mode: 'validate', dryRun: session.inputs.dryRun, result, published: [], notes, status };
  if (!result.valid) await failInvalid(run);
  await finish(run);
}

function describeScope(scope: Scope | undefined, truncated: boolean, policy: readonly string[]): string {
  const policyNote =
    policy.length > 0
      ? ` It changes files the action trusts as policy: ${policy.map((p) => `\`${p}\``).join(', ')}.`
      : '';
  if (!scope)
    return truncated
      ? 'the pull request lists more files than GitHub shows (3,000): every environment is validated'
      : `the pull request changes flux-pkg.yaml or a .sops.yaml: every environment is validated.${policyNote}`;
  const parts = Object.entries(scope).map(([c, envs]) =>
    envs === '*'
      ? `${c} (every environment: a Package or its Brain folder changed)`
      : `${c} in ${envs.join(', ')}`,
  );
  core.debug(`gate scope: ${JSON.stringify(scope)}`);
  if (parts.length === 0)
    return policy.length > 0
      ? `the pull request changes no environment.${policyNote}`
      : 'the pull request changes no file Flux applies or the action trusts: nothing to validate';
  return `validated what the pull request changes: ${parts.join('; ')}.${policyNote}`;
}

/** The status's one line: the verdict and the first error (code and file only: no repository text beyond a path). */
function verdictLine(result: Awaited<ReturnType<typeof plan>>): string {
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return 'the gate passed: every change checked is valid';
  const first = errors[0]!;
  return `${errors.length} error(s); first: ${first.code} in ${first.file || 'the repository'}`;
}
