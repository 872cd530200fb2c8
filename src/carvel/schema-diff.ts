/**
 * What a new version's values schema changes for the people who keep an environment's values:
 * which values paths it adds, which it drops and which it now requires. Names only, never values.
 */

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface SchemaKeyChanges {
  added: string[];
  removed: string[];
  /** Required by the new schema and not by the old one (new paths included). */
  nowRequired: string[];
}

/** Deep enough for real charts' values; a schema nested deeper is summarised at this depth. */
const MAX_DEPTH = 8;

interface Paths {
  all: Set<string>;
  required: Set<string>;
}

function collect(schema: unknown, prefix: string, depth: number, out: Paths, requiredChain: boolean): void {
  if (!isObject(schema) || depth > MAX_DEPTH) return;
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  for (const [key, child] of Object.entries(properties)) {
    const path = `${prefix}.${key}`;
    out.all.add(path);
    // A key is required in effect only when every object above it is required too.
    const isRequired = requiredChain && required.has(key);
    if (isRequired) out.required.add(path);
    collect(child, path, depth + 1, out, isRequired);
  }
}

function pathsOf(schema: unknown): Paths {
  const out: Paths = { all: new Set(), required: new Set() };
  collect(schema, '', 0, out, true);
  return out;
}

const minus = (a: Set<string>, b: Set<string>) => [...a].filter((p) => !b.has(p)).sort();

/** `before` undefined: the environment is new, everything the schema has counts as added. */
export function schemaKeyChanges(before: unknown, after: unknown): SchemaKeyChanges {
  const [old, now] = [pathsOf(before), pathsOf(after)];
  return {
    added: minus(now.all, old.all),
    removed: minus(old.all, now.all),
    nowRequired: minus(now.required, old.required),
  };
}
