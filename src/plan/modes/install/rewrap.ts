/**
 * Re-wrapping data keys after a `.sops.yaml` recipient change landed on the base branch: which files
 * to read, which of them need `sops updatekeys`, and the warning when no key can do it. Pure; the
 * age work is the loader's (load/rewrap.ts). Only a push run on the base asks this, never a pull
 * request: its own `.sops.yaml` is unreviewed policy, and a hostile one must not get data keys.
 */
import { type Diagnostic, warning } from '../../../diagnostics.js';
import { planRewrap, type RecipientChange } from '../../../sops/updatekeys.js';
import type { ChangeSet } from '../../model/changes.js';
import { isSopsConfig } from '../../model/changes.js';

/** Whether this run looks for files to re-wrap: a full scan, or a `.sops.yaml` among the changes. */
export function rewrapWanted(changes: ChangeSet | undefined): boolean {
  return changes === undefined || changes.sopsConfigChanged === true;
}

/**
 * The files whose text is read for the check: every `.sops.yaml`, and every YAML file in a folder
 * one of them covers (the loader keeps those whose text has a top-level `sops:` key). None when the
 * repository has no `.sops.yaml`.
 */
export function rewrapCandidates(paths: readonly string[]): { configs: string[]; files: string[] } {
  const configs = paths.filter(isSopsConfig);
  if (configs.length === 0) return { configs, files: [] };
  const folders = configs.map((c) => c.slice(0, -'.sops.yaml'.length));
  const files = paths.filter(
    (p) => !isSopsConfig(p) && /\.ya?ml$/.test(p) && folders.some((f) => p.startsWith(f)),
  );
  return { configs, files };
}

/** The SOPS files among the loaded texts whose recipients differ from their `.sops.yaml`'s. */
export function rewrapPlan(texts: ReadonlyMap<string, string>): {
  changes: RecipientChange[];
  diagnostics: Diagnostic[];
} {
  const sopsTexts = new Map([...texts].filter(([path, text]) => isSopsConfig(path) || /^sops:/m.test(text)));
  const planned = planRewrap(sopsTexts);
  // A .sops.yaml that does not parse is the gate's to report; here it only means no re-wrap.
  const diagnostics = planned.diagnostics.map((d) => ({ ...d, severity: 'warning' as const }));
  return { changes: planned.changes, diagnostics };
}

/** Without an age key: which files need `flux-pkg sops updatekeys` (a warning, nothing written). */
export function rewrapNoKey(changes: readonly RecipientChange[]): Diagnostic[] {
  if (changes.length === 0) return [];
  const files = changes.map((c) => c.file).join(', ');
  return [
    warning(
      'sops.rewrap-no-key',
      `the recipients of .sops.yaml changed and no age key was given to re-wrap the data keys of ${files}: run \`flux-pkg sops updatekeys\` on them`,
      changes[0]!.file,
    ),
  ];
}
