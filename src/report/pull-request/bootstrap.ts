/**
 * The bootstrap pull request's body: what it adds, per component, and the Secrets to create on the
 * Brain cluster before merging (by name: no credential is ever in the repository).
 */
import type { BootstrapParams } from '../../flux/params.js';
import type { PlanResult } from '../../plan/types.js';
import { inertText } from '../inert.js';
import { fitted, gateLine } from './body.js';
import type { Links } from './links.js';
import { writeMarker } from './marker.js';
import { type Budget, packageLinks, reviewSection, versionChange } from './review.js';

const code = (text: string) =>
  `\`${text.replaceAll('`', "'").replaceAll('|', '\\|').replaceAll('\n', ' ')}\``;

export function bootstrapPullRequestBody(
  key: string,
  environment: string,
  result: PlanResult,
  params: readonly BootstrapParams[],
  links: Links,
): string {
  return fitted((budget) => bootstrapLines(environment, result, params, links, budget), writeMarker(key));
}

function bootstrapLines(
  environment: string,
  result: PlanResult,
  params: readonly BootstrapParams[],
  links: Links,
  budget: Budget,
): string[] {
  const lines = [
    `Bootstraps environment **${environment}** for ${params.map((p) => code(p.component)).join(', ')}: the environment folder, the run cluster's RBAC and the Brain cluster's Flux objects. Once merged, the Brain's Flux applies it.`,
    '',
    '| component | version | target namespace | Flux API | files |',
    '|---|---|---|---|---|',
  ];
  for (const p of params) {
    const env = result.environments.find((e) => e.component === p.component);
    const files = env?.files.map((f) => code(f.path)).join(', ') ?? '';
    const version = env?.toVersion ? code(env.toVersion) : 'kept';
    lines.push(
      `| ${code(p.component)} | ${version} | ${code(p.targetNamespace)} | ${code(p.fluxApiVersion)} | ${files} |`,
    );
  }
  const config = result.files.find((f) => !result.environments.some((e) => e.files.includes(f)));
  if (config)
    lines.push('', `Also ${config.action === 'create' ? 'creates' : 'updates'} ${code(config.path)}.`);
  lines.push('', '**Before merging**, create these Secrets on the Brain cluster (names only here):', '');
  for (const line of secretCommands(params)) lines.push(`    ${line}`);
  if (params.some((p) => p.fluxApiVersion === 'v1beta2'))
    lines.push(
      '',
      'Flux `v1beta2` has no `healthCheckExprs`: a failed PackageInstall is not reported as unhealthy there.',
    );
  lines.push('', gateLine(result.valid));
  for (const env of result.environments.filter((e) => e.review)) {
    lines.push(
      '',
      `### ${inertText(env.component)}: ${versionChange(env)}`,
      '',
      `- Package: ${packageLinks(env, links)}`,
    );
    lines.push(...reviewSection(env, budget));
  }
  lines.push('', `Planned on ${links.repository}@${links.baseSha.slice(0, 12)}.`);
  return lines;
}

/** The commands that create every Secret the Flux objects name (deduplicated across components). */
export function secretCommands(params: readonly BootstrapParams[]): string[] {
  const lines = new Set<string>();
  for (const p of params) {
    const ns = p.fluxNamespace;
    lines.add(
      `kubectl -n ${ns} create secret generic ${p.kubeconfigSecretName} --from-file=value=./${p.environment}.kubeconfig`,
    );
    if (p.gitSecretName)
      lines.add(`flux create secret git ${p.gitSecretName} -n ${ns} --url=${p.gitUrl} ...`);
    if (p.notifications)
      lines.add(
        `kubectl -n ${ns} create secret generic ${p.notifications.tokenSecretName} --from-literal=token=<a GitHub token with commit-status rights>`,
      );
    if (p.sopsSecretName)
      lines.add(
        `kubectl -n ${ns} create secret generic ${p.sopsSecretName} --from-file=age.agekey=<the age key file>`,
      );
  }
  return [...lines];
}
