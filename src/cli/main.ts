/**
 * The CLI: the same core on a local checkout. `flux-pkg <command> [options]`; the commands are the
 * table below, the flags come from src/settings/declarations.ts (see cli/flags.ts).
 * Exit codes: 0 ok, 1 validation failed, 2 usage error.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json' with { type: 'json' };
import { type LoadedConfig, loadConfig, type RepoConfig } from '../config/config.js';
import { formatDiagnostic } from '../diagnostics.js';
import { classifyChanges } from '../plan/model/changes.js';
import { plan } from '../plan/plan.js';
import type { PlanResult, Request } from '../plan/types.js';
import { LocalSnapshot } from '../repo/local.js';
import { WriteRefusedError, writeFiles } from '../repo/local-writer.js';
import { UnsafeWritePathError } from '../repo/paths.js';
import { diagnosticLines, fileDiff, jsonReport, summaryLines } from '../report/terminal/text.js';
import { BOOTSTRAP_NAMES, type FlagName } from '../settings/declarations.js';
import { isAgeRecipient } from '../sops/index.js';
import { bootstrapFlagProblem, planLocalBootstrap } from './bootstrap.js';
import { FLAGS, type FlagValues, flagHelp, parseErrorLine, parseOptions } from './flags.js';
import { KEY_SOURCES_HELP, KeySourceError, loadAgeIdentities } from './sops-keys.js';
import { valuesFileDiagnostics, valuesFileProblem } from './values-file.js';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

class UsageError extends Error {}

interface Parsed {
  command: CommandName;
  values: FlagValues;
}

interface Command {
  summary: string;
  /** The flags it takes besides --repo, --json and --help. */
  flags: readonly FlagName[];
  /** What is wrong with the flags given, beyond taking them (one line), or undefined. */
  check?: (values: FlagValues) => string | undefined;
  run: (parsed: Parsed, io: Io, snapshot: LocalSnapshot, root: string) => Promise<number>;
}

const SOPS_FLAGS = ['sops-age-key-file', 'sops-age-recipient'] as const;

/** The one table of commands: a mode's command is one entry (its request is built in its `run`). */
const COMMANDS = {
  plan: {
    summary: 'render PackageInstall + values Secret for new Package versions (prints a diff; --write writes)',
    flags: ['component', 'environment', 'package', 'since', 'values', 'write', ...SOPS_FLAGS],
    check: (v) =>
      v.values !== undefined && (v.component?.length !== 1 || v.environment?.length !== 1)
        ? '--values replaces the values of one environment: give exactly one --component and one --environment'
        : v.since?.startsWith('-')
          ? `--since takes a git ref, not "${v.since}"`
          : undefined,
    run: (parsed, io, snapshot, root) => planCommand('install', parsed, io, snapshot, root),
  },
  validate: {
    summary: 'check every Package, PackageInstall and values Secret in the repo',
    flags: ['component', 'environment', 'sops-age-key-file'],
    run: (parsed, io, snapshot, root) => planCommand('validate', parsed, io, snapshot, root),
  },
  promote: {
    summary: 'give --to the version --from runs (or --version); --allow-downgrade rolls back',
    flags: ['component', 'from', 'to', 'version', 'allow-downgrade', 'write', ...SOPS_FLAGS],
    check: (v) => (v.component?.length !== 1 || !v.to ? 'promote needs one --component and --to' : undefined),
    run: (parsed, io, snapshot, root) => planCommand('promote', parsed, io, snapshot, root),
  },
  status: {
    summary: 'the version each environment runs, which are behind their promoteFrom, which are invalid',
    flags: [],
    run: statusCommand,
  },
  bootstrap: {
    summary:
      'a new environment: its folder, run-cluster RBAC, Brain Flux objects, flux-pkg.yaml (--write writes)',
    flags: [
      'component',
      'environment',
      'version',
      'values',
      ...BOOTSTRAP_NAMES,
      'repository-url',
      'branch',
      'force',
      'commit-status',
      'write',
      ...SOPS_FLAGS,
    ],
    check: bootstrapFlagProblem,
    run: bootstrapCommand,
  },
} satisfies Record<string, Command>;

