/**
 * The process-wide state a test file could leave behind for the next file in its worker (test files
 * share a process: vitest.config.ts `isolate: false`). process-state-setup.ts compares what each
 * file found with what it left.
 */

export interface ProcessState {
  env: Record<string, string | undefined>;
  cwd: string;
  exitCode: typeof process.exitCode;
  stdoutWrite: typeof process.stdout.write;
  stderrWrite: typeof process.stderr.write;
}

/** vitest sets its own per file. */
const OWN = /^VITEST/;

export function snapshot(): ProcessState {
  return {
    env: { ...process.env },
    cwd: process.cwd(),
    exitCode: process.exitCode,
    stdoutWrite: process.stdout.write,
    stderrWrite: process.stderr.write,
  };
}

export function leftBehind(before: ProcessState, after: ProcessState): string[] {
  const names = new Set([...Object.keys(before.env), ...Object.keys(after.env)]);
  const env = [...names].filter((n) => !OWN.test(n) && before.env[n] !== after.env[n]).sort();
  return [
    ...env.map((n) => `environment variable ${n}`),
    ...(before.cwd !== after.cwd ? [`working directory ${after.cwd}`] : []),
    ...(before.exitCode !== after.exitCode ? [`process.exitCode ${after.exitCode}`] : []),
    ...(before.stdoutWrite !== after.stdoutWrite ? ['a replaced process.stdout.write'] : []),
    ...(before.stderrWrite !== after.stderrWrite ? ['a replaced process.stderr.write'] : []),
  ];
}
