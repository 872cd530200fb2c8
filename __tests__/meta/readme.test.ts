/** README cannot drift: its tables are what `npm run docs` writes from action.yml and the config schema. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
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

  it('its workflow examples pass this action only declared inputs', () => {
    const declared = Object.keys(readActionMetadata().inputs);
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const steps = blocks
      .flatMap((text) => parseAllDocuments(text).map((doc) => doc.toJS()))
      .flatMap((doc) => Object.values<{ steps?: { uses?: string; with?: object }[] }>(doc?.jobs ?? {}))
      .flatMap((job) => job.steps ?? [])
      .filter((step) => /flux-pkg-action@/.test(step.uses ?? ''));
    expect(steps.length).toBeGreaterThanOrEqual(2);
    for (const step of steps)
      for (const name of Object.keys(step.with ?? {})) expect(declared).toContain(name);
  });
});

describe('the files a team looks for before adopting the action', () => {
  const file = (name: string) => readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');

  it('LICENSE is the Apache License 2.0 that package.json names', () => {
    expect(JSON.parse(file('package.json')).license).toBe('Apache-2.0');
    expect(file('LICENSE')).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(file('LICENSE')).toContain('END OF TERMS AND CONDITIONS');
  });

  it('SECURITY.md says how to report and what the action promises', () => {
    expect(file('SECURITY.md')).toMatch(/Report a\s+vulnerability/);
    expect(file('SECURITY.md')).toMatch(/never under `\.github\/`/);
  });

  it('CHANGELOG.md has an Unreleased section; README says how versions and the v1 tag work', () => {
    expect(file('CHANGELOG.md')).toContain('## [Unreleased]');
    const versions = readme.slice(readme.indexOf('## Versions'), readme.indexOf('## Development'));
    expect(versions).toContain('- uses: org/flux-pkg-action@v1\n');
    expect(versions).toMatch(/uses: org\/flux-pkg-action@[0-9a-f]{40} # v\d+\.\d+\.\d+/);
  });
});
