/**
 * The gate (mode validate on a pull request) on a repository past one recursive tree read: it reads
 * the head's and the base's roots, then only the folders the pull request touches, and judges them
 * as it does on a small repository. A pull request that makes it validate everything is refused,
 * naming the files that make it so.
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT, initialFiles } from '../e2e/fixtures.js';
import { chainConfig, openPullRequest, PARAMS } from '../e2e/promotion-scenario.js';
import {
  closeLargeTreeStandIns,
  expectOnlyNeededReads,
  folderShas,
  largeRepo,
  shaOf,
  withUnrelated,
} from './large-tree-helpers.js';
import { act } from './run-in-process.js';

closeLargeTreeStandIns();

const repoFiles = () => withUnrelated({ ...initialFiles(), 'flux-pkg.yaml': chainConfig() });

describe('the gate on a repository past one recursive tree read', () => {
  it('fails a broken values change at its line and passes a good one, reading only the touched component', async () => {
    const standIn = await largeRepo(repoFiles());
    const params = standIn.readTree('main')[PARAMS('staging')]!;
    const lines = params.split('\n');
    const line = lines.findIndex((l) => /^\s+replicas:/.test(l));
    lines[line] = lines[line]!.replace(/replicas:.*/, 'replicas: 0');

    const from = standIn.calls.length;
    const broken = await openPullRequest(standIn, 'broken', { [PARAMS('staging')]: lines.join('\n') });
    const run = await act(standIn, broken, {}, 'pull_request');
    expect(run.code, run.stdout).toBe(1);
    expect(run.outputs.valid).toBe('false');
    expect(run.annotations).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^::error title=values\\.minimum,file=${PARAMS('staging').replaceAll('.', '\\.')},line=${line + 1},`,
        ),
      ),
    );
    expect(run.summary).toContain(`validated what the pull request changes: ${COMPONENT} in staging`);
    expectOnlyNeededReads(standIn, from, {
      roots: [
        ['main', shaOf(standIn, 'main')],
        [standIn.head('broken')!, shaOf(standIn, 'broken')],
      ],
      folders: new Set([
        ...folderShas(standIn, 'main', COMPONENT),
        ...folderShas(standIn, 'broken', COMPONENT),
      ]),
      revs: ['main', 'broken'],
    });

    const good = await openPullRequest(standIn, 'good', {
      [PARAMS('staging')]: params.replace(/replicas:.*/, 'replicas: 3'),
    });
    const passed = await act(standIn, good, {}, 'pull_request');
    expect(passed.code, passed.stdout).toBe(0);
    expect(passed.outputs.valid).toBe('true');
  });

  it('passes a pull request that touches no component without reading any folder', async () => {
    const standIn = await largeRepo(repoFiles());
    const from = standIn.calls.length;
    const docs = await openPullRequest(standIn, 'docs', { 'README.md': '# gitops\n' });
    const run = await act(standIn, docs, {}, 'pull_request');
    expect(run.code, run.stdout).toBe(0);
    expect(run.summary).toContain('nothing to validate');
    expectOnlyNeededReads(standIn, from, {
      roots: [
        ['main', shaOf(standIn, 'main')],
        [standIn.head('docs')!, shaOf(standIn, 'docs')],
      ],
      folders: new Set(),
      revs: ['main', 'docs'],
    });
  });

  it('judges a Brain file against every component folder, reading the Brain folder and that component only', async () => {
    const standIn = await largeRepo(repoFiles());
    // A Kustomization for an unrelated component, applying it with the kubeconfig's own identity.
    const brainFile = `clusters/brain/${COMPONENT}/prod.yaml`;
    const kustomization = `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: sneaky
  namespace: flux-system
spec:
  interval: 10m
  path: ./unrelated-3.apps.example.com/prod
  prune: true
  sourceRef:
    kind: GitRepository
    name: gitops
  kubeConfig:
    secretRef:
      name: prod-kubeconfig
`;
    const from = standIn.calls.length;
    const event = await openPullRequest(standIn, 'brain', { [brainFile]: kustomization });
    const run = await act(standIn, event, {}, 'pull_request');
    expect(run.code, run.stdout).toBe(1);
    expect(run.annotations).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^::error title=policy\\.service-account,file=${brainFile.replaceAll('.', '\\.')},.*unrelated-3\\.apps\\.example\\.com/prod without serviceAccountName`,
        ),
      ),
    );
    expectOnlyNeededReads(standIn, from, {
      roots: [
        ['main', shaOf(standIn, 'main')],
        [standIn.head('brain')!, shaOf(standIn, 'brain')],
      ],
      folders: new Set([
        ...folderShas(standIn, 'main', COMPONENT),
        ...folderShas(standIn, 'brain', COMPONENT),
        ...folderShas(standIn, 'brain', 'clusters'),
      ]),
      revs: ['main', 'brain'],
    });
  });

  it('refuses a flux-pkg.yaml change, naming it: validating every environment needs every folder', async () => {
    const standIn = await largeRepo(repoFiles());
    const change = await openPullRequest(standIn, 'config', {
      'flux-pkg.yaml': `${chainConfig()}prFlow: per-environment\n`,
    });
    const run = await act(standIn, change, {}, 'pull_request');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /changes flux-pkg\.yaml, so the gate validates every environment.*needs a review by hand, with `flux-pkg validate` run on a checkout of its head/,
    );
    expect(run.stdout).toMatch(/larger than GitHub lists in one read/);
  });
});
