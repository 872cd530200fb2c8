/**
 * What every mode starts from: the inputs, the run's facts, the gitops repository, its client and
 * base branch, and how to get a snapshot of a commit (the API, or a local checkout when `path` is set).
 */
import * as core from '@actions/core';
import { api } from '../github/api-call.js';
import { RateBudget } from '../github/budget.js';
import { type ClientOptions, createClient, type GitHubClient } from '../github/client.js';
import type { Delivery } from '../github/deliver.js';
import { GitObjects } from '../github/objects.js';
import { GitHubSnapshot, type RepoRef, readTree, type TreeEntry } from '../github/snapshot.js';
import { type Inputs, maskSecret } from '../inputs.js';
import type { SopsKeys } from '../plan/types.js';
import { LocalSnapshot } from '../repo/local.js';
import { KeptSnapshot, type Snapshot } from '../repo/snapshot.js';
import type { RunFacts } from './facts.js';
import { ActionError } from './report.js';
import { type CheckTarget, postVerdicts } from './verdict.js';

export interface Session {
  inputs: Inputs;
  facts: RunFacts;
  ref: RepoRef;
  client: GitHubClient;
  baseBranch: string;
  /** The REST budget, as GitHub's answers report it. */
  budget: RateBudget;
  /** The run's Git object reads (commits, trees, blobs), each made once whoever asks. */
  objects: GitObjects;
}

/** Options a caller (the tests) sets on the client, e.g. pacing off. */
export type ClientOverrides = Partial<Omit<ClientOptions, 'token' | 'baseUrl'>>;

export async function openSession(
  inputs: Inputs,
  facts: RunFacts,
  clientOverrides: ClientOverrides = {},
): Promise<Session> {
  const ref = inputs.repository ?? facts.repository;
  if (!ref) throw new ActionError('GITHUB_REPOSITORY is not set; set the gitops-repository input');
  const budget = new RateBudget();
  const client = createClient({
    budget,
    token: inputs.token,
    baseUrl: facts.apiUrl,
    log: (m) => core.info(m),
    debug: (m) => core.debug(m),
    ...clientOverrides,
  });
  const fromEvent = facts.eventRepository;
  const baseBranch =
    inputs.baseBranch ??
    (fromEvent?.fullName.toLowerCase() === `${ref.owner}/${ref.repo}`.toLowerCase()
      ? fromEvent.defaultBranch
      : (await api(`reading repository ${ref.owner}/${ref.repo}`, () => client.rest.repos.get({ ...ref })))
          .data.default_branch);
  return { inputs, facts, ref, client, baseBranch, budget, objects: new GitObjects(client, ref) };
}

/**
 * The repository at a tree: the local checkout when the path input is set, else the API. Reads are
 * kept (unless `keep` is false: a whole-repo read), so the summary's version matrix re-reads nothing
 * the plan read.
 */
export function snapshotOf(session: Session, tree: readonly TreeEntry[], keep = true): Snapshot {
  const snapshot = session.inputs.path
    ? new LocalSnapshot(session.inputs.path)
    : new GitHubSnapshot(session.objects, tree);
  return keep ? new KeptSnapshot(snapshot) : snapshot;
}

/** The files of a commit's tree (GitHub reads a commit's tree by the commit's sha: one call, kept). */
export function treeOfCommit(session: Session, sha: string): Promise<TreeEntry[]> {
  const tree = api(`reading commit ${sha}`, () => readTree(session.objects, sha));
  // Read ahead by callers that may not await it: a failure is reported where it is awaited.
  tree.catch(() => {});
  return tree;
}

/** The age identities for the planner; every value it decrypts is masked before anything prints. */
export function sopsKeys(inputs: Inputs): SopsKeys {
  return {
    identities: inputs.sopsAgeIdentities,
    onDecrypted: (secrets) => {
      for (const secret of secrets) maskSecret(secret);
    },
  };
}

/** sops-age-recipients wins over flux-pkg.yaml's sopsAgeRecipients. */
export function sopsOverrides(inputs: Inputs): { sopsAgeRecipients: string[] } | undefined {
  return inputs.sopsAgeRecipients.length > 0 ? { sopsAgeRecipients: inputs.sopsAgeRecipients } : undefined;
}

/** What every mode's delivery shares: the client, the repository, the base branch, the branch prefix, dry run, the log. */
export function deliveryOf(session: Session): Omit<Delivery, 'propose'> {
  return {
    client: session.client,
    ref: session.ref,
    objects: session.objects,
    budget: session.budget,
    baseBranch: session.baseBranch,
    branchPrefix: session.inputs.branchPrefix,
    dryRun: session.inputs.dryRun,
    log: (m) => core.info(m),
    // Every mode's pull requests carry the gate's verdict on the heads it pushes.
    published: (published) => postVerdicts(checkTargetOf(session), published),
  };
}

/** Where the gate's verdict goes: this repository, under the check-context input. */
export function checkTargetOf(session: Session): CheckTarget {
  return {
    client: session.client,
    ref: session.ref,
    context: session.inputs.checkContext,
    dryRun: session.inputs.dryRun,
    serverUrl: session.facts.serverUrl,
  };
}
