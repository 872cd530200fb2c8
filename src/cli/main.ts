/**
 * The CLI: the same core on a local checkout. `flux-pkg plan|validate [options]`.
 * Exit codes: 0 ok, 1 validation failed, 2 usage error.
 */
import { execFileSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type RepoConfig } from '../config/config.js';
import { formatDiagnostic } from '../diagnostics.js';
import { classifyChanges } from '../plan/model/changes.js';
import { loadStatus } from '../plan/modes/status/run.js';
import { plan } from '../plan/plan.js';
import type { PlanResult, Request } from '../plan/types.js';
import { LocalSnapshot } from '../repo/local.js';
import { WriteRefusedError, writeFiles } from '../repo/local-writer.js';
import { UnsafeWritePathError } from '../repo/paths.js';
import { statusJson, statusText } from '../report/summary/status-render.js';
import { diagnosticLines, fileDiff, jsonReport, summaryLines } from '../report/terminal/text.js';
import { isAgeRecipient } from '../sops/index.js';
import { BOOTSTRAP_OPTIONS, BOOTSTRAP_USAGE, bootstrapFlagProblem, planLocalBootstrap } from './bootstrap.js';
import { sopsCommand } from './sops.js';
import { KEY_SOURCES_HELP, KeySourceError, loadAgeIdentities } from './sops-keys.js';

const USAGE = `Usage: flux-pkg <command> [options]

Commands:
  plan       render PackageInstall + values Secret for new Package versions (prints a diff; --write writes)
  validate   check every Package, PackageInstall and values Secret in the repo
  promote    give --to the version --from runs (or --version); --allow-downgrade rolls back
  status     the version each environment runs, which are behind their promoteFrom, which are invalid
  bootstrap  a new environment: its folder, run-cluster RBAC, Brain Flux objects, flux-pkg.yaml (--write writes)
  sops updatekeys [paths]
             wrap SOPS data keys for the age recipients .sops.yaml now lists (flux-pkg sops --help)

Options:
  --repo DIR            the gitops repo checkout (default: .)
  --component NAME      only this component (repeatable)
  --environment NAME    only this environment (repeatable)
  --package PATH        a Package file to deliver (repeatable; default: each component's newest)
  --since GITREF        deliver the Package files git says changed since GITREF
  --values FILE         replace the values with this YAML file (plan; needs one --component and one --environment)
  --from ENV, --to ENV  promote: from this environment (default: --to's promoteFrom) to this one
  --version VERSION     promote: this version instead of the one --from runs
  --allow-downgrade     promote: allow a lower version (adds packaging.carvel.dev/downgradable)
  --write               write the planned files (plan, promote)
  --sops-age-key-file FILE
                        age key file to decrypt SOPS-encrypted values Secrets; ${KEY_SOURCES_HELP}
  --sops-age-recipient R
                        age recipient for secretFormat sops where no .sops.yaml rule matches (repeatable)
  --json                print a JSON report
  -h, --help            this help
${BOOTSTRAP_USAGE}`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

class UsageError extends Error {}

export async function main(argv: string[], io: Io): Promise<number> {
  if (argv[0] === 'sops') return sopsCommand(argv.slice(1), io);
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    io.err(`flux-pkg: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    io.out(USAGE);
    return 0;
  }
  try {
    return await run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`flux-pkg: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function parse(argv: string[]) {
  const parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      repo: { type: 'string', default: '.' },
      component: { type: 'string', multiple: true },
      environment: { type: 'string', multiple: true },
      package: { type: 'string', multiple: true },
      since: { type: 'string' },
      values: { type: 'string' },
      write: { type: 'boolean', default: false },
      'sops-age-key-file': { type: 'string' },
      'sops-age-recipient': { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
      version: { type: 'string' },
      'allow-downgrade': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      ...BOOTSTRAP_OPTIONS,
    },
  });
  if (!parsed.values.help) {
    const [command, ...rest] = parsed.positionals;
    if (
      command !== 'plan' &&
      command !== 'validate' &&
      command !== 'promote' &&
      command !== 'status' &&
      command !== 'bootstrap'
    )
      throw new Error(command ? `unknown command "${command}"` : 'a command is required');
    if (rest.length > 0) throw new Error(`unexpected argument "${rest[0]}"`);
    if (
      command === 'validate' &&
      (parsed.values.package || parsed.values.since || parsed.values.write || parsed.values.values)
    ) {
      throw new Error('--package, --since, --values and --write go with plan');
    }
    const { component, environment, package: pkg, since, values, write } = parsed.values;
    if (command === 'status' && (component || environment || pkg || since || values || write))
      throw new Error('status takes --repo and --json only');
    const bootstrapOnly = Object.keys(BOOTSTRAP_OPTIONS).filter(
      (k) => parsed.values[k as keyof typeof parsed.values] !== undefined && k !== 'force',
    );
    if (command !== 'bootstrap' && (bootstrapOnly.length > 0 || parsed.values.force))
      throw new Error(`--${bootstrapOnly[0] ?? 'force'} goes with bootstrap`);
    if (command === 'bootstrap') {
      const problem = bootstrapFlagProblem(parsed.values);
      if (problem) throw new Error(problem);
    }
    if (
      command === 'plan' &&
      parsed.values.values !== undefined &&
      (parsed.values.component?.length !== 1 || parsed.values.environment?.length !== 1)
    )
      throw new Error(
        '--values replaces the values of one environment: give exactly one --component and one --environment',
      );
    if (command === 'validate' && parsed.values['sops-age-recipient'])
      throw new Error('--sops-age-recipient goes with plan');
    const notRecipient =
      parsed.values['sops-age-recipient']?.findIndex((r) => !isAgeRecipient(r.trim())) ?? -1;
    if (notRecipient >= 0)
      throw new Error(`--sops-age-recipient ${notRecipient + 1} is not an age recipient (age1…)`);
    if (parsed.values.since?.startsWith('-'))
      throw new Error(`--since takes a git ref, not "${parsed.values.since}"`);
    if (command === 'promote' && (parsed.values.component?.length !== 1 || !parsed.values.to))
      throw new Error('promote needs one --component and --to');
    if (
      command !== 'promote' &&
      (parsed.values.from || parsed.values.to || (parsed.values.version && command !== 'bootstrap'))
    )
      throw new Error('--from, --to and --version go with promote (--version also with bootstrap)');
  }
  return parsed;
}

