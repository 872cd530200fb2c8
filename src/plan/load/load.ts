/**
 * The loader: reads, parses and decrypts what a plan looks at, and nothing else. The planning rules
 * (validate.ts, install*.ts, promote.ts, …) are synchronous over what it hands them; this module
 * and the orchestration in run.ts are the only asynchronous parts of a plan. A large repository is
 * loaded one component at a time (the next one prefetched) and released when it is planned.
 */
import type { Layout } from '../../config/config.js';
import type { Diagnostic } from '../../diagnostics.js';
import { KUSTOMIZATION_FILES } from '../../flux/kustomize.js';
import { type DecryptResult, decryptDocument } from '../../sops/index.js';
import { readNestedSops } from '../../sops/nested.js';
import type { ComponentView } from '../model/context.js';
import {
  type EnvironmentFiles,
  type EnvironmentReads,
  environmentFiles,
  environmentPaths,
  isEncryptedSecret,
} from '../model/environment.js';
import { type ComponentPackages, packagesOf } from '../model/packages.js';
import type { ComponentLayout } from '../model/repository.js';
import type { SopsKeys } from '../types.js';
import type { RepoReader } from './reader.js';

/** The component's Packages: its Package files read and parsed, then validated. */
export async function loadPackages(
  reader: RepoReader,
  component: ComponentLayout,
): Promise<ComponentPackages> {
  const files = [];
  for (const file of component.packageFiles) files.push({ file, parsed: (await reader.yaml(file)).parsed });
  return packagesOf(component, files);
}

/** An environment folder's files, read and parsed; params.yaml decrypted when it is encrypted and keys are given. */
export async function loadEnvironment(
  reader: RepoReader,
  dir: string,
  layout: Layout,
  keys?: SopsKeys,
): Promise<EnvironmentFiles> {
  const packageInstall = await reader.yaml(`${dir}/${layout.packageInstallFile}`);
  const valuesSecret = await reader.yaml(`${dir}/${layout.valuesSecretFile}`);
  const identities = keys?.identities ?? [];
  let decrypted: DecryptResult | undefined;
  if (identities.length > 0 && isEncryptedSecret(valuesSecret)) {
    decrypted = await decryptDocument(valuesSecret.text!, { identities, file: valuesSecret.parsed!.file });
    // Masked before anything can print.
    if (decrypted.document) keys?.onDecrypted?.(decrypted.document.secrets);
  }
  const nested =
    valuesSecret.parsed && valuesSecret.text !== undefined && !isEncryptedSecret(valuesSecret)
      ? await readNestedSops(valuesSecret.parsed, valuesSecret.text, identities)
      : undefined;
  if (nested) keys?.onDecrypted?.(nested.secrets);
  const kustomizationFiles: string[] = [];
  for (const name of KUSTOMIZATION_FILES)
    if (await reader.exists(`${dir}/${name}`)) kustomizationFiles.push(`${dir}/${name}`);
  const kustomization =
    kustomizationFiles.length === 1 ? await reader.yaml(kustomizationFiles[0]!) : undefined;
  const reads: EnvironmentReads = {
    dir,
    packageInstall,
    valuesSecret,
    decrypted,
    nested,
    keysGiven: identities.length > 0,
    kustomizationFiles,
    kustomization,
  };
  return environmentFiles(reads, layout);
}

/**
 * What one plan run loads, component by component. Each component's Packages are loaded once (their
 * diagnostics reported then); done() releases everything kept for a component.
 */
export class Loader {
  readonly #packages = new Map<ComponentLayout, Promise<ComponentPackages>>();

  constructor(
    readonly reader: RepoReader,
    readonly layout: Layout,
    readonly diagnostics: Diagnostic[],
    readonly keys?: SopsKeys,
  ) {}

  packages(component: ComponentLayout): Promise<ComponentPackages> {
    let loaded = this.#packages.get(component);
    if (!loaded) {
      loaded = loadPackages(this.reader, component).then((p) => {
        this.diagnostics.push(...p.diagnostics);
        // Nothing reads the Package files again: their parsed documents need not wait for the component's turn.
        this.reader.forget(`${component.dir}/${this.layout.packagesDir}`);
        return p;
      });
      this.#packages.set(component, loaded);
    }
    return loaded;
  }

  /** One environment of a component; `keys` false: read without the caller's age identities. */
  environment(component: ComponentLayout, environment: string, keys = true): Promise<EnvironmentFiles> {
    return loadEnvironment(
      this.reader,
      `${component.dir}/${environment}`,
      this.layout,
      keys ? this.keys : undefined,
    );
  }

  /** The component's Packages and these environments' files. */
  async component(component: ComponentLayout, environments: readonly string[]): Promise<ComponentView> {
    const packages = await this.packages(component);
    const loaded = new Map<string, EnvironmentFiles>();
    for (const env of environments) loaded.set(env, await this.environment(component, env));
    return { component, packages, environments: loaded };
  }

  /** Start reading the files component() will ask for. */
  prefetch(component: ComponentLayout | undefined, environments: readonly string[], packages = true): void {
    if (!component) return;
    if (packages) this.reader.prefetch(component.packageFiles);
    for (const env of environments)
      this.reader.prefetch(environmentPaths(`${component.dir}/${env}`, this.layout));
  }

  /** The planner is done with a component (each is planned once): release what was kept for it. */
  done(component: ComponentLayout): void {
    this.reader.forget(component.dir);
    this.#packages.delete(component);
  }
}
