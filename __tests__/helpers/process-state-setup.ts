/**
 * Setup file of every test file (vitest.config.ts): the state a file found is compared with the
 * state it leaves; a difference fails that file, naming what it left.
 */
import { afterAll, beforeAll, vi } from 'vitest';
import { leftBehind, type ProcessState, snapshot } from './process-state.js';

let before: ProcessState;
beforeAll(() => {
  before = snapshot();
});
afterAll(() => {
  const left = [...leftBehind(before, snapshot()), ...(vi.isFakeTimers() ? ['fake timers'] : [])];
  if (left.length > 0)
    throw new Error(`this test file left process-wide state behind for the next file: ${left.join(', ')}`);
});
