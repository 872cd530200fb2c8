/**
 * One declaration per setting (src/settings/declarations.ts): action.yml's inputs are the declared
 * inputs, in order, with the declared defaults; the CLI's flags are the declared flags; a message
 * names a setting in the words of whoever asked.
 */
import { describe, expect, it } from 'vitest';
import { readActionMetadata } from '../../scripts/action-metadata.js';
import { FLAGS, parseOptions } from '../../src/cli/flags.js';
import { askFor, nameOf, SETTINGS, type Setting } from '../../src/settings/declarations.js';

const declared = SETTINGS as readonly Setting[];
const action = readActionMetadata();

describe('action.yml and the declarations', () => {
  it('declare the same inputs in the same order', () => {
    expect(Object.keys(action.inputs)).toEqual(declared.flatMap((s) => (s.input ? [s.input] : [])));
  });

  it('with the same defaults', () => {
    const fromYml = Object.fromEntries(Object.entries(action.inputs).map(([name, i]) => [name, i.default]));
    const fromDeclarations = Object.fromEntries(
      declared.flatMap((s) => (s.input ? [[s.input, s.default]] : [])),
    );
    expect(fromDeclarations).toEqual(fromYml);
  });

  it('a true/false input defaults to true or false', () => {
    for (const s of declared.filter((d) => d.input && (d.type === 'switch' || d.type === 'true-false')))
      expect(['true', 'false'], s.input).toContain(s.default);
  });
});

describe('the CLI flags come from the declarations', () => {
  const options = parseOptions();

  it('every declared flag is a parseArgs option, and nothing else but --help', () => {
    expect(Object.keys(options).sort()).toEqual([...new Set([...FLAGS, 'help'])].sort());
  });

  it('a switch is a boolean, a list repeats, a true-false setting takes its value', () => {
    expect(options['allow-downgrade']).toEqual({ type: 'boolean' });
    expect(options.component).toEqual({ type: 'string', multiple: true });
    expect(options['commit-status']).toEqual({ type: 'string', multiple: false });
  });

  it('every flag has a help line from one of its settings', () => {
    for (const flag of FLAGS)
      expect(
        declared.some((s) => s.flag === flag && s.help),
        flag,
      ).toBe(true);
  });
});

describe('a message names a setting in the words of whoever asked', () => {
  it('the action names the input; the CLI names the flag', () => {
    expect(nameOf('target-namespace')).toBe('target-namespace');
    expect(nameOf('target-namespace', 'cli')).toBe('--target-namespace');
    expect(nameOf('to-environment', 'cli')).toBe('--to');
    expect(askFor('allow-downgrade')).toBe('set allow-downgrade');
    expect(askFor('allow-downgrade', 'cli')).toBe('add --allow-downgrade');
  });

  it('an input with no flag keeps its name in the CLI', () => {
    expect(nameOf('github-token', 'cli')).toBe('github-token');
  });
});
