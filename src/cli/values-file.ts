/**
 * The --values file in the user's words: a file that is not YAML is refused naming it and where, and
 * errors in the values it gave name it and its line rather than the values Secret it becomes.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { PlanResult } from '../plan/types.js';
import { type PathSegment, parseYaml, positionAt } from '../yaml/parse.js';

/** Where the file is not YAML (never what: a parser message could quote a secret value). */
export function valuesFileProblem(file: string, text: string): string | undefined {
  const first = parseYaml(file, text).diagnostics.find((d) => d.severity === 'error');
  if (!first) return undefined;
  return `${file}${first.line ? `:${first.line}:${first.column || 1}` : ''}: --values ${file} is not valid YAML`;
}

/**
 * The result's diagnostics, those about the values (code `values.*`) in a values Secret the plan
 * writes from the file moved to the file, at the line of their path there.
 */
export function valuesFileDiagnostics(result: PlanResult, file: string, text: string): Diagnostic[] {
  const written = new Set(
    result.environments.flatMap((e) => e.files.filter((f) => f.secret).map((f) => f.path)),
  );
  const parsed = parseYaml(file, text);
  const doc = parsed.documents[0];
  return result.diagnostics.map((d) => {
    if (!written.has(d.file) || !d.code.startsWith('values.') || !doc) return d;
    const { line, column } = positionAt(parsed, doc.doc, pathSegments(d.path));
    return { ...d, file, line, column };
  });
}

/** `.a.b[0]["x.y"]` → ['a', 'b', 0, 'x.y'] (formatPath's inverse). */
export function pathSegments(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const m of path.matchAll(/\.([A-Za-z_][\w-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else segments.push(JSON.parse(m[3]!) as string);
  }
  return segments;
}
