/**
 * Repository states for unit tests of the planner's synchronous rules, after changesets'
 * FakeFullState (packages/assemble-release-plan/src/test-utils.ts): a few literal lines say what the
 * repository holds, and the builder hands out what the loader would (ComponentLayout,
 * ComponentPackages, EnvironmentFiles, ComponentView, Context) without a snapshot, a reader or a
 * promise. It renders real files and runs the loader's own synchronous constructors over them
 * (discover, packagesOf, environmentFiles), so a rule sees exactly what it sees in a plan.
 *
 *   const state = repo()
 *     .component('app', { packages: ['1.0.0', '1.1.0'] })
 *     .environment('dev', { version: '1.0.0', values: 'replicas: 2\n' });
 *   validateComponent(state.context(), state.view('app'), { kind: 'validate' });
 */
import { DEFAULT_CONFIG, type RepoConfig } from '../../src/config/config.js';
import type { ComponentView, Context } from '../../src/plan/model/context.js';
import { type EnvironmentFiles, environmentFiles, type FileRead } from '../../src/plan/model/environment.js';
import { type ComponentPackages, packagesOf } from '../../src/plan/model/packages.js';
import { type ComponentLayout, discover } from '../../src/plan/model/repository.js';
import { ValuesChecker } from '../../src/plan/model/values.js';
import { parseYaml } from '../../src/yaml/parse.js';
import { packageFile, packageInstallFile, paramsFile, SCHEMA } from '../helpers/gitops.js';

export interface ComponentSpec {
  /** One Package file per version, packages/<version>.yaml. */
  packages?: string[];
  /** Default: the component's name when it is fully qualified (has a dot), else <name>.example.com. */
  refName?: string;
  /** The valuesSchema block (indented as in helpers/gitops.ts); default SCHEMA. */
  schema?: string;
}

export interface EnvironmentSpec {
  /** The PackageInstall's constraint (as written); absent with `packageInstall: false`. */
  version?: string;
  /** The PackageInstall's refName; default the component's refName. */
  refName?: string;
  /** values.yaml of params.yaml; null: no params.yaml. */
  values?: string | null;
  /** Write the PackageInstall (default true). */
  packageInstall?: boolean;
  /** Write a kustomization.yaml listing the files written (default true). */
  kustomization?: boolean;
}

export class RepoState {
  readonly #files = new Map<string, string>();
  #config: RepoConfig = DEFAULT_CONFIG;
  #current?: { name: string; refName: string };
  /** discover()'s answer, kept until a file or the config changes: rules key maps by ComponentLayout. */
  #components?: ComponentLayout[];

  /** A component folder with its Packages; environment() calls after it add to this component. */
  component(name: string, spec: ComponentSpec = {}): this {
    const refName = spec.refName ?? (name.includes('.') ? name : `${name}.example.com`);
    this.#current = { name, refName };
    for (const version of spec.packages ?? [])
      this.file(
        `${this.#dir(name)}/${this.#config.layout.packagesDir}/${version}.yaml`,
        packageFile(refName, version, spec.schema ?? SCHEMA),
      );
    return this;
  }

  /** An environment folder of the last component. */
  environment(name: string, spec: EnvironmentSpec = {}): this {
    if (!this.#current) throw new Error('environment() before component()');
    const { layout } = this.#config;
    const dir = `${this.#dir(this.#current.name)}/${name}`;
    const refName = spec.refName ?? this.#current.refName;
    const resources: string[] = [];
    if (spec.packageInstall !== false) {
      this.file(
        `${dir}/${layout.packageInstallFile}`,
        packageInstallFile(refName, yamlScalar(spec.version ?? '1.0.0')),
      );
      resources.push(layout.packageInstallFile);
    }
    if (spec.values !== null) {
      this.file(`${dir}/${layout.valuesSecretFile}`, paramsFile(refName, spec.values ?? 'replicas: 1\n'));
      resources.push(layout.valuesSecretFile);
    }
    if (spec.kustomization !== false) this.file(`${dir}/kustomization.yaml`, kustomizationOf(resources));
    return this;
  }

  /** Any file, as text (replaces what the shorthands wrote); undefined removes it. */
  file(path: string, text: string | undefined): this {
    this.#components = undefined;
    if (text === undefined) this.#files.delete(path);
    else this.#files.set(path, text);
    return this;
  }

  /** flux-pkg.yaml's content, merged over the defaults (call before component() to move folders). */
  config(config: Partial<RepoConfig>): this {
    this.#components = undefined;
    this.#config = { ...this.#config, ...config };
    return this;
  }

  get files(): Record<string, string> {
    return Object.fromEntries([...this.#files].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  get paths(): string[] {
    return Object.keys(this.files);
  }

  /** Every component, as discover() finds it in the file list (the same objects until the state changes). */
  components(): ComponentLayout[] {
    this.#components ??= discover(this.paths, this.#config.layout);
    return this.#components;
  }

  layout(component: string): ComponentLayout {
    const found = this.components().find((c) => c.name === component);
    if (!found) throw new Error(`no component ${component} in ${this.paths.join(', ')}`);
    return found;
  }

  /** What the loader's loadPackages() gives for the component. */
  packages(component: string): ComponentPackages {
    const layout = this.layout(component);
    return packagesOf(
      layout,
      layout.packageFiles.map((file) => ({ file, parsed: this.#read(file).parsed })),
    );
  }

  /** What the loader's loadEnvironment() gives for an environment folder: every file under it, read (no SOPS keys). */
  environmentFiles(component: string, environment: string): EnvironmentFiles {
    const dir = `${this.layout(component).dir}/${environment}`;
    const files = new Map(
      this.paths.filter((p) => p.startsWith(`${dir}/`)).map((p) => [p, this.#read(p)] as const),
    );
    return environmentFiles({ dir, files, keysGiven: false }, this.#config.layout);
  }

  /** What Loader.component() gives: the Packages and these environments (default all of them). */
  view(component: string, environments?: readonly string[]): ComponentView {
    const layout = this.layout(component);
    const envs = environments ?? layout.environments;
    return {
      component: layout,
      packages: this.packages(component),
      environments: new Map(envs.map((env) => [env, this.environmentFiles(component, env)])),
    };
  }

  /** A fresh planning context over this repository (its own diagnostics list and values checker). */
  context(overrides: Partial<Context> = {}): Context {
    return {
      paths: this.paths,
      config: this.#config,
      values: new ValuesChecker(),
      diagnostics: [],
      repoEncrypts: false,
      ...overrides,
    };
  }

  #dir(component: string): string {
    const base = this.#config.layout.componentsPath.replace(/\/+$/, '');
    return base ? `${base}/${component}` : component;
  }

  #read(path: string): FileRead {
    const text = this.#files.get(path);
    return text === undefined ? {} : { text, parsed: parseYaml(path, text) };
  }
}

export const repo = (): RepoState => new RepoState();

const kustomizationOf = (resources: readonly string[]): string =>
  `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n${resources.map((r) => `- ${r}\n`).join('')}`;

/** A constraint as a YAML scalar: plain when it can be (`1.0.0`), quoted when YAML would read it otherwise (`>=1.0.0`). */
const yamlScalar = (text: string): string => (/^[\w.+-]+$/.test(text) ? text : JSON.stringify(text));

/** The codes of diagnostics, in order: what most rule tests assert. */
export const codes = (diagnostics: readonly { code: string }[]): string[] => diagnostics.map((d) => d.code);
