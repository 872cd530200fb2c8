/**
 * bootstrap's Flux and RBAC files, synchronous over the texts the loader read: shared files only
 * when absent, the environment's regenerated, kustomization lists merged.
 */
import { brainKustomization, renderBootstrap } from '../../../flux/bootstrap.js';
import { generatedResources, kustomizationFilesIn } from '../../../flux/kustomize.js';
import type { BootstrapParams } from '../../../flux/params.js';
import type { PlannedFile } from '../../types.js';
import type { BootstrapInput } from './params.js';

/** Texts of repository files as the loader read them, by path (undefined: absent or unreadable). */
export type Texts = ReadonlyMap<string, string | undefined>;

/** The RBAC and Brain files: shared ones only when absent, the environment's regenerated, lists merged. */
export function fluxFiles(p: BootstrapInput, params: BootstrapParams, texts: Texts): PlannedFile[] {
  const rendered = renderBootstrap(params);
  const wanted = wantedFiles(p, rendered);
  const files: PlannedFile[] = [];
  for (const f of wanted) {
    const before = texts.get(f.path);
    if (before !== f.content) files.push(planned(f.path, f.content, before));
  }
  files.push(...listedIn(p, params.paths.brainDir, rendered.brainResources, wanted, texts));
  return files;
}

/** The files fluxFiles() compares with what the repository has: read these first. */
export function fluxFilePaths(p: BootstrapInput, params: BootstrapParams): string[] {
  const rendered = renderBootstrap(params);
  const listing = kustomizationFilesIn(p.paths, params.paths.brainDir)[0];
  return [...wantedFiles(p, rendered).map((f) => f.path), ...(listing ? [listing] : [])];
}

/** The files brainRootList() compares with what the repository has. */
export function brainRootPaths(p: BootstrapInput): string[] {
  const path = kustomizationFilesIn(p.paths, p.loaded.config.layout.brainPath)[0];
  return path ? [path] : [];
}

function wantedFiles(p: BootstrapInput, rendered: ReturnType<typeof renderBootstrap>) {
  return [...rendered.shared.filter((f) => !p.paths.has(f.path)), ...rendered.environment];
}

/** A kustomization file in the Brain's synced folder applies only what it lists: list each component's folder. */
export function brainRootList(p: BootstrapInput, params: BootstrapParams[], texts: Texts): PlannedFile[] {
  const root = p.loaded.config.layout.brainPath;
  if (!kustomizationFilesIn(p.paths, root)[0]) return [];
  return listedIn(
    p,
    root,
    params.map((x) => x.paths.brainDir.slice(root.length + 1)),
    [],
    texts,
  );
}

/** A folder's kustomization file listing `resources` (kept, extended, or new over what Flux applied). */
function listedIn(
  p: BootstrapInput,
  dir: string,
  resources: string[],
  adding: { path: string }[],
  texts: Texts,
): PlannedFile[] {
  const path = kustomizationFilesIn(p.paths, dir)[0];
  if (path) {
    const before = texts.get(path);
    const content = brainKustomization(before, resources);
    return content === before ? [] : [planned(path, content, before)];
  }
  const inFolder = [...p.paths].filter((f) => f.startsWith(`${dir}/`));
  const all =
    inFolder.length === 0
      ? resources
      : generatedResources([...inFolder, ...adding.map((f) => f.path)], dir).filter(Boolean);
  const content = brainKustomization(undefined, [...new Set([...all, ...resources])]);
  return [planned(`${dir}/kustomization.yaml`, content, undefined)];
}

export function planned(path: string, content: string, before: string | undefined): PlannedFile {
  return { path, content, action: before === undefined ? 'create' : 'update', secret: false };
}
