/**
 * Where an install run's changes start: the delivery cursor (src/github/cursor.ts), else the push. Read by the
 * install mode's shell (install.ts) before anything else, with only the REST client loaded.
 */
import { api } from '../github/api-call.js';
import { readCursor, readCursors } from '../github/cursor.js';
import type { Session } from './session.js';

export const NOTHING_CHANGED = 'nothing changed since the last delivery: nothing to deliver';

/**
 * Where this run's changes start: a cursor (read before the base, see advanceCursor), else the push's
 * first commit. A run limited by the environments input reads its filter's cursor with the unlimited
 * one (one read, cursor.ts): either at the base means nothing is left for it.
 */
export interface Since {
  /** The cursor this run moves, as read (its filter's, for a limited run); undefined when there is none yet. */
  cursor?: string;
  /** Commits up to which everything this run covers is delivered: a base at one of them needs nothing. */
  delivered: string[];
  /** The commit whose tree is compared with the base's; undefined: a full scan. */
  sha?: string;
  why: string;
}

const ZERO_SHA = /^0+$/;

export async function deliveredSoFar(session: Session): Promise<Since> {
  const { client, ref, baseBranch } = session;
  const filter = session.inputs.environments;
  const { everywhere, filtered } = filter
    ? await api('reading the delivery cursors', () => readCursors(client, ref, baseBranch, filter))
    : { everywhere: await api('reading the delivery cursor', () => readCursor(client, ref, baseBranch)) };
  const delivered = [everywhere, filtered].filter((sha): sha is string => sha !== undefined);
  const cursor = filter ? filtered : everywhere;
  const push = session.facts.eventName === 'push' ? session.facts.push : undefined;
  // Both cursors: the one this push started from is likely the newer; else the unlimited one.
  const from = everywhere && filtered && push?.before === filtered ? filtered : (everywhere ?? filtered);
  if (from) {
    const whose = from === filtered && filter ? ` for environments ${[...new Set(filter)].join(', ')}` : '';
    return {
      cursor,
      delivered,
      sha: from,
      why: `delivered what changed since the last delivered commit ${from.slice(0, 7)}${whose}`,
    };
  }
  // No cursor yet (the first run since adopting this version): an ordinary push says what it
  // changed, as before; a first push, a force push or a run without a push looks at everything once.
  if (push?.before && !ZERO_SHA.test(push.before) && !push.forced)
    return {
      delivered,
      sha: push.before,
      why: `delivered what this push changed (no delivery cursor yet)`,
    };
  return { delivered, why: 'no delivery cursor yet: every component is looked at once' };
}
