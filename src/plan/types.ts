import type { Settings } from '../config/config.js';
import type { Diagnostic } from '../diagnostics.js';

/** What the caller asks the planner for. */
export type Request = InstallRequest | ValidateRequest;

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
}

/** Check every PackageInstall resolves to a Package and its values validate. */
export interface ValidateRequest {
  kind: 'validate';
  components?: string[];
  environments?: string[];
}

export interface PlannedFile {
  path: string;
  content: string;
  action: 'create' | 'update';
  /** A values Secret: its content is never printed, only which keys changed. */
  secret: boolean;
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
}

export interface PlanResult {
  valid: boolean;
  diagnostics: Diagnostic[];
  environments: EnvironmentResult[];
  /** Every file to write. Empty whenever there is any error: bad input writes nothing. */
  files: PlannedFile[];
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
}
