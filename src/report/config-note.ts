/** The one sentence every run's summary (job summary, CLI output) says about flux-pkg.yaml. */
import type { ConfigSource } from '../plan/types.js';

export function configNote(source: ConfigSource): string {
  return source.file
    ? `Configuration: ${source.file}.`
    : 'No flux-pkg.yaml found: the environments are the folders under each component, and every one takes new versions directly.';
}
