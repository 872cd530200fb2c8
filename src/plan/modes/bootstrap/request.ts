/**
 * What a bootstrap is asked for, and the checks of each field before anything is read: every bad
 * field is a one-line `request.<field>` error that names the input (the same name as the action
 * input and the CLI flag), so nothing is planned or written from it.
 */
import { dns1123LabelProblem, dns1123SubdomainProblem } from '../../../carvel/names.js';
import { type Diagnostic, type ErrorCode, error } from '../../../diagnostics.js';
import type { FluxApiVersion } from '../../../flux/params.js';
import { isFluxControllerAccount, RESERVED_NAMESPACES } from '../../../flux/rbac.js';
import { type InputName, nameOf } from '../../../settings/declarations.js';
import { parseYaml } from '../../../yaml/parse.js';
import { nameProblem } from '../../model/repository.js';
import type { BootstrapRequest } from '../../types.js';

export type { BootstrapRequest } from '../../types.js';

export const DEFAULT_FLUX_NAMESPACE = 'flux-system';
export const DEFAULT_COMMIT_STATUS_SECRET = 'github-commit-status';
export const DEFAULT_SOPS_AGE_SECRET = 'sops-age';

/** An input whose problems have a diagnostic code of their own (`request.<input>`, diagnostics/codes.ts). */
type CheckedInput = InputName &
  (Extract<ErrorCode, `request.${string}`> extends `request.${infer I}` ? I : never);

/** Problems of the request's own fields (what needs the repository is checked by the planner). */
export function requestProblems(r: BootstrapRequest): Diagnostic[] {
  const bad = (input: CheckedInput, message: string): Diagnostic =>
    error(`request.${input}`, `${nameOf(input, r.wording)} ${message}`, '');
  const problems: Diagnostic[] = [];
  const envProblem = nameProblem('environment', r.environment);
  if (!r.environment) problems.push(bad('environment', 'is required'));
  else if (envProblem) problems.push(bad('environment', `"${shown(r.environment)}" ${envProblem}`));
  if (r.components.length === 0) problems.push(bad('component', 'is required (a name, a list, or *)'));
  for (const c of r.components) {
    if (c === '*' && r.components.length === 1) continue;
    const problem = c === '*' ? 'must be alone: * means every component' : nameProblem('component', c);
    if (problem) problems.push(bad('component', `"${shown(c)}" ${problem}`));
  }
  if (r.fluxApiVersion !== undefined && r.fluxApiVersion !== 'v1' && r.fluxApiVersion !== 'v1beta2')
    problems.push(bad('flux-api-version', `must be v1 or v1beta2, not "${shown(r.fluxApiVersion)}"`));
  const urlProblem = gitUrlProblem(r.gitUrl);
  if (urlProblem) problems.push(bad('git-url', urlProblem));
  for (const [input, value] of [
    ['target-namespace', r.targetNamespace],
    ['flux-namespace', r.fluxNamespace],
  ] as const) {
    const problem = value === undefined ? undefined : dns1123LabelProblem(value);
    if (problem) problems.push(bad(input, `"${shown(value!)}" is not a namespace name: it ${problem}`));
  }
  for (const [input, value] of [
    ['service-account-name', r.serviceAccountName],
    ['kubeconfig-secret-name', r.kubeconfigSecretName],
    ['git-secret-name', r.gitSecretName],
    ['commit-status-secret-name', r.commitStatusSecretName],
    ['sops-age-secret-name', r.sopsAgeSecretName],
  ] as const) {
    const problem = value === undefined ? undefined : dns1123SubdomainProblem(value);
    if (problem) problems.push(bad(input, `"${shown(value!)}" is not an object name: it ${problem}`));
  }
  if (r.values !== undefined) {
    // Only where, never what: a parser message could quote a secret value.
    const first = parseYaml('values', r.values).diagnostics.find((d) => d.severity === 'error');
    if (first)
      problems.push(
        bad(
          'values',
          `is not valid YAML${first.line ? ` (line ${first.line}, column ${first.column})` : ''}`,
        ),
      );
  }
  problems.push(...riskyInputProblems(r, bad));
  if (r.version !== undefined && !/^[0-9A-Za-z.+-]{1,128}$/.test(r.version))
    problems.push(bad('version', `"${shown(r.version)}" is not a Package version`));
  return problems;
}

