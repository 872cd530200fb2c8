/**
 * Mode validate, the gate: on a pull request, what it changes — the environments its files touch,
 * widened to a component's every environment when a Package or its Brain folder changes and to the
 * whole repo when flux-pkg.yaml or a .sops.yaml does; policy files (RBAC, Brain, flux-pkg.yaml,
 * .sops.yaml) listed — checked at its head (the API's tree, or the `path:` checkout) and compared
 * with the base branch read through the API (Packages changed in place, out-of-order promotion).
 * Without a pull request: the whole base branch. Writes nothing.
 */
import * as core from '@actions/core';
import { loadConfig } from '../config/config.js';
import { hasErrors } from '../diagnostics.js';
import { labelsNow } from '../github/commit-status.js';
import { api, readBaseOrFail } from '../github/deliver.js';
import { listPullRequestFiles } from '../github/pull-files.js';
import { GitHubSnapshot } from '../github/snapshot.js';
import { loadBaseFacts } from '../plan/load/base.js';
import { policyChanges, scopeOfChanges } from '../plan/model/changes.js';
import { judgingConfig } from '../plan/modes/validate/policy.js';
import { plan } from '../plan/plan.js';
import type { Scope, ValidateRequest } from '../plan/types.js';
import { KeptSnapshot } from '../repo/snapshot.js';
import { checkGatePolicy, withPolicy } from './gate-policy.js';
import { annotate, failInvalid, finish, type StatusSource } from './report.js';
import { checkTargetOf, type Session, snapshotOf, sopsKeys, treeOfCommit } from './session.js';
import { postCheck } from './verdict.js';

export async function validate(session: Session): Promise<void> {
  const { inputs, facts } = session;
  const pr = facts.pullRequest;
  // With `path:` the head is the checkout, and the base still comes from the API: the gate compares
  // the same way whichever way the head is read.
  const gate = pr?.headSha !== undefined && pr.number !== undefined;
  const request: ValidateRequest = {
    kind: 'validate',
    environments: inputs.environments,
    sops: sopsKeys(inputs),
  };
  const notes: string[] = [];
  let snapshot: ReturnType<typeof snapshotOf>;
  if (gate) {
    const [head, base, files] = await Promise.all([
      inputs.path ? [] : treeOfCommit(session, pr.headSha!),
      readBaseOrFail(session.objects, pr.baseRef ?? session.baseBranch),
      api(`listing the files of pull request #${pr.number}`, () =>
        listPullRequestFiles(session.client, session.ref, pr.number!),
      ),
    ]);
    snapshot = snapshotOf(session, head);
    // The base always through the API: with `path:` the checkout is the head, never the base.
    const baseSnapshot = new KeptSnapshot(new GitHubSnapshot(session.objects, base.tree));
    const headPaths = (await api('listing the head of the pull request', () => snapshot.list())).map(
      (e) => e.path,
    );
    const [headLoaded, baseLoaded] = await api('reading flux-pkg.yaml', () =>
      Promise.all([loadConfig(snapshot), loadConfig(baseSnapshot)]),
    );
    // Rules come from the base: a pull request is never judged by the flux-pkg.yaml it brings.
    const judged = hasErrors(baseLoaded.diagnostics)
      ? headLoaded.config
      : judgingConfig(baseLoaded.config, headLoaded.config);
    const loaded = hasErrors(headLoaded.diagnostics) ? headLoaded : { ...headLoaded, config: judged };
    const layout = loaded.config.layout;
    const scope = files.truncated ? undefined : scopeOfChanges(files.paths, headPaths, layout);
    request.policy = files.truncated ? undefined : policyChanges(files.paths, layout);
    notes.push(describeScope(scope, files.truncated, request.policy ?? []));
    request.scope = scope;
    // The labels as they are now: a re-run replays the old payload, a label added since counts.
    request.labels = await api(`reading the labels of pull request #${pr.number}`, () =>
      labelsNow(session.client, session.ref, pr.number!),
    );
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
    const verdict = withPolicy(result, policy.diagnostics);
    await postCheck(checkTargetOf(session), pr.headSha!, {
      state: verdict.valid ? 'success' : 'failure',
      description: verdictLine(verdict),
    });
    return report(session, verdict, notes, { snapshot, loaded });
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

function describeScope(scope: Scope | undefined, truncated: boolean, policy: readonly string[]): string {
  const policyNote =
    policy.length > 0
      ? ` It changes files the action trusts as policy: ${policy.map((p) => `\`${p}\``).join(', ')}.`
      : '';
  if (!scope)
    return truncated
      ? 'the pull request lists more files than GitHub shows (3,000): every environment is validated'
      : `the pull request changes flux-pkg.yaml or a .sops.yaml: every environment is validated.${policyNote}`;
  const parts = Object.entries(scope).map(([c, envs]) =>
    envs === '*'
      ? `${c} (every environment: a Package or its Brain folder changed)`
      : `${c} in ${envs.join(', ')}`,
  );
  core.debug(`gate scope: ${JSON.stringify(scope)}`);
  if (parts.length === 0)
    return policy.length > 0
      ? `the pull request changes no environment.${policyNote}`
      : 'the pull request changes no file Flux applies or the action trusts: nothing to validate';
  return `validated what the pull request changes: ${parts.join('; ')}.${policyNote}`;
}

/** The status's one line: the verdict and the first error (code and file only: no repository text beyond a path). */
function verdictLine(result: Awaited<ReturnType<typeof plan>>): string {
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return 'the gate passed: every change checked is valid';
  const first = errors[0]!;
  return `${errors.length} error(s); first: ${first.code} in ${first.file || 'the repository'}`;
}
