/**
 * What the planning rules share for one run (the configuration, the values checker, diagnostics)
 * and what they plan a component from: its view, as the loader (load.ts) read it. Synchronous.
 */
import { compare, parseRelaxed } from '../../carvel/semver.js';
import type { RepoConfig } from '../../config/config.js';
import type { Diagnostic } from '../../diagnostics.js';
import type { Wording } from '../../settings/declarations.js';
import type { EnvironmentResult } from '../types.js';
import type { EnvironmentFiles } from './environment.js';
import type { ComponentPackages } from './packages.js';
import type { ComponentLayout } from './repository.js';
import type { SopsKeys } from './secrets.js';
import type { ValuesChecker } from './values.js';

export interface Context {
  /** Every file path in the repository. */
  paths: readonly string[];
  config: RepoConfig;
  values: ValuesChecker;
  diagnostics: Diagnostic[];
  /** The caller's age identities, for encrypted values Secrets. */
  sops?: SopsKeys;
  /** The repository encrypts values Secrets (a .sops.yaml, or secretFormat sops): plain ones get a warning. */
  repoEncrypts: boolean;
  /** Whose words messages name settings in (the action's inputs, or the CLI's flags). */
  wording?: Wording;
}

/** One component as loaded: its Packages and the files of the environments the plan looks at. */
export interface ComponentView {
  component: ComponentLayout;
  packages: ComponentPackages;
  /** By environment name; only the environments loaded. */
  environments: Map<string, EnvironmentFiles>;
}

export const versionOrder = (a: string, b: string) => compare(parseRelaxed(a)!, parseRelaxed(b)!);

/** A fresh result for one environment, and `fail`, which records an error and marks the result invalid. */
export function environmentResult(
  ctx: Context,
  component: ComponentLayout,
  environment: string,
  packages: ComponentPackages,
): { result: EnvironmentResult; fail: (d: Diagnostic) => EnvironmentResult } {
  const result: EnvironmentResult = {
    component: component.name,
    environment,
    files: [],
    valuesKeysChanged: [],
    valid: true,
    refName: packages.refName,
    knownVersions: packages.packages.map((p) => p.version),
  };
  const fail = (d: Diagnostic) => {
    ctx.diagnostics.push(d);
    result.valid = false;
    return result;
  };
  return { result, fail };
}
