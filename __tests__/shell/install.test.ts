/**
 * Mode install, in process against the stand-in: a new Package opens one pull request per
 * environment that takes new versions; reruns, newer and late Packages, closing, values never shown.
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT, NEW_PACKAGE, NEW_VERSION, newPackage } from '../e2e/fixtures.js';
import type { ActionRun } from '../e2e/run-action.js';
import {
  closeStandInsAfterAll,
  constraintOf,
  expectBranchIsMainPlus,
  expectDelivered,
  expectNothingWritten,
  gitopsRepo,
  prsOf,
  repoWithNewPackage,
  supplyChainPush,
} from '../e2e/scenario.js';
import type { StandIn } from '../e2e/stand-in/server.js';
import { act } from './run-in-process.js';

const PREVIOUS = '20230412153322.0.0';
const NEWER = '20230601120000.0.0';

closeStandInsAfterAll();

/** A repo where the action already delivered the new Package: two open pull requests. */
async function delivered() {
  const { standIn, event } = await repoWithNewPackage();
  const run = await act(standIn, event);
  expect(run.code, run.stdout).toBe(0);
  return { standIn, event, prs: prsOf(run) };
}

/** One delivery of the new Package on a fresh repo, run once for the file: the two tests below only read it. */
let deliveredOnce: Promise<{ standIn: StandIn; run: ActionRun }> | undefined;
async function deliverOnce() {
  const { standIn, event } = await repoWithNewPackage();
  return { standIn, run: await act(standIn, event) };
}
const firstDelivery = () => (deliveredOnce ??= deliverOnce());

describe('a new Package pushed to the gitops repo', () => {
  it('opens one pull request per environment that takes new versions, with exact outputs', async () => {
    const { standIn, run } = await firstDelivery();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs.valid).toBe('true');
    const prs = prsOf(run);
    expect(prs.map((p) => [p.environment, p.operation, p.branch])).toEqual([
      ['dev', 'created', `flux-pkg/${COMPONENT}/dev`],
      ['staging', 'created', `flux-pkg/${COMPONENT}/staging`],
    ]);
    expect(run.outputs['pull-request-number']).toBe(String(prs[0]!.number));
    expect(run.outputs['pull-request-url']).toBe(prs[0]!.url);
    expect(JSON.parse(run.outputs['changed-files']!)).toEqual([
      `${COMPONENT}/dev/packageinstall.yaml`,
      `${COMPONENT}/staging/packageinstall.yaml`,
    ]);
    expectDelivered(standIn);
    // API economy: per pull request at most tree, commit, ref, pull, one of labels/reviewers and
    // the gate's status; one more for the delivery cursor.
    const writes = standIn.writes().map((c) => c.route);
    expect(writes.filter((r) => r.includes('/git/trees'))).toHaveLength(2);
    expect(writes.filter((r) => r.includes('/statuses/'))).toHaveLength(2);
    expect(writes.length).toBeLessThanOrEqual(2 * 6 + 1 + 1);
  });

  it('writes pull requests with the configured title, labels, reviewers and an inert body', async () => {
    const { standIn, run } = await firstDelivery();
    expect(run.code).toBe(0);
    const [dev, staging] = standIn.pulls;
    expect(dev).toMatchObject({ title: `Deploy ${COMPONENT} ${NEW_VERSION} to dev`, state: 'open' });
    expect(dev!.labels).toEqual(['deploy/dev']);
    expect(staging!.reviewers).toEqual(['alice-sre']);
    expect(staging!.teamReviewers).toEqual(['platform-oncall']);
    expect(dev!.body).toContain(
      `| ${COMPONENT} | dev | \`${PREVIOUS}\` → \`${NEW_VERSION}\` | \`${NEW_VERSION}\` |`,
    );
    expect(dev!.body).toContain(NEW_PACKAGE);
    expect(dev!.body!.trimEnd().split('\n').at(-1)).toBe(
      `<!-- flux-pkg-action v1 key=${COMPONENT}/dev version=${NEW_VERSION} -->`,
    );
    expect(run.summary).toContain(`| ${COMPONENT} | dev | \`${PREVIOUS}\` → \`${NEW_VERSION}\``);
    // What changes in the cluster (issue 18): the bundle from → to and the values it runs with.
    expect(dev!.body).toContain('**Fetches** (`spec.template.spec.fetch`, entries that differ)');
    expect(dev!.body).toContain('**Values it will run with**');
    expect(run.summary).toContain('what changes in the cluster');
  });

  it('a rerun of the same event writes nothing: the delivery cursor says it is delivered', async () => {
    const { standIn, event, prs } = await delivered();
    expect(prs).toHaveLength(2);
    const writesBefore = standIn.writes().length;
    const rerun = await act(standIn, event);
    expect(rerun.code).toBe(0);
    expect(standIn.writes().length).toBe(writesBefore);
    expect(prsOf(rerun)).toEqual([]);
    expect(rerun.summary).toContain('nothing changed since the last delivery');
  });

  it('a newer version updates the same pull requests instead of opening more', async () => {
    const { standIn, prs } = await delivered();
    const newer = newPackage(NEWER);
    const second = await act(standIn, supplyChainPush(standIn, { [newer.path]: newer.content }));
    expect(second.code).toBe(0);
    expect(prsOf(second).map((p) => [p.environment, p.operation, p.number])).toEqual([
      ['dev', 'updated', prs[0]!.number],
      ['staging', 'updated', prs[1]!.number],
    ]);
    expect(standIn.pulls).toHaveLength(2);
    expect(standIn.pulls[0]!.title).toBe(`Deploy ${COMPONENT} ${NEWER} to dev`);
    expectBranchIsMainPlus(standIn, `flux-pkg/${COMPONENT}/dev`, {
      [`${COMPONENT}/dev/packageinstall.yaml`]: (text) => expect(constraintOf(text)).toBe(NEWER),
    });
  });

  it('a late run for an older Package (runs finish out of order) leaves the newer proposal alone', async () => {
    const standIn = await gitopsRepo();
    const older = newPackage();
    const newer = newPackage(NEWER);
    standIn.commit('main', { [older.path]: older.content }, 'older Package');
    const event = supplyChainPush(standIn, { [newer.path]: newer.content });
    expect((await act(standIn, event)).code).toBe(0);
    const writesBefore = standIn.writes().length;
    const late = await act(standIn, event, { packages: older.path });
    expect(late.code).toBe(0);
    expect(prsOf(late).map((p) => p.operation)).toEqual(['unchanged', 'unchanged']);
    expect(late.stdout).toContain(`it already proposes the newer ${NEWER}`);
    expect(standIn.writes().length).toBe(writesBefore);
  });

  it('closes its pull request, with a comment, once the base branch already has the version', async () => {
    const { standIn, event } = await repoWithNewPackage();
    expect((await act(standIn, event, { 'auto-merge': 'squash', draft: 'true' })).code).toBe(0);
    expect(standIn.pulls.map((p) => [p.draft, p.autoMerge?.mergeMethod])).toEqual([
      [true, 'squash'],
      [true, 'squash'],
    ]);
    // Someone delivers dev by hand on main: dev's pull request has nothing left to propose.
    const devPi = `${COMPONENT}/dev/packageinstall.yaml`;
    const merged = standIn.readTree(`flux-pkg/${COMPONENT}/dev`)[devPi]!;
    standIn.commit('main', { [devPi]: merged }, 'deliver dev by hand');
    const run = await act(standIn, event, { packages: NEW_PACKAGE });
    expect(run.code).toBe(0);
    expect(prsOf(run).find((p) => p.environment === 'dev')!.operation).toBe('closed');
    expect(standIn.pulls[0]!.state).toBe('closed');
    expect(standIn.pulls[0]!.comments.map((c) => c.body)).toEqual([
      expect.stringContaining('main already has what this pull request proposed'),
    ]);
    // staging's pull request is rebuilt on the new main.
    expect(prsOf(run).find((p) => p.environment === 'staging')!.operation).toBe('updated');
    expect(standIn.pulls[1]!.state).toBe('open');
  });
});

