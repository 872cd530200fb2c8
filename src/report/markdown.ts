/**
 * Markdown for people: the pull request body and the job summary. They show versions, constraints,
 * validation results and the names of changed values keys — never a value.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { EnvironmentResult, PlanResult, Published, Target } from '../plan/types.js';
import { markerFor, markerForKey } from './marker.js';
import { promotionSection } from './promotion.js';

export interface Links {
  /** e.g. https://github.com */
  serverUrl: string;
  repository: string;
  /** The commit the Package files are read from. */
  baseSha: string;
  /** The commit that triggered the run, when there is one. */
  triggerSha?: string;
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const code = (text: string | undefined) => (text ? `\`${cell(text)}\`` : '—');

export function pullRequestBody(env: EnvironmentResult, result: PlanResult, links: Links): string {
  const fileLink = env.packageFile
    ? `[${env.packageFile}](${links.serverUrl}/${links.repository}/blob/${links.baseSha}/${env.packageFile})`
    : '—';
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning' && relevant(d, env));
  const lines = [
    `Deploys **${env.component}** ${code(env.toVersion)} to **${env.environment}**.`,
    '',
    '| component | environment | version | constraint |',
    '|---|---|---|---|',
    `| ${cell(env.component)} | ${cell(env.environment)} | ${env.fromVersion ? `${code(env.fromVersion)} → ` : 'new → '}${code(env.toVersion)} | ${code(env.constraint)} |`,
    '',
    `**Validation:** ${env.valid ? 'passed' : 'failed'} — the Package is valid as kapp-controller checks it, and the environment's values validate against its \`valuesSchema\`.`,
    '',
    `- Package: ${fileLink}`,
  ];
  if (links.triggerSha)
    lines.push(`- Triggered by: ${links.serverUrl}/${links.repository}/commit/${links.triggerSha}`);
  lines.push(
    `- Values keys changed: ${env.valuesKeysChanged.length > 0 ? env.valuesKeysChanged.map(code).join(', ') : 'none (the environment keeps its values)'}`,
  );
  lines.push(`- Files: ${env.files.map((f) => code(f.path)).join(', ')}`);
  lines.push(...promotionSection(env, links));
  if (warnings.length > 0) {
    lines.push('', '<details><summary>Warnings</summary>', '');
    for (const w of warnings)
      lines.push(`- ${code(`${w.file}${w.line ? `:${w.line}` : ''}`)} ${cell(w.message)}`);
    lines.push('', '</details>');
  }
  lines.push(
    '',
    'Merging this pull request is the promotion gate: Flux applies the environment folder once it is on the base branch.',
    '',
    markerFor(env.component, env.environment, env.toVersion),
  );
  return `${lines.join('\n')}\n`;
}

function relevant(d: Diagnostic, env: EnvironmentResult): boolean {
  return d.file === env.packageFile || env.files.some((f) => f.path === d.file);
}

export function jobSummary(
  result: PlanResult,
  published: readonly Published[],
  mode: string,
  dryRun: boolean,
  notes: readonly string[] = [],
): string {
  const lines = [`## flux-pkg-action: ${mode}${dryRun ? ' (dry run)' : ''}`, ''];
  for (const n of notes) lines.push(`- ${cell(n)}`);
  if (notes.length > 0) lines.push('');
  if (result.environments.length > 0) {
    lines.push(
      '| component | environment | version | constraint | pull request | validation |',
      '|---|---|---|---|---|---|',
    );
    for (const env of result.environments) {
      const pr = published.find((p) =>
        p.targets.some((t) => t.component === env.component && t.environment === env.environment),
      );
      const prCell = pr?.url
        ? `[#${pr.number}](${pr.url}) ${pr.operation}`
        : env.files.length === 0
          ? 'up to date'
          : dryRun
            ? 'would open'
            : '—';
      const version =
        env.fromVersion && env.fromVersion !== env.toVersion
          ? `${code(env.fromVersion)} → ${code(env.toVersion)}`
          : code(env.toVersion);
      lines.push(
        `| ${cell(env.component)} | ${cell(env.environment)} | ${version} | ${code(env.constraint)} | ${prCell} | ${env.valid ? 'valid' : '**invalid**'} |`,
      );
    }
  } else {
    lines.push('No environment to change.');
  }
  const overrides = result.diagnostics.filter((d) => d.code === 'promotion.override');
  if (overrides.length > 0) {
    lines.push('', `### ${overrides.length} out-of-order promotion(s) allowed by an override label`, '');
    for (const d of overrides)
      lines.push(`- ${code(`${d.file}${d.line ? `:${d.line}` : ''}`)} ${cell(d.message)}`);
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    lines.push('', `### ${errors.length} error(s) — nothing was written`, '');
    for (const d of errors)
      lines.push(
        `- ${code(`${d.file || '(input)'}${d.line ? `:${d.line}:${d.column}` : ''}`)} ${cell(d.message)}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/** The body of a per-environment pull request: one row per component it deploys. */
export function environmentPullRequestBody(
  key: string,
  environment: string,
  targets: readonly Target[],
  result: PlanResult,
  links: Links,
): string {
  const envs = result.environments.filter(
    (e) => e.environment === environment && targets.some((t) => t.component === e.component),
  );
  const lines = [
    `Deploys ${targets.length} components to **${cell(environment)}**.`,
    '',
    '| component | version | constraint | values keys changed | files |',
    '|---|---|---|---|---|',
    ...envs.map(
      (e) =>
        `| ${cell(e.component)} | ${e.fromVersion ? `${code(e.fromVersion)} → ` : 'new → '}${code(e.toVersion)} | ${code(e.constraint)} | ${e.valuesKeysChanged.length > 0 ? e.valuesKeysChanged.map(code).join(', ') : 'none'} | ${e.files.map((f) => code(f.path)).join(', ')} |`,
    ),
    '',
    `**Validation:** ${envs.every((e) => e.valid) ? 'passed' : 'failed'} for every component: each Package is valid as kapp-controller checks it, and each environment's values validate against its \`valuesSchema\`.`,
  ];
  if (links.triggerSha)
    lines.push('', `- Triggered by: ${links.serverUrl}/${links.repository}/commit/${links.triggerSha}`);
  lines.push(
    '',
    'Merging this pull request is the promotion gate: Flux applies the environment folders once they are on the base branch.',
    '',
    markerForKey(key),
  );
  return `${lines.join('\n')}\n`;
}
