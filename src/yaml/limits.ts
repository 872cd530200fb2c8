/**
 * How much YAML the project reads, in a module of its own: the action's local-checkout snapshot (src/repo/local.ts)
 * needs only these numbers, and importing them from parse.ts loaded the yaml library (~290 KB) at start-up.
 */
export interface YamlLimits {
  /** Largest file accepted, in bytes. Real Packages with big schemas are ~100 KB. */
  maxBytes: number;
  /** Largest number of alias dereferences per document (a "billion laughs" file needs many). */
  maxAliasCount: number;
  /** Most documents in one file. */
  maxDocuments: number;
}

export const DEFAULT_LIMITS: YamlLimits = {
  maxBytes: 4 * 1024 * 1024,
  maxAliasCount: 200,
  maxDocuments: 1000,
};
