/** action.yml loads on a runner: strict YAML, SchemaStore's metadata schema, and the e2e harness reads it. */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseActionMetadata, readActionMetadata } from '../../scripts/action-metadata.js';
import { inputEnvironment } from '../e2e/run-action.js';

const SCHEMA = new URL('./schemas/github-action.json', import.meta.url);

/** SchemaStore's schema, with node24 added to runs.using (see schemas/SOURCES.md: the copy predates it). */
function actionSchemaValidator() {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
  const using: string[] = schema.definitions['runs-javascript'].properties.using.enum;
  if (!using.includes('node24')) using.push('node24');
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

describe('action.yml', () => {
  it('parses as strict YAML with no error or warning', () => {
    const action = readActionMetadata();
    expect(Object.keys(action.inputs)).toContain('github-token');
    expect(action.document.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it("passes SchemaStore's metadata schema for actions", () => {
    const validate = actionSchemaValidator();
    const ok = validate(readActionMetadata().document);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('every input and output has a description, every input a default', () => {
    const action = readActionMetadata();
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description?.trim(), name).toBeTruthy();
      expect(input.default, name).toBeTypeOf('string');
    }
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.description?.trim(), name).toBeTruthy();
    }
  });

  it('the strict parse refuses what broke the runner: a plain scalar holding ": "', () => {
    const broken = 'name: x\ninputs:\n  a:\n    description: The repo (default: this one).\n';
    expect(() => parseActionMetadata(broken)).toThrow(/line 4, column 18/);
    expect(() => parseActionMetadata('name: x\nname: y\n')).toThrow(/unique/i);
  });

  it('the schema refuses a misspelt key and an unknown runtime', () => {
    const validate = actionSchemaValidator();
    const document = readActionMetadata().document;
    expect(validate({ ...document, input: {} })).toBe(false);
    expect(validate({ ...document, runs: { using: 'node99', main: 'dist/index.js' } })).toBe(false);
  });
});

describe('the e2e harness sets INPUT_* from action.yml as the runner does', () => {
  const action = readActionMetadata();

  it('every declared input, with its default unless the step sets it; github.token is the token', () => {
    const env = inputEnvironment({ inputs: { 'dry-run': 'true' }, token: 'ghs_x' }, action);
    expect(Object.keys(env).sort()).toEqual(
      Object.keys(action.inputs)
        .map((name) => `INPUT_${name.toUpperCase()}`)
        .sort(),
    );
    expect(env['INPUT_DRY-RUN']).toBe('true');
    expect(env['INPUT_GITHUB-TOKEN']).toBe('ghs_x');
    expect(env['INPUT_BRANCH-PREFIX']).toBe(action.inputs['branch-prefix']!.default);
    expect(env.INPUT_PACKAGES).toBe('');
  });

  it('a step that sets an empty value gets the empty value, not the default', () => {
    expect(
      inputEnvironment({ inputs: { 'github-token': '' }, token: 'ghs_x' }, action)['INPUT_GITHUB-TOKEN'],
    ).toBe('');
  });

  it('refuses an input action.yml does not declare', () => {
    expect(() => inputEnvironment({ inputs: { github_token: 'x' }, token: 't' }, action)).toThrow(
      /input github_token is not declared in action.yml/,
    );
  });

  it('spaces become underscores, hyphens stay, names are uppercased', () => {
    const custom = parseActionMetadata(
      'name: x\ndescription: x\nruns: {using: node24, main: a.js}\ninputs:\n  "my input-name":\n    description: d\n    default: v\n',
    );
    expect(inputEnvironment({ inputs: {} }, custom)).toEqual({ 'INPUT_MY_INPUT-NAME': 'v' });
  });
});
