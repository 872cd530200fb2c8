/** Plain-text and JSON renderings of a plan, for the CLI and logs. Values Secrets are never shown. */
import { createTwoFilesPatch } from 'diff';
import { type Diagnostic, formatDiagnostic } from '../../diagnostics.js';
import type { PlannedFile, PlanResult, ReviewFacts } from '../../plan/types.js';
import { configNote } from '../config-note.js';
import { reviewLines } from './review.js';

/** A unified diff of one planned file against what the repo has; a values Secret shows key names only. */
export function fileDiff(
  file: PlannedFile,
  before: string | undefined,
  valuesKeysChanged: readonly string[],
): string {
  if (file.secret) {
    const keys =
      valuesKeysChanged.length > 0
        ? `values keys changed: ${valuesKeysChanged.join(', ')}`
        : 'values unchanged';
    return `${file.action === 'create' ? 'new' : 'changed'} values Secret ${file.path} (${keys}; contents not shown)\n`;
  }
  const from = before === undefined ? '/dev/null' : `a/${file.path}`;
  return createTwoFilesPatch(from, `b/${file.path}`, before ?? '', file.content, undefined, undefined, {
    context: 3,
  })
    .split('\n')
    .slice(1) // drop the "=====" header line
    .join('\n');
}

export function summaryLines(result: PlanResult): string[] {
  const lines: string[] = result.config ? [configNote(result.config)] : [];
  for (const env of result.environments) {
    const change =
      env.files.length === 0
        ? `at ${env.toVersion ?? '(no version)'}`
        : `${env.fromVersion ?? '(new)'} → ${env.toVersion}`;
    const constraint = env.constraint ? ` [constraints: ${env.constraint}]` : '';
    lines.push(`${env.component}/${env.environment}: ${change}${constraint}${env.valid ? '' : ' — INVALID'}`);
    if (env.files.length > 0) lines.push(...reviewLines(env.review).map((l) => `  ${l}`));
  }
  return lines;
}

export function diagnosticLines(result: PlanResult): string[] {
  return result.diagnostics.map(formatDiagnostic);
}

export interface JsonReport {
  valid: boolean;
  /** The flux-pkg.yaml read; null when the repository has none. */
  config: string | null;
  diagnostics: Diagnostic[];
  files: { path: string; action: string }[];
  environments: {
    component: string;
    environment: string;
    from?: string;
    to?: string;
    constraint?: string;
    valid: boolean;
    /** What the change does in the cluster (the pull request body's facts); never a hidden value. */
    review?: ReviewFacts;
  }[];
}

export function jsonReport(result: PlanResult): JsonReport {
  return {
    valid: result.valid,
    config: result.config?.file ?? null,
    diagnostics: result.diagnostics,
    files: result.files.map((f) => ({ path: f.path, action: f.action })),
    environments: result.environments.map((e) => ({
      component: e.component,
      environment: e.environment,
      from: e.fromVersion,
      to: e.toVersion,
      constraint: e.constraint,
      valid: e.valid,
      ...(e.review ? { review: e.review } : {}),
    })),
  };
}
