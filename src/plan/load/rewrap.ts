/**
 * The age work of a re-wrap (modes/install/rewrap.ts decides which files): each file's data key
 * wrapped for the recipients its `.sops.yaml` now gives (sops/updatekeys.ts), and the hook that keeps
 * a re-wrap branch's copy on a rerun.
 */
import { type Diagnostic, warning } from '../../diagnostics.js';
import { decryptDocument } from '../../sops/index.js';
import { reuseOf } from '../../sops/reuse.js';
import { type RecipientChange, updateKeys } from '../../sops/updatekeys.js';
import type { PlannedFile } from '../types.js';

export interface Rewrapped {
  files: PlannedFile[];
  /** The changes of the files re-wrapped (those that failed are left out, with a warning). */
  changes: RecipientChange[];
  diagnostics: Diagnostic[];
}

export async function rewrapFiles(
  changes: readonly RecipientChange[],
  texts: ReadonlyMap<string, string>,
  identities: readonly string[],
): Promise<Rewrapped> {
  const out: Rewrapped = { files: [], changes: [], diagnostics: [] };
  for (const change of changes) {
    const text = texts.get(change.file)!;
    const options = { identities, recipients: change.recipients, file: change.file };
    const done = await updateKeys(text, options);
    if (done.text === undefined || !done.changed) {
      const why = done.diagnostics.map((d) => d.message).join('; ') || 'nothing to change';
      out.diagnostics.push(warning('sops.rewrap', `not re-wrapped: ${why}`, change.file));
      continue;
    }
    out.changes.push(change);
    out.files.push({
      path: change.file,
      content: done.text,
      action: 'update',
      secret: true,
      fromBranch: (branch) => keepBranchStanzas(text, branch, options),
    });
  }
  return out;
}

/**
 * What to write over the re-wrap branch's copy: the base's file with the branch's stanzas for the
 * added recipients, when the branch's copy opens with our key to the base's data key (so a rerun
 * writes the same bytes, and a value changed on the base since is carried over). Undefined (write the
 * fresh wrap) otherwise.
 */
async function keepBranchStanzas(
  base: string,
  branch: string,
  options: { identities: readonly string[]; recipients: readonly string[]; file: string },
): Promise<string | undefined> {
  const [ours, theirs] = await Promise.all([
    decryptDocument(base, options),
    decryptDocument(branch, options),
  ]);
  const ourKey = ours.document && reuseOf(ours.document)?.dataKey;
  const theirKey = theirs.document && reuseOf(theirs.document)?.dataKey;
  if (!ourKey || !theirKey || !sameBytes(ourKey, theirKey)) return undefined;
  const again = await updateKeys(base, { ...options, reuse: theirs.document!.metadata.age });
  return again.text;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
