/**
 * Smoke tests of the bundle: dist/index.js run as the Actions runner runs it (a child process,
 * INPUT_* from action.yml), against the project's GitHub REST stand-in (a real bare git repository
 * behind GitHub's official OpenAPI contract). The scenarios in detail run in process
 * (__tests__/shell/); these prove the bundle is the same action.
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT, hasKubectl, kustomizeKinds, NEW_VERSION } from './fixtures.js';
import { openPullRequest } from './promotion-scenario.js';
import {
  act,
  branches,
  closeStandInsAfterAll,
  expectDelivered,
  expectFailedWith,
  expectNothingWritten,
  expectOnlyVerdicts,
  headOf,
  prsOf,
  repoWithNewPackage,
} from './scenario.js';

closeStandInsAfterAll();

/** The bundle delivers the new Package once; the tests below look at the result. */
let deliveredOnce: ReturnType<typeof deliverNewPackage> | undefined;
async function deliverNewPackage() {
  const { standIn, event } = await repoWithNewPackage();
  return { standIn, run: await act(standIn, event) };
}
const delivered = () => (deliveredOnce ??= deliverNewPackage());

describe.concurrent('the bundled action', () => {
  it('opens one pull request per environment for a new Package', async () => {
    const { standIn, run } = await delivered();
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.valid).toBe('true');
    expect(prsOf(run).map((p) => [p.environment, p.operation])).toEqual([
      ['dev', 'created'],
      ['staging', 'created'],
    ]);
    expect(run.summary).toContain(`| ${COMPONENT} | dev |`);
    expect(standIn.pulls[0]!.body).toContain(`key=${COMPONENT}/dev version=${NEW_VERSION}`);
    expectDelivered(standIn);
  });

  it.skipIf(!hasKubectl)(
    'writes environment folders that kubectl kustomize builds, as Flux will',
    async () => {
      const { standIn } = await delivered();
      for (const env of ['dev', 'staging']) {
        const folder = `${COMPONENT}/${env}`;
        const kinds = kustomizeKinds(standIn.readTree(`flux-pkg/${folder}`), [folder]);
        expect(kinds[folder]!.sort()).toEqual(['PackageInstall', 'Secret']);
      }
    },
  );

  it('validates the head of a pull request (mode auto on pull_request) and writes only its verdict', async () => {
    const { standIn } = await repoWithNewPackage();
    const paramsPath = `${COMPONENT}/prod/params.yaml`;
    const params = standIn.readTree('main')[paramsPath]!.replace(/replicas: \d+/, 'replicas: -1');
    const event = await openPullRequest(standIn, 'scale-down', { [paramsPath]: params });
    const writesBefore = standIn.writes().length;
    const run = await act(standIn, event, {}, 'pull_request');
    expectFailedWith(run, /1 validation error\(s\); nothing was written/);
    expect(run.annotations).toContainEqual(expect.stringContaining(`file=${paramsPath},line=`));
    expect(run.outputs.valid).toBe('false');
    // The gate's one write: its verdict on the head it judged (issue 17).
    expectOnlyVerdicts(standIn, writesBefore, [[headOf(event), 'failure']]);
    expect(branches(standIn)).toEqual(['main', 'scale-down']);
  });

  it('refuses bad input in one line, writing nothing', async () => {
    const { standIn, event } = await repoWithNewPackage();
    const run = await act(standIn, event, { 'branch-prefix': 'bad..prefix' });
    expectFailedWith(run, /branch-prefix "bad\.\.prefix" is not a valid git branch name/);
    expect(standIn.writes()).toEqual([]);
    expectNothingWritten(standIn);
  });
});
