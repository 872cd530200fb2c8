/**
 * Every file one environment's bootstrap adds, outside the environment folder itself (the
 * PackageInstall and values Secret come from carvel/render like install mode's):
 *
 *   <brainDir>/gitrepository.yaml   shared by the component's environments: add only when absent
 *   <brainDir>/provider.yaml        shared too (notifications on)
 *   <brainDir>/<environment>.yaml   the environment's Kustomizations (+ Alert)
 *   <brainDir>/kustomization.yaml   lists every file of the folder
 *   <rbacDir>/rbac.yaml             the run cluster's accounts and roles
 *   <rbacDir>/kustomization.yaml
 *
 * Once a folder holds a kustomization.yaml, Flux applies only what it lists, so the Brain folder's
 * list must name every file in it (brainKustomization merges into an existing one).
 */
import { ensureKustomizationResources } from '../carvel/render.js';
import { gitRepositoryManifest, kustomizationManifests } from './brain.js';
import { alertManifest, providerManifest } from './notifications.js';
import type { BootstrapParams } from './params.js';
import { RBAC_FILE, renderRbac } from './rbac.js';
import { type Manifest, renderKustomizationFile, renderManifests } from './yaml.js';

export const GIT_REPOSITORY_FILE = 'gitrepository.yaml';
export const PROVIDER_FILE = 'provider.yaml';
export const KUSTOMIZATION_FILE = 'kustomization.yaml';

export interface RenderedFile {
  /** Repository-relative POSIX path. */
  path: string;
  content: string;
}

export interface BootstrapRender {
  /** Files the component's environments share: write each only when it does not exist yet. */
  shared: RenderedFile[];
  /** Files of this environment alone: written on bootstrap, regenerated with `force`. */
  environment: RenderedFile[];
  /** The Brain folder's kustomization.yaml must list these (see brainKustomization). */
  brainResources: string[];
}

export function renderBootstrap(p: BootstrapParams): BootstrapRender {
  const brain = p.paths.brainDir;
  const provider = providerManifest(p);
  const shared: RenderedFile[] = [
    { path: `${brain}/${GIT_REPOSITORY_FILE}`, content: renderManifests([gitRepositoryManifest(p)]) },
  ];
  if (provider) shared.push({ path: `${brain}/${PROVIDER_FILE}`, content: renderManifests([provider]) });
  const environment: RenderedFile[] = [
    { path: `${brain}/${environmentFile(p.environment)}`, content: renderEnvironmentFlux(p) },
    { path: `${p.paths.rbacDir}/${RBAC_FILE}`, content: renderRbac(p) },
    { path: `${p.paths.rbacDir}/${KUSTOMIZATION_FILE}`, content: renderKustomizationFile([RBAC_FILE]) },
  ];
  const brainResources = [...shared, environment[0]!].map((f) => f.path.slice(brain.length + 1));
  return { shared, environment, brainResources };
}

export function environmentFile(environment: string): string {
  return `${environment}.yaml`;
}

/** The environment's Kustomizations and, with notifications on, its Alert. */
export function renderEnvironmentFlux(p: BootstrapParams): string {
  const alert = alertManifest(p);
  const manifests: Manifest[] = [...kustomizationManifests(p), ...(alert ? [alert] : [])];
  return renderManifests(manifests);
}

/**
 * The Brain folder's kustomization.yaml: new with these resources, or the existing one with any
 * missing entries appended (its comments and other entries kept; resources sorted when new).
 */
export function brainKustomization(existing: string | undefined, resources: readonly string[]): string {
  if (existing === undefined) return renderKustomizationFile([...resources].sort());
  return ensureKustomizationResources(existing, resources);
}
