/**
 * Diagnostics are values: every check returns them, nothing throws for bad input.
 * A diagnostic never carries a values Secret's contents — only file, position, path and reason.
 * Its code is one of diagnostics/codes.ts: `error()` and `warning()` accept no other.
 */
import type { DiagnosticCode, ErrorCode, WarningCode } from './diagnostics/codes.js';

export type { DiagnosticCode, ErrorCode, WarningCode } from './diagnostics/codes.js';
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Repository-relative POSIX path, or '' when the problem is not in a file (e.g. an input). */
  file: string;
  /** 1-based; 0 when unknown. */
  line: number;
  /** 1-based; 0 when unknown. */
  column: number;
  /** Where in the document: `.spec.refName`, `.ingress.host`; '' for the whole file. */
  path: string;
  /** Stable machine-readable code, e.g. `package.name-mismatch`: a key of CODES (diagnostics/codes.ts). */
  code: DiagnosticCode;
  message: string;
}

export interface Position {
  line: number;
  column: number;
}

export const NO_POSITION: Position = { line: 0, column: 0 };

export function error(
  code: ErrorCode,
  message: string,
  file: string,
  pos: Position = NO_POSITION,
  path = '',
): Diagnostic {
  return { severity: 'error', file, line: pos.line, column: pos.column, path, code, message };
}

export function warning(
  code: WarningCode,
  message: string,
  file: string,
  pos: Position = NO_POSITION,
  path = '',
): Diagnostic {
  return { severity: 'warning', file, line: pos.line, column: pos.column, path, code, message };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order for output: by file, line, column, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}

/** `path:line:col: severity: message` — the format compilers and editors understand. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}:${d.column || 1}` : ''}: ` : '';
  const at = d.path && !d.message.startsWith(d.path) ? ` (at ${d.path})` : '';
  return `${where}${d.severity}: ${d.message}${at}`;
}

/** The same diagnostic reported twice (by two checks of one file) is shown once. */
export function dedupeDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
