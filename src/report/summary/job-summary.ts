/**
 * The job summary: what the run changed, per environment, and the diagnostics a reviewer of the run
 * should see. Repository text goes through inert.ts.
 */
import type { Diagnostic } from '../../diagnostics.js';
import type { EnvironmentResult, PlanResult, Published } from '../../plan/types.js';
import { configNote } from '../config-note.js';
import { inertCell, inertCode, inertText } from '../inert.js';
import { htmlCode } from '../pull-request/literal.js';
import { COMPACT, FULL, reviewSection, versionChange } from '../pull-request/review.js';

const cell = (text: string | undefined) => inertCell(text);
const code = (text: string | undefined) => inertCode(text);
const message = (text: string) => inertText(text, 600);
const at = (d: Diagnostic, column: boolean) =>
  code(`${d.file || '(input)'}${d.line ? `:${d.line}${column ? `:${d.column}` : ''}` : ''}`);

export function jobSummary(
  result: PlanResult,
  published: readonly Published[],
  mode: string,
  dryRun: boolean,
  notes: readonly string[] = [],
): string {
  const lines = [`## flux-pkg-action: ${inertText(mode)}${dryRun ? ' (dry run)' : ''}`, ''];
  if (result.config) lines.push(message(configNote(result.config)), '');
  for (const n of notes) lines.push(`- ${message(n)}`);
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
        : mode === 'validate'
          ? wouldChange(env)
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
  lines.push(...reviews(result.environments));
  const overrides = result.diagnostics.filter((d) => d.code === 'promotion.override');
  if (overrides.length > 0) {
    lines.push('', `### ${overrides.length} out-of-order promotion(s) allowed by an override label`, '');
    for (const d of overrides) lines.push(`- ${at(d, true)} ${message(d.message)}`);
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const outcome = mode === 'validate' ? 'the gate fails' : 'nothing was written';
    lines.push('', `### ${errors.length} error(s) — ${outcome}`, '');
    for (const d of errors) lines.push(`- ${at(d, true)} ${message(d.message)}`);
  }
  // What a reviewer of the whole run should know, e.g. a values Secret in plain text or one not checked.
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
  if (warnings.length > 0) {
    lines.push('', `<details><summary>${warnings.length} warning(s)</summary>`, '');
    for (const d of warnings)
      lines.push(`- ${code(`${d.file || '(input)'}${d.line ? `:${d.line}` : ''}`)} ${cell(d.message)}`);
    lines.push('', '</details>');
  }
  return `${lines.join('\n')}\n`;
}

/** validate: what the pull request changes in this environment, from the base branch's version. */
function wouldChange(env: EnvironmentResult): string {
  const review = env.review;
  if (!review) return '—';
  if (review.baseVersion === env.toVersion) return 'no version change';
  return `changes ${review.baseVersion ? code(review.baseVersion) : 'new'} → ${code(env.toVersion)}`;
}

/** The pull request bodies' facts, folded per environment that changes. */
function reviews(environments: readonly EnvironmentResult[]): string[] {
  const changing = environments.filter(
    (e) =>
      e.review &&
      (e.files.length > 0 || (e.review.baseVersion !== undefined && e.review.baseVersion !== e.toVersion)),
  );
  const budget = changing.length > 10 ? COMPACT : FULL;
  const lines: string[] = [];
  for (const env of changing) {
    const from = env.review?.baseVersion;
    const change = from !== undefined ? `${code(from)} → ${code(env.toVersion)}` : versionChange(env);
    lines.push(
      '',
      `<details><summary>${htmlCode(env.component)} in ${htmlCode(env.environment)}: what changes in the cluster</summary>`,
      '',
      `${change}`,
    );
    lines.push(...reviewSection(env, budget), '', '</details>');
  }
  return lines;
}
