/**
 * Mode install: the Packages a push wrote (or the `packages` input names) → a PackageInstall and
 * values Secret for each environment that takes new versions directly → one pull request each.
 */
import * as core from '@actions/core';
import { loadConfig, type RepoConfig } from '../config/config.js';
import { api, deliver, type Proposed } from '../github/deliver.js';
import { type Base, refreshFiles } from '../github/publish.js';
import { changedFiles, componentFolders, planReadable, rootTreeOf, widen } from '../github/tree-walk.js';
import { type ChangeSet, changedPaths, classifyChanges } from '../plan/model/changes.js';
import { promotionsOfMerge } from '../plan/modes/promote/merged.js';
import { plan } from '../plan/plan.js';
import { combineResults } from '../plan/proposals/combine.js';
import { type ProposalStyle, proposalsFromPlan } from '../plan/proposals/proposals.js';
import type { InstallRequest } from '../plan/types.js';
import { ActionError, annotate, failInvalid, finish, type StatusSource } from './report.js';
import { deliveryOf, type Session, snapshotOf, sopsKeys, sopsOverrides, treeOfCommit } from './session.js';

export async function install(session: Session): Promise<void> {
  await deliverPush(session, { install: true, promote: true });
}

/**
 * What a push delivers, in one delivery: new Packages to the environments that take them directly
 * (install), and merged environments' versions to the environments promoting from them on merge.
 */
export async function deliverPush(
  session: Session,
  what: { install: boolean; promote: boolean },
  mode = 'install',
): Promise<void> {
  const { inputs, facts } = session;
  // The push's first commit is read while the base is: the two reads overlap.
  if (facts.push?.before && !inputs.packages && !ZERO_SHA.test(facts.push.before))
    void treeOfCommit(session, facts.push.before);
  let planned: Proposed | undefined;
  let status: StatusSource | undefined;
  const delivered = await deliver({
    ...deliveryOf(session),
    // A tree too large for one read is read only where the push (or the packages input) points.
    partialBase: true,
    propose: async (base) => {
      let snapshot = snapshotOf(session, base.tree);
      const loaded = await loadConfig(snapshot);
      const changes = await pushChanges(session, loaded.config, base);
      if (base.partial) snapshot = snapshotOf(session, base.tree);
      const touched = [
        ...(inputs.packages ?? changes?.packageFiles ?? []),
        ...(changes?.packageInstalls ?? []).map((c) => c.path),
      ];
      prefetchComponents(session, base, componentFolders(touched, loaded.config.layout.componentsPath ?? ''));
      status = { snapshot, loaded };
      const request: InstallRequest = {
        kind: 'install',
        environments: inputs.environments,
        packages: inputs.packages ?? changes?.packageFiles,
        sops: sopsKeys(inputs),
        overrides: sopsOverrides(inputs),
      };
      const promotions =
        what.promote && changes ? promotionsOfMerge(loaded.config, changes, facts.push?.after) : [];
      const results = await api('reading the gitops repository', async () => {
        const list = [];
        if (what.install && (request.packages === undefined || request.packages.length > 0))
          list.push(await plan(snapshot, request, loaded));
        if (promotions.length > 0)
          list.push(
            await plan(
              snapshot,
              { kind: 'promote', promotions, sops: sopsKeys(inputs), overrides: sopsOverrides(inputs) },
              loaded,
            ),
          );
        return list;
      });
      if (results.length === 0)
        core.info('this push changed no Package file and merged no environment; nothing to deliver');
      const result = combineResults(results, loaded.diagnostics);
      const flow = inputs.prFlow ?? loaded.config.prFlow;
      const proposals = result.valid ? proposalsFromPlan(result, styleOf(session, base), flow) : [];
      planned = { result, proposals };
      return planned;
    },
  }).catch(async (e: unknown) => {
    // The plan is known even when GitHub failed: report it (valid, changed-files) before failing.
    if (planned) await finish({ mode, dryRun: inputs.dryRun, ...planned, published: [], status });
    throw e;
  });
  annotate(delivered.result.diagnostics);
  const report = { mode, dryRun: inputs.dryRun, ...delivered, status };
  if (!delivered.result.valid) await failInvalid(report);
  await finish(report);
}

export function styleOf(session: Session, base: Base): ProposalStyle {
  const { inputs, facts, ref } = session;
  return {
    title: inputs.prTitle,
    commitMessage: inputs.commitMessage,
    labels: inputs.labels,
    reviewers: inputs.reviewers,
    teamReviewers: inputs.teamReviewers,
    draft: inputs.draft,
    autoMerge: inputs.autoMerge,
    links: {
      serverUrl: facts.serverUrl,
      repository: `${ref.owner}/${ref.repo}`,
      baseSha: base.sha,
      triggerSha: facts.push?.after,
    },
  };
}

const ZERO_SHA = /^0+$/;

/**
 * The YAML files of the components a run touches, read as one fan-out before planning: the plan
 * and the summary's version matrix read them one after another otherwise.
 */
function prefetchComponents(session: Session, base: Base, folders: readonly string[]): void {
  if (session.inputs.path || folders.length === 0) return;
  const under = (path: string) => folders.some((f) => path.startsWith(`${f}/`));
  const files = base.tree.filter((e) => under(e.path) && planReadable(e, MAX_PREFETCH_BYTES));
  session.objects.prefetch(files.map((e) => e.sha));
}

/** A file larger than this is left to the planner's own size rules, not read ahead. */
const MAX_PREFETCH_BYTES = 1024 * 1024;

/** A base too large for one tree read, read completely under the components `paths` touch. */
async function widenBase(session: Session, base: Base, config: RepoConfig, paths: readonly string[]) {
  const folders = componentFolders(paths, config.layout.componentsPath ?? '');
  await api('reading the gitops repository', () => widen(session.objects, base.index, folders));
  refreshFiles(base);
}

/** What this push changed (Package files, PackageInstalls): its two trees compared, blob by blob. */
async function pushChanges(session: Session, config: RepoConfig, base: Base): Promise<ChangeSet | undefined> {
  const { inputs, facts } = session;
  if (inputs.packages || facts.eventName !== 'push') {
    if (base.partial) await widenBase(session, base, config, inputs.packages ?? []);
    return undefined;
  }
  const { before, after, forced } = facts.push ?? { forced: false };
  if (!before || !after || ZERO_SHA.test(before) || forced) {
    const why = forced
      ? 'a force push'
      : !before || !after
        ? 'a push event without before/after'
        : 'the first push of a branch';
    throw new ActionError(
      `cannot tell which Packages changed in ${why}; set the packages input to the Package files to deliver`,
    );
  }
  if (base.partial) {
    const [from, to] = await Promise.all(
      [before, after].map((sha) => (sha === base.sha ? base.treeSha : rootTreeOf(session.objects, sha))),
    );
    const changed = await changedFiles(session.objects, from, to);
    await widenBase(session, base, config, changed);
    return classifyChanges(
      changed,
      base.tree.map((e) => e.path),
      config.layout,
    );
  }
  const [beforeTree, afterTree] = await Promise.all(
    [before, after].map((sha) => (sha === base.sha ? base.tree : treeOfCommit(session, sha))),
  );
  return classifyChanges(
    changedPaths(beforeTree!, afterTree!),
    afterTree!.map((e) => e.path),
    config.layout,
  );
}
