/**
 * bootstrap: a new environment for one or more components, as one change that Flux applies by
 * itself once merged — per component the environment folder (PackageInstall + values Secret, planned
 * and validated exactly as install does), the run cluster's RBAC folder, the Brain folder's Flux
 * objects; and flux-pkg.yaml listing the environment. Every rendered object is checked against the
 * shipped schema before anything is proposed; any error leaves `files` empty.
 */
import { CONFIG_FILE, type LoadedConfig, loadConfig } from '../../../config/config.js';
import {
  type Diagnostic,
  dedupeDiagnostics,
  error,
  hasErrors,
  sortDiagnostics,
} from '../../../diagnostics.js';
import type { BootstrapParams } from '../../../flux/params.js';
import { checkRenderedFile } from '../../../flux/validate.js';
import type { Snapshot } from '../../../repo/snapshot.js';
import { loadPackages } from '../../load/load.js';
import { RepoReader } from '../../load/reader.js';
import { unsafePathProblems } from '../../model/boundaries.js';
import { type ComponentLayout, discover } from '../../model/repository.js';
import { planComponents } from '../../run.js';
import type { BootstrapRequest, BootstrapResult, EnvironmentResult, PlannedFile } from '../../types.js';
import { runInstall } from '../install/run.js';
import { bootstrapConfig, configForPlanning } from './config.js';
import { brainRootList, brainRootPaths, fluxFilePaths, fluxFiles, type Texts } from './files.js';
import {
  type BootstrapInput,
  chooseComponents,
  existingEnvironment,
  existsAlready,
  keptValuesNote,
  requestedPackage,
  resolveParams,
} from './params.js';
import { requestProblems } from './request.js';

export type { BootstrapRequest, BootstrapResult } from '../../types.js';

/** What bootstrap plans from, and the loader's handles (the rules in bootstrap-params.ts and bootstrap-files.ts get the input only). */
interface Planning extends BootstrapInput {
  snapshot: Snapshot;
  reader: RepoReader;
}

/** `given`: flux-pkg.yaml as the caller already read it; default: read it here (after the request's own checks). */
export async function planBootstrap(
  snapshot: Snapshot,
  request: BootstrapRequest,
  given?: LoadedConfig,
): Promise<BootstrapResult> {
  const diagnostics = requestProblems(request);
  const empty = (): BootstrapResult => finish(request, diagnostics, [], [], []);
  if (hasErrors(diagnostics)) return empty();
  const loaded = given ?? (await loadConfig(snapshot));
  diagnostics.push(...loaded.diagnostics);
  if (hasErrors(diagnostics)) return empty();
  const paths = new Set((await snapshot.list()).map((e) => e.path));
  const p: Planning = { snapshot, request, reader: new RepoReader(snapshot), paths, loaded, diagnostics };
  const all = discover([...paths], loaded.config.layout);
  const components = chooseComponents(p, all);
  const params = components.flatMap((c) => resolveParams(p, c) ?? []);
  if (hasErrors(diagnostics)) return empty();

  const configText = loaded.config.file ? (await p.reader.yaml(CONFIG_FILE)).text : undefined;
  const configEdit = bootstrapConfig(configText, loaded, all, components, request);
  diagnostics.push(...configEdit.diagnostics);
  if (hasErrors(diagnostics) || !configEdit.loaded) return empty();
  const planningConfig = configForPlanning(configEdit.loaded, request.environment);

  const environments: EnvironmentResult[] = [];
  for (const [i, component] of components.entries()) {
    const env = await planComponent(p, component, params[i]!, planningConfig);
    if (env) environments.push(env);
  }
  const files = [
    ...environments.flatMap((e) => e.files),
    ...(hasErrors(diagnostics) ? [] : brainRootList(p, params, await readTexts(p, brainRootPaths(p)))),
    ...(configEdit.file ? [configEdit.file] : []),
  ];
  for (const f of files)
    if (f.path !== configEdit.file?.path) diagnostics.push(...checkRenderedFile(f.path, f.content));
  diagnostics.push(...unsafePathProblems(files));
  // The summary says which config was read (bootstrap writes flux-pkg.yaml when there was none).
  return {
    ...finish(request, diagnostics, environments, files, params),
    config: { file: loaded.config.file },
  };
}

function finish(
  request: BootstrapRequest,
  diagnostics: Diagnostic[],
  environments: EnvironmentResult[],
  files: PlannedFile[],
  params: BootstrapParams[],
): BootstrapResult {
  const valid = !hasErrors(diagnostics);
  return {
    valid,
    diagnostics: sortDiagnostics(dedupeDiagnostics(diagnostics)),
    environments: environments.map((e) => ({ ...e, valid: e.valid && valid })),
    files: valid ? files : [],
    environment: request.environment,
    params,
  };
}

/** One component's files: its environment folder (unless it exists), RBAC folder and Brain folder. */
async function planComponent(
  p: Planning,
  component: ComponentLayout,
  params: BootstrapParams,
  planningConfig: LoadedConfig,
): Promise<EnvironmentResult | undefined> {
  if (existsAlready(p, component, params)) return undefined;
  let result: EnvironmentResult | undefined;
  if (component.environments.includes(p.request.environment)) {
    keptValuesNote(p, params);
    result = existingEnvironment(p, component, await loadPackages(p.reader, component));
  } else result = await newEnvironment(p, component, params, planningConfig);
  if (!result) return undefined;
  result.files.push(...fluxFiles(p, params, await readTexts(p, fluxFilePaths(p, params))));
  return result;
}

/** The environment folder, planned by install mode's planner on the config that lists the environment. */
async function newEnvironment(
  p: Planning,
  component: ComponentLayout,
  params: BootstrapParams,
  planningConfig: LoadedConfig,
): Promise<EnvironmentResult | undefined> {
  const { request: r } = p;
  const packageFile =
    r.version === undefined
      ? undefined
      : requestedPackage(p, component, await loadPackages(p.reader, component));
  if (packageFile === null) return undefined;
  const planned = await planComponents(
    p.snapshot,
    {
      kind: 'install',
      packages: packageFile ? [packageFile] : undefined,
      components: [component.name],
      environments: [r.environment],
      values: r.values,
      sops: r.sops,
      wording: r.wording,
      overrides: {
        serviceAccountName: params.serviceAccountName,
        ...(r.sopsAgeRecipients ? { sopsAgeRecipients: r.sopsAgeRecipients } : {}),
      },
    },
    planningConfig,
    runInstall,
  );
  p.diagnostics.push(...planned.diagnostics);
  const env = planned.environments.find((e) => e.component === component.name);
  if (!env && !hasErrors(planned.diagnostics))
    p.diagnostics.push(
      error('bootstrap.no-version', `no Package of ${component.name} is selectable in ${r.environment}`, ''),
    );
  return env ? { ...env, files: [...env.files] } : undefined;
}

/** The texts of these files (those that exist); a file refused unread is reported, as it is read. */
async function readTexts(p: Planning, paths: readonly string[]): Promise<Texts> {
  const texts = new Map<string, string | undefined>();
  for (const path of paths) {
    if (texts.has(path) || !p.paths.has(path)) continue;
    const read = await p.reader.yaml(path);
    if (read.text === undefined && read.parsed) p.diagnostics.push(...read.parsed.diagnostics);
    texts.set(path, read.text);
  }
  return texts;
}
