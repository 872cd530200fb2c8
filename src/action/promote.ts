/**
 * Mode promote. On a `status` event: whether Flux reported an environment healthy is decided by the
 * synchronous rules of plan/modes/promote/health.ts on the base branch's flux-pkg.yaml (only the
 * final success, only from promotion.statusCreators); this shell gathers the facts (the status, the
 * versions at its commit and now) and publishes — the environments promoting from it when healthy
 * get that commit's version, and a failure marks the open promotions from that commit. On
 * workflow_dispatch: the inputs name one promotion (or rollback). On a push: the chain that follows
 * merges (install mode does the same along with new Packages).
 */
import { loadConfig, type RepoConfig } from '../config/config.js';
import { hasErrors } from '../diagnostics.js';
import { api, deliver } from '../github/deliver.js';
import { markFailedPromotions } from '../github/mark-pull.js';
import { type Base, refreshFiles } from '../github/publish.js';
import { foldersIn, knownFiles, readCommitTree, widen } from '../github/tree-walk.js';
import { versionAt } from '../plan/load/base.js';
import { type ComponentLayout, discover } from '../plan/model/repository.js';
import {
  environmentOfStatus,
  type HealthSource,
  judgeHealthStatus,
  staleCommitReason,
} from '../plan/modes/promote/health.js';
import { plan } from '../plan/plan.js';
import { combineResults } from '../plan/proposals/combine.js';
import { proposalsFromPlan } from '../plan/proposals/proposals.js';
import type { PlanResult, PromoteRequest, Promotion } from '../plan/types.js';
import type { Snapshot } from '../repo/snapshot.js';
import type { StatusFacts } from './facts.js';
import { deliverPush } from './install.js';
import { styleOf } from './proposal-style.js';
import { ActionError, annotate, failInvalid, finish, type StatusSource } from './report.js';
import { deliveryOf, type Session, snapshotOf, sopsKeys, sopsOverrides } from './session.js';

export async function promote(session: Session): Promise<void> {
  const { facts, inputs } = session;
  if (facts.eventName === 'status') return promoteOnHealth(session, facts.status);
  if (inputs.component || inputs.toEnvironment) return promoteByHand(session);
  if (facts.eventName === 'push') return deliverPush(session, { install: false, promote: true }, 'promote');
  throw new ActionError(
    'mode promote needs the inputs component and to-environment (workflow_dispatch), or a status or push event',
  );
}

const EMPTY: PlanResult = { valid: true, diagnostics: [], environments: [], files: [] };

async function nothingToDo(session: Session, note: string): Promise<void> {
  await finish({
    mode: 'promote',
    dryRun: session.inputs.dryRun,
    result: EMPTY,
    published: [],
    notes: [note],
  });
}

async function promoteOnHealth(session: Session, status: StatusFacts | undefined): Promise<void> {
  if (!status) return nothingToDo(session, 'ignoring a status event without sha, context and state');
  await deliverPromotions(session, async (config, base, widenTo) => {
    const verdict = judgeHealthStatus(
      config,
      status,
      await healthComponents(session, config, base, status.context, widenTo),
      session.baseBranch,
    );
    if (verdict.kind === 'ignore') return skip(verdict.reason);
    // A failure promotes nothing; after delivery, open promotions from that commit are marked.
    if (verdict.kind === 'failed') return { ...skip(verdict.reason), failed: verdict };
    const { component, environment } = verdict;
    const [statusSnapshot, snapshot] = await Promise.all([
      commitSnapshot(session, status.sha, config, component),
      widenTo([component]),
    ]);
    const [then, now] = await Promise.all([
      versionAt(statusSnapshot, config, component, environment),
      versionAt(snapshot, config, component, environment),
    ]);
    const stale = staleCommitReason(verdict, status.sha, then, now);
    if (stale || !then) return skip(stale ?? 'no version');
    const source = {
      trigger: 'healthy' as const,
      commit: status.sha,
      status: { context: status.context, state: status.state, targetUrl: status.targetUrl },
    };
    const promotions = verdict.targets.map((to) => ({
      component,
      environment: to,
      from: environment,
      version: then,
      source,
    }));
    return { promotions, notes: [] };
  });
}

/**
 * The components a status may be about. On a tree past GitHub's one-read limit, every folder under
 * componentsPath is a candidate (listings only, no subtree; environments come from flux-pkg.yaml,
 * which a promotion chain needs anyway); the one the status names is then read, and judged on.
 */
async function healthComponents(
  session: Session,
  config: RepoConfig,
  base: Base,
  context: string,
  widenTo: (components: string[]) => Promise<Snapshot>,
): Promise<ComponentLayout[]> {
  if (!base.partial) return discoverIn(base.tree, config);
  const root = config.layout.componentsPath.replace(/\/+$/, '');
  const names = await api('listing the component folders', () =>
    foldersIn(session.objects, base.index, root),
  );
  const candidates = names.map((name) => ({ name, environments: [] }));
  const named = environmentOfStatus(config, context, candidates);
  if (!named) return [];
  return discoverIn(await (await widenTo([named.component])).list(), config);
}

const discoverIn = (files: readonly { path: string }[], config: RepoConfig) =>
  discover(
    files.map((e) => e.path),
    config.layout,
  );

