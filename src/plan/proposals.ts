/**
 * Proposals: one pull request's worth of change each — its branch key, files, title, body, marker
 * fields and decoration. The planner's results become proposals here (pure); the delivery shell
 * publishes any list of them.
 */
import type { AutoMerge } from '../config/config.js';
import { type Links, pullRequestBody } from '../report/markdown.js';
import type { EnvironmentResult, PlannedFile, PlanResult, Target } from './types.js';

export type { Operation, Published, Target } from './types.js';

export interface Proposal {
  /** The branch is `<branch prefix>/<key>`; the key also identifies the PR in its marker. */
  key: string;
  targets: Target[];
  /** The files the branch changes on top of the base; none: the base already has everything. */
  files: PlannedFile[];
  title: string;
  body: string;
  commitMessage: string;
  /** The version proposed: an open PR for the same key proposing a newer one is left alone. */
  version?: string;
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

/** One proposal per (component, environment) the plan covers: the `per-component` flow. */
export function proposalsFromPlan(result: PlanResult, style: ProposalStyle): Proposal[] {
  return result.environments.map((env) => {
    const target = targetOf(env);
    const settings = env.settings;
    const changes = env.files.map((f) => `${f.action === 'create' ? 'add' : 'update'} ${f.path}`);
    return {
      key: `${env.component}/${env.environment}`,
      targets: [target],
      files: env.files,
      title: fill(style.title, target),
      body: pullRequestBody(env, result, style.links),
      commitMessage: `${fill(style.commitMessage, target)}\n\n${changes.join('\n')}\n`,
      version: env.toVersion,
      labels: union(settings?.labels, style.labels),
      reviewers: union(settings?.reviewers, style.reviewers),
      teamReviewers: union(settings?.teamReviewers, style.teamReviewers),
      draft: style.draft,
      autoMerge: style.autoMerge || (settings?.autoMerge ?? false),
    };
  });
}
