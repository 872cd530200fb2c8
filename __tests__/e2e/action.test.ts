/**
 * Smoke tests of the bundle: dist/index.js run as the Actions runner runs it (a child process,
 * INPUT_* from action.yml), against the project's GitHub REST stand-in (a real bare git repository
 * behind GitHub's official OpenAPI contract). The scenarios in detail run in process
 * (__tests__/shell/); these prove the bundle is the same action. The bundled gate on a pull request
 * (its verdict the only write): e2e/gate.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT, hasKubectl, kustomizeKinds, NEW_VERSION } from './fixtures.js';
import {
  act,
  closeStandInsAfterAll,
  expectDelivered,
  expectFailedWith,
  expectNothingWritten,
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

  it('refuses bad input in one line, writing nothing', async () => {
    const { standIn, event } = await repoWithNewPackage();
    const run = await act(standIn, event, { 'branch-prefix': 'bad..prefix' });
    expectFailedWith(run, /branch-prefix "bad\.\.prefix" is not a valid git branch name/);
    expect(standIn.writes()).toEqual([]);
    expectNothingWritten(standIn);
  });
});
