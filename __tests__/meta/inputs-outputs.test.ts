/**
 * What the action reads and sets is what action.yml declares: every declared input is read, every
 * input read is declared, and the outputs set are the outputs declared.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inputEnvName, readActionMetadata } from '../../scripts/action-metadata.js';
import { readInputs } from '../../src/inputs.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const action = readActionMetadata();

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The INPUT_* variables `fn` looks at while `inputs` are set, recorded by a Proxy over process.env. */
function inputVariablesRead(inputs: Record<string, string>, fn: () => unknown = readInputs): string[] {
  const read = new Set<string>();
  const original = process.env;
  const env: Record<string, string | undefined> = { ...original };
  for (const [name, value] of Object.entries(inputs)) env[inputEnvName(name)] = value;
  process.env = new Proxy(env, {
    get(target, key, receiver) {
      if (typeof key === 'string' && key.startsWith('INPUT_')) read.add(key);
      return Reflect.get(target, key, receiver);
    },
  });
  try {
    fn();
  } finally {
    process.env = original;
  }
  return [...read].sort();
}

/** Every declared input at its default, as the runner sets them (github.token is some token). */
const defaults = (): Record<string, string> =>
  Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [
      name,
      input.default?.includes('${{') ? 'ghs_token' : (input.default ?? ''),
    ]),
  );

describe('inputs', () => {
  const declared = Object.keys(action.inputs).map(inputEnvName).sort();

  it('readInputs() reads every input action.yml declares, and nothing else', () => {
    expect(inputVariablesRead(defaults())).toEqual(declared);
  });

  it('reads them all whatever the values (a dry run, drafts, every list set)', () => {
    const set: Record<string, string> = {
      ...defaults(),
      'dry-run': 'true',
      draft: 'true',
      mode: 'validate',
      'auto-merge': 'squash',
    };
    for (const name of ['packages', 'environments', 'labels', 'reviewers', 'team-reviewers'])
      set[name] = 'a,b';
    expect(inputVariablesRead(set)).toEqual(declared);
  });

  it('the recorder sees a read action.yml does not declare', () => {
    // The checks above could not fail if the Proxy saw nothing: prove it sees an undeclared name.
    expect(inputVariablesRead({}, () => process.env.INPUT_UNDECLARED)).toEqual(['INPUT_UNDECLARED']);
  });

  it('src/inputs.ts is the only source that reads inputs', () => {
    const readers = sourceFiles()
      .filter((file) => /\bget(Boolean|Multiline)?Input\s*\(|INPUT_/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(readers).toEqual(['inputs.ts']);
  });
});

describe('outputs', () => {
  it('the outputs the source sets are the outputs action.yml declares', () => {
    const set = new Set<string>();
    for (const file of sourceFiles()) {
      const text = readFileSync(file, 'utf8');
      for (const call of text.matchAll(/\bsetOutput\s*\(\s*(['"`]?)([^'"`,)]*)\1/g)) {
        // A name that is not a string literal cannot be checked: refuse it rather than miss it.
        expect(call[1], `${relative(SRC, file)}: setOutput(${call[2]}…) needs a literal name`).not.toBe('');
        set.add(call[2]!);
      }
    }
    expect([...set].sort()).toEqual(Object.keys(action.outputs).sort());
  });
});