type CommandName = keyof typeof COMMANDS;
const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];
const EVERY_COMMAND: readonly FlagName[] = ['repo', 'json', 'help'];

const USAGE = `Usage: flux-pkg <command> [options]

Commands:
${COMMAND_NAMES.map((name) => `  ${name.padEnd(11)}${COMMANDS[name].summary}`).join('\n')}

Options:
${flagHelp(['repo', ...FLAGS.filter((f) => f !== 'repo')])}

Flags by command (all take ${EVERY_COMMAND.map((f) => `--${f}`).join(', ')}):
${COMMAND_NAMES.map((name) => `  ${name.padEnd(11)}${(COMMANDS[name] as Command).flags.map((f) => `--${f}`).join(' ') || '(none)'}`).join('\n')}

flux-pkg sops updatekeys [paths]
           wrap SOPS data keys for the age recipients .sops.yaml now lists (flux-pkg sops --help)

${KEY_SOURCES_HELP.replace(/^a/, 'A').replace(/\n {24}/g, '\n')}.

flux-pkg --version prints the version of flux-pkg.
`;

export async function main(argv: string[], io: Io): Promise<number> {
  // A command's own code is imported when it runs: `validate` loads no SOPS rewrapping, status or bootstrap code.
  if (argv[0] === 'sops') return (await import('./sops.js')).sopsCommand(argv.slice(1), io);
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.out(`${packageJson.version}\n`);
    return 0;
  }
  let parsed: Parsed | 'help';
  try {
    parsed = parse(argv);
  } catch (e) {
    if (!(e instanceof UsageError) && !(e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw e;
    if (argv.length === 0) io.err(`flux-pkg: a command is required\n\n${USAGE}`);
    else
      io.err(
        `flux-pkg: ${e instanceof UsageError ? e.message : parseErrorLine(e as Error)}; see flux-pkg --help\n`,
      );
    return 2;
  }
  if (parsed === 'help') {
    io.out(USAGE);
    return 0;
  }
  try {
    const root = resolve(parsed.values.repo ?? '.');
    await checkRepoFolder(root, parsed.values.repo ?? '.');
    const snapshot = new LocalSnapshot(root);
    if ((await snapshot.list()).length === 0)
      throw new UsageError(`${parsed.values.repo ?? '.'} is not a directory with files in it`);
    return await (COMMANDS[parsed.command] as Command).run(parsed, io, snapshot, root);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`flux-pkg: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function parse(argv: string[]): Parsed | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: parseOptions(),
  });
  const flags = values as FlagValues;
  if (flags.help) return 'help';
  const [command, ...rest] = positionals;
  if (!command) throw new UsageError('a command is required');
  if (!Object.hasOwn(COMMANDS, command))
    throw new UsageError(`unknown command "${command}" (commands: ${COMMAND_NAMES.join(', ')})`);
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const spec = COMMANDS[command as CommandName] as Command;
  const given = FLAGS.filter((f) => flags[f] !== undefined && !EVERY_COMMAND.includes(f));
  const foreign = given.find((f) => !spec.flags.includes(f));
  if (foreign) {
    const takers = COMMAND_NAMES.filter((name) => (COMMANDS[name] as Command).flags.includes(foreign));
    throw new UsageError(`--${foreign} goes with ${takers.join(', ')}, not ${command}`);
  }
  const problem = spec.check?.(flags) ?? recipientProblem(flags);
  if (problem) throw new UsageError(problem);
  return { command: command as CommandName, values: flags };
}

function recipientProblem(values: FlagValues): string | undefined {
  const notRecipient = values['sops-age-recipient']?.findIndex((r) => !isAgeRecipient(r.trim())) ?? -1;
  return notRecipient >= 0
    ? `--sops-age-recipient ${notRecipient + 1} is not an age recipient (age1…)`
    : undefined;
}

async function statusCommand({ values }: Parsed, io: Io, snapshot: LocalSnapshot): Promise<number> {
  const [{ loadStatus }, { statusJson, statusText }] = await Promise.all([
    import('../plan/modes/status/run.js'),
    import('../report/summary/status-render.js'),
  ]);
  const model = await loadStatus(snapshot, { loaded: await loadConfig(snapshot) });
  if (values.json) io.out(statusJson(model));
  else {
    for (const d of model.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
    io.out(statusText(model));
  }
  return model.valid ? 0 : 1;
}

type PlanKind = 'install' | 'validate' | 'promote';

/** plan, validate, promote: the request from the flags, planned, printed; plan and promote write with --write. */
async function planCommand(
  kind: PlanKind,
  { values }: Parsed,
  io: Io,
  snapshot: LocalSnapshot,
  root: string,
): Promise<number> {
  const config = await loadConfig(snapshot);
  const valuesText = values.values === undefined ? undefined : await readValuesFile(values.values);
  const request = await requestFor(kind, values, { snapshot, root, config, valuesText });
  const result = mapValuesFile(await plan(snapshot, request, config), values.values, valuesText);

  if (values.json) io.out(`${JSON.stringify(jsonReport(result), null, 2)}\n`);
  else {
    for (const line of diagnosticLines(result)) io.err(`${line}\n`);
    for (const line of summaryLines(result)) io.out(`${line}\n`);
  }
  if (!result.valid) {
    if (!values.json)
      io.err(
        `${result.diagnostics.filter((d) => d.severity === 'error').length} error(s)${kind === 'install' ? '; nothing written' : ''}\n`,
      );
    // A filter that names nothing is a usage error: the user asked for something that is not there.
    return result.diagnostics.some((d) => d.severity === 'error' && d.code.startsWith('request.')) ? 2 : 1;
  }
  if (kind === 'validate') return 0;
  if (!values.json) {
    for (const file of result.files) {
      const env = result.environments.find((e) => e.files.includes(file));
      io.out(`\n${fileDiff(file, await snapshot.read(file.path), env?.valuesKeysChanged ?? [])}`);
    }
    if (result.files.length === 0) io.out('\nnothing to change\n');
  }
  return writeOrTell(root, result, values, io);
}

async function requestFor(
  kind: PlanKind,
  values: FlagValues,
  at: { snapshot: LocalSnapshot; root: string; config: LoadedConfig; valuesText?: string },
): Promise<Request> {
  const sops = { identities: await sopsIdentities(values['sops-age-key-file']) };
  if (kind === 'validate')
    return { kind, components: values.component, environments: values.environment, sops };
  const recipients = values['sops-age-recipient'];
  const overrides = recipients ? { sopsAgeRecipients: recipients } : undefined;
  if (kind === 'promote') {
    const promotion = {
      component: values.component![0]!,
      environment: values.to!,
      from: values.from,
      version: values.version,
      source: { trigger: 'manual' as const },
    };
    const allowDowngrade = values['allow-downgrade'] ?? false;
    return { kind, sops, overrides, allowDowngrade, promotions: [promotion], wording: 'cli' };
  }
  const { snapshot, root, config, valuesText } = at;
  return {
    kind,
    sops,
    overrides,
    packages:
      values.package?.map((p) => p.replace(/^\.\//, '')) ??
      (values.since ? await changedPackages(snapshot, root, values.since, config.config) : undefined),
    components: values.component,
    environments: values.environment,
    values: valuesText,
    wording: 'cli',
  };
}

async function writeOrTell(
  root: string,
  result: PlanResult,
  values: { write?: boolean; json?: boolean },
  io: Io,
): Promise<number> {
  if (values.write) {
    try {
      await writeFiles(root, result.files);
    } catch (e) {
      if (!(e instanceof WriteRefusedError || e instanceof UnsafeWritePathError)) throw e;
      io.err(`flux-pkg: ${e.message}\n`);
      return 1;
    }
    if (!values.json) io.out(`\nwrote ${result.files.length} file(s)\n`);
  } else if (result.files.length > 0 && !values.json) {
    io.out(`\n${result.files.length} file(s) would change; run with --write to write them\n`);
  }
  return 0;
}

/** bootstrap: plan, print (diffs, or JSON), write with --write; bad input writes nothing. */
async function bootstrapCommand(
  { values }: Parsed,
  io: Io,
  snapshot: LocalSnapshot,
  root: string,
): Promise<number> {
  const valuesText = values.values === undefined ? undefined : await readValuesFile(values.values);
  const sops = { identities: await sopsIdentities(values['sops-age-key-file']) };
  const recipients = values['sops-age-recipient'];
  const planned = await planLocalBootstrap(snapshot, root, values, valuesText, { sops, recipients });
  if (!planned) throw new UsageError('--git-url is required: the checkout has no https or ssh origin remote');
  const result = mapValuesFile(planned, values.values, valuesText);
  if (values.json) io.out(`${JSON.stringify(jsonReport(result), null, 2)}\n`);
  else for (const line of diagnosticLines(result)) io.err(`${line}\n`);
  if (!result.valid) {
    if (!values.json)
      io.err(
        `${result.diagnostics.filter((d) => d.severity === 'error').length} error(s); nothing written\n`,
      );
    return result.diagnostics.some((d) => d.severity === 'error' && d.code.startsWith('request.')) ? 2 : 1;
  }
  if (!values.json) {
    for (const file of result.files) {
      const keys = result.environments.find((e) => e.files.includes(file))?.valuesKeysChanged ?? [];
      io.out(`\n${fileDiff(file, await snapshot.read(file.path), keys)}`);
    }
    if (result.files.length === 0) io.out('\nnothing to change\n');
  }
  return writeOrTell(root, result, values, io);
}

async function checkRepoFolder(root: string, given: string): Promise<void> {
  const info = await stat(root).catch(() => undefined);
  if (!info) throw new UsageError(`--repo ${given} does not exist`);
  if (!info.isDirectory()) throw new UsageError(`--repo ${given} is not a directory`);
}

/** The age identities of every source sops reads, merged with --sops-age-key-file (sops-keys.ts). */
async function sopsIdentities(keyFile: string | undefined): Promise<string[]> {
  try {
    return await loadAgeIdentities(keyFile);
  } catch (e) {
    throw e instanceof KeySourceError ? new UsageError(e.message) : e;
  }
}

/** The --values file, refused (naming the file and where) when it is not YAML. */
async function readValuesFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read --values file ${path}`);
  }
  const problem = valuesFileProblem(path, text);
  if (problem) throw new UsageError(problem);
  return text;
}

