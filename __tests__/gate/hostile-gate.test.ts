/**
 * The gate, tried as a hostile contributor would (issue 16, classes 1, 2, 7 and 9), through the
 * action in process against the REST stand-in: each attack fails the step with an annotation at the
 * file and line and writes nothing (no branch, no pull request of its own); each has a control, a
 * legitimate change of the same shape that still passes.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPONENT, newPackage } from '../e2e/fixtures.js';
import {
  chainRepo,
  OLD,
  openPullRequest,
  PARAMS,
  PI,
  PREVIOUS,
  withConstraint,
} from '../e2e/promotion-scenario.js';
import { branches, closeStandInsAfterAll } from '../e2e/scenario.js';
import type { StandIn } from '../e2e/stand-in/server.js';
import { workspace } from '../hostile/fixture.js';
import { act } from '../shell/run-in-process.js';

closeStandInsAfterAll();

const DIR = (env: string) => `${COMPONENT}/${env}`;
const KUSTOMIZATION = (env: string) => `${DIR(env)}/kustomization.yaml`;
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const annotationAt = (code: string, file: string, line: number) =>
  new RegExp(`^::error title=${literal(code)},file=${literal(file)},line=${line},`);

/** Nothing written: main, the pull request's own branch, and only the pull request the test opened. */
function expectNothingWritten(standIn: StandIn, branch: string): void {
  expect(branches(standIn)).toEqual(['main', branch].sort());
  expect(standIn.pulls).toHaveLength(1);
}

/** A line number (1-based) of the first line of `text` matching `pattern`. */
const lineOf = (text: string, pattern: RegExp) => text.split('\n').findIndex((l) => pattern.test(l)) + 1;

/** prod's PackageInstall and values Secret moved into one deploy.yaml, at `version`. */
function deployYaml(standIn: StandIn, version: string): string {
  return `${withConstraint(standIn, 'prod', version)}---\n${standIn.readTree('main')[PARAMS('prod')]!}`;
}

describe('class 1: the gate judges what Flux builds, not packageinstall.yaml', () => {
  it('a patches: entry in prod/kustomization.yaml fails at its line and writes nothing', async () => {
    const standIn = await chainRepo();
    const kustomization = `${standIn.readTree('main')[KUSTOMIZATION('prod')]!}patches:
- target:
    kind: PackageInstall
  patch: |
    - op: replace
      path: /spec/packageRef/versionSelection/constraints
      value: ">=0.0.0"
`;
    const event = await openPullRequest(standIn, 'patch-prod', { [KUSTOMIZATION('prod')]: kustomization });
    const run = await act(standIn, event, {}, 'pull_request');
    expect(run.code).toBe(1);
    expect(run.outputs.valid).toBe('false');
    expect(run.annotations).toContainEqual(
      expect.stringMatching(
        annotationAt('kustomization.unsupported', KUSTOMIZATION('prod'), lineOf(kustomization, /^patches:/)),
      ),
    );
    expect(run.annotations.join('\n')).toContain('patches is not allowed in an environment folder');
    expectNothingWritten(standIn, 'patch-prod');
  });

  it.each([
    ['namePrefix: x-\n', 'namePrefix'],
    ['secretGenerator:\n- name: app.default.tap-values\n  literals: [a=b]\n', 'secretGenerator'],
    ['commonAnnotations:\n  packaging.carvel.dev/downgradable: ""\n', 'commonAnnotations'],
    ['components:\n- ../../shared\n', 'components'],
  ])('%s in prod/kustomization.yaml fails naming %s', async (extra, field) => {
    const standIn = await chainRepo();
    const kustomization = `${standIn.readTree('main')[KUSTOMIZATION('prod')]!}${extra}`;
    const event = await openPullRequest(standIn, 'field', { [KUSTOMIZATION('prod')]: kustomization });
    const run = await act(standIn, event, {}, 'pull_request');
    expect(run.code).toBe(1);
    const line = lineOf(kustomization, new RegExp(`^${field}:`));
    const annotation = run.annotations.find((a) => a.includes(`file=${KUSTOMIZATION('prod')}`));
    expect(annotation).toMatch(new RegExp(`line=${line},`));
    expect(annotation).toContain(`${field} is not allowed in an environment folder`);
  });

  it('a resource outside the environment folder, or remote, fails at its line', async () => {
    const standIn = await chainRepo();
    const kustomization = standIn
      .readTree('main')
      [KUSTOMIZATION('prod')]!.replace(
        '- params.yaml',
        '- ../staging/params.yaml\n- https://example.com/x.yaml',
      );
    const event = await openPullRequest(standIn, 'outside', { [KUSTOMIZATION('prod')]: kustomization });
    const run = await act(standIn, event, {}, 'pull_request');
    expect(run.code).toBe(1);
    expect(run.annotations).toContainEqual(
      expect.stringMatching(
        annotationAt(
          'kustomization.outside',
          KUSTOMIZATION('prod'),
          lineOf(kustomization, /staging\/params/),
        ),
      ),
    );
    expect(run.annotations).toContainEqual(
      expect.stringMatching(
        annotationAt('kustomization.remote', KUSTOMIZATION('prod'), lineOf(kustomization, /https:/)),
      ),
    );
  });

  it('control: a namespace: in the kustomization passes (kustomize sets it on both objects alike)', async () => {
    const standIn = await chainRepo();
    const kustomization = `${standIn.readTree('main')[KUSTOMIZATION('prod')]!}namespace: apps-prod\ncommonLabels:\n  team: payments\n`;
    const event = await openPullRequest(standIn, 'namespace', { [KUSTOMIZATION('prod')]: kustomization });
    const run = await act(standIn, event, {}, 'pull_request');
    expect(run.annotations.filter((a) => a.startsWith('::error'))).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.summary).toContain(`validated what the pull request changes: ${COMPONENT} in prod`);
  });
});

