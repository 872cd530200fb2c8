/**
 * The rules every repository path obeys before it is read or written: relative, POSIX, clean. The
 * same rules check configured paths (flux-pkg.yaml) and, as the final guard, every path a plan is
 * about to write — locally and through the GitHub API.
 */

/**
 * What is wrong with a repo-relative path, or undefined: no absolute path, no backslash, no NUL or
 * other control character, no empty, `.` or `..` segment (so nothing normalises elsewhere).
 */
export function relativePathProblem(path: string): string | undefined {
  if (path === '') return 'is empty';
  if (hasControlCharacter(path)) return 'contains a control character (NUL, newline, …)';
  if (path.includes('\\')) return 'contains a backslash; use "/" between folders';
  if (path.startsWith('/')) return 'is an absolute path; paths are relative to the repository root';
  const segments = path.split('/');
  if (segments.includes('..')) return 'contains ".."; paths stay inside the repository';
  if (segments.includes('.')) return 'contains a "." segment';
  if (segments.includes('')) return 'contains an empty segment ("//" or a leading or trailing "/")';
  return undefined;
}

/** The folders at the repository root that are never written: workflows (`.github/`) and git's own (`.git/`). */
const PROTECTED_ROOTS = new Set(['.github', '.git']);

/** Is this path (already relative and clean) in `.github/` or `.git/`? Case-insensitive, as on macOS and Windows. */
export function isProtectedPath(path: string): boolean {
  return PROTECTED_ROOTS.has((path.split('/')[0] ?? '').toLowerCase());
}

/** What is wrong with writing this path, or undefined: it must be a clean relative path, not under `.github/` or `.git/`. */
export function writePathProblem(path: string): string | undefined {
  const problem = relativePathProblem(path);
  if (problem) return problem;
  if (isProtectedPath(path)) return `is under ${path.split('/')[0]}/, which flux-pkg-action never writes`;
  return undefined;
}

/** A planned write refused by the final guard. `problems` lists each path with its reason. */
export class UnsafeWritePathError extends Error {
  constructor(readonly problems: readonly { path: string; problem: string }[]) {
    super(
      `refusing to write outside the repository or into a protected folder: ${problems
        .map((p) => `${JSON.stringify(p.path)} ${p.problem}`)
        .join('; ')}`,
    );
  }
}

/** The final guard before any write: throws UnsafeWritePathError naming every refused path; writes nothing itself. */
export function assertWritablePaths(paths: Iterable<string>): void {
  const problems: { path: string; problem: string }[] = [];
  for (const path of paths) {
    const problem = writePathProblem(path);
    if (problem) problems.push({ path, problem });
  }
  if (problems.length > 0) throw new UnsafeWritePathError(problems);
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
