/**
 * Mode validate, the gate: on a pull request, what it changes — the environments its files touch,
 * widened to a component's every environment when a Package changes and to the whole repo when
 * flux-pkg.yaml does — checked at its head and compared with the base branch (Packages changed in
 * place, out-of-order promotion). Without a pull request: the whole base branch. Writes nothing.
 */
import * as core from '@actions/core';
import { loadConfig } from '../config/config.js';
import { labelsNow } from '../github/commit-status.js';
import { api, readBaseOrFail } from '../github/deliver.js';
import { listPullRequestFiles } from '../github/pull-files.js';
import { loadBaseFacts } from '../plan/load/base.js';
import { scopeOfChanges } from '../plan/model/changes.js';
import { plan } from '../plan/plan.js';
import type { Scope, ValidateRequest } from '../plan/types.js';
import { annotate, failInvalid, finish, type StatusSource } from './report.js';
import { checkTargetOf, type Session, snapshotOf, sopsKeys, treeOfCommit } from './session.js';
import { postCheck } from './verdict.js';

export async function validate(session: Session): Promise<void> {
  const { inputs, facts } = session;
  const pr = facts.pullRequest;
  const gate = pr?.headSha !== undefined && pr.number !== undefined && !inputs.path;
  const request: ValidateRequest = {
    kind: 'validate',
    environments: inputs.environments,
    sops: sopsKeys(inputs),
  };
  const notes: string[] = [];
  let snapshot: ReturnType<typeof snapshotOf>;
  if (gate) {
    const [head, base, files] = await Promise.all([
      treeOfCommit(session, pr.headSha!),
      readBaseOrFail(session.client, session.ref, pr.baseRef ?? session.baseBranch),
      api(`listing the files of pull request #${pr.number}`, () =>
        listPullRequestFiles(session.client, session.ref, pr.number!),
      ),
    ]);
    snapshot = snapshotOf(session, head);
    const loaded = await api('reading flux-pkg.yaml', () => loadConfig(snapshot));
    const scope = files.truncated
      ? undefined
      : scopeOfChanges(
          files.paths,
          head.map((e) => e.path),
          loaded.config.layout,
        );
    notes.push(describeScope(scope, files.truncated));
    request.scope = scope;
    // The labels as they are now: a re-run replays the old payload, a label added since counts.
    request.labels = await api(`reading the labels of pull request #${pr.number}`, () =>
      labelsNow(session.client, session.ref, pr.number!),
    );
    request.base = await api('reading the base branch', () =>
      loadBaseFacts(snapshotOf(session, base.tree), loaded.config, scope),
    );
    const result = await api('reading the gitops repository', () => plan(snapshot, request, loaded));
    await postCheck(checkTargetOf(session), pr.headSha!, {
      state: result.valid ? 'success' : 'failure',
      description: verdictLine(result),
    });
    return report(session, result, notes, { snapshot, loaded });
  }
  const tree = pr?.headSha
    ? await treeOfCommit(session, pr.headSha)
    : (await readBaseOrFail(session.client, session.ref, session.baseBranch)).tree;
  // The whole repository is read once and not kept: its validation is also the matrix's.
  snapshot = snapshotOf(session, tree, false);
  const loaded = await api('reading flux-pkg.yaml', () => loadConfig(snapshot));
  const result = await api('reading the gitops repository', () => plan(snapshot, request, loaded));
  const validation = inputs.environments ? undefined : result;
  return report(session, result, notes, { snapshot, loaded, validation });
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

function describeScope(scope: Scope | undefined, truncated: boolean): string {
  if (!scope)
    return truncated
      ? 'the pull request lists more files than GitHub shows (3,000): every environment is validated'
      : 'the pull request changes flux-pkg.yaml: every environment is validated';
  const parts = Object.entries(scope).map(([c, envs]) =>
    envs === '*' ? `${c} (every environment: a Package changed)` : `${c} in ${envs.join(', ')}`,
  );
  if (parts.length === 0) return 'the pull request changes no component or environment: nothing to validate';
  core.debug(`gate scope: ${JSON.stringify(scope)}`);
  return `validated what the pull request changes: ${parts.join('; ')}`;
}

/** The status's one line: the verdict and the first error (code and file only: no repository text beyond a path). */
function verdictLine(result: Awaited<ReturnType<typeof plan>>): string {
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return 'the gate passed: every change checked is valid';
  const first = errors[0]!;
  return `${errors.length} error(s); first: ${first.code} in ${first.file || 'the repository'}`;
}
