import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One worker per core, not vitest's cores - 1: the scenario files wait on git and sockets as
    // much as they compute, and on 2 cores one worker leaves `npm test` at twice its time.
    maxWorkers: Math.max(2, availableParallelism()),
    // The JSON report is what .ci/run counts from.
    reporters: ['default', ['json', { outputFile: '.tmp/vitest-report.json' }]],
  },
});
