import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One worker more than there are cores, not vitest's cores - 1: the scenario files wait on git
    // and sockets as much as they compute (on 2 cores: 1 worker 170 s, 2 workers 91 s, 3 workers 76 s;
    // the slowest test stays under 4 s of its 30 s timeout).
    maxWorkers: Math.max(3, availableParallelism() + 1),
    // The JSON report is what .ci/run counts from.
    reporters: ['default', ['json', { outputFile: '.tmp/vitest-report.json' }]],
  },
});
