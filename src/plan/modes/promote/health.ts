/**
 * promoteWhen: healthy — which commit statuses promote. Synchronous over flux-pkg.yaml (the base
 * branch's), the repository's components and the status as the event carries it; the shell gathers
 * those facts, then checks the commit's version (sameVersionVerdict) and publishes.
 *
 * What notification-controller posts (Provider `type: github`), and why only one status promotes:
 * - The state is `success` for every info event and `failure` for every error event
 *   (fluxcd/notification-controller v1.9.3 internal/notifier/github.go L100-L109, toGitHubState);
 *   the description is the event's reason split at camel case and lower-cased, not its message
 *   (internal/notifier/util.go L50-L56, formatNameAndDescription); Progressing events are never
 *   posted (github.go L57-L60).
 * - kustomize-controller's event reason is the Ready condition's reason
 *   (fluxcd/kustomize-controller@186fb3b internal/controller/kustomization_controller.go L1281-L1284).
 *   Its final event after a successful apply is the only one with reason ReconciliationSucceeded and
 *   the metadata `commit_status: update` (L156-L166); a Kustomization waiting on `dependsOn` emits an
 *   info event with reason DependencyNotReady (L258-L261), and since v1.8 an interrupted health check
 *   emits HealthCheckCanceled as info (L279-L288).
 * - notification-controller ≤ v1.7.x posts every non-Progressing event, so "dependency not ready"
 *   and "health check canceled" arrive as `success` (v1.7.5 internal/server/event_handlers.go
 *   getNotificationParams L241, no commit-status filter); v1.8.0 drops kustomize-controller's events
 *   for git providers (v1.8.0 event_handlers.go L326-L330); v1.8.1–v1.8.x posts only events marked
 *   `commit_status: update` (v1.8.1 L327); v1.9+ also posts error events (v1.9.3 L330-L336).
 * So: a status promotes only as `success` described "reconciliation succeeded", whatever the
 * version; every other success is ignored with its reason, a failure is reported.
 */
import type { RepoConfig } from '../../../config/config.js';
import { environmentsOf, healthKustomizationOf, promotedOn } from '../../../config/graph.js';

/** A commit status as the `status` event carries it (every field hostile). */
export interface HealthStatus {
  sha: string;
  context: string;
  state: string;
  description?: string;
  /** The login of the account that posted it (`sender.login`). */
  sender?: string;
  branches: readonly string[];
}

export interface HealthSource {
  component: string;
  environment: string;
  /** The environments promoting from it when healthy. */
  targets: string[];
}

export type HealthVerdict =
  | { kind: 'ignore'; reason: string }
  /** A final successful reconciliation on the base branch: check the commit's version, then promote. */
  | ({ kind: 'healthy' } & HealthSource)
  /** Flux reported a failure for that commit: open promotion PRs for its version are marked. */
  | ({ kind: 'failed'; reason: string } & HealthSource);

/** The description notification-controller gives kustomize-controller's final successful event. */
export const FINAL_SUCCESS = 'reconciliation succeeded';

/** What a status says about an environment's health, before the commit is read. */
export function judgeHealthStatus(
  config: RepoConfig,
  status: HealthStatus,
  components: readonly { name: string; environments: readonly string[] }[],
  baseBranch: string,
): HealthVerdict {
  const ignore = (reason: string): HealthVerdict => ({ kind: 'ignore', reason });
  const context = shown(status.context);
  const source = environmentOfStatus(config, status.context, components);
  if (!source)
    return ignore(
      `ignoring the status "${context}": it names no environment's health Kustomization (promotion.healthKustomization${config.promotion.statusContext ? ', promotion.statusContext' : ''})`,
    );
  const creators = config.promotion.statusCreators;
  if (!status.sender || !creators.includes(status.sender))
    return ignore(
      `ignoring the status "${context}" posted by ${status.sender ? `"${shown(status.sender)}"` : 'an unknown account'}: only the accounts in promotion.statusCreators of the base branch's flux-pkg.yaml (${creators.join(', ') || 'none'}) promote`,
    );
  const { component, environment } = source;
  const all = components.find((c) => c.name === component)!.environments;
  const targets = promotedOn(config, environment, 'healthy').filter((to) =>
    environmentsOf(config, component, all).includes(to),
  );
  const about = `${component} in ${environment} at ${status.sha.slice(0, 12)}`;
  if (targets.length === 0)
    return ignore(`no environment promotes from ${environment} when healthy; nothing to do for ${about}`);
  if (!status.branches.includes(baseBranch))
    return ignore(`the commit ${status.sha.slice(0, 12)} is not on ${baseBranch}; nothing promoted`);
  const described = describedAs(status.description);
  if (status.state === 'failure' || status.state === 'error')
    return {
      kind: 'failed',
      component,
      environment,
      targets,
      reason: `Flux reports ${about} as "${status.state}" (${described || 'no description'}): nothing promoted to ${targets.join(', ')} until it reports success`,
    };
  if (status.state !== 'success')
    return ignore(
      `Flux reports ${about} as "${shown(status.state)}" (${context}): nothing promoted to ${targets.join(', ')} until it reports success`,
    );
  if (described !== FINAL_SUCCESS)
    return ignore(
      `Flux reports ${about} as success described "${described}", which is not the final successful reconciliation ("${FINAL_SUCCESS}"): nothing promoted to ${targets.join(', ')} yet`,
    );
  return { kind: 'healthy', component, environment, targets };
}

/**
 * A healthy commit promotes the version its environment ran there, and only if the environment
 * still runs it (a status for an older commit is stale).
 */
export function staleCommitReason(
  verdict: HealthSource,
  sha: string,
  then: string | undefined,
  now: string | undefined,
): string | undefined {
  if (then && then === now) return undefined;
  return `the healthy commit ${sha.slice(0, 12)} ran ${verdict.component} ${then ?? 'no version'} in ${verdict.environment}, which now runs ${now ?? 'nothing'}: nothing promoted (a status for the commit it runs now decides)`;
}

/**
 * Which (component, environment) a commit status is about. notification-controller's default
 * context is `kustomization/<name>/<provider id>`, lower case (notification-controller v1.9.3
 * internal/server/provider_commit_status.go L44-L48); a Provider
 * with spec.commitStatusExpr posts whatever its expression returns: promotion.statusContext names it.
 */
export function environmentOfStatus(
  config: RepoConfig,
  context: string,
  components: readonly { name: string; environments: readonly string[] }[],
): { component: string; environment: string } | undefined {
  const template = config.promotion.statusContext;
  const name = template ? undefined : /^kustomization\/([^/]+)\/[^/]+$/.exec(context)?.[1];
  if (!template && name === undefined) return undefined;
  for (const c of components)
    for (const environment of environmentsOf(config, c.name, c.environments)) {
      const kustomization = healthKustomizationOf(config, c.name, environment);
      const matches = template
        ? expandContext(template, kustomization, c.name, environment) === context
        : kustomization.toLowerCase() === name;
      if (matches) return { component: c.name, environment };
    }
  return undefined;
}

function expandContext(template: string, kustomization: string, component: string, environment: string) {
  return template
    .replaceAll('{kustomization}', kustomization)
    .replaceAll('{component}', component)
    .replaceAll('{environment}', environment);
}

/** The description as notification-controller would derive it from a reason (split, lower case). */
function describedAs(description: string | undefined): string {
  const words = (description ?? '')
    .slice(0, 200)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
  return shown(words.join(' '));
}

/** Hostile text on one short line. */
function shown(value: string): string {
  const flat = JSON.stringify(value).slice(1, -1);
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}
