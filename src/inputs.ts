/**
 * Every action input, read and checked once into a typed Settings. The only place that calls
 * core.getInput; an invalid input stops the run with a one-line reason before anything is read.
 */
import * as core from '@actions/core';
import { branchNameProblem } from './github/refs.js';
import { isAgeRecipient, parseAgeIdentities } from './sops/index.js';

export type Mode = 'auto' | 'install' | 'validate' | 'promote' | 'bootstrap';

export interface Inputs {
  mode: Mode;
  token: string;
  repository?: { owner: string; repo: string };
  baseBranch?: string;
  packages?: string[];
  environments?: string[];
  path?: string;
  dryRun: boolean;
  labels: string[];
  reviewers: string[];
  teamReviewers: string[];
  draft: boolean;
  autoMerge: false | 'merge' | 'squash' | 'rebase';
  branchPrefix: string;
  /** The commit status context the gate's verdict is posted under. */
  checkContext: string;
  commitMessage: string;
  prTitle: string;
  /** Unset: flux-pkg.yaml's prFlow, else per-component. */
  prFlow?: 'per-component' | 'per-environment';
  /** Mode promote (workflow_dispatch): one component, the environments, an explicit version. */
  component?: string;
  fromEnvironment?: string;
  toEnvironment?: string;
  version?: string;
  allowDowngrade: boolean;
  /** age identities from sops-age-key (masked as soon as read). */
  sopsAgeIdentities: string[];
  sopsAgeRecipients: string[];
  /** Mode bootstrap's inputs (checked by the bootstrap planner, which names the input in each error). */
  bootstrap: BootstrapInputs;
}

/** As given; empty inputs are undefined (the planner's defaults apply). */
export interface BootstrapInputs {
  components: string[];
  environment?: string;
  version?: string;
  values?: string;
  serviceAccountName?: string;
  fluxServiceAccountName?: string;
  targetNamespace?: string;
  kubeconfigSecretName?: string;
  fluxNamespace?: string;
  fluxApiVersion?: string;
  gitUrl?: string;
  gitSecretName?: string;
  force: boolean;
  commitStatus: boolean;
  commitStatusSecretName?: string;
  sopsAgeSecretName?: string;
}

export class InputError extends Error {}

const list = (name: string) =>
  core
    .getInput(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

const optional = (name: string) => core.getInput(name).trim() || undefined;

function bool(name: string, fallback = false): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (value === 'false') return false;
  if (value === 'true') return true;
  throw new InputError(`input ${name} must be true or false, not "${value}"`);
}

export function readInputs(): Inputs {
  const mode = (core.getInput('mode') || 'auto') as Mode;
  if (!['auto', 'install', 'validate', 'promote', 'bootstrap'].includes(mode)) {
    throw new InputError(`input mode must be auto, install, validate, promote or bootstrap, not "${mode}"`);
  }
  const token = core.getInput('github-token');
  if (!token) {
    throw new InputError(
      'input github-token is empty; pass the workflow token, a GitHub App token or a personal access token',
    );
  }
  core.setSecret(token);
  const repository = core.getInput('gitops-repository');
  let parsedRepo: Inputs['repository'];
  if (repository) {
    const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository);
    if (!m) throw new InputError(`input gitops-repository must be owner/name, not "${repository}"`);
    parsedRepo = { owner: m[1]!, repo: m[2]! };
  }
  const autoMerge = core.getInput('auto-merge').trim().toLowerCase();
  if (autoMerge && !['merge', 'squash', 'rebase', 'false'].includes(autoMerge)) {
    throw new InputError(`input auto-merge must be merge, squash or rebase, not "${autoMerge}"`);
  }
  const branchPrefix = (core.getInput('branch-prefix') || 'flux-pkg').trim();
  const prefixProblem = branchNameProblem(branchPrefix);
  if (prefixProblem)
    throw new InputError(
      `input branch-prefix "${branchPrefix}" is not a valid git branch name: it ${prefixProblem}`,
    );
  const prFlow = core.getInput('pr-flow').trim();
  if (prFlow && prFlow !== 'per-component' && prFlow !== 'per-environment')
    throw new InputError(`input pr-flow must be per-component or per-environment, not "${prFlow}"`);
  const sops = sopsInputs();
  const packages = list('packages');
  const environments = list('environments');
  return {
    mode,
    token,
    repository: parsedRepo,
    baseBranch: core.getInput('base-branch').trim() || undefined,
    packages: packages.length > 0 ? packages : undefined,
    environments: environments.length > 0 ? environments : undefined,
    path: core.getInput('path').trim() || undefined,
    dryRun: bool('dry-run'),
    labels: list('labels'),
    reviewers: list('reviewers'),
    teamReviewers: list('team-reviewers'),
    draft: bool('draft'),
    autoMerge: autoMerge && autoMerge !== 'false' ? (autoMerge as 'merge' | 'squash' | 'rebase') : false,
    branchPrefix,
    checkContext: checkContextInput(),
    commitMessage: core.getInput('commit-message') || 'Deploy {component} {version} to {environment}',
    prTitle: core.getInput('pr-title') || 'Deploy {component} {version} to {environment}',
    prFlow: prFlow ? (prFlow as Inputs['prFlow']) : undefined,
    component: core.getInput('component').trim() || undefined,
    fromEnvironment: core.getInput('from-environment').trim() || undefined,
    toEnvironment: core.getInput('to-environment').trim() || undefined,
    version: core.getInput('version').trim() || undefined,
    allowDowngrade: bool('allow-downgrade'),
    ...sops,
    bootstrap: readBootstrapInputs(),
  };
}

