/** The bench's reading of a call log: reads made twice, and the longest chain of round trips. */
import { describe, expect, it } from 'vitest';
import { duplicateReads, longestChain } from '../../bench/call-log.js';

describe('duplicateReads', () => {
  it('counts a GET of a path already read, not writes or other paths', () => {
    const calls = [
      { method: 'GET', path: '/repos/o/r/git/blobs/a' },
      { method: 'GET', path: '/repos/o/r/git/blobs/b' },
      { method: 'POST', path: '/repos/o/r/git/trees' },
      { method: 'POST', path: '/repos/o/r/git/trees' },
      { method: 'GET', path: '/repos/o/r/git/blobs/a' },
      { method: 'GET', path: '/repos/o/r/git/trees/t?recursive=1' },
      { method: 'GET', path: '/repos/o/r/git/trees/t' },
    ];
    expect(duplicateReads(calls)).toEqual(['/repos/o/r/git/blobs/a']);
  });
});

describe('longestChain', () => {
  it('counts calls that waited for each other, not calls that overlapped', () => {
    const span = (from: number, to: number) => ({ span: [from, to] as [number, number] });
    // branch ‖ tree ‖ pulls, then three blobs at once, then tree → commit → ref.
    const calls = [
      span(0, 5),
      span(1, 6),
      span(1, 4),
      span(7, 9),
      span(7, 10),
      span(8, 9),
      span(11, 12),
      span(13, 14),
      span(15, 16),
    ];
    expect(longestChain(calls)).toBe(5);
    expect(longestChain([])).toBe(0);
    expect(longestChain([span(0, 5), span(1, 6)])).toBe(1);
  });
});
