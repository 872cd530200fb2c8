/**
 * flux-pkg.yaml after a bootstrap: the environment listed (comments kept), and every other
 * environment delivered exactly as before. A file that lists no environments takes its environments
 * from the folders; listing only the new one would stop every other, so the folders are listed too
 * (and a component restricted to the folders it has).
 */
import {
  CONFIG_FILE,
  type EnvironmentConfig,
  type LoadedConfig,
  parseConfig,
} from '../../../config/config.js';
import { addComponentEnvironment, addEnvironment, type ConfigEdit } from '../../../config/edit.js';
import type { Diagnostic } from '../../../diagnostics.js';
import type { ComponentLayout } from '../../model/repository.js';
import type { PlannedFile } from '../../types.js';
import type { BootstrapRequest } from './request.js';

export interface ConfigChange {
  /** flux-pkg.yaml as it will be, when it changes. */
  file?: PlannedFile;
  /** The edited configuration, parsed; undefined when it is invalid. */
  loaded?: LoadedConfig;
  diagnostics: Diagnostic[];
}

/** `before`: flux-pkg.yaml's text as the loader read it (undefined when the repository has none). */
export function bootstrapConfig(
  before: string | undefined,
  loaded: LoadedConfig,
  all: readonly ComponentLayout[],
  chosen: readonly ComponentLayout[],
  request: BootstrapRequest,
): ConfigChange {
  const env = request.environment;
  const diagnostics: Diagnostic[] = [];
  let text = before;
  const apply = (edit: ConfigEdit) => {
    diagnostics.push(...edit.diagnostics);
    text = edit.text;
  };
  const bootstrapped = new Set(chosen.map((c) => c.name));
  if (!loaded.config.environments) {
    const folders = [...new Set(all.flatMap((c) => c.environments))].filter((n) => n !== env).sort();
    for (const name of folders) apply(addEnvironment(text, { name }));
    apply(addEnvironment(text, entryOf(request)));
    for (const c of all) {
      const has = new Set([...c.environments, ...(bootstrapped.has(c.name) ? [env] : [])]);
      const restricted = loaded.config.components[c.name]?.environments;
      const listed = restricted
        ? bootstrapped.has(c.name)
          ? [env]
          : []
        : [...folders, env].every((n) => has.has(n))
          ? []
          : [...folders, env].filter((n) => has.has(n));
      for (const name of listed) apply(addComponentEnvironment(text!, c.name, name));
    }
  } else {
    apply(addEnvironment(text, entryOf(request)));
    for (const c of chosen)
      if (loaded.config.components[c.name]?.environments) apply(addComponentEnvironment(text!, c.name, env));
  }
  if (diagnostics.length > 0 || text === undefined) return { diagnostics };
  const parsed = parseConfig(CONFIG_FILE, text);
  diagnostics.push(...parsed.diagnostics);
  const file: PlannedFile | undefined =
    text === before
      ? undefined
      : {
          path: CONFIG_FILE,
          content: text,
          action: before === undefined ? 'create' : 'update',
          secret: false,
        };
  return { file, loaded: parsed, diagnostics };
}

/** The new entry: the environment and the settings the request gave (defaults are not written down). */
function entryOf(r: BootstrapRequest): { name: string; settings: Record<string, unknown> } {
  return {
    name: r.environment,
    settings: {
      targetNamespace: r.targetNamespace,
      kubeconfigSecret: r.kubeconfigSecretName,
      fluxNamespace: r.fluxNamespace,
      fluxApiVersion: r.fluxApiVersion,
    },
  };
}

/**
 * The configuration install's planner plans the new folder with: the environment takes the
 * requested version directly, even when it will later receive versions by promotion.
 */
export function configForPlanning(loaded: LoadedConfig, environment: string): LoadedConfig {
  const environments = loaded.config.environments?.map((e): EnvironmentConfig => {
    if (e.name !== environment) return e;
    const { promoteFrom: _, ...rest } = e;
    return rest;
  });
  return { ...loaded, config: { ...loaded.config, environments }, diagnostics: [] };
}
