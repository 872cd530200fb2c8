/**
 * action.yml read the way the runner needs it: strict YAML (duplicate keys, errors and warnings all
 * refuse the file) and the inputs and outputs it declares. The e2e harness, the README generator
 * and the metadata tests share this one reader.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';

export interface ActionInput {
  description: string;
  default?: string;
  required?: boolean;
}

export interface ActionMetadata {
  /** The whole document as plain data, for the schema check. */
  document: Record<string, unknown>;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description: string }>;
}

export const ACTION_YML = new URL('../action.yml', import.meta.url);

/** Parses action.yml text strictly; throws with every YAML error and warning (with line and column). */
export function parseActionMetadata(text: string, file = 'action.yml'): ActionMetadata {
  const doc = parseDocument(text, { uniqueKeys: true, strict: true, prettyErrors: true });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    throw new Error(`${file} is not valid YAML:\n${problems.map((p) => p.message).join('\n')}`);
  }
  const document = doc.toJS() as Record<string, unknown>;
  if (typeof document !== 'object' || document === null) throw new Error(`${file} is not a mapping`);
  const inputs = (document.inputs ?? {}) as Record<string, ActionInput>;
  for (const input of Object.values(inputs)) {
    // The runner reads every scalar as a string: `default: false` is the string "false".
    if (input.default !== undefined && input.default !== null) input.default = String(input.default);
  }
  return { document, inputs, outputs: (document.outputs ?? {}) as ActionMetadata['outputs'] };
}

export function readActionMetadata(url: URL = ACTION_YML): ActionMetadata {
  return parseActionMetadata(readFileSync(url, 'utf8'), url.pathname);
}

/** The environment variable the runner sets for an input: spaces become `_`, hyphens stay. */
export const inputEnvName = (name: string): string => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
