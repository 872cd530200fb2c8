/**
 * The delivery cursor: a git ref in the gitops repository, `refs/flux-pkg/delivered/<base-branch>`,
 * pointing at the last base commit whose changes were fully delivered. A run diffs the cursor's
 * tree with the base head's (what changed since, whatever the pushes, cancelled runs or force
 * pushes in between) and moves the cursor to the head it delivered.
 *
 * Outside refs/heads and refs/tags: no branch in the UI, no push event, not fetched by a clone.
 * The refs API takes any fully qualified name with two slashes (POST /repos/{o}/{r}/git/refs:
 * "If it doesn't start with 'refs' and have at least two slashes, it will be rejected").
 *
 * A run limited by the `environments` input delivers only part of a base, so it never moves that
 * cursor. It keeps its own, `refs/flux-pkg/delivered-only/<filter-key>/<base-branch>`: everything a
 * run with the same environments input delivers was delivered up to that commit. The unlimited
 * cursor stays the authority (an unlimited run never reads a filter's cursor); a filter's cursor
 * only spares its replays and its next runs the work already done. Not under `delivered/<base>/`:
 * git refuses a ref `a/b` beside a ref `a` (a directory and a file of the same name).
 */
import { createHash } from 'node:crypto';
import type { GitHubClient } from './client.js';
import { isRefRace } from './refs.js';
import type { RepoRef } from './snapshot.js';

/**
 * The cursor's name without `refs/`, as the get-ref and update-ref routes take it; with
 * `environments` (the input's names), that filter's cursor.
 */
export const cursorRefOf = (baseBranch: string, environments?: readonly string[]): string =>
  environments
    ? `flux-pkg/delivered-only/${filterKey(environments)}/${baseBranch}`
    : `flux-pkg/delivered/${baseBranch}`;

/**
 * One ref-name component for an environments filter, whatever its names hold: a digest of the
 * sorted, distinct names (the order and repeats of the input do not make another filter). Hex only,
 * so no name can add a "/", "..", ".lock" or a control character to the ref.
 */
export function filterKey(environments: readonly string[]): string {
  const names = [...new Set(environments)].sort();
  const digest = createHash('sha256').update(JSON.stringify(names)).digest('hex');
  return `environments-${digest.slice(0, 32)}`;
}

/** The commit the cursor (of `environments`, when given) points at; undefined when there is none yet. */
export async function readCursor(
  client: GitHubClient,
  ref: RepoRef,
  baseBranch: string,
  environments?: readonly string[],
): Promise<string | undefined> {
  try {
    const { data } = await client.rest.git.getRef({ ...ref, ref: cursorRefOf(baseBranch, environments) });
    return data.object.type === 'commit' ? data.object.sha : undefined;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return undefined;
    throw e;
  }
}

/** A run's two cursors: the unlimited one and its environments filter's. */
export interface Cursors {
  everywhere?: string;
  filtered?: string;
}

/**
 * The unlimited cursor and the one of `environments`, in one read: GET /git/matching-refs/{prefix}
 * lists every ref whose name starts with the prefix ("flux-pkg/delivered" covers both names, of every
 * base branch and filter: a handful of refs), so a limited run pays no read for its second cursor.
 */
export async function readCursors(
  client: GitHubClient,
  ref: RepoRef,
  baseBranch: string,
  environments: readonly string[],
): Promise<Cursors> {
  // Followed page by page (GitHub's description gives the route a Link header, and no per_page):
  // more cursors than one page must not hide this one.
  const data = await client.paginate(client.rest.git.listMatchingRefs, { ...ref, ref: 'flux-pkg/delivered' });
  const at = (name: string) => {
    const found = data.find((r) => r.ref === `refs/${name}`);
    return found?.object.type === 'commit' ? found.object.sha : undefined;
  };
  return { everywhere: at(cursorRefOf(baseBranch)), filtered: at(cursorRefOf(baseBranch, environments)) };
}

export type CursorMove = 'created' | 'moved' | 'rewritten' | 'kept' | 'left-to-newer';

/**
 * Move the cursor from `from` (what this run read before it read the base) to `to` (the base head it
 * delivered). Only forward: the update is a fast-forward, so an older run finishing last cannot
 * rewind it. When it is not a fast-forward and nobody else moved the cursor since this run read it,
 * the base's history was rewritten (a force push): the tree diff this run made is still right, so
 * the cursor follows the new history. Another run's move always wins: delivery is idempotent, so a
 * cursor left a little behind costs reads on the next run, never a lost Package.
 */
export async function advanceCursor(
  client: GitHubClient,
  ref: RepoRef,
  baseBranch: string,
  from: string | undefined,
  to: string,
  environments?: readonly string[],
): Promise<CursorMove> {
  const name = cursorRefOf(baseBranch, environments);
  if (from === to) return 'kept';
  if (from === undefined) {
    try {
      await client.rest.git.createRef({ ...ref, ref: `refs/${name}`, sha: to });
      return 'created';
    } catch (e) {
      if (isRefRace(e)) return 'left-to-newer';
      throw e;
    }
  }
  try {
    await client.rest.git.updateRef({ ...ref, ref: name, sha: to, force: false });
    return 'moved';
  } catch (e) {
    if (!isRefRace(e)) throw e;
  }
  // Not a fast-forward. The cursor was read before the base, so a base that only moved forward
  // descends from it: either another run moved it meanwhile, or the history was rewritten.
  const now = await readCursor(client, ref, baseBranch, environments);
  if (now !== from) return 'left-to-newer';
  await client.rest.git.updateRef({ ...ref, ref: name, sha: to, force: true });
  return 'rewritten';
}
