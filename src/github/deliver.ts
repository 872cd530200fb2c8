/**
 * Delivery: publish whatever proposals a mode returns, as pull requests on the base branch.
 * Each attempt plans on the base as it is, writes every proposal, then checks that the base did not
 * move. A branch or pull request another run wrote first is adopted where it is found (publish.ts);
 * a moved base, or a branch that vanished while it was written, plans again, up to 3 times.
 */
import type { Proposal, Published } from '../plan/proposals/proposals.js';
import type { PlanResult } from '../plan/types.js';
import { writePathProblem } from '../repo/paths.js';
import { api, DeliveryError, RaceLostError } from './api-call.js';
import type { RateBudget } from './budget.js';
import type { GitHubClient } from './client.js';
import type { CommitFacts, GitObjects } from './objects.js';
import {
  type Base,
  callsFor,
  closeIfOpen,
  getBranchHead,
  OpenPulls,
  type PostVerdict,
  publishProposal,
  readBase,
} from './publish.js';
import { branchNameProblem } from './refs.js';
import type { RepoRef } from './snapshot.js';

const MAX_ATTEMPTS = 3;

export { api, DeliveryError } from './api-call.js';

/** What a mode proposes on one base: the plan (for reports) and its pull requests. */
export interface Proposed {
  result: PlanResult;
  proposals: Proposal[];
}

export interface Delivery {
  client: GitHubClient;
  ref: RepoRef;
  /** The run's object reads, shared with planning and the summary. */
  objects: GitObjects;
  /** The REST budget as GitHub reports it: pull requests that do not fit are deferred. */
  budget?: RateBudget;
  /** The mode widens a base too large for one tree read to the folders it needs (else that is an error). */
  partialBase?: boolean;
  baseBranch: string;
  branchPrefix: string;
  /** Plan and report, write nothing. */
  dryRun: boolean;
  /** The base's head as the mode just read it: the first attempt does not read it again. */
  head?: CommitFacts;
  /**
   * Plans on this base; called again for each attempt. `expect`: the keys planning is expected to
   * propose, when known before it is done: their pull requests are read beside the planning.
   */
  propose: (base: Base, expect: (keys: readonly string[]) => void) => Promise<Proposed>;
  /** One-line progress notes. */
  log: (message: string) => void;
  /**
   * The gate's verdict on each head a pull request gets, posted as soon as its commit exists (beside
   * the branch's write and the pull request's opening, publish.ts). A head an attempt that planned
   * again left behind keeps its status: no pull request shows it any more.
   */
  published?: PostVerdict;
}

export interface Delivered extends Proposed {
  base: Base;
  published: Published[];
  /** Proposals left for a later run: the REST budget could not take them and keep its reserve. */
  deferred: Proposal[];
}

export async function readBaseOrFail(
  objects: GitObjects,
  branch: string,
  partialOk = false,
  known?: CommitFacts,
): Promise<Base> {
  const base = await api(`reading branch ${branch}`, () => readBase(objects, branch, partialOk, known));
  const { owner, repo } = objects.ref;
  if (!base) throw new DeliveryError(`base branch "${branch}" does not exist in ${owner}/${repo}`);
  return base;
}

export async function deliver(d: Delivery): Promise<Delivered> {
  for (let attempt = 1; ; attempt++) {
    // Read fresh each attempt, once the plan names the branches (pulls.prepare), or as soon as
    // the mode can tell which it will name (expect).
    const pulls = new OpenPulls(d.client, d.ref, d.baseBranch);
    const known = attempt === 1 ? d.head : undefined;
    const base = await readBaseOrFail(d.objects, d.baseBranch, d.partialBase, known);
    const expect = (keys: readonly string[]) => {
      if (!d.dryRun) pulls.expect(keys.map((key) => `${d.branchPrefix}/${key}`));
    };
    const proposed = await d.propose(base, expect);
    if (d.dryRun || !proposed.result.valid) return { ...proposed, base, published: [], deferred: [] };
    pulls.prepare(proposed.proposals.map((p) => `${d.branchPrefix}/${p.key}`));
    try {
      const { deliverable, deferred } = await withinBudget(d, proposed.proposals, pulls);
      const published = await publishAll(d, base, deliverable, pulls);
      const moved = attempt < MAX_ATTEMPTS ? await baseAfterWriting(d, base, published, pulls) : base.sha;
      if (moved !== base.sha) {
        d.log(`${d.baseBranch} moved while the pull requests were written; planning again on ${moved}`);
        continue;
      }
      return { ...proposed, base, published, deferred };
    } catch (e) {
      if (!(e instanceof RaceLostError)) throw e;
      if (attempt >= MAX_ATTEMPTS) throw new DeliveryError(`${e.message}, ${MAX_ATTEMPTS} times; giving up`);
      d.log(`${e.message}; planning again (attempt ${attempt + 1} of ${MAX_ATTEMPTS})`);
    }
  }
}

/**
 * The base's head after this attempt's last branch write: only a run that moved a branch can have
 * built it on a base that moved meanwhile. When that write's pull request was then opened, GitHub
 * said where the base was at that moment (`base.sha` of a new pull request is the base branch's head
 * when it was opened, github/docs#431): no read. Otherwise the branch is read.
 */
async function baseAfterWriting(
  d: Delivery,
  base: Base,
  published: readonly Published[],
  pulls: OpenPulls,
): Promise<string | undefined> {
  const last = published.findLast((p) => p.commit);
  if (!last) return base.sha;
  const seen = last.operation === 'created' ? pulls.baseWhenOpened(last.branch) : undefined;
  return (
    seen ?? (await api(`reading branch ${d.baseBranch}`, () => getBranchHead(d.client, d.ref, d.baseBranch)))
  );
}

/** The open pull requests' read and the check after writing (did the base move?). */
const ONCE_PER_DELIVERY = 2;

/** The proposals that fit the REST budget, in order, leaving its reserve (budget.ts), and the rest. */
async function withinBudget(
  d: Delivery,
  proposals: readonly Proposal[],
  pulls: OpenPulls,
): Promise<{ deliverable: Proposal[]; deferred: Proposal[] }> {
  if (!d.budget || proposals.length === 0) return { deliverable: [...proposals], deferred: [] };
  const open = await api('listing open pull requests', () => pulls.byBranch());
  const costs = proposals.map(
    (p, i) => callsFor(p, open.has(`${d.branchPrefix}/${p.key}`)) + (i === 0 ? ONCE_PER_DELIVERY : 0),
  );
  const fits = d.budget.affordable(costs);
  return { deliverable: proposals.slice(0, fits), deferred: proposals.slice(fits) };
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
      publishProposal(d.objects, base, spec, pulls, d.published),
    );
    published.push(result);
  }
  return published;
}