/** Errors in the values the user gave name the --values file and its line, not the params.yaml it becomes. */
function mapValuesFile<R extends PlanResult>(
  result: R,
  file: string | undefined,
  text: string | undefined,
): R {
  if (file === undefined || text === undefined) return result;
  return { ...result, diagnostics: valuesFileDiagnostics(result, file, text) };
}

/** Package files added or modified since a git ref (committed, staged, unstaged or untracked). */
async function changedPackages(
  snapshot: LocalSnapshot,
  root: string,
  since: string,
  config: RepoConfig,
): Promise<string[]> {
  // Loaded when --since asks for git, not at start: node:child_process costs every command its load (see startup.ts).
  const { execFileSync } = process.getBuiltinModule('node:child_process');
  const git = (...gitArgs: string[]) => {
    try {
      return execFileSync('git', ['-C', root, ...gitArgs], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      throw new UsageError(
        `git ${gitArgs.join(' ')} failed: ${String((e as { stderr?: string }).stderr ?? e).trim()}`,
      );
    }
  };
  // Resolved to a commit id first: the ref is never parsed by git as an option.
  let commit = '';
  try {
    commit = git('rev-parse', '--verify', '--quiet', '--end-of-options', `${since}^{commit}`).trim();
  } catch {
    // reported below, in words: git's own message would only say "fatal: Needed a single revision"
  }
  if (!/^[0-9a-f]{40,64}$/.test(commit))
    throw new UsageError(`--since ${since}: git knows no commit of that name in ${root}`);
  const changed = [
    ...git('diff', '--name-only', '--diff-filter=AMR', '--relative', commit, '--').split('\n'),
    ...git('ls-files', '--others', '--exclude-standard').split('\n'),
  ].filter(Boolean);
  const paths = (await snapshot.list()).map((e) => e.path);
  return classifyChanges(changed, paths, config.layout).packageFiles;
}