/** The repository at a commit, read (past GitHub's one-read limit) only under one component's folder. */
async function commitSnapshot(
  session: Session,
  sha: string,
  config: RepoConfig,
  component: string,
): Promise<Snapshot> {
  if (session.inputs.path) return snapshotOf(session, []);
  const known = await api(`reading commit ${sha}`, () => readCommitTree(session.objects, sha));
  if (known.partial)
    await api(`reading commit ${sha}`, () =>
      widen(session.objects, known.index, [componentDir(config, component)]),
    );
  return snapshotOf(session, knownFiles(known));
}

const componentDir = (config: RepoConfig, component: string) => {
  const root = config.layout.componentsPath.replace(/\/+$/, '');
  return root ? `${root}/${component}` : component;
};

const skip = (reason: string): Chosen => ({ promotions: [], notes: [reason] });

/** Turns auto-merge off on, and comments on, the open promotions from a commit Flux now reports failing. */
async function markFailed(
  session: Session,
  failed: NonNullable<Chosen['failed']>,
  sha: string,
): Promise<string[]> {
  if (session.inputs.dryRun) return [];
  const marked = await api('marking the promotions from a failing commit', () =>
    markFailedPromotions(session.client, session.ref, session.baseBranch, { ...failed, sha }),
  );
  return marked.length === 0
    ? []
    : [
        `marked pull request${marked.length > 1 ? 's' : ''} ${marked.map((n) => `#${n}`).join(', ')}: auto-merge off, commented`,
      ];
}

async function promoteByHand(session: Session): Promise<void> {
  const { component, toEnvironment, fromEnvironment, version, allowDowngrade } = session.inputs;
  if (!component) throw new ActionError('input component is required for mode promote');
  if (/[\s,*]/.test(component))
    throw new ActionError(`input component must name one component for mode promote, not "${component}"`);
  if (!toEnvironment) throw new ActionError('input to-environment is required for mode promote');
  const promotion: Promotion = {
    component,
    environment: toEnvironment,
    from: fromEnvironment,
    version,
    source: { trigger: 'manual' },
  };
  await deliverPromotions(session, async () => ({ promotions: [promotion], notes: [] }), allowDowngrade);
}

/** The promotions a run makes, and why it makes none (for the log and the summary). */
interface Chosen {
  promotions: Promotion[];
  notes: string[];
  /** Flux reported the source environment failing: mark the open promotions from that commit. */
  failed?: HealthSource & { reason: string };
}

/**
 * Chooses on the base branch's flux-pkg.yaml: the rules (status creators, order) are never the run's.
 * `widenTo`: the base read completely under these components' folders (a no-op when GitHub listed the
 * whole tree), and a snapshot of what is known then.
 */
type Choose = (
  config: RepoConfig,
  base: Base,
  widenTo: (components: string[]) => Promise<Snapshot>,
) => Promise<Chosen>;

async function deliverPromotions(session: Session, choose: Choose, allowDowngrade = false): Promise<void> {
  const { inputs } = session;
  let status: StatusSource | undefined;
  // The notes of the last attempt (delivery retries propose on a moved base).
  let notes: string[] = [];
  let failed: Chosen['failed'];
  const delivered = await deliver({
    ...deliveryOf(session),
    // Past GitHub's one-read limit, the base is read only under the components promoted.
    partialBase: true,
    propose: async (base) => {
      let snapshot = snapshotOf(session, base.tree);
      const loaded = await api('reading flux-pkg.yaml', () => loadConfig(snapshot));
      status = { snapshot, loaded };
      notes = [];
      failed = undefined;
      if (hasErrors(loaded.diagnostics))
        return {
          result: combineResults([], loaded.diagnostics, { file: loaded.config.file }),
          proposals: [],
        };
      const widenTo = async (components: string[]) => {
        if (base.partial) {
          const folders = components.map((c) => componentDir(loaded.config, c));
          await api('reading the gitops repository', () => widen(session.objects, base.index, folders));
          refreshFiles(base);
          snapshot = snapshotOf(session, base.tree);
          status = { snapshot, loaded };
        }
        return snapshot;
      };
      const chosen = await api('reading the gitops repository', () => choose(loaded.config, base, widenTo));
      notes = chosen.notes;
      failed = chosen.failed;
      const { promotions } = chosen;
      if (promotions.length === 0)
        return {
          result: combineResults([], loaded.diagnostics, { file: loaded.config.file }),
          proposals: [],
        };
      await widenTo([...new Set(promotions.map((p) => p.component))]);
      const request: PromoteRequest = {
        kind: 'promote',
        promotions,
        allowDowngrade,
        sops: sopsKeys(session.inputs),
        overrides: sopsOverrides(session.inputs),
      };
      const result = await api('reading the gitops repository', () => plan(snapshot, request, loaded));
      return { result, proposals: result.valid ? proposalsFromPlan(result, styleOf(session, base)) : [] };
    },
  });
  if (failed && session.facts.status)
    notes.push(...(await markFailed(session, failed, session.facts.status.sha)));
  annotate(delivered.result.diagnostics);
  const report = { mode: 'promote', dryRun: inputs.dryRun, ...delivered, notes, status };
  if (!delivered.result.valid) await failInvalid(report);
  await finish(report);
}
