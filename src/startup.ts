/**
 * Node's on-disk compile cache (Node 22.1+): the second and later runs skip compiling the bundle.
 * Called before the bundle's main module is imported, so that module is cached too. Where the cache
 * directory cannot be written (or NODE_DISABLE_COMPILE_CACHE is set) Node reports it and runs
 * uncached; nothing is printed.
 */
import * as nodeModule from 'node:module';

export function enableCompileCache(): void {
  try {
    nodeModule.enableCompileCache?.();
  } catch {
    // An older Node without the API, or a cache it cannot open: run uncached.
  }
}
