/** What the e2e scenarios share: a gitops repo behind the stand-in, a supply chain push, a run of the action. */
import { afterAll, beforeAll, expect } from 'vitest';
import { parse } from 'yaml';
import { COMPONENT, initialFiles, NEW_VERSION, newPackage, pushEvent } from './fixtures.js';
import { type ActionRun, runAction } from './run-action.js';
import { Contract } from './stand-in/contract.js';
import { type PushedFile, type StandIn, startStandIn } from './stand-in/server.js';

export const OWNER = 'acme';
export const REPO = 'gitops';
export const TOKEN = 'ghs_e2eTestToken';

const open: StandIn[] = [];

/**
 * Compile the stand-in's contract before the file's tests, and close the file's stand-ins when they are done, checking that no request or response broke
 * GitHub's contract. (Per file, not per test: the scenarios run concurrently.)
 */
export function closeStandInsAfterAll(): void {
  // GitHub's contract is compiled once per file, before the tests (it is seconds of ajv on 2 cores).
  beforeAll(() => {
    Contract.shared();
  });
  afterAll(async () => {
    const standIns = open.splice(0);
    for (const s of standIns) await s.close();
    expect(standIns.flatMap((s) => s.violations)).toEqual([]);
  });
}

export async function gitopsRepo(files = initialFiles()): Promise<StandIn> {
  const standIn = await startStandIn({ owner: OWNER, repo: REPO, token: TOKEN, files });
  open.push(standIn);
  return standIn;
}

/** The supply chain pushes files to main; returns the push event. */
export function supplyChainPush(standIn: StandIn, files: Record<string, PushedFile>): object {
  const before = standIn.head('main')!;
  const after = standIn.commit('main', files, 'supply chain: write Package');
  return pushEvent(OWNER, REPO, before, after);
}

/** A repo and the push of the new Package: the start of most scenarios. */
export async function repoWithNewPackage(): Promise<{ standIn: StandIn; event: object }> {
  const standIn = await gitopsRepo();
  const pkg = newPackage();
  return { standIn, event: supplyChainPush(standIn, { [pkg.path]: pkg.content }) };
}

export function act(
  standIn: StandIn,
  event: object,
  inputs: Record<string, string> = {},
  eventName = 'push',
): Promise<ActionRun> {
  return runAction({
    apiUrl: standIn.url,
    repository: `${OWNER}/${REPO}`,
    eventName,
    event,
    token: TOKEN, // github-token's default, ${{ github.token }}
    inputs,
  });
}

export interface PrOutput {
  component: string;
  environment: string;
  number: number;
  url: string;
  branch: string;
  operation: string;
}

export const prsOf = (run: ActionRun): PrOutput[] => JSON.parse(run.outputs['pull-requests'] ?? '[]');

export const constraintOf = (text: string): string =>
  parse(text).spec.packageRef.versionSelection.constraints;

export const branches = (standIn: StandIn): string[] =>
  standIn
    .git(['for-each-ref', '--format=%(refname:short)', 'refs/heads'])
    .trim()
    .split('\n')
    .filter(Boolean)
    .sort();

/** The branch holds exactly main's files (its parent is main's head) but for the checked ones. */
export function expectBranchIsMainPlus(
  standIn: StandIn,
  branch: string,
  changed: Record<string, (text: string) => void>,
): void {
  const main = standIn.readTree('main');
  const tree = standIn.readTree(branch);
  expect(Object.keys(tree).sort()).toEqual(Object.keys(main).sort());
  for (const path of Object.keys(main)) {
    if (changed[path]) changed[path](tree[path]!);
    else expect(tree[path], path).toBe(main[path]);
  }
  const parents = standIn
    .git(['rev-list', '--parents', '-n', '1', standIn.head(branch)!])
    .trim()
    .split(' ')
    .slice(1);
  expect(parents).toEqual([standIn.head('main')]);
}

/** The state after a successful delivery of NEW_VERSION: one open PR per direct environment, each exact. */
export function expectDelivered(standIn: StandIn, version = NEW_VERSION): void {
  expect(
    standIn.pulls
      .filter((p) => p.state === 'open')
      .map((p) => p.head)
      .sort(),
  ).toEqual([`flux-pkg/${COMPONENT}/dev`, `flux-pkg/${COMPONENT}/staging`]);
  expect(branches(standIn)).toEqual([`flux-pkg/${COMPONENT}/dev`, `flux-pkg/${COMPONENT}/staging`, 'main']);
  for (const env of ['dev', 'staging']) {
    expectBranchIsMainPlus(standIn, `flux-pkg/${COMPONENT}/${env}`, {
      [`${COMPONENT}/${env}/packageinstall.yaml`]: (text) => expect(constraintOf(text)).toBe(version),
    });
  }
}

/** Nothing written: no branch but main, no pull request. */
export function expectNothingWritten(standIn: StandIn): void {
  expect(branches(standIn)).toEqual(['main']);
  expect(standIn.pulls).toEqual([]);
}

/** The head commit a pull_request event names. */
export const headOf = (event: object): string =>
  (event as { pull_request: { head: { sha: string } } }).pull_request.head.sha;

/**
 * The gate's only writes since `writesBefore`: its verdict, one commit status per run, on each
 * pull request head it judged (`flux-pkg/validate`, the check-context default), in order.
 */
export function expectOnlyVerdicts(
  standIn: StandIn,
  writesBefore: number,
  verdicts: readonly (readonly [sha: string, state: 'success' | 'failure'])[],
): void {
  expect(
    standIn
      .writes()
      .slice(writesBefore)
      .map((c) => [c.method, c.path.replace(/\?.*$/, '')]),
  ).toEqual(verdicts.map(([sha]) => ['POST', `/repos/${OWNER}/${REPO}/statuses/${sha}`]));
  expect(standIn.statuses.all.map((s) => [s.sha, s.context, s.state])).toEqual(
    verdicts.map(([sha, state]) => [sha, 'flux-pkg/validate', state]),
  );
}

/** The step failed with one line (the runner's ::error:: command) that contains `text`. */
export function expectFailedWith(run: ActionRun, text: string | RegExp): void {
  expect(run.code).not.toBe(0);
  const failures = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
  expect(failures).toHaveLength(1);
  expect(failures[0]).not.toContain('%0A'); // one line
  expect(failures[0]).toMatch(text);
}