async function run(args: ReturnType<typeof parse>, io: Io): Promise<number> {
  const { values } = args;
  const root = resolve(values.repo);
  await checkRepoFolder(root, values.repo);
  const snapshot = new LocalSnapshot(root);
  if ((await snapshot.list()).length === 0)
    throw new UsageError(`${values.repo} is not a directory with files in it`);
  const command = args.positionals[0] as 'plan' | 'validate' | 'promote' | 'status' | 'bootstrap';
  if (command === 'bootstrap') return bootstrapCommand(args, io, snapshot, root);
  const config = await loadConfig(snapshot);
  if (command === 'status') {
    const model = await loadStatus(snapshot, { loaded: config });
    if (values.json) io.out(statusJson(model));
    else {
      for (const d of model.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
      io.out(statusText(model));
    }
    return model.valid ? 0 : 1;
  }
  const sops = { identities: await sopsIdentities(values['sops-age-key-file']) };
  const recipients = values['sops-age-recipient'];
  const overrides = recipients ? { sopsAgeRecipients: recipients } : undefined;
  const request: Request =
    command === 'promote'
      ? {
          kind: 'promote',
          sops,
          overrides,
          allowDowngrade: values['allow-downgrade'],
          promotions: [
            {
              component: values.component![0]!,
              environment: values.to!,
              from: values.from,
              version: values.version,
              source: { trigger: 'manual' },
            },
          ],
        }
      : command === 'validate'
        ? { kind: 'validate', components: values.component, environments: values.environment, sops }
        : {
            kind: 'install',
            sops,
            overrides,
            packages:
              values.package?.map((p) => p.replace(/^\.\//, '')) ??
              (values.since ? await changedPackages(snapshot, root, values.since, config.config) : undefined),
            components: values.component,
            environments: values.environment,
            values: values.values === undefined ? undefined : await readValuesFile(values.values),
          };
  const result = await plan(snapshot, request, config);

  if (values.json) io.out(`${JSON.stringify(jsonReport(result), null, 2)}\n`);
  else {
    for (const line of diagnosticLines(result)) io.err(`${line}\n`);
    for (const line of summaryLines(result)) io.out(`${line}\n`);
  }
  if (!result.valid) {
    if (!values.json)
      io.err(
        `${result.diagnostics.filter((d) => d.severity === 'error').length} error(s)${command === 'plan' ? '; nothing written' : ''}\n`,
      );
    // A filter that names nothing is a usage error: the user asked for something that is not there.
    return result.diagnostics.some((d) => d.severity === 'error' && d.code.startsWith('request.')) ? 2 : 1;
  }
  const writes = command === 'plan' || command === 'promote';
  if (writes && !values.json) {
    for (const file of result.files) {
      const env = result.environments.find((e) => e.files.includes(file));
      io.out(`\n${fileDiff(file, await snapshot.read(file.path), env?.valuesKeysChanged ?? [])}`);
    }
    if (result.files.length === 0) io.out('\nnothing to change\n');
  }
  if (writes) return writeOrTell(root, result, values, io);
  return 0;
}

async function writeOrTell(
  root: string,
  result: PlanResult,
  values: { write: boolean; json: boolean },
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
  args: ReturnType<typeof parse>,
  io: Io,
  snapshot: LocalSnapshot,
  root: string,
): Promise<number> {
  const { values } = args;
  const valuesText = values.values === undefined ? undefined : await readValuesFile(values.values);
  const sops = { identities: await sopsIdentities(values['sops-age-key-file']) };
  const recipients = values['sops-age-recipient'];
  const result = await planLocalBootstrap(snapshot, root, values, valuesText, { sops, recipients });
  if (!result) throw new UsageError('--git-url is required: the checkout has no https or ssh origin remote');
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

async function readValuesFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read --values file ${path}`);
  }
}

/** Package files added or modified since a git ref (committed, staged, unstaged or untracked). */
async function changedPackages(
  snapshot: LocalSnapshot,
  root: string,
  since: string,
  config: RepoConfig,
): Promise<string[]> {
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
