/**
 * The shared reference data (../shared/reference/sops beside the repository). A git worktree under
 * /work/wt/NAME sits one folder deeper than the main checkout, so both places are tried.
 */
import { existsSync } from 'node:fs';

const candidates = ['../../../shared/reference/sops/', '../../../../shared/reference/sops/'].map(
  (relative) => new URL(relative, import.meta.url).pathname,
);

export const sopsReference = candidates.find((dir) => existsSync(dir)) ?? candidates[0]!;
export const hasSopsReference = existsSync(sopsReference);
