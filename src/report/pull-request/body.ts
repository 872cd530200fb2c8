/**
 * Markdown for the pull request body. They show versions, constraints,
 * validation results and the names of changed values keys — never a value. Every string that comes
 * from the repository goes through inert.ts; the marker is the body's last line and nothing else.
 */
import type { Diagnostic } from '../../diagnostics.js';
import type { EnvironmentResult, PlanResult, Target } from '../../plan/types.js';
import { inertCell, inertCode, inertText } from '../inert.js';
import type { Links } from './links.js';
import { markerKey, writeMarker } from './marker.js';
import { commitUrl, promotionSection } from './promotion.js';
import { type Budget, COMPACT, FULL, packageLinks, reviewSection, versionChange } from './review.js';

const cell = (text: string | undefined) => inertCell(text);
const code = (text: string | undefined) => inertCode(text);
/** A diagnostic's message: longer than a cell, still one inert line. */
const message = (text: string) => inertText(text, 600);
const at = (d: Diagnostic, column: boolean) =>
  code(`${d.file || '(input)'}${d.line ? `:${d.line}${column ? `:${d.column}` : ''}` : ''}`);

export type { Links } from './links.js';

/** GitHub refuses a pull request body longer than this (characters; UTF-16 code units are never fewer). */
export const BODY_LIMIT = 65_536;
/** Room kept for the truncation note and the marker line. */
const MARGIN = 1_000;

/** The verdict of the plan that produced the branch's head, as the gate reports it. */
export const gateLine = (valid: boolean) =>
  `- Gate (\`flux-pkg/validate\`, posted on this head): **${valid ? 'passed' : 'failed'}** — the plan that wrote this head found the Package valid as kapp-controller checks it and the environment's values valid against its \`valuesSchema\`.`;

export function pullRequestBody(env: EnvironmentResult, result: PlanResult, links: Links): string {
  const marker = writeMarker(markerKey(env.component, env.environment), markerFields(env));
  return fitted((budget) => environmentLines(env, result, links, budget), marker);
}

/**
 * The body from `render`, in full when it fits under GitHub's limit, else with the long parts
 * shortened, else cut at a line with the cut stated; the marker stays the last line.
 */
export function fitted(render: (budget: Budget) => string[], marker: string): string {
  const max = BODY_LIMIT - MARGIN;
  let lines = render(FULL);
  if (lines.join('\n').length > max) {
    lines = [
      ...render(COMPACT),
      '',
      `_Long parts are shortened to keep this body under GitHub's ${BODY_LIMIT.toLocaleString('en-US')}-character limit; \`flux-pkg plan\` prints them in full._`,
    ];
  }
  let text = lines.join('\n');
  if (text.length > max) {
    const cut = text.lastIndexOf('\n', max - MARGIN);
    text = `${closeOpen(text.slice(0, cut))}\n\n_**Truncated** here: the body would exceed GitHub's ${BODY_LIMIT.toLocaleString('en-US')}-character limit; \`flux-pkg plan\` prints everything._`;
  }
  return `${text}\n\n${marker}\n`;
}

/** Close what a cut left open (a fenced block, a <pre>, <details>), so the rest renders as it should. */
function closeOpen(text: string): string {
  const lines = text.split('\n');
  let out = text;
  if (lines.filter((l) => l.startsWith('```')).length % 2 === 1) out += '\n```';
  if (text.lastIndexOf('<pre>') > text.lastIndexOf('</pre>')) out += '\n</pre>';
  const open = (text.match(/<details>/g) ?? []).length - (text.match(/<\/details>/g) ?? []).length;
  for (let i = 0; i < open; i++) out += '\n\n</details>';
  return out;
}

function environmentLines(
  env: EnvironmentResult,
  result: PlanResult,
  links: Links,
  budget: Budget,
): string[] {
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning' && relevant(d, env));
  const lines = [
    `Deploys **${inertText(env.component)}** ${code(env.toVersion)} to **${inertText(env.environment)}**.`,
    '',
    '| component | environment | version | constraint |',
    '|---|---|---|---|',
    `| ${cell(env.component)} | ${cell(env.environment)} | ${versionChange(env)} | ${code(env.constraint)} |`,
    '',
    gateLine(env.valid),
    `- Package: ${packageLinks(env, links)}`,
  ];
  // A promotion names its upstream commit itself: the trigger is said once.
  const upstream = env.promotion?.source?.commit;
  if (links.triggerSha && links.triggerSha !== upstream)
    lines.push(`- Triggered by: ${commitUrl(links, links.triggerSha)}`);
  lines.push(...promotionSection(env, links));
  lines.push(`- Files: ${env.files.map((f) => code(f.path)).join(', ')}`);
  lines.push(...reviewSection(env, budget));
  if (warnings.length > 0) {
    lines.push('', '<details><summary>Warnings</summary>', '');
    for (const w of warnings) lines.push(`- ${at(w, false)} ${message(w.message)}`);
    lines.push('', '</details>');
  }
  lines.push(
    '',
    'Merging this pull request is the promotion gate: Flux applies the environment folder once it is on the base branch.',
  );
  return lines;
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
  const render = (budget: Budget) => {
    const lines = [
      `Deploys ${targets.length} components to **${inertText(environment)}**.`,
      '',
      '| component | version | constraint | values keys changed | files |',
      '|---|---|---|---|---|',
      ...envs.map(
        (e) =>
          `| ${cell(e.component)} | ${versionChange(e)} | ${code(e.constraint)} | ${e.valuesKeysChanged.length > 0 ? e.valuesKeysChanged.map(code).join(', ') : 'none'} | ${e.files.map((f) => code(f.path)).join(', ')} |`,
      ),
      '',
      gateLine(envs.every((e) => e.valid)),
    ];
    if (links.triggerSha) lines.push(`- Triggered by: ${commitUrl(links, links.triggerSha)}`);
    for (const e of envs) {
      lines.push(
        '',
        `### ${inertText(e.component)}: ${versionChange(e)}`,
        '',
        `- Package: ${packageLinks(e, links)}`,
      );
      lines.push(...reviewSection(e, budget));
    }
    lines.push(
      '',
      'Merging this pull request is the promotion gate: Flux applies the environment folders once they are on the base branch.',
    );
    return lines;
  };
  return fitted(render, writeMarker(key));
}
