/**
 * The gitops repo's shape as the planner sees it, from the file list alone: which components and
 * environments exist, and whether their names are usable. Nothing here reads a file.
 */
import { dns1123LabelProblem, dns1123SubdomainProblem } from '../../carvel/names.js';
import type { Layout } from '../../config/config.js';
import { type Diagnostic, error } from '../../diagnostics.js';
import { KUSTOMIZATION_FILES } from '../../flux/kustomize.js';
import type { ComponentRequest } from '../types.js';

/** A filter (component, environment) that names nothing the repository has. */
export const NO_MATCH = 'request.no-match';

const isYamlFile = (p: string) => p.endsWith('.yaml') || p.endsWith('.yml');

export interface ComponentLayout {
  name: string;
  /** Folder of the component, repo-relative, no trailing slash. */
  dir: string;
  packageFiles: string[];
  /** Environment folders that exist (hold any of the environment's files). */
  environments: string[];
}

/**
 * Components and environments, from the file list alone (nothing is read). An environment folder
 * holds packageinstall.yaml or params.yaml, or — in a component with Packages — a kustomization
 * file (Flux applies what it lists, whatever the files are called). RBAC folders are not environments.
 */
export function discover(paths: readonly string[], layout: Layout): ComponentLayout[] {
  const prefix = layout.componentsPath ? `${layout.componentsPath.replace(/\/+$/, '')}/` : '';
  const envFiles = new Set([layout.packageInstallFile, layout.valuesSecretFile]);
  const kustomized: [string, string][] = [];
  const [rbacBefore, rbacAfter] = layout.rbacFolder.split('{environment}') as [string, string];
  const isRbac = (folder: string) =>
    folder.length > rbacBefore.length + rbacAfter.length &&
    folder.startsWith(rbacBefore) &&
    folder.endsWith(rbacAfter);
  const components = new Map<string, ComponentLayout>();
  const get = (name: string) => {
    let c = components.get(name);
    if (!c) {
      c = { name, dir: `${prefix}${name}`, packageFiles: [], environments: [] };
      components.set(name, c);
    }
    return c;
  };
  for (const path of paths) {
    if (!path.startsWith(prefix)) continue;
    const parts = path.slice(prefix.length).split('/');
    if (parts.length !== 3 || parts[0]!.startsWith('.')) continue;
    const [component, folder, file] = parts as [string, string, string];
    if (folder === layout.packagesDir && isYamlFile(file)) get(component).packageFiles.push(path);
    else if (envFiles.has(file)) {
      const c = get(component);
      if (!c.environments.includes(folder)) c.environments.push(folder);
    } else if (
      KUSTOMIZATION_FILES.includes(file as never) &&
      folder !== layout.packagesDir &&
      !isRbac(folder)
    )
      kustomized.push([component, folder]);
  }
  for (const [component, folder] of kustomized) {
    const c = components.get(component);
    if (c && c.packageFiles.length > 0 && !c.environments.includes(folder)) c.environments.push(folder);
  }
  for (const c of components.values()) {
    c.packageFiles.sort();
    c.environments.sort();
  }
  return [...components.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Component names are refNames in TAP's layout (DNS-1123 subdomains); environments are DNS-1123 labels. */
export function nameProblem(kind: 'component' | 'environment', name: string): string | undefined {
  if (name.includes('/') || name.includes('..') || name === '.') return `must not contain "/" or ".."`;
  return kind === 'component' ? dns1123SubdomainProblem(name) : dns1123LabelProblem(name);
}

/** The component names, for a message that says which exist. */
export const componentList = (components: readonly ComponentLayout[]): string =>
  components.map((c) => c.name).join(', ') || 'none';

/** Component and environment folders, and the names a request gives, that cannot be used. */
export function nameProblems(components: ComponentLayout[], request: ComponentRequest): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const c of components) {
    const problem = nameProblem('component', c.name);
    if (problem)
      diagnostics.push(
        error('layout.component-name', `component folder "${c.name}" ${problem}`, c.packageFiles[0] ?? c.dir),
      );
    for (const env of c.environments) {
      const envProblem = nameProblem('environment', env);
      if (envProblem)
        diagnostics.push(
          error('layout.environment-name', `environment folder "${env}" ${envProblem}`, `${c.dir}/${env}`),
        );
    }
  }
  const named: { components?: string[]; environments?: string[] } = request.kind === 'promote' ? {} : request;
  for (const name of named.components ?? []) {
    const problem = nameProblem('component', name);
    if (problem) diagnostics.push(error('request.component', `component "${name}" ${problem}`, ''));
    else if (!components.some((c) => c.name === name))
      diagnostics.push(
        error(
          NO_MATCH,
          `the component filter "${name}" names no component in the repository (components: ${componentList(components)})`,
          '',
        ),
      );
  }
  for (const name of named.environments ?? []) {
    const problem = nameProblem('environment', name);
    if (problem) diagnostics.push(error('request.environment', `environment "${name}" ${problem}`, ''));
  }
  return diagnostics;
}
