/**
 * Markdown for the pull request body. They show versions, constraints,
 * validation results and the names of changed values keys — never a value. Every string that comes
 * from the repository goes through inert.ts; the marker is the body's last line and nothing else.
 */
import type { Diagnostic } from '../../diagnostics.js';
import type { EnvironmentResult, PlanResult, Target } from '../../plan/types.js';
import { inertCell, inertCode, inertText, urlPath } from '../inert.js';
import type { Links } from './links.js';
import { markerKey, writeMarker } from './marker.js';
import { promotionSection } from './promotion.js';

const cell = (text: string | undefined) => inertCell(text);
const code = (text: string | undefined) => inertCode(text);
/** A diagnostic's message: longer than a cell, still one inert line. */
const message = (text: string) => inertText(text, 600);
const at = (d: Diagnostic, column: boolean) =>
  code(`${d.file || '(input)'}${d.line ? `:${d.line}${column ? `:${d.column}` : ''}` : ''}`);
const commitLink = (links: Links) =>
  `${links.serverUrl}/${urlPath(links.repository)}/commit/${urlPath(links.triggerSha ?? '')}`;

export type { Links } from './links.js';

export function pullRequestBody(env: EnvironmentResult, result: PlanResult, links: Links): string {
  const fileLink = env.packageFile
    ? `[${inertText(env.packageFile)}](${links.serverUrl}/${urlPath(links.repository)}/blob/${urlPath(links.baseSha)}/${urlPath(env.packageFile)})`
    : '—';
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning' && relevant(d, env));
  const lines = [
    `Deploys **${inertText(env.component)}** ${code(env.toVersion)} to **${inertText(env.environment)}**.`,
    '',
    '| component | environment | version | constraint |',
    '|---|---|---|---|',
    `| ${cell(env.component)} | ${cell(env.environment)} | ${env.fromVersion ? `${code(env.fromVersion)} → ` : 'new → '}${code(env.toVersion)} | ${code(env.constraint)} |`,
    '',
    `**Validation:** ${env.valid ? 'passed' : 'failed'} — the Package is valid as kapp-controller checks it, and the environment's values validate against its \`valuesSchema\`.`,
    '',
    `- Package: ${fileLink}`,
  ];
  if (links.triggerSha) lines.push(`- Triggered by: ${commitLink(links)}`);
  lines.push(
    `- Values keys changed: ${env.valuesKeysChanged.length > 0 ? env.valuesKeysChanged.map(code).join(', ') : 'none (the environment keeps its values)'}`,
  );
  lines.push(`- Files: ${env.files.map((f) => code(f.path)).join(', ')}`);
  lines.push(...promotionSection(env, links));
  if (warnings.length > 0) {
    lines.push('', '<details><summary>Warnings</summary>', '');
    for (const w of warnings) lines.push(`- ${at(w, false)} ${message(w.message)}`);
    lines.push('', '</details>');
  }
  lines.push(
    '',
    'Merging this pull request is the promotion gate: Flux applies the environment folder once it is on the base branch.',
    '',
    // Last line, and the only place the marker is written (src/report/marker.ts reads it back from there).
    writeMarker(markerKey(env.component, env.environment), markerFields(env)),
  );
  return `${lines.join('\n')}\n`;
}

/** What the marker records besides the key: what a later run checks the PR against. */
export function markerFields(env: EnvironmentResult): Record<string, string | undefined> {
  const p = env.promotion;
  return {
    version: env.toVersion,
    trigger: p ? (p.source?.trigger ?? 'manual') : undefined,
    from: p?.from,
    upstream: p?.source?.commit,
    downgrade: p?.downgrade ? 'true' : undefined,
  };
}

function relevant(d: Diagnostic, env: EnvironmentResult): boolean {
  return d.file === env.packageFile || env.files.some((f) => f.path === d.file);
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
    `Deploys ${targets.length} components to **${inertText(environment)}**.`,
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
  if (links.triggerSha) lines.push('', `- Triggered by: ${commitLink(links)}`);
  lines.push(
    '',
    'Merging this pull request is the promotion gate: Flux applies the environment folders once they are on the base branch.',
    '',
    writeMarker(key),
  );
  return `${lines.join('\n')}\n`;
}
