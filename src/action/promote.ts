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
import { versionAt } from '../plan/load/base.js';
import { discover } from '../plan/model/repository.js';
import { type HealthSource, judgeHealthStatus, staleCommitReason } from '../plan/modes/promote/health.js';
import { plan } from '../plan/plan.js';
import { combineResults } from '../plan/proposals/combine.js';
import { proposalsFromPlan } from '../plan/proposals/proposals.js';
import type { PlanResult, PromoteRequest, Promotion } from '../plan/types.js';
import type { StatusFacts } from './facts.js';
import { deliverPush, styleOf } from './install.js';
import { ActionError, annotate, failInvalid, finish, type StatusSource } from './report.js';
import { deliveryOf, type Session, snapshotOf, sopsKeys, sopsOverrides, treeOfCommit } from './session.js';

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
  await deliverPromotions(session, async (snapshot, config, baseTree) => {
    const components = discover(
      baseTree.map((e) => e.path),
      config.layout,
    );
    const verdict = judgeHealthStatus(config, status, components, session.baseBranch);
    if (verdict.kind === 'ignore') return skip(verdict.reason);
    // A failure promotes nothing; after delivery, open promotions from that commit are marked.
    if (verdict.kind === 'failed') return { ...skip(verdict.reason), failed: verdict };
    const statusTree = await treeOfCommit(session, status.sha);
    const { component, environment } = verdict;
    const [then, now] = await Promise.all([
      versionAt(snapshotOf(session, statusTree), config, component, environment),
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

/** Chooses on the base branch's flux-pkg.yaml: the rules (status creators, order) are never the run's. */
type Choose = (
  snapshot: ReturnType<typeof snapshotOf>,
  config: RepoConfig,
  tree: readonly { path: string }[],
) => Promise<Chosen>;

async function deliverPromotions(session: Session, choose: Choose, allowDowngrade = false): Promise<void> {
  const { inputs } = session;
  let status: StatusSource | undefined;
  // The notes of the last attempt (delivery retries propose on a moved base).
  let notes: string[] = [];
  let failed: Chosen['failed'];
  const delivered = await deliver({
    ...deliveryOf(session),
    propose: async (base) => {
      const snapshot = snapshotOf(session, base.tree);
      const loaded = await api('reading flux-pkg.yaml', () => loadConfig(snapshot));
      status = { snapshot, loaded };
      notes = [];
      failed = undefined;
      if (hasErrors(loaded.diagnostics))
        return {
          result: combineResults([], loaded.diagnostics, { file: loaded.config.file }),
          proposals: [],
        };
      const chosen = await api('reading the gitops repository', () =>
        choose(snapshot, loaded.config, base.tree),
      );
      notes = chosen.notes;
      failed = chosen.failed;
      const { promotions } = chosen;
      if (promotions.length === 0)
        return {
          result: combineResults([], loaded.diagnostics, { file: loaded.config.file }),
          proposals: [],
        };
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
