/**
 * Mode bootstrap (the default for workflow_dispatch): a new environment for one or more components
 * → one pull request with the environment folder, the run cluster's RBAC, the Brain's Flux objects
 * and flux-pkg.yaml. A rerun with the same inputs updates that pull request.
 */
import { api, deliver, type Proposed } from '../github/deliver.js';
import type { Base } from '../github/publish.js';
import type { BootstrapInputs } from '../inputs.js';
import { plan } from '../plan/plan.js';
import { bootstrapProposal } from '../plan/proposals/proposals.js';
import type { BootstrapRequest } from '../plan/types.js';
import { styleOf } from './install.js';
import { annotate, failInvalid, finish } from './report.js';
import { deliveryOf, type Session, snapshotOf, sopsKeys, sopsOverrides } from './session.js';

export async function bootstrap(session: Session): Promise<void> {
  const { inputs } = session;
  let planned: Proposed | undefined;
  const delivered = await deliver({
    ...deliveryOf(session),
    propose: async (base: Base) => {
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
