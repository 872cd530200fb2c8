import { describe, expect, it } from 'vitest';
import { leftBehind, snapshot } from './process-state.js';

describe('the process-state guard of test files', () => {
  it('names every kind of state a file can leave behind', () => {
    const before = snapshot();
    const env: Record<string, string | undefined> = {
      ...before.env,
      INPUT_MODE: 'install',
      VITEST_POOL_ID: 'x',
    };
    delete env.PATH;
    const after = {
      ...before,
      env,
      cwd: '/elsewhere',
      exitCode: 1,
      stdoutWrite: (() => true) as typeof process.stdout.write,
    };
    expect(leftBehind(before, after)).toEqual([
      'environment variable INPUT_MODE',
      'environment variable PATH',
      'working directory /elsewhere',
      'process.exitCode 1',
      'a replaced process.stdout.write',
    ]);
  });

  it('finds nothing when nothing changed', () => {
    expect(leftBehind(snapshot(), snapshot())).toEqual([]);
  });
});