/** Inputs that would hand a run cluster or the commit-status token to the wrong party. */
function riskyInputProblems(
  r: BootstrapRequest,
  bad: (input: CheckedInput, message: string) => Diagnostic,
): Diagnostic[] {
  const problems: Diagnostic[] = [];
  if (r.targetNamespace !== undefined && RESERVED_NAMESPACES.includes(r.targetNamespace))
    problems.push(
      bad(
        'target-namespace',
        `"${r.targetNamespace}" is a namespace of the cluster or of Flux, not one to install a Package into: name the component's own namespace`,
      ),
    );
  if (r.fluxServiceAccountName !== undefined && isFluxControllerAccount(r.fluxServiceAccountName))
    problems.push(
      bad(
        'flux-service-account-name',
        `"${shown(r.fluxServiceAccountName)}" is a Flux controller's account: Flux would apply with the controller's cluster-wide rights; name an account of the environment's own (default <component>-flux)`,
      ),
    );
  if (r.commitStatus !== false) {
    const problem = repositoryUrlProblem(r.repositoryUrl);
    // Not an action input (the action derives it from GITHUB_SERVER_URL): the CLI's --repository-url.
    if (problem) problems.push(error('request.repository-url', `--repository-url ${problem}`, ''));
  }
  return problems;
}

/** The Provider's address: an https URL of one repository on a GitHub server, without credentials. */
export function repositoryUrlProblem(url: string | undefined): string | undefined {
  if (!url)
    return 'is required for commit statuses (the repository on its GitHub server, e.g. https://github.com/org/gitops), or set commit-status false';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${shown(url)}" is not a URL`;
  }
  if (parsed.protocol !== 'https:')
    return `"${shown(url)}" must be the repository's https address on its GitHub server`;
  if (parsed.username || parsed.password || parsed.search || parsed.hash)
    return 'must not carry credentials, a query or a fragment';
  if (!/^\/[^/]+\/[^/]+\/?$/.test(parsed.pathname))
    return `"${shown(url)}" must name one repository (owner/name)`;
  return undefined;
}

export function fluxApiVersionOf(given: string | undefined, configured: FluxApiVersion): FluxApiVersion {
  return given === 'v1' || given === 'v1beta2' ? given : configured;
}

const SCP_LIKE = /^[A-Za-z0-9._-]+@([A-Za-z0-9.-]+):(?!\/\/)([^\s]+)$/;

/** What is wrong with a git URL for Flux's GitRepository: https, ssh:// or scp-like (`git@host:org/repo`). */
export function gitUrlProblem(url: string): string | undefined {
  if (!url) return 'is required';
  if ([...url].some((ch) => ch.trim() === '' || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f))
    return 'must not contain spaces or control characters';
  if (SCP_LIKE.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${shown(url)}" is neither an https URL nor an ssh one (ssh://host/org/repo or git@host:org/repo)`;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'ssh:')
    return `must be https or ssh, not ${parsed.protocol.replace(/:$/, '')}`;
  if (!parsed.hostname) return 'names no host';
  if (parsed.password) return 'must not carry a password; name a git-secret-name instead';
  if (parsed.protocol === 'https:' && parsed.username)
    return 'must not carry a user name; name a git-secret-name instead';
  if (parsed.pathname.replace(/\/+$/, '') === '') return 'names no repository';
  return undefined;
}

/** The URL Flux's GitRepository takes: `ssh://` for the scp-like form, which its schema refuses. */
export function fluxGitUrl(url: string): string {
  const scp = SCP_LIKE.exec(url);
  if (!scp) return url;
  const user = url.slice(0, url.indexOf('@'));
  return `ssh://${user}@${scp[1]}/${scp[2]!.replace(/^\/+/, '')}`;
}

/**
 * The repository's address on github.com when its git URL is on github.com (the CLI's default);
 * undefined for any other host: the Provider's token must never follow a git URL elsewhere.
 */
export function githubComAddressOf(url: string): string | undefined {
  const scp = SCP_LIKE.exec(url);
  let host: string;
  let path: string;
  try {
    [host, path] = scp ? [scp[1]!, scp[2]!] : [new URL(url).hostname, new URL(url).pathname];
  } catch {
    return undefined;
  }
  if (host.toLowerCase() !== 'github.com') return undefined;
  const repo = path
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
  return /^[^/]+\/[^/]+$/.test(repo) ? `https://github.com/${repo}` : undefined;
}

/** A value as shown in a message: hostile input stays on one line and short. */
function shown(value: string): string {
  const flat = JSON.stringify(value).slice(1, -1);
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
