import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share a worker's module cache instead of importing the action's modules afresh
    // per file: on 2 cores the whole suite took 181 s isolated and 116 s shared (user CPU 230 s →
    // 113 s; the import phase 62 s → 14 s), before the stand-in's git went in-process. The price is a rule: a test file leaves no process-wide
    // state behind (env, cwd, timers, exitCode, stdout): __tests__/helpers/process-state.ts fails a
    // file that does.
    isolate: false,
    setupFiles: ['__tests__/helpers/process-state-setup.ts'],
    // One worker more than there are cores, not vitest's cores - 1: the scenario files wait on git
    // and sockets as much as they compute (on 2 cores, shared modules: 2 workers 90 s, 3 workers 68 s;
    // the slowest test, three bundled runs racing, takes under 7 s of its 30 s timeout).
    maxWorkers: Math.max(3, availableParallelism() + 1),
    // The JSON report is what .ci/run counts from.
    reporters: ['default', ['json', { outputFile: '.tmp/vitest-report.json' }]],
  },
});
