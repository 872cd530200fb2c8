import type { ValuesReview } from '../carvel/effective-values.js';
import type { FetchChange } from '../carvel/fetch-diff.js';
import type { SchemaKeyChanges } from '../carvel/schema-diff.js';
import type { Settings } from '../config/config.js';
import type { Diagnostic } from '../diagnostics.js';
import type { BootstrapParams } from '../flux/params.js';
import type { BootstrapNames, Wording } from '../settings/declarations.js';

/**
 * What the caller asks the planner for: one member per mode, told apart by `kind` (plan.ts's table
 * runs each kind; a mode's folder under modes/ holds its rules and runner).
 */
export type Request = ComponentRequest | BootstrapRequest;

/** The requests planned component by component through the shared pipeline (run.ts). */
export type ComponentRequest = InstallRequest | ValidateRequest | PromoteRequest;

/** What plan() returns for a request of kind K. */
export type ResultOf<K extends Request['kind']> = K extends 'bootstrap' ? BootstrapResult : PlanResult;

/** New Package version(s) → the environments that take new versions directly. */
export interface InstallRequest {
  kind: 'install';
  /** Package files (repo paths). Absent: each component's newest Package. */
  packages?: string[];
  /** Only these components / environments. */
  components?: string[];
  environments?: string[];
  /** Replace the environments' values with this YAML (values change only when asked). */
  values?: string;
  /** Settings that win over flux-pkg.yaml (action inputs, CLI flags). */
  overrides?: Partial<Settings>;
  /** age identities for encrypted values Secrets (input sops-age-key, --sops-age-key-file). */
  sops?: SopsKeys;
  /** Whose words messages name settings in: the action's inputs (default) or the CLI's flags. */
  wording?: Wording;
}

/** Check every PackageInstall resolves to a Package and its values validate. */
export interface ValidateRequest {
  kind: 'validate';
  components?: string[];
  environments?: string[];
  /** Only these: what a pull request touches (see scopeOfChanges). Absent: everything. */
  scope?: Scope;
  /**
   * The policy files a pull request changes (see policyChanges): flux-pkg.yaml, .sops.yaml files,
   * RBAC folder files, Brain folder files. Listed in the summary; the policy checks hang off it.
   */
  policy?: string[];
  /** What the base branch has (see loadBaseFacts): enables the checks that compare with it. */
  base?: BaseFacts;
  /** The pull request's labels: one of flux-pkg.yaml's promotion.overrideLabels allows an out-of-order promotion. */
  labels?: string[];
  /** age identities for encrypted values Secrets. */
  sops?: SopsKeys;
}

/** A new environment for one or more components (modes/bootstrap/request.ts checks each field). */
export interface BootstrapRequest extends Omit<BootstrapNames, 'gitUrl'> {
  kind: 'bootstrap';
  /** Component names; `*` alone means every component that has Packages. */
  components: string[];
  environment: string;
  /** Default: each component's newest Package. */
  version?: string;
  /** The new environment's values YAML. Default `{}`: the Package's defaults apply. */
  values?: string;
  /**
   * The repository on its GitHub server (`https://github.com/org/gitops`): the Provider's address,
   * where the commit-status token goes. From GITHUB_SERVER_URL + the repository, never the git URL.
   */
  repositoryUrl?: string;
  /**
   * The object names of src/settings/declarations.ts (`serviceAccountName`, `fluxApiVersion`, …),
   * as given: modes/bootstrap/request.ts checks each. The git URL is required: https or ssh
   * (`ssh://…` or scp-like `git@host:org/repo`).
   */
  gitUrl: string;
  /** The branch the GitRepository follows (the base branch of the pull request). */
  branch: string;
  /** Regenerate the Flux and RBAC files of an environment that exists (its values are never overwritten). */
  force?: boolean;
  /** Commit statuses through notification-controller (Provider + Alert); default on. */
  commitStatus?: boolean;
  /** Keys to decrypt existing encrypted values with, and recipients to encrypt new ones for (secretFormat sops). */
  sops?: SopsKeys;
  /** Whose words messages name settings in: the action's inputs (default) or the CLI's flags. */
  wording?: Wording;
  sopsAgeRecipients?: string[];
}

/** By component: every environment (`'*'`) or these. */
export type Scope = Record<string, '*' | string[]>;

/** What the base branch has, as plain data: the planner compares a pull request's head with it. */
export interface BaseFacts {
  /** The version each environment selects at the base, by `component/environment` (absent: none). */
  versions: Record<string, string>;
  /** Each Package's content digest at the base, by `component@version`. */
  packages: Record<string, string>;
}

/** Give environments a version another environment has (or an explicit one). */
export interface PromoteRequest {
  kind: 'promote';
  promotions: Promotion[];
  /** Allow a lower version than the environment runs (rollback): writes the downgradable annotation. */
  allowDowngrade?: boolean;
  overrides?: Partial<Settings>;
  /** age identities for encrypted values Secrets. */
  sops?: SopsKeys;
  /** Whose words messages name settings in: the action's inputs (default) or the CLI's flags. */
  wording?: Wording;
}

export interface Promotion {
  component: string;
  /** The environment that gets the version. */
  environment: string;
  /** Where the version comes from; default: the environment's promoteFrom. */
  from?: string;
  /** An explicit version; default: the one `from` selects. */
  version?: string;
  /** What triggered it, for the pull request body. */
  source?: PromotionSource;
}

