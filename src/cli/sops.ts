/**
 * `flux-pkg sops updatekeys [paths]`: give the data key of each SOPS file to the age recipients its
 * nearest `.sops.yaml` now lists (sops updatekeys), values and MAC untouched. Without paths, every
 * SOPS file a `.sops.yaml` covers. Prints what changes; --write writes.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Diagnostic, formatDiagnostic } from '../diagnostics.js';
import { LocalSnapshot } from '../repo/local.js';
import { WriteRefusedError, writeFiles } from '../repo/local-writer.js';
import { UnsafeWritePathError } from '../repo/paths.js';
import { planRewrap, updateKeys } from '../sops/updatekeys.js';
import { KEY_SOURCES_HELP, KeySourceError, loadAgeIdentities } from './sops-keys.js';

export const SOPS_USAGE = `Usage: flux-pkg sops updatekeys [paths…] [options]

  Wrap each SOPS file's data key for the age recipients its nearest .sops.yaml now lists, as
  sops updatekeys does: values, their ciphertext, lastmodified and the MAC stay as they are; a
  removed recipient loses the wrapped key but knew the data key (re-encrypt values to rotate it).

Options:
  --repo DIR            the gitops repo checkout (default: .); paths are relative to it
  --write               write the files (default: print what would change)
  --sops-age-key-file FILE
                        an age key file that opens the files; ${KEY_SOURCES_HELP}
  -h, --help            this help
`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const MAX_FILE_BYTES = 1024 * 1024;

/** Exit codes as the rest of the CLI: 0 ok, 1 a file could not be updated, 2 usage. */
export async function sopsCommand(argv: string[], io: Io): Promise<number> {
  let args: ReturnType<typeof parseSopsArgs>;
  try {
    args = parseSopsArgs(argv);
  } catch (e) {
    io.err(`flux-pkg sops: ${(e as Error).message}\n\n${SOPS_USAGE}`);
    return 2;
  }
  if (args.values.help) {
    io.out(SOPS_USAGE);
    return 0;
  }
  const root = resolve(args.values.repo);
  const given = args.positionals.slice(1).map((p) => p.replace(/^\.\//, ''));
  const files = await readCandidates(new LocalSnapshot(root), given);
  const missing = given.find((p) => !files.has(p));
  if (missing !== undefined) {
    io.err(`flux-pkg sops: ${missing} is not a readable file under --repo ${args.values.repo}\n`);
    return 2;
  }
  const { changes, diagnostics } = planRewrap(files);
  let identities: string[] = [];
  if (changes.length > 0) {
    try {
      // SOPS_AGE_KEY_CMD is asked for the recipients the files are encrypted for now.
      const current = changes.flatMap((c) => [
        ...c.recipients.filter((r) => !c.added.includes(r)),
        ...c.removed,
      ]);
      identities = await loadAgeIdentities(args.values['sops-age-key-file'], undefined, [
        ...new Set(current),
      ]);
    } catch (e) {
      if (!(e instanceof KeySourceError)) throw e;
      io.err(`flux-pkg sops: ${e.message}\n`);
      return 2;
    }
  }
  const written: { path: string; content: string }[] = [];
  for (const change of changes) {
    const result = await updateKeys(files.get(change.file)!, {
      identities,
      recipients: change.recipients,
      file: change.file,
    });
    diagnostics.push(...result.diagnostics);
    if (!result.text || !result.changed) continue;
    written.push({ path: change.file, content: result.text });
    const said = [...change.added.map((r) => `+${r}`), ...change.removed.map((r) => `-${r}`)];
    io.out(`${change.file}: ${said.join(' ')}\n`);
  }
  for (const d of diagnostics) io.err(`${formatDiagnostic(d)}\n`);
  if (changes.length === 0) io.out('every SOPS file already has the recipients its .sops.yaml lists\n');
  const failed = diagnostics.some((d: Diagnostic) => d.severity === 'error') ? 1 : 0;
  if (!args.values.write) {
    if (written.length > 0)
      io.out(`\n${written.length} file(s) would change; run with --write to write them\n`);
    return failed;
  }
  try {
    await writeFiles(root, written);
  } catch (e) {
    if (!(e instanceof WriteRefusedError || e instanceof UnsafeWritePathError)) throw e;
    io.err(`flux-pkg sops: ${e.message}\n`);
    return 1;
  }
  io.out(`\nwrote ${written.length} file(s)\n`);
  return failed;
}

function parseSopsArgs(argv: string[]) {
  const parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      repo: { type: 'string', default: '.' },
      write: { type: 'boolean', default: false },
      'sops-age-key-file': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (!parsed.values.help && parsed.positionals[0] !== 'updatekeys') {
    const given = parsed.positionals[0];
    throw new Error(given ? `unknown sops command "${given}"` : 'a sops command is required (updatekeys)');
  }
  return parsed;
}

/** The files to look at (the given ones, else every file) and every `.sops.yaml`, as texts. */
async function readCandidates(snapshot: LocalSnapshot, given: string[]): Promise<Map<string, string>> {
  const entries = (await snapshot.list()).filter((e) => e.kind === undefined || e.kind === 'file');
  const wanted = new Set(given);
  const files = new Map<string, string>();
  for (const entry of entries) {
    const isConfig = entry.path === '.sops.yaml' || entry.path.endsWith('/.sops.yaml');
    if (!isConfig && wanted.size > 0 && !wanted.has(entry.path)) continue;
    if ((entry.size ?? 0) > MAX_FILE_BYTES) continue;
    const text = await snapshot.read(entry.path, { maxBytes: MAX_FILE_BYTES }).catch(() => undefined);
    if (text !== undefined) files.set(entry.path, text);
  }
  return files;
}
