/**
 * What a stand-in call log says about a run's API economy: reads made twice, and the longest chain
 * of calls each of which started only after the one before it had been answered (the round trips a
 * user waits for, whatever ran beside them).
 */
import type { CallRecord } from '../__tests__/e2e/stand-in/types.js';

/** GETs of a path (query included) already read earlier in the same run. */
export function duplicateReads(calls: readonly Pick<CallRecord, 'method' | 'path'>[]): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const c of calls) {
    if (c.method !== 'GET') continue;
    if (seen.has(c.path)) twice.push(c.path);
    seen.add(c.path);
  }
  return twice;
}

/**
 * The longest sequence of calls in which each started after the previous one's answer was sent.
 * Calls without a span (a reset connection) are left out.
 */
export function longestChain(calls: readonly Pick<CallRecord, 'span'>[]): number {
  const spans = calls
    .map((c) => c.span)
    .filter((s): s is [number, number] => s !== undefined && s[1] >= s[0])
    .sort((a, b) => a[1] - b[1]);
  const depth: number[] = [];
  let longest = 0;
  for (let i = 0; i < spans.length; i++) {
    let before = 0;
    for (let j = 0; j < i; j++) if (spans[j]![1] <= spans[i]![0]) before = Math.max(before, depth[j]!);
    depth.push(before + 1);
    longest = Math.max(longest, before + 1);
  }
  return longest;
}

/**
 * Milliseconds during which the stand-in was answering at least one call (the union of the spans):
 * the part of a run's wall time the server, not the action, spent. Calls without a span are left out.
 */
export function serverBusyMs(calls: readonly Pick<CallRecord, 'span'>[]): number {
  const spans = calls
    .map((c) => c.span)
    .filter((s): s is [number, number] => s !== undefined && s[1] >= s[0])
    .sort((a, b) => a[0] - b[0]);
  let busy = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [from, to] of spans) {
    if (to <= end) continue;
    busy += to - Math.max(from, end);
    end = to;
  }
  return busy;
}

/**
 * A write made once per run, not per pull request: a delivery cursor's (`refs/flux-pkg/…`, created
 * with POST /git/refs or moved with PATCH /git/refs/{ref}).
 */
export function isPerRunWrite(call: Pick<CallRecord, 'method' | 'path' | 'body'>): boolean {
  if (call.method === 'POST' && /\/git\/refs$/.test(call.path.split('?')[0]!)) {
    const ref = (call.body as { ref?: unknown } | undefined)?.ref;
    return typeof ref === 'string' && ref.startsWith('refs/flux-pkg/');
  }
  return call.method === 'PATCH' && /\/git\/refs\/flux-pkg(%2F|\/)/i.test(call.path);
}