export interface PromotionSource {
  trigger: 'merged' | 'healthy' | 'manual';
  /** The commit that put the version into `from` (a merge, or the commit Flux reported healthy). */
  commit?: string;
  /** The commit status that allowed a health-gated promotion. */
  status?: { context: string; state: string; targetUrl?: string };
}

/** What a promotion changes, for the pull request body (names only, never values). */
export interface PromotionDetails {
  from?: string;
  source?: PromotionSource;
  /** The version goes down (a rollback, with the downgradable annotation). */
  downgrade: boolean;
  /** spec.releaseNotes of the Package promoted (repo text: rendered inert). */
  releaseNotes?: string;
  valuesKeys: SchemaKeyChanges;
}

/** The age identities the caller holds, and how it learns the values it must mask. */
export interface SopsKeys {
  /** `AGE-SECRET-KEY-…` identities; empty: encrypted files cannot be read. */
  identities: readonly string[];
  /** Called with every decrypted value as soon as a file is decrypted, before anything can print. */
  onDecrypted?: (secrets: readonly string[]) => void;
}

export interface PlannedFile {
  path: string;
  content: string;
  action: 'create' | 'update';
  /** A values Secret: its content is never printed, only which keys changed. */
  secret: boolean;
  /**
   * An encrypted values Secret: what to write given `text`, the file as the pull request branch
   * already has it — the branch's own bytes when it decrypts to the same plaintext for the same
   * recipients (plaintext decides, never ciphertext); undefined: write `content`. Needs the caller's
   * age identities; absent without them.
   */
  fromBranch?: (text: string) => Promise<string | undefined>;
}

export interface EnvironmentResult {
  component: string;
  environment: string;
  refName?: string;
  /** The Package file of the version the environment gets (or has, for validate). */
  packageFile?: string;
  fromVersion?: string;
  /**
   * The constraint the PackageInstall had when it selected no version (it does not parse, or no
   * Package satisfies it): what the plan replaces, for a report that would otherwise say "new".
   */
  fromConstraint?: string;
  toVersion?: string;
  constraint?: string;
  /** Files of this environment that change (empty when it is already up to date). */
  files: PlannedFile[];
  /** Top-level values keys whose value changed — names only, never values. */
  valuesKeysChanged: string[];
  /** Every Package version of the component in the repository (what a PR marker may name). */
  knownVersions?: readonly string[];
  valid: boolean;
  /** The resolved settings, for the shells (labels, reviewers, auto-merge). */
  settings?: Settings;
  /** Set for a promotion. */
  promotion?: PromotionDetails;
  /** What a reviewer decides on: what the version change does in the cluster (see ReviewFacts). */
  review?: ReviewFacts;
  /**
   * Set when a rollback holds the environment below a version: `from` is the annotation's value
   * (repo text), `file` the PackageInstall carrying it. The result has no files then.
   */
  held?: { from: string; file: string };
}

/**
 * What changes in the cluster at Carvel's level when this environment's PR merges, for the PR body,
 * the job summary and the CLI: fetch entries, effective values and release notes. Never a secret
 * value: hidden values are not in these facts at all (see carvel/effective-values.ts).
 */
export interface ReviewFacts {
  /** The Package file of the version the environment runs now (for the diff link). */
  fromPackageFile?: string;
  /** spec.template.spec.fetch entries that differ, from → to. */
  fetch: FetchChange[];
  /** The environment's effective values (schema defaults included) before and after. */
  values?: ValuesReview;
  /** spec.releaseNotes of every version after the one running, up to the one delivered, oldest first. */
  releaseNotes: { version: string; notes?: string }[];
  /** validate: the version the base branch selects (what the pull request changes it from). */
  baseVersion?: string;
}

export interface PlanResult {
  valid: boolean;
  diagnostics: Diagnostic[];
  environments: EnvironmentResult[];
  /** Every file to write. Empty whenever there is any error: bad input writes nothing. */
  files: PlannedFile[];
  /** Which flux-pkg.yaml the run read (`file`), or none found (`{}`); absent when the run read no config. */
  config?: ConfigSource;
}

export interface ConfigSource {
  /** flux-pkg.yaml when the repository has one (read, valid or not); absent when it has none. */
  file?: string;
}

export interface BootstrapResult extends PlanResult {
  environment: string;
  /** What was rendered, per component (names of the Secrets to create, for the pull request body). */
  params: BootstrapParams[];
}

/** A component in an environment that a proposal covers. */
export interface Target {
  component: string;
  environment: string;
  fromVersion?: string;
  toVersion?: string;
}

/** How a proposal's effect was published; `operation` is what happened to its pull request. */
export type Operation = 'created' | 'updated' | 'unchanged' | 'closed';

export interface Published {
  key: string;
  targets: Target[];
  branch: string;
  operation: Operation;
  number?: number;
  url?: string;
  /** Set when the branch moved: the commit now at its head. */
  commit?: string;
  /** Set when the open PR already proposes this newer version, so it was left alone. */
  superseded?: string;
  /** The branch's head after publishing (the commit a pull request's checks are on). */
  head?: string;
  /** Why nothing was written, when a rule held it back (a closed pull request for this version). */
  skipped?: string;
}
