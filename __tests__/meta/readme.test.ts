/** README cannot drift: its tables are what `npm run docs` writes from action.yml and the config schema. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readActionMetadata } from '../../scripts/action-metadata.js';
import {
  configReference,
  README,
  renderReadme,
  SECTIONS,
  type Section,
  section,
} from '../../scripts/docs.js';
import { configSchema } from '../../src/config/schema.js';

const readme = readFileSync(README, 'utf8');
const block = (name: Section): string => {
  const { start, end } = section(readme, name);
  return readme.slice(start, end);
};
/** The backticked first cell of every table row in a block. */
const firstColumn = (text: string): string[] => [...text.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);

// biome-ignore lint/suspicious/noExplicitAny: the schema walked as plain data
function schemaPropertyNames(node: any, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) schemaPropertyNames(n, names);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties') {
        for (const [name, prop] of Object.entries(value as object)) if (prop !== true) names.add(name);
      }
      schemaPropertyNames(value, names);
    }
  }
  return names;
}

describe('README', () => {
  it('is what npm run docs writes (run it after changing action.yml or src/config/schema.ts)', () => {
    expect(renderReadme(readme)).toBe(readme);
  });

  it('has every generated block', () => {
    for (const name of SECTIONS) expect(block(name).length).toBeGreaterThan(100);
  });

  it('its inputs table lists exactly the declared inputs, with their defaults', () => {
    const action = readActionMetadata();
    expect(firstColumn(block('inputs'))).toEqual(Object.keys(action.inputs));
    expect(block('inputs')).toContain('| `branch-prefix` | `flux-pkg` |');
    expect(firstColumn(block('outputs'))).toEqual(Object.keys(action.outputs));
  });

  it('its flux-pkg.yaml reference names every key of the schema, and only those', () => {
    const documented = new Set(firstColumn(block('config')).map((key) => key.split(/[.[\]]+/).at(-1)!));
    documented.delete('<name>');
    const inSchema = schemaPropertyNames(configSchema);
    expect([...documented].sort()).toEqual([...inSchema].sort());
    expect(inSchema.size).toBeGreaterThan(20);
  });

  it('a schema property without a description stops the generator, naming it', () => {
    const schema = structuredClone(configSchema) as { properties: Record<string, object> };
    schema.properties.newKey = { type: 'string' };
    expect(() => configReference(schema)).toThrow(/no description for newKey/);
  });

  it('a README without the markers is refused, not silently left alone', () => {
    expect(() => renderReadme('# no markers\n')).toThrow(/<!-- inputs:start -->/);
  });
});
