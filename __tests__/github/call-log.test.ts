/** The bench's reading of a call log: reads made twice, and the longest chain of round trips. */
import { describe, expect, it } from 'vitest';
import { duplicateReads, longestChain, serverBusyMs } from '../../bench/call-log.js';

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

describe('serverBusyMs', () => {
  it('counts the time at least one call was being answered, overlaps once', () => {
    const span = (from: number, to: number) => ({ span: [from, to] as [number, number] });
    // 0–5 and 1–6 overlap (6 ms), 4–5 lies inside them, 10–12 alone (2 ms), a call with no span.
    expect(serverBusyMs([span(1, 6), span(0, 5), span(4, 5), span(10, 12), {}])).toBe(8);
    expect(serverBusyMs([])).toBe(0);
  });
});
