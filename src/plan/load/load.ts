/**
 * The loader: reads, parses and decrypts what a plan looks at, and nothing else. The planning rules
 * (validate.ts, install*.ts, promote.ts, …) are synchronous over what it hands them; this module
 * and the orchestration in run.ts are the only asynchronous parts of a plan. A large repository is
 * loaded one component at a time (the next one prefetched) and released when it is planned.
 */
import { loadLinearEngineFor } from '../../carvel/values-schema/pattern.js';
import type { Layout } from '../../config/config.js';
import type { Diagnostic } from '../../diagnostics.js';
import { decryptDocument } from '../../sops/index.js';
import { readNestedSops } from '../../sops/nested.js';
import type { ComponentView } from '../model/context.js';
import {
  buildEnvironment,
  type EnvironmentFiles,
  type EnvironmentReads,
  environmentFiles,
  type FileRead,
  isEncryptedSecret,
  valuesSecretFileOf,
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
  const found = packagesOf(component, files);
  // The planner checks values synchronously: RE2 is loaded here, before it, when a valuesSchema has a pattern.
  await Promise.all(found.packages.map((p) => loadLinearEngineFor(p.valuesSchema)));
  return found;
}

/**
 * An environment folder's files — every file under it, since Flux may apply any of them — read and
 * parsed; the values Secret's file decrypted when it is encrypted and keys are given.
 */
export async function loadEnvironment(
  reader: RepoReader,
  dir: string,
  layout: Layout,
  keys?: SopsKeys,
): Promise<EnvironmentFiles> {
  const files = new Map<string, FileRead>();
  const paths = await reader.under(dir);
  reader.prefetch(paths);
  for (const path of paths) files.set(path, await reader.yaml(path));
  const identities = keys?.identities ?? [];
  const reads: EnvironmentReads = { dir, files, keysGiven: identities.length > 0 };
  const build = buildEnvironment(reads);
  const secretFile = valuesSecretFileOf(reads, layout, build);
  const secret = secretFile ? files.get(secretFile) : undefined;
  if (identities.length > 0 && secret && isEncryptedSecret(secret)) {
    reads.decrypted = await decryptDocument(secret.text!, { identities, file: secretFile! });
    reads.decryptedFile = secretFile;
    // Masked before anything can print.
    if (reads.decrypted.document) keys?.onDecrypted?.(reads.decrypted.document.secrets);
  }
  if (secret && secret.parsed && secret.text !== undefined && !isEncryptedSecret(secret)) {
    // SOPS documents nested in the values Secret's data values (Flux decrypts those).
    reads.nested = await readNestedSops(secret.parsed, secret.text, identities);
    if (reads.nested) keys?.onDecrypted?.(reads.nested.secrets);
  }
  return environmentFiles(reads, layout, build);
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
    if (environments.length === 0) return;
    // The folders' file lists come from the snapshot's listing, read once per run.
    for (const env of environments)
      this.reader
        .under(`${component.dir}/${env}`)
        .then((paths) => this.reader.prefetch(paths))
        .catch(() => {}); // a listing that fails surfaces when component() reads it
  }

  /** The planner is done with a component (each is planned once): release what was kept for it. */
  done(component: ComponentLayout): void {
    this.reader.forget(component.dir);
    this.#packages.delete(component);
  }
}
