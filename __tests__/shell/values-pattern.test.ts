/**
 * A valuesSchema `pattern` is checked by RE2 in the action, though re2js is loaded only when a schema has one
 * (src/carvel/values-schema/pattern.ts): the loader loads it before the synchronous planner compiles the schema.
 * `(?i)` is RE2's spelling (JavaScript's RegExp rejects it): a finding on it is RE2's.
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT, initialFiles, newPackage } from '../e2e/fixtures.js';
import { closeStandInsAfterAll, expectNothingWritten, gitopsRepo, supplyChainPush } from '../e2e/scenario.js';
import { act } from './run-in-process.js';

closeStandInsAfterAll();

/** dev's hostname, app.dev.example.com, has dots: this pattern refuses it. */
const withPattern = (pkg: string) =>
  pkg.replace('        hostname:\n', '        hostname:\n          pattern: "(?i)^[A-Z]+$"\n');

function repoWithPatterns(): Record<string, string> {
  const files = initialFiles();
  for (const path of Object.keys(files))
    if (path.startsWith(`${COMPONENT}/packages/`)) files[path] = withPattern(files[path]!);
  return files;
}

const patternErrors = (stdout: string) =>
  stdout.split('\n').filter((l) => l.startsWith('::error ') && l.includes('values.pattern'));

describe('a valuesSchema pattern in the action', () => {
  it('validate: the values that do not match are an error at the environment values file', async () => {
    const files = repoWithPatterns();
    expect(Object.values(files).some((t) => t.includes('(?i)^[A-Z]+$'))).toBe(true);
    const standIn = await gitopsRepo(files);
    const run = await act(
      standIn,
      { inputs: {}, ref: 'refs/heads/main' },
      { mode: 'validate' },
      'workflow_dispatch',
    );
    expect(run.code).not.toBe(0);
    expect(patternErrors(run.stdout).some((l) => l.includes(`file=${COMPONENT}/dev/params.yaml`))).toBe(true);
  });

  it('install: a new Package whose pattern the values do not match opens no pull request', async () => {
    const standIn = await gitopsRepo(repoWithPatterns());
    const pkg = newPackage();
    const run = await act(standIn, supplyChainPush(standIn, { [pkg.path]: withPattern(pkg.content) }));
    expect(run.code).not.toBe(0);
    expect(patternErrors(run.stdout)).not.toEqual([]);
    expectNothingWritten(standIn);
  });
});
