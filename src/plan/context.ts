/** What the planner's steps share for one run: the reader, the configuration, the values checker, diagnostics. */
import { compare, parseRelaxed } from '../carvel/semver.js';
import type { RepoConfig } from '../config/config.js';
import type { Diagnostic } from '../diagnostics.js';
import { type ComponentLayout, type ComponentPackages, loadPackages, type RepoReader } from './repository.js';
import type { SopsKeys } from './secrets.js';
import type { EnvironmentResult } from './types.js';
import type { ValuesChecker } from './values.js';

export interface Context {
  reader: RepoReader;
  /** Every file path in the repository. */
  paths: readonly string[];
  config: RepoConfig;
  values: ValuesChecker;
  diagnostics: Diagnostic[];
  /** The caller's age identities, for encrypted values Secrets. */
  sops?: SopsKeys;
  /** The repository encrypts values Secrets (a .sops.yaml, or secretFormat sops): plain ones get a warning. */
  repoEncrypts: boolean;
}

export const versionOrder = (a: string, b: string) => compare(parseRelaxed(a)!, parseRelaxed(b)!);

const loadedPackages = new WeakMap<ComponentLayout, Promise<ComponentPackages>>();
export async function componentPackages(
  ctx: Context,
  component: ComponentLayout,
): Promise<ComponentPackages> {
  let loaded = loadedPackages.get(component);
  if (!loaded) {
    loaded = loadPackages(ctx.reader, component).then((p) => {
      ctx.diagnostics.push(...p.diagnostics);
      // Nothing reads the Package files again: their parsed documents need not wait for the component's turn.
      ctx.reader.forget(`${component.dir}/${ctx.config.layout.packagesDir}`);
      return p;
    });
    loadedPackages.set(component, loaded);
  }
  return loaded;
}

/** The planner is done with a component (each is planned once): release what was kept for it. */
export function done(ctx: Context, component: ComponentLayout): void {
  ctx.reader.forget(component.dir);
  ctx.values.forget(component.packageFiles);
  loadedPackages.delete(component);
}

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
