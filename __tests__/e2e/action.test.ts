/**
 * The action end to end: dist/index.js run as the Actions runner runs it, against the project's
 * GitHub REST stand-in (a real bare git repository behind GitHub's official OpenAPI contract).
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT, kustomizeKinds, NEW_PACKAGE, NEW_VERSION, newPackage } from './fixtures.js';
import {
  act,
  closeStandInsAfterAll,
  constraintOf,
  expectBranchIsMainPlus,
  expectDelivered,
  expectNothingWritten,
  gitopsRepo,
  prsOf,
  supplyChainPush,
} from './scenario.js';

const PREVIOUS = '20230412153322.0.0';

closeStandInsAfterAll();

describe.concurrent('a new Package pushed to the gitops repo', () => {
  it('opens one pull request per environment that takes new versions, then reruns and updates cleanly', async () => {
    const standIn = await gitopsRepo();
    const pkg = newPackage();
    const event = supplyChainPush(standIn, { [pkg.path]: pkg.content });

    const run = await act(standIn, event);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs.valid).toBe('true');
    const prs = prsOf(run);
    expect(prs.map((p) => [p.environment, p.operation, p.branch])).toEqual([
      ['dev', 'created', `flux-pkg/${COMPONENT}/dev`],
      ['staging', 'created', `flux-pkg/${COMPONENT}/staging`],
    ]);
    expect(run.outputs['pull-request-number']).toBe(String(prs[0]!.number));
    expect(JSON.parse(run.outputs['changed-files']!)).toEqual([
      `${COMPONENT}/dev/packageinstall.yaml`,
      `${COMPONENT}/staging/packageinstall.yaml`,
    ]);

    expectDelivered(standIn);
    for (const env of ['dev', 'staging']) {
      const branch = `flux-pkg/${COMPONENT}/${env}`;
      expect(kustomizeKinds(standIn.readTree(branch), `${COMPONENT}/${env}`)?.sort()).toEqual([
        'PackageInstall',
        'Secret',
      ]);
    }

    const [dev, staging] = standIn.pulls;
    expect(dev).toMatchObject({ title: `Deploy ${COMPONENT} ${NEW_VERSION} to dev`, state: 'open' });
    expect(dev!.labels).toEqual(['deploy/dev']);
    expect(staging!.reviewers).toEqual(['alice-sre']);
    expect(staging!.teamReviewers).toEqual(['platform-oncall']);
    expect(dev!.body).toContain(
      `| ${COMPONENT} | dev | \`${PREVIOUS}\` → \`${NEW_VERSION}\` | \`${NEW_VERSION}\` |`,
    );
    expect(dev!.body).toContain(NEW_PACKAGE);
    expect(dev!.body).toContain(`<!-- flux-pkg-action v1 key=app.default.tap/dev version=${NEW_VERSION} -->`);
    expect(run.summary).toContain(`| ${COMPONENT} | dev | \`${PREVIOUS}\` → \`${NEW_VERSION}\``);
    // Values keys are named, never values.
    expect(dev!.body).toContain('Values keys changed: none');
    expect(dev!.body).not.toMatch(/hostname:|replicas:/);

    // API economy: per pull request at most tree, commit, ref, pull and one of labels/reviewers.
    const writes = standIn.writes().map((c) => c.route);
    expect(writes.filter((r) => r.includes('/git/trees'))).toHaveLength(2);
    expect(writes.length).toBeLessThanOrEqual(2 * 5 + 1);

    // A rerun of the same event writes nothing and reports the PRs unchanged.
    const writesBefore = standIn.writes().length;
    const rerun = await act(standIn, event);
    expect(rerun.code).toBe(0);
    expect(standIn.writes().length).toBe(writesBefore);
    expect(prsOf(rerun).map((p) => [p.environment, p.operation, p.number])).toEqual([
      ['dev', 'unchanged', prs[0]!.number],
      ['staging', 'unchanged', prs[1]!.number],
    ]);

    // A newer version updates the same pull requests instead of opening more.
    const newer = newPackage('20230601120000.0.0');
    const second = await act(standIn, supplyChainPush(standIn, { [newer.path]: newer.content }));
    expect(second.code).toBe(0);
    expect(prsOf(second).map((p) => [p.environment, p.operation, p.number])).toEqual([
      ['dev', 'updated', prs[0]!.number],
      ['staging', 'updated', prs[1]!.number],
    ]);
    expect(standIn.pulls).toHaveLength(2);
    expect(standIn.pulls[0]!.title).toBe(`Deploy ${COMPONENT} 20230601120000.0.0 to dev`);
    expectBranchIsMainPlus(standIn, `flux-pkg/${COMPONENT}/dev`, {
      [`${COMPONENT}/dev/packageinstall.yaml`]: (text) =>
        expect(constraintOf(text)).toBe('20230601120000.0.0'),
    });

    // A late run for the older Package (runs finish out of order) leaves the newer proposal alone.
    const writesBeforeLate = standIn.writes().length;
    const late = await act(standIn, event, { packages: pkg.path });
    expect(late.code).toBe(0);
    expect(prsOf(late).map((p) => p.operation)).toEqual(['unchanged', 'unchanged']);
    expect(late.stdout).toContain('it already proposes the newer 20230601120000.0.0');
    expect(standIn.writes().length).toBe(writesBeforeLate);
  });

  it('closes its pull request, with a comment, once the base branch already has the version', async () => {
    const standIn = await gitopsRepo();
    const pkg = newPackage();
    const event = supplyChainPush(standIn, { [pkg.path]: pkg.content });
    expect((await act(standIn, event, { 'auto-merge': 'squash', draft: 'true' })).code).toBe(0);
    expect(standIn.pulls.map((p) => [p.draft, p.autoMerge?.mergeMethod])).toEqual([
      [true, 'squash'],
      [true, 'squash'],
    ]);
    // Someone delivers dev by hand on main: dev's pull request has nothing left to propose.
    const devPi = `${COMPONENT}/dev/packageinstall.yaml`;
    const merged = standIn.readTree(`flux-pkg/${COMPONENT}/dev`)[devPi]!;
    standIn.commit('main', { [devPi]: merged }, 'deliver dev by hand');
    const run = await act(standIn, event, { packages: pkg.path });
    expect(run.code).toBe(0);
    const dev = prsOf(run).find((p) => p.environment === 'dev')!;
    expect(dev.operation).toBe('closed');
    expect(standIn.pulls[0]!.state).toBe('closed');
    expect(standIn.pulls[0]!.comments.map((c) => c.body)).toEqual([
      expect.stringContaining('main already has what this pull request proposed'),
    ]);
    // staging's pull request is rebuilt on the new main.
    expect(prsOf(run).find((p) => p.environment === 'staging')!.operation).toBe('updated');
    expect(standIn.pulls[1]!.state).toBe('open');
  });

  it('never shows values in logs, the summary or the pull request', async () => {
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
  });

  it('fails on invalid values with an annotation naming the file and line, and writes nothing', async () => {
    const standIn = await gitopsRepo();
    const paramsPath = `${COMPONENT}/staging/params.yaml`;
    const params = standIn.readTree('main')[paramsPath]!;
    const lines = params.split('\n');
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
