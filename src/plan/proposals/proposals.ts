/**
 * Proposals: one pull request's worth of change each — its branch key, files, title, body, marker
 * fields and decoration. The planner's results become proposals here (pure); the delivery shell
 * publishes any list of them.
 */

import { nodeCrypto } from '../../builtins.js';
import type { AutoMerge, PrFlow } from '../../config/config.js';
import { environmentPullRequestBody, type Links, pullRequestBody } from '../../report/pull-request/body.js';
import { bootstrapPullRequestBody } from '../../report/pull-request/bootstrap.js';
import type { ClosingReason } from '../../report/pull-request/closing.js';
import { writeMarker } from '../../report/pull-request/marker.js';
import type { RecipientChange } from '../../sops/updatekeys.js';
import type { BootstrapResult } from '../modes/bootstrap/run.js';
import type { EnvironmentResult, PlannedFile, PlanResult, Target } from '../types.js';

export type { Operation, Published, Target } from '../types.js';

export interface Proposal {
  /** The branch is `<branch prefix>/<key>`; the key also identifies the PR in its marker. */
  key: string;
  targets: Target[];
  /** The files the branch changes on top of the base; none: nothing to deliver, an open PR is closed. */
  files: PlannedFile[];
  /**
   * Why each target needs nothing, for the comment that closes an open PR when there are no files
   * (report/pull-request/closing.ts renders it). Absent: the base already has every target.
   */
  closing?: ClosingReason[];
  title: string;
  body: string;
  commitMessage: string;
  /** The version proposed: an open PR for the same key proposing a newer one is left alone. */
  version?: string;
  /** The Package versions at the base: a version read back from a PR marker is trusted only if it is one. */
  knownVersions: readonly string[];
  labels: string[];
  reviewers: string[];
  teamReviewers: string[];
  draft: boolean;
  autoMerge: AutoMerge;
}

/** What a PR is, as the action and flux-pkg.yaml describe it (templates take {component} {environment} {version} {from}). */
export interface ProposalStyle {
  title: string;
  commitMessage: string;
  labels: readonly string[];
  reviewers: readonly string[];
  teamReviewers: readonly string[];
  draft: boolean;
  autoMerge: AutoMerge;
  links: Links;
}

export const targetOf = (env: EnvironmentResult): Target => ({
  component: env.component,
  environment: env.environment,
  fromVersion: env.fromVersion,
  toVersion: env.toVersion,
});

export function fill(template: string, target: Target): string {
  return template
    .replaceAll('{component}', target.component)
    .replaceAll('{environment}', target.environment)
    .replaceAll('{version}', target.toVersion ?? '')
    .replaceAll('{from}', target.fromVersion ?? 'none');
}

const union = (...lists: readonly (readonly string[] | undefined)[]) => [
  ...new Set(lists.flatMap((l) => l ?? [])),
];

/**
 * The plan's environments as pull requests. `per-component`: one per (component, environment).
 * `per-environment`: one per environment holding every component the plan changes there; its key
 * names the set of components, so the same batch updates its PR and a different batch gets its own.
 */
export function proposalsFromPlan(
  result: PlanResult,
  style: ProposalStyle,
  flow: PrFlow = 'per-component',
): Proposal[] {
  const single = perComponent(result, style);
  if (flow === 'per-component') return single;
  // Only changes are batched: a component already up to date keeps its own proposal, which closes
  // a per-component PR that is no longer needed.
  const unchanged = single.filter((p) => p.files.length === 0);
  const byEnvironment = new Map<string, Proposal[]>();
  for (const p of single.filter((p) => p.files.length > 0)) {
    const env = p.targets[0]!.environment;
    byEnvironment.set(env, [...(byEnvironment.get(env) ?? []), p]);
  }
  const batched = [...byEnvironment.entries()].map(([environment, group]) =>
    group.length === 1 ? group[0]! : combined(environment, group, result, style),
  );
  return [...batched, ...unchanged];
}

function combined(
  environment: string,
  group: Proposal[],
  result: PlanResult,
  style: ProposalStyle,
): Proposal {
  const targets = group.flatMap((p) => p.targets);
  const components = targets.map((t) => t.component).sort();
  const setId = nodeCrypto().createHash('sha256').update(components.join('\n')).digest('hex').slice(0, 8);
  const files = group.flatMap((p) => p.files);
  const title = `Deploy ${targets.length} components to ${environment}`;
  const key = `_environments/${environment}/${setId}`;
  return {
    key,
    targets,
    files,
    closing: group.flatMap((p) => p.closing ?? p.targets.map((target) => ({ target }))),
    title,
    body: environmentPullRequestBody(key, environment, targets, result, style.links),
    commitMessage: `${title}\n\n${targets.map((t) => `${t.component} ${t.fromVersion ?? 'new'} -> ${t.toVersion ?? ''}`).join('\n')}\n`,
    version: undefined,
    knownVersions: [],
    labels: union(...group.map((p) => p.labels)),
    reviewers: union(...group.map((p) => p.reviewers)),
    teamReviewers: union(...group.map((p) => p.teamReviewers)),
    draft: style.draft,
    autoMerge: group.every((p) => p.autoMerge === group[0]!.autoMerge) ? group[0]!.autoMerge : false,
  };
}