describe('invalid values', () => {
  it('never shows values in logs, the summary or the outputs', async () => {
    const standIn = await gitopsRepo();
    const params = standIn.readTree('main')[`${COMPONENT}/dev/params.yaml`]!;
    const secretLine = '    api_token_hint: "s3cr3t-value-do-not-log"';
    expect(params).toContain('stringData:');
    const pkg = newPackage();
    // An unknown key carrying a secret-looking value: the error names the key and line, never the value.
    const withSecret = params.replace(/(values\.yaml: \|\n)/, `$1${secretLine}\n`);
    const event = supplyChainPush(standIn, {
      [pkg.path]: pkg.content,
      [`${COMPONENT}/dev/params.yaml`]: withSecret,
    });
    const run = await act(standIn, event);
    expect(run.code).toBe(1);
    expect(run.annotations.join('\n')).toContain('api_token_hint');
    for (const text of [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs)]) {
      expect(text).not.toContain('s3cr3t-value-do-not-log');
    }
    expectNothingWritten(standIn);
  });

  it('fails with an annotation naming the file and line, and writes nothing', async () => {
    const standIn = await gitopsRepo();
    const paramsPath = `${COMPONENT}/staging/params.yaml`;
    const lines = standIn.readTree('main')[paramsPath]!.split('\n');
    const line = lines.findIndex((l) => /^\s+replicas:/.test(l));
    lines[line] = lines[line]!.replace(/replicas:.*/, 'replicas: 0');
    const pkg = newPackage();
    const event = supplyChainPush(standIn, { [pkg.path]: pkg.content, [paramsPath]: lines.join('\n') });

    const run = await act(standIn, event);
    expect(run.code).toBe(1);
    expect(run.outputs.valid).toBe('false');
    expect(run.annotations).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^::error title=values\\.minimum,file=${paramsPath.replaceAll('.', '\\.')},line=${line + 1},col=\\d+::\\.replicas must be >= 1`,
        ),
      ),
    );
    expect(run.stdout).toMatch(/::error::1 validation error\(s\); nothing was written/);
    expect(standIn.writes()).toEqual([]);
    expectNothingWritten(standIn);
  });
});
