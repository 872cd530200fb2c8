/**
 * Branch names as git and GitHub accept them (git check-ref-format's rules, plus GitHub's 255-byte
 * cap), checked before the first write so a bad name gets its real reason instead of a 422.
 */

const MAX_BYTES = 255;

/**
 * Whether GitHub reads `branch` as that branch in a path such as `/git/trees/{tree_sha}`: a name with "/"
 * or one that looks like a sha would be read as something else, so such a branch is read by its head's sha.
 */
export function readableByName(branch: string): boolean {
  return !/\/|^[0-9a-f]{40}$/.test(branch);
}

/** Why `name` cannot be a branch name, or undefined when it can. */
export function branchNameProblem(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (Buffer.byteLength(name) > MAX_BYTES) return `is longer than ${MAX_BYTES} bytes`;
  if (name === '@') return 'is "@"';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: git refuses control characters in ref names
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) return 'contains a space, a control character or one of ~^:?*[\\';
  if (name.includes('..')) return 'contains ".."';
  if (name.includes('@{')) return 'contains "@{"';
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
    return 'starts or ends with "/" or contains "//"';
  if (name.endsWith('.')) return 'ends with "."';
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return `has a part starting with "." ("${part}")`;
    if (part.endsWith('.lock')) return `has a part ending with ".lock" ("${part}")`;
  }
  return undefined;
}

/** Does this 422 from a ref write mean another writer got there first (so planning again helps)? */
export function isRefRace(e: unknown): boolean {
  const err = e as { status?: number; message?: string; response?: { data?: { message?: string } } };
  if (err.status !== 422) return false;
  const message = err.response?.data?.message ?? err.message ?? '';
  return /Reference already exists|Reference does not exist|not a fast forward/i.test(message);
}
