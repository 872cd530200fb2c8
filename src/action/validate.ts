/**
 * Mode validate: the pull request's head when there is one (what review would merge), else the
 * base branch — every Package, PackageInstall and values Secret checked; nothing is written.
 */
import { api, readBaseOrFail } from '../github/deliver.js';
import { plan } from '../plan/plan.js';
import { annotate, failInvalid, finish } from './report.js';
import { type Session, snapshotOf, treeOfCommit } from './session.js';

export async function validate(session: Session): Promise<void> {
  const { inputs, facts } = session;
  const head = facts.pullRequest?.headSha;
  const tree = head
    ? await treeOfCommit(session, head)
    : (await readBaseOrFail(session.client, session.ref, session.baseBranch)).tree;
  const snapshot = snapshotOf(session, tree);
  const result = await api('reading the gitops repository', () =>
    plan(snapshot, { kind: 'validate', environments: inputs.environments }),
  );
  annotate(result.diagnostics);
  const report = { mode: 'validate', dryRun: inputs.dryRun, result, published: [] };
  if (!result.valid) await failInvalid(report);
  await finish(report);
}