describe('class 2: every file Flux applies or the action trusts is in scope', () => {
  it('prod restructured into deploy.yaml with an unpromoted version fails at deploy.yaml', async () => {
    const standIn = await chainRepo();
    const pkg = newPackage();
    standIn.commit('main', { [pkg.path]: pkg.content }, 'supply chain: new Package');
    const version = pkg.path.split('/').pop()!.replace('.yaml', '');
    const deploy = deployYaml(standIn, version);
    const event = await openPullRequest(standIn, 'restructure', {
      [PI('prod')]: null,
      [PARAMS('prod')]: null,
      [`${DIR('prod')}/deploy.yaml`]: deploy,
      [KUSTOMIZATION('prod')]:
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- deploy.yaml\n',
    });
    const run = await act(standIn, event, {}, 'pull_request');
    expect(run.code).toBe(1);
    expect(run.annotations).toContainEqual(
      expect.stringMatching(
        annotationAt('promotion.out-of-order', `${DIR('prod')}/deploy.yaml`, lineOf(deploy, /constraints:/)),
      ),
    );
    expectNothingWritten(standIn, 'restructure');
  });

  it('a second PackageInstall in another file of the folder fails', async () => {
    const standIn = await chainRepo();
    const extra = withConstraint(standIn, 'prod', OLD).replace('name: app.default.tap\n', 'name: second\n');
    const event = await openPullRequest(standIn, 'second', {
      [`${DIR('prod')}/second.yaml`]: extra,
      [KUSTOMIZATION('prod')]: `${standIn.readTree('main')[KUSTOMIZATION('prod')]!}- second.yaml\n`,
    });
    const run = await act(standIn, event, {}, 'pull_request');
    expect(run.code).toBe(1);
    expect(run.annotations).toContainEqual(
      expect.stringMatching(annotationAt('packageinstall.multiple', `${DIR('prod')}/second.yaml`, 2)),
    );
  });

  it('control: the same restructure at the version staging runs passes', async () => {
    const standIn = await chainRepo();
    const event = await openPullRequest(standIn, 'restructure-ok', {
      [PI('prod')]: null,
      [PARAMS('prod')]: null,
      [`${DIR('prod')}/deploy.yaml`]: deployYaml(standIn, PREVIOUS),
      [KUSTOMIZATION('prod')]:
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- deploy.yaml\n',
    });
    const run = await act(standIn, event, {}, 'pull_request');
    expect(run.annotations.filter((a) => a.startsWith('::error'))).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.summary).toContain(`${COMPONENT} in prod`);
  });

  it.each([
    ['the Brain folder', `clusters/brain/${COMPONENT}/prod.yaml`, `${COMPONENT} (every environment`],
    ['.sops.yaml', '.sops.yaml', 'every environment is validated'],
    ['an RBAC folder', `${COMPONENT}/prod-rbac/rbac.yaml`, `${COMPONENT} in prod`],
  ])('a pull request touching only %s is in scope, listed as policy', async (_, path, scope) => {
    const standIn = await chainRepo();
    const event = await openPullRequest(standIn, 'policy', {
      [path]: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n',
    });
    const run = await act(standIn, event, {}, 'pull_request');
    // The summary renders repository text inert (Markdown escaped): read it unescaped.
    const summary = run.summary.replaceAll('\\', '');
    expect(summary).not.toContain('nothing to validate');
    expect(summary).toContain(scope);
    expect(summary).toContain(`files the action trusts as policy: \`${path}\``);
  });

  it('control: a pull request touching only a README has nothing to validate', async () => {
    const standIn = await chainRepo();
    const event = await openPullRequest(standIn, 'docs', { 'docs/notes.md': '# notes\n' });
    const run = await act(standIn, event, {}, 'pull_request');
    expect(run.code).toBe(0);
    expect(run.summary).toContain('nothing to validate');
  });
});

