/**
 * Mode bootstrap (the default for workflow_dispatch): a new environment for one or more components
 * → one pull request with the environment folder, the run cluster's RBAC, the Brain's Flux objects
 * and flux-pkg.yaml. A rerun with the same inputs updates that pull request.
 */
import * as core from '@actions/core';
import { loadConfig } from '../config/config.js';
import { api, deliver, type Proposed } from '../github/deliver.js';
import { type Base, refreshFiles } from '../github/publish.js';
import { GitHubSnapshot } from '../github/snapshot.js';
import { componentNames, readsToWiden, widen } from '../github/tree-walk.js';
import type { BootstrapInputs } from '../inputs.js';
import { plan } from '../plan/plan.js';
import { bootstrapProposal } from '../plan/proposals/proposals.js';
import type { BootstrapRequest } from '../plan/types.js';
import { styleOf } from './proposal-style.js';
import { ActionError, annotate, failInvalid, finish } from './report.js';
import { deliveryOf, type Session, snapshotOf, sopsKeys, sopsOverrides } from './session.js';

export async function bootstrap(session: Session): Promise<void> {
  const { inputs } = session;
  let planned: Proposed | undefined;
  const delivered = await deliver({
    ...deliveryOf(session),
    // Past GitHub's one-read limit, the base is read only where a bootstrap looks (readFor below).
    partialBase: true,
    propose: async (base: Base) => {
      if (base.partial) await readFor(session, base, inputs.bootstrap.components);
      const request = {
        ...bootstrapRequest(inputs.bootstrap, {
          gitUrl: `${session.facts.serverUrl}/${session.ref.owner}/${session.ref.repo}.git`,
          branch: session.baseBranch,
        }),
        // The Provider reports to this repository on this server (GITHUB_SERVER_URL), whatever git-url says.
        repositoryUrl: `${session.facts.serverUrl.replace(/\/+$/, '')}/${session.ref.owner}/${session.ref.repo}`,
        sops: sopsKeys(inputs),
        sopsAgeRecipients: sopsOverrides(inputs)?.sopsAgeRecipients,
      };
      const snapshot = snapshotOf(session, base.tree);
      const result = await api('reading the gitops repository', () => plan(snapshot, request));
      const proposals = result.valid ? [bootstrapProposal(result, styleOf(session, base))] : [];
      planned = { result, proposals };
      return planned;
    },
  }).catch(async (e: unknown) => {
    if (planned) await finish({ mode: 'bootstrap', dryRun: inputs.dryRun, ...planned, published: [] });
    throw e;
  });
  annotate(delivered.result.diagnostics);
  const report = { mode: 'bootstrap', dryRun: inputs.dryRun, ...delivered };
  if (!delivered.result.valid) await failInvalid(report);
  await finish(report);
}

/**
 * A base too large for one tree read, read where a bootstrap looks: flux-pkg.yaml (at the root,
 * already listed), the whole Brain folder (its root list and each component's folder) and the
 * folder of each component bootstrapped. Component `*`, or a flux-pkg.yaml that lists no
 * environments (the environments are then every component's folders, which the edit of
 * flux-pkg.yaml lists), needs every component: a walk of the folders under componentsPath, one
 * subtree read per component folder, counted against the REST budget first (checkWalkFits).
 */
async function readFor(session: Session, base: Base, components: readonly string[]): Promise<void> {
  const { config } = await api('reading flux-pkg.yaml', () =>
    loadConfig(new GitHubSnapshot(session.objects, base.tree)),
  );
  const root = config.layout.componentsPath.replace(/\/+$/, '');
  const brain = config.layout.brainPath.replace(/\/+$/, '');
  const join = (name: string) => (root ? `${root}/${name}` : name);
  const every = components.includes('*') || !config.environments;
  const names = every
    ? await api('listing the component folders', () =>
        componentNames(session.objects, base.index, config.layout),
      )
    : components;
  const dirs = [...names.map(join), ...(brain ? [brain] : [])];
  const why = components.includes('*') ? 'component *' : 'flux-pkg.yaml lists no environments';
  if (every) checkWalkFits(session, { folders: names.length, reads: readsToWiden([base.index], dirs), why });
  core.info(
    `the tree is larger than one API read: reading the Brain folder and ${names.length} component folder(s)${every ? ` (every one: ${why})` : ''}`,
  );
  await api('reading the gitops repository', () => widen(session.objects, base.index, dirs));
  refreshFiles(base);
}

/**
 * A walk of every component folder is counted before it starts, and refused (before any write:
 * this runs while planning) when its reads do not fit in the REST budget above its reserve
 * (budget.ts `affordable`, as deliver.ts `withinBudget` asks).
 */
function checkWalkFits(session: Session, walk: { folders: number; reads: number; why: string }): void {
  const { budget } = session;
  if (budget.affordable([walk.reads]) >= 1) return;
  const refills =
    budget.resetAt === undefined
      ? ''
      : ` (at ${new Date(budget.resetAt * 1000).toISOString().replace(/\.\d+Z$/, 'Z')})`;
  throw new ActionError(
    `bootstrap with ${walk.why} needs every component folder, and the base's tree is larger than GitHub lists in one read (over 100,000 entries or 7 MB): that is ${walk.folders} component folder(s), ${walk.reads} tree read(s) through the API, and the REST budget has ${budget.remaining} request(s) left, ${budget.reserve} of them kept for the repository's other workflows. No component folder was read and nothing was written: rerun after the budget refills${refills}, or name the components to bootstrap`,
  );
}

/** The planner's request from the inputs (the CLI builds the same from its flags). */
function bootstrapRequest(
  given: BootstrapInputs,
  defaults: { gitUrl: string; branch: string },
): BootstrapRequest {
  const { components, environment, gitUrl, ...rest } = given;
  return {
    kind: 'bootstrap',
    ...rest,
    components,
    environment: environment ?? '',
    gitUrl: gitUrl ?? defaults.gitUrl,
    branch: defaults.branch,
  };
}
