/** `flux-pkg bootstrap`: the action's bootstrap mode on a local checkout; the same flags as its inputs. */
import { execFileSync } from 'node:child_process';
import { gitUrlProblem } from '../plan/modes/bootstrap/request.js';
import { planBootstrap } from '../plan/modes/bootstrap/run.js';
import type { SopsKeys } from '../plan/types.js';
import type { LocalSnapshot } from '../repo/local.js';

export const BOOTSTRAP_USAGE = `
bootstrap options (the same names as the action's inputs):
  --component NAME      the component (repeatable, comma-separated, or * for every component)
  --environment NAME    the new environment (exactly one)
  --version VERSION     the Package version it starts with (default: the newest)
  --values FILE         its values YAML (default: {} — the Package's defaults)
  --target-namespace NS --service-account-name NAME --flux-service-account-name NAME
  --kubeconfig-secret-name NAME --flux-namespace NS --flux-api-version v1|v1beta2
  --git-url URL (default: the origin remote, when it is https or ssh) --git-secret-name NAME
  --branch NAME (default: the checked-out branch, else main) --force
  --commit-status true|false --commit-status-secret-name NAME --sops-age-secret-name NAME
`;

export const BOOTSTRAP_OPTIONS = {
  'service-account-name': { type: 'string' },
  'flux-service-account-name': { type: 'string' },
  'target-namespace': { type: 'string' },
  'kubeconfig-secret-name': { type: 'string' },
  'flux-namespace': { type: 'string' },
  'flux-api-version': { type: 'string' },
  'git-url': { type: 'string' },
  'git-secret-name': { type: 'string' },
  'commit-status': { type: 'string' },
  'commit-status-secret-name': { type: 'string' },
  'sops-age-secret-name': { type: 'string' },
  branch: { type: 'string' },
  force: { type: 'boolean', default: false },
} as const;

export type BootstrapFlags = {
  [K in keyof typeof BOOTSTRAP_OPTIONS]?: (typeof BOOTSTRAP_OPTIONS)[K]['type'] extends 'boolean'
    ? boolean
    : string;
} & { component?: string[]; environment?: string[]; version?: string };

/** Usage problems of the flags (a bad value of a field is the planner's to report). */
export function bootstrapFlagProblem(flags: BootstrapFlags): string | undefined {
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
  flags: BootstrapFlags,
  values?: string,
  secrets: { sops?: SopsKeys; recipients?: string[] } = {},
) {
  const gitUrl = flags['git-url'] ?? originUrl(root);
  if (gitUrl === undefined) return undefined;
  return planBootstrap(snapshot, {
    kind: 'bootstrap',
    components: flags
      .component!.flatMap((c) => c.split(','))
      .map((c) => c.trim())
      .filter(Boolean),
    environment: flags.environment![0]!,
    version: flags.version,
    values,
    serviceAccountName: flags['service-account-name'],
    fluxServiceAccountName: flags['flux-service-account-name'],
    targetNamespace: flags['target-namespace'],
    kubeconfigSecretName: flags['kubeconfig-secret-name'],
    fluxNamespace: flags['flux-namespace'],
    fluxApiVersion: flags['flux-api-version'],
    gitUrl,
    gitSecretName: flags['git-secret-name'],
    branch: flags.branch ?? git(root, ['rev-parse', '--abbrev-ref', 'HEAD']) ?? 'main',
    force: flags.force,
    commitStatus: flags['commit-status'] !== 'false',
    commitStatusSecretName: flags['commit-status-secret-name'],
    sopsAgeSecretName: flags['sops-age-secret-name'],
    sops: secrets.sops,
    sopsAgeRecipients: secrets.recipients,
  });
}

/** The checkout's origin remote, when Flux could clone it. */
function originUrl(root: string): string | undefined {
  const url = git(root, ['remote', 'get-url', 'origin']);
  return url && !gitUrlProblem(url) ? url : undefined;
}

function git(root: string, args: string[]): string | undefined {
  try {
    const out = execFileSync('git', ['-C', root, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return out && out !== 'HEAD' ? out : undefined;
  } catch {
    return undefined;
  }
}
