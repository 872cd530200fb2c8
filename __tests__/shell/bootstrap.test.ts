/**
 * Bootstrap in process: a rerun updates the open pull request; flux-api-version v1beta2 writes
 * objects the legacy CRDs accept; every folder the pull requests touch builds with kubectl
 * kustomize; the CLI writes the same files as the action; each bad input is a one-line reason naming
 * the input, a failed step, and nothing written (no branch, no commit, no pull request). The bundle's
 * own smoke test (one pull request Flux v1 can apply): __tests__/e2e/bootstrap.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/cli/main.js';
import {
  BOOTSTRAP_FILES,
  BOOTSTRAP_BRANCH as BRANCH,
  changedOn,
  checkoutOf,
  expectEveryObjectValid,
  expectFoldersBuild,
  objectsIn,
} from '../e2e/bootstrap-scenario.js';
import { BOOTSTRAP_INPUTS, bootstrapDispatch, COMPONENT, hasKubectl } from '../e2e/fixtures.js';
import {
  closeStandInsAfterAll,
  expectFailedWith,
  expectNothingWritten,
  gitopsRepo,
  OWNER,
  prsOf,
  REPO,
} from '../e2e/scenario.js';
import type { StandIn } from '../e2e/stand-in/server.js';
import { act } from './run-in-process.js';

closeStandInsAfterAll();

const dispatch = bootstrapDispatch(OWNER, REPO);
const INPUTS = BOOTSTRAP_INPUTS;

interface Opened {
  standIn: StandIn;
  changed: Record<string, string>;
}

/** A bootstrap of qa with `inputs` on a fresh repository. */
async function bootstrap(inputs: Record<string, string>): Promise<Opened> {
  const standIn = await gitopsRepo();
  const run = await act(standIn, dispatch, inputs, 'workflow_dispatch');
  expect(run.code, run.stdout).toBe(0);
  expect(prsOf(run).map((p) => [p.environment, p.operation])).toEqual([['qa', 'created']]);
  const changed = changedOn(standIn, BRANCH);
  expect(Object.keys(changed).sort()).toEqual(BOOTSTRAP_FILES);
  return { standIn, changed };
}

// Each pull request is opened once for the file; the tests below only read it.
let v1: Promise<Opened> | undefined;
let v1beta2: Promise<Opened> | undefined;
const openedV1 = () => (v1 ??= bootstrap(INPUTS));
const openedV1beta2 = () => (v1beta2 ??= bootstrap({ ...INPUTS, 'flux-api-version': 'v1beta2' }));

describe('bootstrap: a workflow_dispatch for a new environment', () => {
  it('a rerun while the pull request is open updates that pull request', async () => {
    const standIn = await gitopsRepo();
    expect((await act(standIn, dispatch, INPUTS, 'workflow_dispatch')).code).toBe(0);
    const rerun = await act(
      standIn,
      dispatch,
      { ...INPUTS, 'kubeconfig-secret-name': 'qa-cluster' },
      'workflow_dispatch',
    );
    expect(rerun.code).toBe(0);
    expect(prsOf(rerun).map((p) => [p.number, p.operation])).toEqual([[standIn.pulls[0]!.number, 'updated']]);
    expect(standIn.pulls).toHaveLength(1);
    expect(changedOn(standIn, BRANCH)[`clusters/brain/${COMPONENT}/qa.yaml`]).toContain('name: qa-cluster');
  });

  it('flux-api-version v1beta2: every object against the legacy CRDs', async () => {
    const { changed } = await openedV1beta2();
    const flux = objectsIn(changed[`clusters/brain/${COMPONENT}/qa.yaml`]!);
    expect(flux.slice(0, 3).map((o) => o.apiVersion)).toEqual(
      Array(3).fill('kustomize.toolkit.fluxcd.io/v1beta2'),
    );
    expect(objectsIn(changed[`clusters/brain/${COMPONENT}/gitrepository.yaml`]!)[0].apiVersion).toBe(
      'source.toolkit.fluxcd.io/v1beta2',
    );
    expectEveryObjectValid(changed);
    expect(parse(changed['flux-pkg.yaml']!).environments.at(-1)).toMatchObject({
      name: 'qa',
      fluxApiVersion: 'v1beta2',
    });
  });

  it.skipIf(!hasKubectl)(
    'every folder the v1 and v1beta2 pull requests touch builds with kubectl kustomize',
    async () => {
      for (const { standIn, changed } of [await openedV1(), await openedV1beta2()])
        expectFoldersBuild(standIn, BRANCH, changed);
    },
  );

  it('the CLI bootstrap writes the same files as the action', async () => {
    const { standIn, changed: fromAction } = await openedV1();
    const dir = checkoutOf(standIn.readTree('main'));
    const valuesFile = join(checkoutOf({}), 'values.yaml');
    writeFileSync(valuesFile, INPUTS.values);
    const out: string[] = [];
    const code = await main(
      [
        'bootstrap',
        '--repo',
        dir,
        '--component',
        COMPONENT,
        '--environment',
        'qa',
        '--target-namespace',
        'apps',
        '--git-url',
        INPUTS['git-url'],
        // The action's Provider reports to GITHUB_SERVER_URL's repository, whatever git-url says.
        '--repository-url',
        `https://github.example.com/${OWNER}/${REPO}`,
        '--values',
        valuesFile,
        '--branch',
        'main',
        '--write',
        '--json',
      ],
      { out: (t) => out.push(t), err: (t) => out.push(t) },
    );
    expect(code, out.join('')).toBe(0);
    for (const [path, text] of Object.entries(fromAction))
      expect(readFileSync(join(dir, path), 'utf8'), path).toBe(text);
  });
});

describe('bootstrap: bad input writes nothing', () => {
  it.each([
    ['an environment that is not a DNS label', { environment: 'QA' }, /environment "QA"/],
    ['an environment that escapes', { environment: '../x' }, /environment/],
    ['an unknown component', { component: 'nope.example.com' }, /component "nope.example.com"/],
    ['a version with no Package', { version: '9.9.9' }, /version "9.9.9"/],
    ['values that fail the schema', { values: 'replicas: 0\n' }, /replicas|minimum|>=/],
    ['values that do not parse', { values: 'a: [\n' }, /values is not valid YAML/],
    ['a Flux API version other than v1/v1beta2', { 'flux-api-version': 'v2' }, /flux-api-version/],
    ['a git URL neither https nor ssh', { 'git-url': 'http://github.com/acme/gitops' }, /git-url/],
    ['a namespace that is not a DNS label', { 'target-namespace': 'Apps' }, /target-namespace/],
    ['an environment that exists, without force', { environment: 'dev' }, /exists already.*force/],
  ])('%s', async (_, over, reason) => {
    const standIn = await gitopsRepo();
    const run = await act(standIn, dispatch, { ...INPUTS, ...over }, 'workflow_dispatch');
    expectFailedWith(run, reason);
    expectNothingWritten(standIn);
  });
});
