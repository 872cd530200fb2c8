/**
 * What a command costs before it does anything. Two habits keep it small:
 * - Node's on-disk compile cache (Node 22.1+): the second and later runs skip compiling the bundle
 *   (about a tenth of the CLI's `validate` CPU, farm-bench pairs against NODE_DISABLE_COMPILE_CACHE=1).
 *   Called before the bundle's main module is imported, so that module is cached too. It lives in
 *   NODE_COMPILE_CACHE, else os.tmpdir()/node-compile-cache, in a folder per Node version and user id
 *   (~0.6 MB for the CLI). Where it cannot be written (or NODE_DISABLE_COMPILE_CACHE is set) Node runs
 *   uncached; nothing is printed. Not on a GitHub-hosted runner: each job has a fresh machine, so the
 *   cache would be written and never read, and a first run that writes it costs ~4 % more CPU.
 * - Node built-ins that a plain `validate` never uses are loaded on first use, not imported at the top:
 *   `nodeCrypto()` of src/builtins.ts (hashes, SOPS ciphers, temp names) and
 *   `node:child_process` (git, SOPS_AGE_KEY_CMD). Loading the two costs about a third of a bare
 *   `node -e ''` (~14 ms CPU; farm-bench pairs, `require` of both against none), on every run.
 */
import * as nodeModule from 'node:module';

/**
 * Whether a cache written now can be read by a later run. GitHub sets RUNNER_ENVIRONMENT to
 * `github-hosted` or `self-hosted` in every job ("Default environment variables", docs.github.com
 * actions/reference/variables-reference); a hosted runner's machine is discarded after the job.
 */
export function compileCacheWanted(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.RUNNER_ENVIRONMENT !== 'github-hosted';
}

export function enableCompileCache(env: Readonly<Record<string, string | undefined>> = process.env): void {
  if (!compileCacheWanted(env)) return;
  try {
    nodeModule.enableCompileCache?.();
  } catch {
    // An older Node without the API, or a cache it cannot open: run uncached.
  }
}
