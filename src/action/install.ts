/**
 * Mode install: the Packages a push wrote (or the `packages` input names) → a PackageInstall and
 * values Secret for each environment that takes new versions directly → one pull request each.
 */
import * as core from '@actions/core';
import { loadConfig, type RepoConfig } from '../config/config.js';
import { api, deliver, type Proposed } from '../github/deliver.js';
import type { Base } from '../github/publish.js';
import { changedPaths, classifyChanges } from '../plan/changes.js';
import { plan } from '../plan/plan.js';
import { type ProposalStyle, proposalsFromPlan } from '../plan/proposals.js';
import type { InstallRequest } from '../plan/types.js';
import { ActionError, annotate, failInvalid, finish } from './report.js';
import { type Session, snapshotOf, treeOfCommit } from './session.js';

export async function install(session: Session): Promise<void> {
  const { inputs, facts } = session;
  // The push's first commit is read while the base is: the two reads overlap.
  if (facts.push?.before && !inputs.packages && !ZERO_SHA.test(facts.push.before))
    void treeOfCommit(session, facts.push.before);
  let planned: Proposed | undefined;
  const delivered = await deliver({
    client: session.client,
    ref: session.ref,
    baseBranch: session.baseBranch,
    branchPrefix: inputs.branchPrefix,
    dryRun: inputs.dryRun,
    log: (m) => core.info(m),
    propose: async (base) => {
      const snapshot = snapshotOf(session, base.tree);
      const loaded = await loadConfig(snapshot);
      const request = await installRequest(session, loaded.config, base);
      const result = await api('reading the gitops repository', () => plan(snapshot, request, loaded));
      const flow = inputs.prFlow ?? loaded.config.prFlow;
      const proposals = result.valid ? proposalsFromPlan(result, styleOf(session, base), flow) : [];
      planned = { result, proposals };
      return planned;
    },
  }).catch(async (e: unknown) => {
    // The plan is known even when GitHub failed: report it (valid, changed-files) before failing.
    if (planned) await finish({ mode: 'install', dryRun: inputs.dryRun, ...planned, published: [] });
    throw e;
  });
  annotate(delivered.result.diagnostics);
  const report = { mode: 'install', dryRun: inputs.dryRun, ...delivered };
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

/** The Package files this push added or changed: the push's two trees compared, blob by blob. */
async function installRequest(session: Session, config: RepoConfig, base: Base): Promise<InstallRequest> {
  const { inputs, facts } = session;
  const request: InstallRequest = {
    kind: 'install',
    environments: inputs.environments,
    packages: inputs.packages,
  };
  if (inputs.packages || facts.eventName !== 'push') return request;
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
  const [beforeTree, afterTree] = await Promise.all(
    [before, after].map((sha) => (sha === base.sha ? base.tree : treeOfCommit(session, sha))),
  );
  const changes = classifyChanges(
    changedPaths(beforeTree!, afterTree!),
    afterTree!.map((e) => e.path),
    config.layout,
  );
  request.packages = changes.packageFiles;
  if (request.packages.length === 0) core.info('this push changed no Package file; nothing to deliver');
  return request;
}