function perComponent(result: PlanResult, style: ProposalStyle): Proposal[] {
  return result.environments.map((env) => {
    const target = targetOf(env);
    const settings = env.settings;
    const changes = env.files.map((f) => `${f.action === 'create' ? 'add' : 'update'} ${f.path}`);
    return {
      key: `${env.component}/${env.environment}`,
      targets: [target],
      files: env.files,
      // A rollback that holds the environment is the reason its open PR closes, not the base.
      closing: [env.held ? { target, held: env.held } : { target }],
      title: fill(style.title, target),
      body: pullRequestBody(env, result, style.links),
      commitMessage: `${fill(style.commitMessage, target)}\n\n${changes.join('\n')}\n`,
      version: env.toVersion,
      knownVersions: env.knownVersions ?? [],
      labels: union(settings?.labels, style.labels),
      reviewers: union(settings?.reviewers, style.reviewers),
      teamReviewers: union(settings?.teamReviewers, style.teamReviewers),
      draft: style.draft,
      autoMerge: style.autoMerge || (settings?.autoMerge ?? false),
    };
  });
}

/**
 * A bootstrap's one pull request. Its key names the environment and the components (one by name,
 * several by a digest of the set), so a rerun with the same inputs updates the same PR. The leading
 * `_` keeps it apart from install branches: no component name starts with one.
 */
export function bootstrapProposal(result: BootstrapResult, style: ProposalStyle): Proposal {
  const env = result.environment;
  const components = result.params.map((p) => p.component).sort();
  const setId =
    components.length === 1
      ? components[0]!
      : nodeCrypto().createHash('sha256').update(components.join('\n')).digest('hex').slice(0, 8);
  const key = `_bootstrap/${env}/${setId}`;
  const title =
    components.length === 1
      ? `Bootstrap ${components[0]} in ${env}`
      : `Bootstrap ${components.length} components in ${env}`;
  const changes = result.files.map((f) => `${f.action === 'create' ? 'add' : 'update'} ${f.path}`);
  return {
    key,
    targets: result.environments.map(targetOf),
    files: result.files,
    title,
    body: bootstrapPullRequestBody(key, env, result, result.params, style.links),
    commitMessage: `${title}\n\n${changes.join('\n')}\n`,
    version: undefined,
    knownVersions: [],
    labels: union(...result.environments.map((e) => e.settings?.labels), style.labels),
    reviewers: union(...result.environments.map((e) => e.settings?.reviewers), style.reviewers),
    teamReviewers: union(...result.environments.map((e) => e.settings?.teamReviewers), style.teamReviewers),
    draft: style.draft,
    autoMerge: style.autoMerge,
  };
}

/** The one pull request re-wrapping data keys after a `.sops.yaml` recipient change on the base. */
export const REWRAP_KEY = 'sops-updatekeys';

/**
 * The re-wrap pull request: each file with the recipients added and removed (public keys only), its
 * files the re-wrapped texts. No files: the base already agrees, and an open one is closed.
 */
export function rewrapProposal(
  changes: readonly RecipientChange[],
  files: PlannedFile[],
  style: ProposalStyle,
): Proposal {
  const title = 'Re-wrap SOPS data keys for the recipients .sops.yaml gives';
  const lines = changes.flatMap((c) => [
    `- \`${c.file}\``,
    ...c.added.map((r) => `  - added \`${r}\``),
    ...c.removed.map((r) => `  - removed \`${r}\``),
  ]);
  const body = [
    `## ${title}`,
    '',
    'The recipients in `.sops.yaml` changed on the base branch. This pull request wraps each file’s data key for them (`sops updatekeys`): values, their ciphertext, `lastmodified` and the MAC are unchanged.',
    '',
    ...lines,
    '',
    'A removed recipient that kept a copy of a data key can still read the values it could read before: rotate the data key (`sops rotate`) and the secrets themselves if that matters.',
    '',
    writeMarker(REWRAP_KEY),
  ].join('\n');
  return {
    key: REWRAP_KEY,
    targets: [],
    files,
    title,
    body,
    commitMessage: `${title}\n\n${changes.map((c) => `update ${c.file}`).join('\n')}\n`,
    version: undefined,
    knownVersions: [],
    labels: [...style.labels],
    reviewers: [...style.reviewers],
    teamReviewers: [...style.teamReviewers],
    draft: style.draft,
    autoMerge: false,
  };
}
