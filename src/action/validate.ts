/**
 * Mode validate, the gate: on a pull request, what it changes — the environments its files touch,
 * widened to a component's every environment when a Package changes and to the whole repo when
 * flux-pkg.yaml does — checked at its head and compared with the base branch (Packages changed in
 * place, out-of-order promotion). Without a pull request: the whole base branch. Writes nothing.
 */
import * as core from '@actions/core';
import { loadConfig } from '../config/config.js';
import { hasErrors } from '../diagnostics.js';
import { api, readBaseOrFail } from '../github/deliver.js';
import { listPullRequestFiles } from '../github/pull-files.js';
import { loadBaseFacts } from '../plan/load/base.js';
import { scopeOfChanges } from '../plan/model/changes.js';
import { judgingConfig } from '../plan/modes/validate/policy.js';
import { plan } from '../plan/plan.js';
import type { Scope, ValidateRequest } from '../plan/types.js';
import { checkGatePolicy, withPolicy } from './gate-policy.js';
import { annotate, failInvalid, finish, type StatusSource } from './report.js';
import { type Session, snapshotOf, sopsKeys, treeOfCommit } from './session.js';

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
      readBaseOrFail(session.objects, pr.baseRef ?? session.baseBranch),
      api(`listing the files of pull request #${pr.number}`, () =>
        listPullRequestFiles(session.client, session.ref, pr.number!),
      ),
    ]);
    snapshot = snapshotOf(session, head);
    const baseSnapshot = snapshotOf(session, base.tree);
    const [headLoaded, baseLoaded] = await api('reading flux-pkg.yaml', () =>
      Promise.all([loadConfig(snapshot), loadConfig(baseSnapshot)]),
    );
    // Rules come from the base: a pull request is never judged by the flux-pkg.yaml it brings.
    const judged = hasErrors(baseLoaded.diagnostics)
      ? headLoaded.config
      : judgingConfig(baseLoaded.config, headLoaded.config);
    const loaded = hasErrors(headLoaded.diagnostics) ? headLoaded : { ...headLoaded, config: judged };
    const scope = files.truncated
      ? undefined
      : scopeOfChanges(
          files.paths,
          head.map((e) => e.path),
          loaded.config.layout,
        );
    notes.push(describeScope(scope, files.truncated));
    request.scope = scope;
    request.labels = pr.labels;
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
      }),
    );
    notes.push(...policy.notes);
    const result = await api('reading the gitops repository', () => plan(snapshot, request, loaded));
    return report(session, withPolicy(result, policy.diagnostics), notes, { snapshot, loaded });
  }
  const tree = pr?.headSha
    ? await treeOfCommit(session, pr.headSha)
    : (await readBaseOrFail(session.objects, session.baseBranch)).tree;
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