/** The pull request's head as a checkout (what actions/checkout leaves for `path:`). */
function checkout(standIn: StandIn, branch: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'flux-pkg-checkout-'));
  for (const [path, content] of Object.entries(standIn.readTree(branch))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe('class 7: path: keeps every base comparison', () => {
  it('an out-of-order promotion fails with path: exactly as through the API', async () => {
    const standIn = await chainRepo();
    const pkg = newPackage();
    standIn.commit('main', { [pkg.path]: pkg.content }, 'supply chain: new Package');
    const version = pkg.path.split('/').pop()!.replace('.yaml', '');
    const event = await openPullRequest(standIn, 'jump', {
      [PI('prod')]: withConstraint(standIn, 'prod', version),
    });
    const viaApi = await act(standIn, event, {}, 'pull_request');
    const viaPath = await act(standIn, event, { path: checkout(standIn, 'jump') }, 'pull_request');
    for (const run of [viaApi, viaPath]) {
      expect(run.code).toBe(1);
      expect(run.annotations).toContainEqual(
        expect.stringMatching(annotationAt('promotion.out-of-order', PI('prod'), 11)),
      );
    }
    expectNothingWritten(standIn, 'jump');
  });

  it('control: an in-order bump passes with path:', async () => {
    const standIn = await chainRepo();
    const event = await openPullRequest(standIn, 'in-order', {
      [PI('prod')]: withConstraint(standIn, 'prod', PREVIOUS),
    });
    const run = await act(standIn, event, { path: checkout(standIn, 'in-order') }, 'pull_request');
    expect(run.annotations.filter((a) => a.startsWith('::error'))).toEqual([]);
    expect(run.code).toBe(0);
  });
});

describe('class 9: one verdict on a missing values Secret, CLI and gate alike', () => {
  const withoutParams = (kustomization: string) => kustomization.replace('- params.yaml\n', '');

  it('the gate fails it at the PackageInstall', async () => {
    const standIn = await chainRepo();
    const event = await openPullRequest(standIn, 'no-secret', {
      [PARAMS('staging')]: null,
      [KUSTOMIZATION('staging')]: withoutParams(standIn.readTree('main')[KUSTOMIZATION('staging')]!),
    });
    const run = await act(standIn, event, {}, 'pull_request');
    expect(run.code).toBe(1);
    const line = lineOf(standIn.readTree('main')[PI('staging')]!, /^ {2}values:/);
    expect(run.annotations).toContainEqual(
      expect.stringMatching(annotationAt('packageinstall.values-secret-missing', PI('staging'), line)),
    );
  });

  it('CLI validate fails it the same way (exit 1, file:line)', async () => {
    const ws = workspace();
    ws.remove(PARAMS('staging'));
    const kustomization = `${DIR('staging')}/kustomization.yaml`;
    ws.write(
      kustomization,
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- packageinstall.yaml\n',
    );
    const r = await ws.run('validate', '--repo', '$REPO');
    expect(r.code).toBe(1);
    expect(r.all).toMatch(
      new RegExp(`${literal(PI('staging'))}:\\d+:\\d+: error: spec.values references the Secret`),
    );
  });

  it('control: the values Secret in another file the kustomization lists passes', async () => {
    const standIn = await chainRepo();
    const event = await openPullRequest(standIn, 'moved-secret', {
      [PARAMS('staging')]: null,
      [`${DIR('staging')}/values-secret.yaml`]: standIn.readTree('main')[PARAMS('staging')]!,
      [KUSTOMIZATION('staging')]: standIn
        .readTree('main')
        [KUSTOMIZATION('staging')]!.replace('- params.yaml', '- values-secret.yaml'),
    });
    const run = await act(standIn, event, {}, 'pull_request');
    expect(run.annotations.filter((a) => a.startsWith('::error'))).toEqual([]);
    expect(run.code).toBe(0);
  });
});
