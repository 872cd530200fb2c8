/**
 * What a command costs before it does anything. Two habits keep it small:
 * - Node's on-disk compile cache (Node 22.1+): the second and later runs skip compiling the bundle.
 *   Called before the bundle's main module is imported, so that module is cached too. Where the cache
 *   directory cannot be written (or NODE_DISABLE_COMPILE_CACHE is set) Node reports it and runs
 *   uncached; nothing is printed.
 * - Node built-ins that a plain `validate` never uses are loaded on first use, not imported at the top:
 *   `process.getBuiltinModule('node:crypto')` (hashes, SOPS ciphers, temp names) and
 *   `node:child_process` (git, SOPS_AGE_KEY_CMD). Loading the two costs about a third of a bare
 *   `node -e ''` (~14 ms CPU; farm-bench pairs, `require` of both against none), on every run.
 */
import * as nodeModule from 'node:module';

export function enableCompileCache(): void {
  try {
    nodeModule.enableCompileCache?.();
  } catch {
    // An older Node without the API, or a cache it cannot open: run uncached.
  }
}
