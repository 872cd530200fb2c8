/**
 * Every action input, read and checked once into a typed Settings. The only place that calls
 * core.getInput; an input is read by its name in src/settings/declarations.ts (a name not declared
 * there does not compile), and an invalid input stops the run with a one-line reason before anything
 * is read.
 */
import * as core from '@actions/core';
import { branchNameProblem } from './github/refs.js';
import { KINDS } from './plan/kinds.js';
import type { Request } from './plan/types.js';
import {
  BOOTSTRAP_NAMES,
  type BootstrapNames,
  fieldOf,
  type InputName,
  settingOf,
} from './settings/declarations.js';
import { isAgeRecipient, parseAgeIdentities } from './sops/age.js';

/** `auto`, or a request kind of the planner (plan/plan.ts's table): the modes are its kinds. */
export type Mode = 'auto' | Request['kind'];

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
export interface BootstrapInputs extends BootstrapNames {
  components: string[];
  environment?: string;
  version?: string;
  values?: string;
  force: boolean;
  commitStatus: boolean;
}

export class InputError extends Error {}

const input = (name: InputName) => core.getInput(name);

/** An empty input: action.yml's default (the runner passes it; a caller that sets '' gets it too). */
const fallback = (name: InputName) => settingOf(name).default ?? '';

const list = (name: InputName) =>
  input(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

const optional = (name: InputName) => input(name).trim() || undefined;

function bool(name: InputName): boolean {
  const value = input(name).trim().toLowerCase();
  if (value === '') return fallback(name) === 'true';
  if (value === 'false') return false;
  if (value === 'true') return true;
  throw new InputError(`input ${name} must be true or false, not "${value}"`);
}

export function readInputs(): Inputs {
  const mode = (input('mode') || fallback('mode')) as Mode;
  const modes = ['auto', ...KINDS];
  if (!modes.includes(mode)) {
    const listed = `${modes.slice(0, -1).join(', ')} or ${modes.at(-1)}`;
    throw new InputError(`input mode must be ${listed}, not "${mode}"`);
  }
  const token = input('github-token');
  if (!token) {
    throw new InputError(
      'input github-token is empty; pass the workflow token, a GitHub App token or a personal access token',
    );
  }
  core.setSecret(token);
  const repository = input('gitops-repository');
  let parsedRepo: Inputs['repository'];
  if (repository) {
    const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository);
    if (!m) throw new InputError(`input gitops-repository must be owner/name, not "${repository}"`);
    parsedRepo = { owner: m[1]!, repo: m[2]! };
  }
  const autoMerge = input('auto-merge').trim().toLowerCase();
  if (autoMerge && !['merge', 'squash', 'rebase', 'false'].includes(autoMerge)) {
    throw new InputError(`input auto-merge must be merge, squash or rebase, not "${autoMerge}"`);
  }
  const branchPrefix = (input('branch-prefix') || fallback('branch-prefix')).trim();
  const prefixProblem = branchNameProblem(branchPrefix);
  if (prefixProblem)
    throw new InputError(
      `input branch-prefix "${branchPrefix}" is not a valid git branch name: it ${prefixProblem}`,
    );
  const prFlow = input('pr-flow').trim();
  if (prFlow && prFlow !== 'per-component' && prFlow !== 'per-environment')
    throw new InputError(`input pr-flow must be per-component or per-environment, not "${prFlow}"`);
  const sops = sopsInputs();
  const packages = list('packages');
  const environments = list('environments');
  return {
    mode,
    token,
    repository: parsedRepo,
    baseBranch: optional('base-branch'),
    packages: packages.length > 0 ? packages : undefined,
    environments: environments.length > 0 ? environments : undefined,
    path: optional('path'),
    dryRun: bool('dry-run'),
    labels: list('labels'),
    reviewers: list('reviewers'),
    teamReviewers: list('team-reviewers'),
    draft: bool('draft'),
    autoMerge: autoMerge && autoMerge !== 'false' ? (autoMerge as 'merge' | 'squash' | 'rebase') : false,
    branchPrefix,
    checkContext: checkContextInput(),
    commitMessage: input('commit-message') || fallback('commit-message'),
    prTitle: input('pr-title') || fallback('pr-title'),
    prFlow: prFlow ? (prFlow as Inputs['prFlow']) : undefined,
    component: optional('component'),
    fromEnvironment: optional('from-environment'),
    toEnvironment: optional('to-environment'),
    version: optional('version'),
    allowDowngrade: bool('allow-downgrade'),
    ...sops,
    bootstrap: readBootstrapInputs(),
  };
}

function readBootstrapInputs(): BootstrapInputs {
  const values = input('values');
  const names: BootstrapNames = {};
  for (const name of BOOTSTRAP_NAMES) names[fieldOf(name)] = optional(name);
  return {
    components: list('component'),
    environment: optional('environment'),
    version: optional('version'),
    values: values.trim() === '' ? undefined : values,
    ...names,
    force: bool('force'),
    commitStatus: bool('commit-status'),
  };
}

/** Every line of a secret is masked: the runner masks line by line. */
export function maskSecret(value: string): void {
  for (const line of [value, ...value.split(/\r?\n/)]) if (line.trim()) core.setSecret(line.trim());
}

/** sops-age-key (masked before anything is checked) and sops-age-recipients; messages never echo a key. */
function sopsInputs(): Pick<Inputs, 'sopsAgeIdentities' | 'sopsAgeRecipients'> {
  const key = input('sops-age-key');
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
  const context = input('check-context').trim() || fallback('check-context');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a context is one printable line
  if (context.length > 100 || /[\x00-\x1f\x7f]/.test(context))
    throw new InputError('input check-context must be one line of at most 100 characters');
  return context;
}
