/**
 * The gate: mode validate on a pull request checks what it changes, at the right file and line,
 * against the base branch (out-of-order promotion, Packages changed in place, override labels).
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT, NEW_VERSION, newPackage } from '../e2e/fixtures.js';
import {
  chainRepo,
  OLD,
  openPullRequest,
  PARAMS,
  PI,
  PREVIOUS,
  withConstraint,
} from '../e2e/promotion-scenario.js';
import { closeStandInsAfterAll } from '../e2e/scenario.js';
import { act } from './run-in-process.js';

closeStandInsAfterAll();

// Sequential: each test stays well under its timeout on a loaded machine.
describe('a pull request on the gitops repo (mode validate)', () => {
  it('fails a broken values change with an annotation at its line', async () => {
    const standIn = await chainRepo();
    const params = standIn.readTree('main')[PARAMS('staging')]!;
    const lines = params.split('\n');
    const line = lines.findIndex((l) => /^\s+replicas:/.test(l));
    lines[line] = lines[line]!.replace(/replicas:.*/, 'replicas: 0');
    const broken = await openPullRequest(standIn, 'broken', { [PARAMS('staging')]: lines.join('\n') });
    const run = await act(standIn, broken, {}, 'pull_request');
    expect(run.code).toBe(1);
    expect(run.outputs.valid).toBe('false');
    expect(run.annotations).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^::error title=values\\.minimum,file=${PARAMS('staging').replaceAll('.', '\\.')},line=${line + 1},`,
        ),
      ),
    );
    expect(run.summary).toContain(`validated what the pull request changes: ${COMPONENT} in staging`);
  });

  it('passes a correct values change, checking only what the pull request touches', async () => {
    const standIn = await chainRepo();
    const params = standIn.readTree('main')[PARAMS('staging')]!;
    const fine = params.replace(/replicas:.*/, 'replicas: 3');
    const good = await openPullRequest(standIn, 'good', { [PARAMS('staging')]: fine });
    const passed = await act(standIn, good, {}, 'pull_request');
    expect(passed.stderr).toBe('');
    expect(passed.code).toBe(0);
    expect(passed.outputs.valid).toBe('true');
    expect(passed.summary).toMatch(
      new RegExp(`\\| ${COMPONENT.replaceAll('.', '\\.')} \\| staging \\|.*\\| valid \\|`),
    );
    // Only what the pull request touches (the version matrix after the plan's table shows every environment).
    expect(passed.summary.split('### Where every version runs')[0]).not.toMatch(/\| dev \|/);
    // Listing the PR's files went through the contract-checked stand-in.
    expect(standIn.calls.some((c) => c.operationId === 'pulls/list-files')).toBe(true);
  });

  it('flags an out-of-order promotion to prod at its line', async () => {
    const standIn = await chainRepo();
    const pkg = newPackage();
    standIn.commit('main', { [pkg.path]: pkg.content }, 'supply chain: new Package');
    // prod jumps to the new version, which staging (its promoteFrom) never ran.
    const change = {
      [PI('prod')]: withConstraint(standIn, 'prod', pkg.path.split('/').pop()!.replace('.yaml', '')),
    };
    const event = await openPullRequest(standIn, 'prod-jump', change);
    const run = await act(standIn, event, {}, 'pull_request');
    expect(run.code).toBe(1);
    expect(run.annotations).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^::error title=promotion\\.out-of-order,file=${PI('prod').replaceAll('.', '\\.')},line=11,.*staging \\(its promoteFrom\\) does not have: it runs ${PREVIOUS}`,
        ),
      ),
    );
  });

  it('lets an out-of-order promotion through with the override label, and reports it', async () => {
    const standIn = await chainRepo();
    const pkg = newPackage();
    standIn.commit('main', { [pkg.path]: pkg.content }, 'supply chain: new Package');
    const change = { [PI('prod')]: withConstraint(standIn, 'prod', NEW_VERSION) };
    const hotfix = await openPullRequest(standIn, 'prod-hotfix', change, ['hotfix']);
    const allowed = await act(standIn, hotfix, {}, 'pull_request');
    expect(allowed.code).toBe(0);
    expect(allowed.summary).toContain('out-of-order promotion(s) allowed by an override label');
    expect(allowed.summary).toContain('allowed by the label &quot;hotfix&quot;');
  });

  it('passes prod taking what staging runs (in order)', async () => {
    const standIn = await chainRepo();
    const inOrder = await openPullRequest(standIn, 'prod-in-order', {
      [PI('prod')]: withConstraint(standIn, 'prod', PREVIOUS),
    });
    expect((await act(standIn, inOrder, {}, 'pull_request')).code).toBe(0);
    expect(standIn.pulls.every((p) => p.head !== 'flux-pkg')).toBe(true);
  });

  it('refuses a Package changed in place and a values Secret under another name', async () => {
    const standIn = await chainRepo();
    const path = `${COMPONENT}/packages/${OLD}.yaml`;
    const text = standIn.readTree('main')[path]!;
    const event = await openPullRequest(standIn, 'rewrite', {
      [path]: text.replace('releaseNotes: Built', 'releaseNotes: Rebuilt'),
      [PARAMS('dev')]: standIn
        .readTree('main')
        [PARAMS('dev')]!.replace('name: app.default.tap-values', 'name: other-values'),
    });
    const run = await act(standIn, event, {}, 'pull_request');
    expect(run.code).toBe(1);
    const codes = run.annotations.map((a) => /title=([^,]+)/.exec(a)?.[1]);
    expect(codes).toContain('package.changed-in-place');
    expect(codes).toContain('packageinstall.values-secret-missing');
    expect(run.annotations.find((a) => a.includes('changed-in-place'))).toContain(`file=${path}`);
  });
});
