/**
 * Mode install: the Packages a push wrote (or the `packages` input names) → a PackageInstall and
 * values Secret for each environment that takes new versions directly → one pull request each.
 *
 * This file is the mode's shell: it reads the delivery cursor and the base's head, together, with only the
 * REST client loaded, and imports the planning part (install-delivery.ts: the planner, flux-pkg.yaml's
 * reader, yaml, ajv, the publishing code) only when there is something to deliver. A rerun or a scheduled run
 * that finds the cursor at the base so ends after 2 reads (one round trip) without loading any of it.
 * Measured with the start-up's other cuts (kinds.ts, api-call.ts, yaml/limits.ts, the lazy status loader):
 * the bundle's start-up chunks 2.73 → 1.45 MB, the no-op replay 0.91× the wall time of the build before
 * (0.92× CPU, 6 MiB less peak memory; bench/replay-stand-in.ts, 11 alternating runs each). The import starts
 * as soon as it is known to be needed, before the base's tree is read, so its evaluation overlaps that
 * read.
 */

import * as core from '@actions/core';
import { api } from '../github/api-call.js';
import type { CommitFacts } from '../github/objects.js';
import { combineResults } from '../plan/proposals/combine.js';
import { deliveredSoFar, NOTHING_CHANGED, type Since } from './install-cursor.js';
import type { Wanted } from './install-delivery.js';
import { finish } from './report.js';
import { type Session, treeOfCommit } from './session.js';

export async function install(session: Session): Promise<void> {
  await deliverPush(session, { install: true, promote: true });
}

/**
 * Level-triggered delivery, in one delivery: everything not yet delivered. New Packages go to the
 * environments that take them directly (install), merged environments' versions to the environments
 * promoting from them on merge. What changed is the base's tree compared with the delivery cursor's
 * (src/github/cursor.ts), whatever pushes, cancelled runs or force pushes came between; without a
 * cursor, every component is looked at once. The `packages` input delivers only those files.
 */
export async function deliverPush(session: Session, what: Wanted, mode = 'install'): Promise<void> {
  const { inputs } = session;
  // Every install run reads the base's head (a no-op compares it with the cursor, a delivery starts
  // from it): asked for beside the cursor, a rerun that finds nothing to do waits one round trip, not two.
  const headRead = readHead(session);
  const since = inputs.packages ? undefined : await deliveredSoFar(session);
  // Read ahead while the base is read, when a push says the base moved past it (a scheduled run
  // usually finds the cursor at the base: then its tree is never needed).
  const pushed = session.facts.push?.after;
  if (since?.sha && pushed && pushed !== since.sha) void treeOfCommit(session, since.sha);
  const done = since?.delivered ?? [];
  const head = await headRead;
  if (since && head && done.includes(head.sha)) return nothingSince(since, mode, inputs.dryRun);
  readBaseAhead(session, head);
  await letRequestsLeave();
  const { deliverSince } = await import('./install-delivery.js');
  await deliverSince(session, what, mode, since, head);
}

/** The base branch's head, read now; a failure surfaces where it is awaited (a missing base: the delivery says so). */
function readHead(session: Session): Promise<CommitFacts | undefined> {
  const read = api(`reading branch ${session.baseBranch}`, () => session.objects.branch(session.baseBranch));
  read.catch(() => {});
  return read;
}

/**
 * The base's whole tree, asked for while the delivery module evaluates: GitObjects keeps it under its sha,
 * where the delivery's base read (github/publish.ts readBase) finds it.
 */
function readBaseAhead(session: Session, head: CommitFacts | undefined): void {
  if (head) session.objects.tree(head.treeSha, true).catch(() => {});
}

/**
 * Event-loop turns before a CPU-bound step: undici writes a request from a setImmediate, on a pooled
 * socket in the turn after it is asked for, on a new one after its connect (turns 3–4). The delivery
 * module's evaluation then holds the thread for ~35 ms while the tree reads are answered: one PR at 0 ms
 * latency had its tree reads leave 47 ms after the head's answer without this, 3 ms with it (bench/
 * rest-calls.ts --calls). A guess about timing, not about results: a request that leaves later only waits.
 */
async function letRequestsLeave(turns = 4): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** The cursor is at the base's head: everything there is delivered, so nothing more is read. */
async function nothingSince(since: Since, mode: string, dryRun: boolean): Promise<void> {
  core.info(NOTHING_CHANGED);
  await finish({
    mode,
    dryRun,
    result: combineResults([], []),
    published: [],
    notes: [since.why, NOTHING_CHANGED],
  });
}
