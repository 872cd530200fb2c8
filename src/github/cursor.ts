/**
 * The delivery cursor: a git ref in the gitops repository, `refs/flux-pkg/delivered/<base-branch>`,
 * pointing at the last base commit whose changes were fully delivered. A run diffs the cursor's
 * tree with the base head's (what changed since, whatever the pushes, cancelled runs or force
 * pushes in between) and moves the cursor to the head it delivered.
 *
 * Outside refs/heads and refs/tags: no branch in the UI, no push event, not fetched by a clone.
 * The refs API takes any fully qualified name with two slashes (POST /repos/{o}/{r}/git/refs:
 * "If it doesn't start with 'refs' and have at least two slashes, it will be rejected").
 */
import type { GitHubClient } from './client.js';
import { isRefRace } from './refs.js';
import type { RepoRef } from './snapshot.js';

/** The cursor's name without `refs/`, as the get-ref and update-ref routes take it. */
export const cursorRefOf = (baseBranch: string): string => `flux-pkg/delivered/${baseBranch}`;

/** The commit the cursor points at; undefined when there is none yet. */
export async function readCursor(
  client: GitHubClient,
  ref: RepoRef,
  baseBranch: string,
): Promise<string | undefined> {
  try {
    const { data } = await client.rest.git.getRef({ ...ref, ref: cursorRefOf(baseBranch) });
    return data.object.type === 'commit' ? data.object.sha : undefined;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return undefined;
    throw e;
  }
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
): Promise<CursorMove> {
  const name = cursorRefOf(baseBranch);
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
  const now = await readCursor(client, ref, baseBranch);
  if (now !== from) return 'left-to-newer';
  await client.rest.git.updateRef({ ...ref, ref: name, sha: to, force: true });
  return 'rewritten';
}
