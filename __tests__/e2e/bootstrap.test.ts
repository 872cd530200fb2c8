/**
 * Mode bootstrap end to end: a workflow_dispatch through dist/index.js against the stand-in opens
 * one pull request whose every object the real CRDs (and the shipped schema) accept, whose folders
 * build with kubectl kustomize; the CLI writes the same files; bad input writes nothing.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { main } from '../../src/cli/main.js';
import { checkObject } from '../../src/flux/validate.js';
import { checkAgainstCrd, hasReference, isCustomResource } from '../flux/crd.js';
import { COMPONENT, kustomizeKinds } from './fixtures.js';
import {
  act,
  branches,
  closeStandInsAfterAll,
  expectFailedWith,
  expectNothingWritten,
  gitopsRepo,
  OWNER,
  prsOf,
  REPO,
} from './scenario.js';
import type { StandIn } from './stand-in/server.js';

closeStandInsAfterAll();

const dispatch = {
  inputs: {},
  ref: 'refs/heads/main',
  repository: { full_name: `${OWNER}/${REPO}`, default_branch: 'main' },
};
const INPUTS = {
  component: COMPONENT,
  environment: 'qa',
  'target-namespace': 'apps',
  'git-url': 'https://github.com/acme/gitops.git',
  values: 'replicas: 2\nhostname: qa.example.com\n',
};
const BRANCH = `flux-pkg/_bootstrap/qa/${COMPONENT}`;

/** The files the branch changes against main. */
function changedOn(standIn: StandIn, branch: string): Record<string, string> {
  const main = standIn.readTree('main');
  const tree = standIn.readTree(branch);
  return Object.fromEntries(Object.entries(tree).filter(([path, text]) => main[path] !== text));
}

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML is navigated freely in assertions
const objectsIn = (text: string): any[] => parseAllDocuments(text).map((d) => d.toJS());

function expectEveryObjectValid(changed: Record<string, string>): void {
  let checked = 0;
  for (const [path, text] of Object.entries(changed)) {
    if (path === 'flux-pkg.yaml') continue;
    for (const object of objectsIn(text)) {
      expect(checkObject(object), `${path} ${object.kind} (shipped schema)`).toEqual([]);
      if (hasReference && isCustomResource(object))
        expect(checkAgainstCrd(object), `${path} ${object.kind} (real CRD)`).toEqual([]);
      checked++;
    }
  }
  expect(checked).toBeGreaterThanOrEqual(10);
}

function expectFoldersBuild(standIn: StandIn, branch: string, changed: Record<string, string>): void {
  const tree = standIn.readTree(branch);
  const folders = new Set(
    Object.keys(changed)
      .filter((p) => p !== 'flux-pkg.yaml')
      .map((p) => dirname(p)),
  );
  for (const folder of folders) {
    const kinds = kustomizeKinds(tree, folder);
    if (kinds) expect(kinds.length, folder).toBeGreaterThan(0);
  }
}

// Two action runs and kubectl kustomize per folder: seconds each on a loaded machine.
describe('bootstrap: a workflow_dispatch for a new environment', { timeout: 60_000 }, () => {
  it('opens ONE pull request that Flux v1 can apply', async () => {
    const standIn = await gitopsRepo();
    const run = await act(standIn, dispatch, INPUTS, 'workflow_dispatch');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(prsOf(run).map((p) => [p.environment, p.operation, p.branch])).toEqual([
      ['qa', 'created', BRANCH],
    ]);
    expect(standIn.pulls).toHaveLength(1);
    expect(branches(standIn)).toEqual([BRANCH, 'main']);
    const changed = changedOn(standIn, BRANCH);
    expect(Object.keys(changed).sort()).toEqual(
      [
        `${COMPONENT}/qa/packageinstall.yaml`,
        `${COMPONENT}/qa/params.yaml`,
        `${COMPONENT}/qa/kustomization.yaml`,
        `${COMPONENT}/qa-rbac/rbac.yaml`,
        `${COMPONENT}/qa-rbac/kustomization.yaml`,
        `clusters/brain/${COMPONENT}/gitrepository.yaml`,
        `clusters/brain/${COMPONENT}/provider.yaml`,
        `clusters/brain/${COMPONENT}/qa.yaml`,
        `clusters/brain/${COMPONENT}/kustomization.yaml`,
        'flux-pkg.yaml',
      ].sort(),
    );
    expectEveryObjectValid(changed);
    expectFoldersBuild(standIn, BRANCH, changed);
    expect(parse(changed['flux-pkg.yaml']!).environments.map((e: { name: string }) => e.name)).toContain(
      'qa',
    );
    expect(objectsIn(changed[`clusters/brain/${COMPONENT}/qa.yaml`]!)[2].spec.healthCheckExprs).toHaveLength(
      1,
    );
    expect(standIn.pulls[0]!.body).toContain('kubectl -n flux-system create secret generic qa-kubeconfig');
  });

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
    const standIn = await gitopsRepo();
    const run = await act(
      standIn,
      dispatch,
      { ...INPUTS, 'flux-api-version': 'v1beta2' },
      'workflow_dispatch',
    );
    expect(run.code).toBe(0);
    const changed = changedOn(standIn, BRANCH);
    const flux = objectsIn(changed[`clusters/brain/${COMPONENT}/qa.yaml`]!);
    expect(flux.slice(0, 3).map((o) => o.apiVersion)).toEqual(
      Array(3).fill('kustomize.toolkit.fluxcd.io/v1beta2'),
    );
    expect(objectsIn(changed[`clusters/brain/${COMPONENT}/gitrepository.yaml`]!)[0].apiVersion).toBe(
      'source.toolkit.fluxcd.io/v1beta2',
    );
    expectEveryObjectValid(changed);
    expectFoldersBuild(standIn, BRANCH, changed);
    expect(parse(changed['flux-pkg.yaml']!).environments.at(-1)).toMatchObject({
      name: 'qa',
      fluxApiVersion: 'v1beta2',
    });
  });

  it('the CLI bootstrap writes the same files as the action', async () => {
    const standIn = await gitopsRepo();
    const dir = mkdtempSync(join(tmpdir(), 'flux-pkg-bootstrap-'));
    for (const [path, text] of Object.entries(standIn.readTree('main'))) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const valuesFile = join(mkdtempSync(join(tmpdir(), 'flux-pkg-values-')), 'values.yaml');
    writeFileSync(valuesFile, INPUTS.values);
    const run = await act(standIn, dispatch, INPUTS, 'workflow_dispatch');
    expect(run.code).toBe(0);
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
    const { readFileSync } = await import('node:fs');
    const fromAction = changedOn(standIn, BRANCH);
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
