/**
 * Delivery: publish whatever proposals a mode returns, as pull requests on the base branch.
 * Each attempt plans on the base as it is, writes every proposal, then checks that the base did not
 * move; a lost race (a ref or PR written concurrently) or a moved base plans again, up to 3 times.
 */
import type { Proposal, Published } from '../plan/proposals/proposals.js';
import type { PlanResult } from '../plan/types.js';
import { writePathProblem } from '../repo/paths.js';
import { explainApiError, type GitHubClient } from './client.js';
import {
  type Base,
  closeIfOpen,
  getBranchHead,
  OpenPulls,
  publishProposal,
  RaceLostError,
  readBase,
} from './publish.js';
import { branchNameProblem } from './refs.js';
import type { RepoRef } from './snapshot.js';

const MAX_ATTEMPTS = 3;

/** A failure the user can act on, in one line (API errors translated by explainApiError). */
export class DeliveryError extends Error {}

export async function api<T>(doing: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof DeliveryError || e instanceof RaceLostError) throw e;
    throw new DeliveryError(explainApiError(e, doing));
  }
}

/** What a mode proposes on one base: the plan (for reports) and its pull requests. */
export interface Proposed {
  result: PlanResult;
  proposals: Proposal[];
}

export interface Delivery {
  client: GitHubClient;
  ref: RepoRef;
  baseBranch: string;
  branchPrefix: string;
  /** Plan and report, write nothing. */
  dryRun: boolean;
  /** Plans on this base; called again for each attempt. */
  propose: (base: Base) => Promise<Proposed>;
  /** One-line progress notes. */
  log: (message: string) => void;
  /** After the last attempt wrote its pull requests: the gate's verdict on the heads it pushed. */
  published?: (published: readonly Published[]) => Promise<void>;
}

export interface Delivered extends Proposed {
  base: Base;
  published: Published[];
}

export async function readBaseOrFail(client: GitHubClient, ref: RepoRef, branch: string): Promise<Base> {
  const base = await api(`reading branch ${branch}`, () => readBase(client, ref, branch));
  if (!base) throw new DeliveryError(`base branch "${branch}" does not exist in ${ref.owner}/${ref.repo}`);
  return base;
}

export async function deliver(d: Delivery): Promise<Delivered> {
  // Branches this run moved, in any attempt: a later attempt may find one current and leave it.
  const movedBranches = new Set<string>();
  for (let attempt = 1; ; attempt++) {
    const base = await readBaseOrFail(d.client, d.ref, d.baseBranch);
    const pulls = new OpenPulls(d.client, d.ref, base.branch);
    if (!d.dryRun) void pulls.prefetch();
    const proposed = await d.propose(base);
    if (d.dryRun || !proposed.result.valid) return { ...proposed, base, published: [] };
    try {
      const published = await publishAll(d, base, proposed.proposals, pulls, movedBranches);
      // Only a run that moved a branch can have built it on a base that moved meanwhile.
      const wrote = published.some((p) => p.commit) && attempt < MAX_ATTEMPTS;
      const moved = wrote
        ? await api(`reading branch ${d.baseBranch}`, () => getBranchHead(d.client, d.ref, d.baseBranch))
        : base.sha;
      if (moved !== base.sha) {
        d.log(`${d.baseBranch} moved while the pull requests were written; planning again on ${moved}`);
        continue;
      }
      await d.published?.(
        published.map((p) => (p.commit || !movedBranches.has(p.branch) ? p : { ...p, commit: p.head })),
      );
      return { ...proposed, base, published };
    } catch (e) {
      if (!(e instanceof RaceLostError)) throw e;
      if (attempt >= MAX_ATTEMPTS) throw new DeliveryError(`${e.message}, ${MAX_ATTEMPTS} times; giving up`);
      d.log(`${e.message}; planning again (attempt ${attempt + 1} of ${MAX_ATTEMPTS})`);
    }
  }
}

/** Every branch name and path is checked before the first write: a bad one stops the run with nothing written. */
function checkBeforeWriting(d: Delivery, proposals: readonly Proposal[]): void {
  for (const proposal of proposals) {
    const branch = `${d.branchPrefix}/${proposal.key}`;
    const problem = branchNameProblem(branch);
    if (problem) throw new DeliveryError(`the branch name "${branch}" ${problem}; git refuses it`);
    const unsafe = proposal.files.flatMap((f) => {
      const why = writePathProblem(f.path);
      return why ? [`${f.path} ${why}`] : [];
    });
    if (unsafe.length > 0)
      throw new DeliveryError(
        `refusing to write ${unsafe.join('; ')} (${proposal.key}); nothing was written`,
      );
  }
}

async function publishAll(
  d: Delivery,
  base: Base,
  proposals: readonly Proposal[],
  pulls: OpenPulls,
  movedBranches: Set<string>,
): Promise<Published[]> {
  checkBeforeWriting(d, proposals);
  const published: Published[] = [];
  for (const proposal of proposals) {
    const spec = { ...proposal, branch: `${d.branchPrefix}/${proposal.key}` };
    if (spec.files.length === 0) {
      const closed = await api(`closing the pull request of ${spec.branch}`, () =>
        closeIfOpen(d.client, d.ref, base, spec, pulls),
      );
      if (closed) published.push(closed);
      continue;
    }
    const result = await api(`writing the pull request for ${proposal.key}`, () =>
      publishProposal(d.client, d.ref, base, spec, pulls),
    );
    if (result.commit) movedBranches.add(result.branch);
    published.push(result);
  }
  return published;
}
