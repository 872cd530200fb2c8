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
import { BOOTSTRAP_INPUTS, bootstrapDispatch, COMPONENT, hasKubectl, kustomizeKinds } from './fixtures.js';
import { act, branches, closeStandInsAfterAll, gitopsRepo, OWNER, prsOf, REPO } from './scenario.js';
import type { StandIn } from './stand-in/server.js';

closeStandInsAfterAll();

const dispatch = bootstrapDispatch(OWNER, REPO);
const INPUTS = BOOTSTRAP_INPUTS;
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
  for (const folder of folders) expect(kustomizeKinds(tree, folder).length, folder).toBeGreaterThan(0);
}

/** The pull requests the scenarios above opened, for the kubectl check below. */
const opened = new Map<'v1' | 'v1beta2', { standIn: StandIn; changed: Record<string, string> }>();

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
    opened.set('v1', { standIn, changed });
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
    opened.set('v1beta2', { standIn, changed });
    expect(parse(changed['flux-pkg.yaml']!).environments.at(-1)).toMatchObject({
      name: 'qa',
      fluxApiVersion: 'v1beta2',
    });
  });

  it.skipIf(!hasKubectl)('every folder those pull requests touch builds with kubectl kustomize', () => {
    expect([...opened.keys()].sort()).toEqual(['v1', 'v1beta2']);
    for (const { standIn, changed } of opened.values()) expectFoldersBuild(standIn, BRANCH, changed);
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
    const { readFileSync } = await import('node:fs');
    const fromAction = changedOn(standIn, BRANCH);
    for (const [path, text] of Object.entries(fromAction))
      expect(readFileSync(join(dir, path), 'utf8'), path).toBe(text);
  });
});
