/**
 * Mode promote. On a `status` event: Flux reported an environment healthy for a base-branch commit
 * → the environments promoting from it when healthy get that commit's version. On
 * workflow_dispatch: the inputs name one promotion (or rollback). On a push: the chain that follows
 * merges (install mode does the same along with new Packages).
 */
import { loadConfig, type RepoConfig } from '../config/config.js';
import { environmentOfStatus, environmentsOf, promotedOn } from '../config/graph.js';
import { hasErrors } from '../diagnostics.js';
import { api, deliver } from '../github/deliver.js';
import { versionAt } from '../plan/load/base.js';
import { discover } from '../plan/model/repository.js';
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
  let skipped: string | undefined;
  await deliverPromotions(
    session,
    async (snapshot, config, baseTree) => {
      skipped = undefined;
      const components = discover(
        baseTree.map((e) => e.path),
        config.layout,
      );
      const source = environmentOfStatus(config, status.context, components);
      if (!source) {
        skipped = `ignoring the status "${status.context}": it names no environment's health Kustomization (promotion.healthKustomization)`;
        return [];
      }
      const { component, environment } = source;
      const targets = promotedOn(config, environment, 'healthy').filter((to) =>
        environmentsOf(
          config,
          component,
          components.find((c) => c.name === component)!.environments,
        ).includes(to),
      );
      const about = `${component} in ${environment} at ${status.sha.slice(0, 12)}`;
      if (targets.length === 0) {
        skipped = `no environment promotes from ${environment} when healthy; nothing to do for ${about}`;
        return [];
      }
      if (status.state !== 'success') {
        skipped = `Flux reports ${about} as "${status.state}" (${status.context}): nothing promoted to ${targets.join(', ')} until it reports success`;
        return [];
      }
      if (!status.branches.includes(session.baseBranch)) {
        skipped = `the healthy commit ${status.sha.slice(0, 12)} is not on ${session.baseBranch}; nothing promoted`;
        return [];
      }
      const statusTree = await treeOfCommit(session, status.sha);
      const [then, now] = await Promise.all([
        versionAt(snapshotOf(session, statusTree), config, component, environment),
        versionAt(snapshot, config, component, environment),
      ]);
      if (!then || then !== now) {
        skipped = `the healthy commit ${status.sha.slice(0, 12)} ran ${component} ${then ?? 'no version'} in ${environment}, which now runs ${now ?? 'nothing'}: nothing promoted (a status for the commit it runs now decides)`;
        return [];
      }
      return targets.map((to) => ({
        component,
        environment: to,
        from: environment,
        version: then,
        source: {
          trigger: 'healthy' as const,
          commit: status.sha,
          status: { context: status.context, state: status.state, targetUrl: status.targetUrl },
        },
      }));
    },
    () => (skipped ? [skipped] : []),
  );
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
  await deliverPromotions(
    session,
    async () => [promotion],
    () => [],
    allowDowngrade,
  );
}

type Choose = (
  snapshot: ReturnType<typeof snapshotOf>,
  config: RepoConfig,
  tree: readonly { path: string }[],
) => Promise<Promotion[]>;

async function deliverPromotions(
  session: Session,
  choose: Choose,
  notes: () => string[],
  allowDowngrade = false,
): Promise<void> {
  const { inputs } = session;
  let status: StatusSource | undefined;
  const delivered = await deliver({
    ...deliveryOf(session),
    propose: async (base) => {
      const snapshot = snapshotOf(session, base.tree);
      const loaded = await api('reading flux-pkg.yaml', () => loadConfig(snapshot));
      status = { snapshot, loaded };
      if (hasErrors(loaded.diagnostics))
        return {
          result: combineResults([], loaded.diagnostics, { file: loaded.config.file }),
          proposals: [],
        };
      const promotions = await api('reading the gitops repository', () =>
        choose(snapshot, loaded.config, base.tree),
      );
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
  annotate(delivered.result.diagnostics);
  const report = { mode: 'promote', dryRun: inputs.dryRun, ...delivered, notes: notes(), status };
  if (!delivered.result.valid) await failInvalid(report);
  await finish(report);
}
