/**
 * The action end to end: dist/index.js run as the Actions runner runs it, against the project's
 * GitHub REST stand-in (a real bare git repository behind GitHub's official OpenAPI contract).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  COMPONENT,
  initialFiles,
  kustomizeKinds,
  NEW_PACKAGE,
  NEW_VERSION,
  newPackage,
  pushEvent,
} from './fixtures.js';
import { type ActionRun, runAction } from './run-action.js';
import { type StandIn, startStandIn } from './stand-in/server.js';

const OWNER = 'acme';
const REPO = 'gitops';
const TOKEN = 'ghs_e2eTestToken';
const PREVIOUS = '20230412153322.0.0';

const standIns: StandIn[] = [];
afterEach(async () => {
  for (const s of standIns.splice(0)) {
    expect(s.violations).toEqual([]); // every request and response the action caused met GitHub's contract
    await s.close();
  }
});

async function gitopsRepo(): Promise<StandIn> {
  const standIn = await startStandIn({ owner: OWNER, repo: REPO, token: TOKEN, files: initialFiles() });
  standIns.push(standIn);
  return standIn;
}

/** The supply chain pushes files to main; returns the push event. */
function supplyChainPush(standIn: StandIn, files: Record<string, string | null>): object {
  const before = standIn.head('main')!;
  const after = standIn.commit('main', files, 'supply chain: write Package');
  return pushEvent(OWNER, REPO, before, after);
}

function act(
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
    inputs: { 'github-token': TOKEN, ...inputs },
  });
}

interface PrOutput {
  component: string;
  environment: string;
  number: number;
  url: string;
  branch: string;
  operation: string;
}
const prsOf = (run: ActionRun): PrOutput[] => JSON.parse(run.outputs['pull-requests'] ?? '[]');

function expectBranchIsMainPlus(
  standIn: StandIn,
  branch: string,
  changed: Record<string, (text: string) => void>,
) {
  const main = standIn.readTree('main');
  const tree = standIn.readTree(branch);
  expect(Object.keys(tree).sort()).toEqual(Object.keys(main).sort());
  for (const path of Object.keys(main)) {
    if (changed[path]) changed[path](tree[path]!);
    else expect(tree[path], path).toBe(main[path]);
  }
  const [parent] = standIn
    .git(['rev-list', '--parents', '-n', '1', standIn.head(branch)!])
    .trim()
    .split(' ')
    .slice(1);
  expect(parent).toBe(standIn.head('main'));
}

const constraintOf = (text: string) => parse(text).spec.packageRef.versionSelection.constraints;

describe('a new Package pushed to the gitops repo', () => {
  it('opens one pull request per environment that takes new versions, then reruns and updates cleanly', async () => {
    const standIn = await gitopsRepo();
    const pkg = newPackage();
    const event = supplyChainPush(standIn, { [pkg.path]: pkg.content });

    const run = await act(standIn, event);
    if (run.code !== 0) console.log(run.stdout, run.stderr);
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

    for (const env of ['dev', 'staging']) {
      const branch = `flux-pkg/${COMPONENT}/${env}`;
      expectBranchIsMainPlus(standIn, branch, {
        [`${COMPONENT}/${env}/packageinstall.yaml`]: (text) => expect(constraintOf(text)).toBe(NEW_VERSION),
      });
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
    expect(dev!.body).toContain('<!-- flux-pkg-action: app.default.tap/dev -->');
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
    const t0 = Date.now();
    const rerun = await act(standIn, event);
    if (standIn.writes().length !== writesBefore)
      console.log(
        'RERUN WROTE',
        Date.now() - t0,
        JSON.stringify(standIn.writes().slice(writesBefore)),
        rerun.stdout,
      );
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
    const branchesBefore = standIn.git(['for-each-ref', '--format=%(refname)', 'refs/heads']);

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
    expect(standIn.pulls).toEqual([]);
    expect(standIn.git(['for-each-ref', '--format=%(refname)', 'refs/heads'])).toBe(branchesBefore);
  });
});