function readBootstrapInputs(): BootstrapInputs {
  const values = core.getInput('values');
  return {
    components: list('component'),
    environment: optional('environment'),
    version: optional('version'),
    values: values.trim() === '' ? undefined : values,
    serviceAccountName: optional('service-account-name'),
    fluxServiceAccountName: optional('flux-service-account-name'),
    targetNamespace: optional('target-namespace'),
    kubeconfigSecretName: optional('kubeconfig-secret-name'),
    fluxNamespace: optional('flux-namespace'),
    fluxApiVersion: optional('flux-api-version'),
    gitUrl: optional('git-url'),
    gitSecretName: optional('git-secret-name'),
    force: bool('force'),
    commitStatus: bool('commit-status', true),
    commitStatusSecretName: optional('commit-status-secret-name'),
    sopsAgeSecretName: optional('sops-age-secret-name'),
  };
}

/** Every line of a secret is masked: the runner masks line by line. */
export function maskSecret(value: string): void {
  for (const line of [value, ...value.split(/\r?\n/)]) if (line.trim()) core.setSecret(line.trim());
}

/** sops-age-key (masked before anything is checked) and sops-age-recipients; messages never echo a key. */
function sopsInputs(): Pick<Inputs, 'sopsAgeIdentities' | 'sopsAgeRecipients'> {
  const key = core.getInput('sops-age-key');
  if (key) maskSecret(key);
  const sopsAgeIdentities = parseAgeIdentities(key);
  if (key.trim() && sopsAgeIdentities.length === 0)
    throw new InputError(
      'input sops-age-key holds no age identity (a line AGE-SECRET-KEY-1…); pass the contents of an age key file',
    );
  const sopsAgeRecipients = list('sops-age-recipients');
  sopsAgeRecipients.forEach((recipient, i) => {
    if (/^AGE-SECRET-KEY-/i.test(recipient)) {
      maskSecret(recipient);
      throw new InputError(
        `input sops-age-recipients: entry ${i + 1} is an age identity (a secret key), not a recipient; give its public key (age1…)`,
      );
    }
    if (!isAgeRecipient(recipient))
      throw new InputError(`input sops-age-recipients: entry ${i + 1} is not an age recipient (age1…)`);
  });
  return { sopsAgeIdentities, sopsAgeRecipients };
}

/** A status context is free text to GitHub; kept to one short printable line, as a check's name is. */
function checkContextInput(): string {
  const context = core.getInput('check-context').trim() || 'flux-pkg/validate';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a context is one printable line
  if (context.length > 100 || /[\x00-\x1f\x7f]/.test(context))
    throw new InputError('input check-context must be one line of at most 100 characters');
  return context;
}
