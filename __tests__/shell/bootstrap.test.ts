/**
 * Bootstrap's bad inputs, in process: each is a one-line reason naming the input, a failed step, and
 * nothing written (no branch, no commit, no pull request). The happy paths run on dist/ (e2e/bootstrap).
 */
import { describe, it } from 'vitest';
import { BOOTSTRAP_INPUTS, bootstrapDispatch } from '../e2e/fixtures.js';
import {
  closeStandInsAfterAll,
  expectFailedWith,
  expectNothingWritten,
  gitopsRepo,
  OWNER,
  REPO,
} from '../e2e/scenario.js';
import { act } from './run-in-process.js';

closeStandInsAfterAll();

const dispatch = bootstrapDispatch(OWNER, REPO);
const INPUTS = BOOTSTRAP_INPUTS;

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
