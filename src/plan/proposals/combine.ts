/** Several plans of one run (install and promotion) as one result: one delivery, one report. */
import { type Diagnostic, dedupeDiagnostics, hasErrors, sortDiagnostics } from '../../diagnostics.js';
import type { ConfigSource, PlanResult } from '../types.js';

/** `config`: which flux-pkg.yaml the run read, for its summary (default: what the plans say). */
export function combineResults(
  results: readonly PlanResult[],
  configDiagnostics: readonly Diagnostic[],
  config: ConfigSource | undefined = results.find((r) => r.config)?.config,
): PlanResult {
  const diagnostics = dedupeDiagnostics([...configDiagnostics, ...results.flatMap((r) => r.diagnostics)]);
  const valid = !hasErrors(diagnostics);
  return {
    valid,
    diagnostics: sortDiagnostics(diagnostics),
    environments: results.flatMap((r) => r.environments),
    // Bad input writes nothing: one invalid plan keeps the others' files from being written too.
    files: valid ? results.flatMap((r) => r.files) : [],
    ...(config ? { config } : {}),
  };
}
