/** `flux-pkg bootstrap`: the action's bootstrap mode on a local checkout; the same flags as its inputs. */
import { githubComAddressOf, gitUrlProblem } from '../plan/modes/bootstrap/request.js';
import { plan } from '../plan/plan.js';
import type { SopsKeys } from '../plan/types.js';
import type { LocalSnapshot } from '../repo/local.js';
import { BOOTSTRAP_NAMES, type BootstrapNames, fieldOf } from '../settings/declarations.js';
import type { FlagValues } from './flags.js';

/** Usage problems of the flags (a bad value of a field is the planner's to report). */
export function bootstrapFlagProblem(flags: FlagValues): string | undefined {
  if (flags.environment?.length !== 1) return 'bootstrap needs exactly one --environment';
  if (!flags.component?.length) return 'bootstrap needs --component (a name, a list, or *)';
  const status = flags['commit-status'];
  if (status !== undefined && status !== 'true' && status !== 'false')
    return `--commit-status must be true or false, not "${status}"`;
  return undefined;
}

export function planLocalBootstrap(
  snapshot: LocalSnapshot,
  root: string,
  flags: FlagValues,
  values?: string,
  secrets: { sops?: SopsKeys; recipients?: string[] } = {},
) {
  const gitUrl = flags['git-url'] ?? originUrl(root);
  if (gitUrl === undefined) return undefined;
  const names: BootstrapNames = {};
  for (const name of BOOTSTRAP_NAMES) names[fieldOf(name)] = flags[name];
  return plan(snapshot, {
    kind: 'bootstrap',
    components: flags
      .component!.flatMap((c) => c.split(','))
      .map((c) => c.trim())
      .filter(Boolean),
    environment: flags.environment![0]!,
    version: flags.version,
    values,
    ...names,
    gitUrl,
    branch: flags.branch ?? git(root, ['rev-parse', '--abbrev-ref', 'HEAD']) ?? 'main',
    force: flags.force,
    commitStatus: flags['commit-status'] !== 'false',
    repositoryUrl: flags['repository-url'] ?? githubComAddressOf(gitUrl),
    sops: secrets.sops,
    sopsAgeRecipients: secrets.recipients,
    wording: 'cli',
  });
}

/** The checkout's origin remote, when Flux could clone it. */
function originUrl(root: string): string | undefined {
  const url = git(root, ['remote', 'get-url', 'origin']);
  return url && !gitUrlProblem(url) ? url : undefined;
}

function git(root: string, args: string[]): string | undefined {
  try {
    // Loaded when git runs, not at start: node:child_process costs every command its load (see startup.ts).
    const { execFileSync } = process.getBuiltinModule('node:child_process');
    const out = execFileSync('git', ['-C', root, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return out && out !== 'HEAD' ? out : undefined;
  } catch {
    return undefined;
  }
}
