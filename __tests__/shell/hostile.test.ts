/**
 * Hostile repositories, configs and inputs through the whole action (in process, against the
 * stand-in): each class of issue 7 at the action level. Every refused run writes nothing, names the
 * file (and the line where there is one), and shows no planted secret in any channel.
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT, CONFIG, initialFiles, NEW_PACKAGE, NEW_VERSION, newPackage } from '../e2e/fixtures.js';
import {
  closeStandInsAfterAll,
  expectNothingWritten,
  gitopsRepo,
  prsOf,
  repoWithNewPackage,
  supplyChainPush,
} from '../e2e/scenario.js';
import { expectNotShown, expectNoWrite, failureLine } from './hostile.js';
import { act } from './run-in-process.js';

closeStandInsAfterAll();

const SECRET = 'hunter2-Zq9planted';
const NEWER = '20230601120000.0.0';
const LATEST = '20230701120000.0.0';
const DEV = `${COMPONENT}/dev`;
const CURSOR = 'refs/flux-pkg/delivered/main';
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('(a) a symbolic link in the gitops repo is refused unread', () => {
  it.each([
    [`${DEV}/kustomization.yaml`, `../../../${SECRET}/kustomization.yaml`],
    [`${DEV}/params.yaml`, `/etc/${SECRET}`],
  ])('%s as a link: names the file, writes nothing', async (path, target) => {
    const standIn = await gitopsRepo();
    const pkg = newPackage();
    const event = supplyChainPush(standIn, { [pkg.path]: pkg.content, [path]: { symlink: target } });
    const run = await act(standIn, event);
    expect(failureLine(run)).toContain(path);
    expect(run.annotations).toContainEqual(
      expect.stringMatching(
        new RegExp(`^::error title=repo\\.symlink,file=${literal(path)}[,:].*symbolic link`),
      ),
    );
    expect(run.outputs.valid).toBe('false');
    expectNoWrite(standIn);
    expectNotShown(run, standIn, SECRET);
  });

  it('a Package file that is a link: names it, writes nothing', async () => {
    const standIn = await gitopsRepo();
    const event = supplyChainPush(standIn, { [NEW_PACKAGE]: { symlink: `../../${SECRET}.yaml` } });
    const run = await act(standIn, event);
    expect(failureLine(run)).toContain(NEW_PACKAGE);
    expect(run.annotations.join('\n')).toMatch(new RegExp(`file=${literal(NEW_PACKAGE)}.*symbolic link`));
    expectNoWrite(standIn);
    expectNotShown(run, standIn, SECRET);
  });
});

describe('(b) configured paths that climb out of the repo or into .github/', () => {
  it.each([['../../../../escape.yaml'], ['../../.github/x'], ['/etc/escape.yaml']])(
    'layout.packageInstallFile: %s is a config error at its line, nothing written',
    async (value) => {
      const config = `${CONFIG}layout:\n  packageInstallFile: ${value}\n`;
      const line = config.split('\n').findIndex((l) => l.includes('packageInstallFile')) + 1;
      const standIn = await gitopsRepo({ ...initialFiles(), 'flux-pkg.yaml': config });
      const pkg = newPackage();
      const run = await act(standIn, supplyChainPush(standIn, { [pkg.path]: pkg.content }));
      failureLine(run);
      expect(run.annotations).toContainEqual(
        expect.stringMatching(new RegExp(`^::error title=config\\.path,file=flux-pkg\\.yaml,line=${line},`)),
      );
      expect(run.annotations.join('\n')).toContain('layout.packageInstallFile');
      expectNoWrite(standIn);
    },
  );
});

describe('(c) a secret in a malformed values document appears in no channel', () => {
  const stringData = (values: string) =>
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app.default.tap-values\nstringData:\n  values.yaml: |\n${values
      .split('\n')
      .map((l) => (l ? `    ${l}` : l))
      .join('\n')}`;
  const data = (values: string) =>
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app.default.tap-values\ndata:\n  values.yaml: ${Buffer.from(values).toString('base64')}\n`;

  it.each([
    ['a block-scalar header', stringData(`replicas: 1\nhostname: >${SECRET}\n`)],
    ['an unclosed quote', stringData(`replicas: 1\nhostname: "${SECRET}\n`)],
    ['an unresolved alias', stringData(`replicas: 1\nhostname: *${SECRET}\n`)],
    ['base64 data: with a block-scalar header', data(`replicas: 1\nhostname: >${SECRET}\n`)],
    ['base64 data: with a bad flow sequence', data(`hostname: [${SECRET}\n`)],
  ])('%s: the run fails naming params.yaml and a line', async (_, params) => {
    const standIn = await gitopsRepo();
    const pkg = newPackage();
    const path = `${DEV}/params.yaml`;
    const run = await act(standIn, supplyChainPush(standIn, { [pkg.path]: pkg.content, [path]: params }));
    expect(failureLine(run)).toContain(path);
    expect(run.annotations).toContainEqual(
      expect.stringMatching(new RegExp(`file=${literal(path)},line=[1-9]`)),
    );
    expect(run.outputs.valid).toBe('false');
    expectNoWrite(standIn);
    expectNotShown(run, standIn, SECRET);
  });
});

describe('(d) a marker planted in an open pull request does not block the next Package', () => {
  const forged = (version: string, key = DEV) => `<!-- flux-pkg-action v1 key=${key} version=${version} -->`;

  /**
   * The action's own dev pull request, its body then edited (repo text, or someone with write
   * access); main also holds a Package LATEST newer than the one pushed next, so a forged marker
   * naming LATEST would pass the version check. LATEST is behind the delivery cursor (as after a
   * run that proposed it): level-triggered delivery would otherwise deliver LATEST itself, the
   * newest undelivered Package, and the marker would decide nothing.
   */
  async function devPullEdited(edit: (body: string) => string) {
    const standIn = await gitopsRepo();
    const pkg = newPackage();
    expect((await act(standIn, supplyChainPush(standIn, { [pkg.path]: pkg.content }))).code).toBe(0);
    const dev = standIn.pulls.find((p) => p.head === `flux-pkg/${DEV}`)!;
    dev.body = edit(dev.body ?? '');
    const latest = newPackage(LATEST);
    const delivered = standIn.commit('main', { [latest.path]: latest.content }, 'a Package delivered before');
    expect(standIn.head(CURSOR)).toBeDefined();
    standIn.git(['update-ref', CURSOR, delivered]);
    const newer = newPackage(NEWER);
    const run = await act(standIn, supplyChainPush(standIn, { [newer.path]: newer.content }));
    return { standIn, run, dev };
  }

  it.each([
    ['earlier in the body (repo text), the real marker last', (b: string) => `${forged(LATEST)}\n${b}`],
    [
      'as the last line, naming a version that does not exist at the base',
      (b: string) => `${b}\n${forged('99999999999999.0.0')}`,
    ],
    ['as the last line, for another key', (b: string) => `${b}\n${forged(LATEST, `${COMPONENT}/prod`)}`],
    [
      'as the last line, with a field the action never writes',
      (b: string) => `${b}\n${forged(`${LATEST} x=1`)}`,
    ],
  ])('forged %s: the newer Package updates the pull request', async (_, edit) => {
    const { run, dev, standIn } = await devPullEdited(edit);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).not.toContain('it already proposes the newer');
    const devOut = prsOf(run).find((p) => p.environment === 'dev')!;
    expect(devOut).toMatchObject({ operation: 'updated', number: dev.number });
    expect(dev.title).toBe(`Deploy ${COMPONENT} ${NEWER} to dev`);
    expect(dev.body!.trimEnd().split('\n').at(-1)).toBe(forged(NEWER));
    expect(standIn.pulls).toHaveLength(2);
  });

  it('control: the same marker, well formed for the branch and naming LATEST, is believed', async () => {
    const { run, dev } = await devPullEdited((b) =>
      b.replace(/version=\S+ -->\s*$/, `version=${LATEST} -->`),
    );
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain(`it already proposes the newer ${LATEST}`);
    expect(prsOf(run).find((p) => p.environment === 'dev')!.operation).toBe('unchanged');
    expect(dev.title).toBe(`Deploy ${COMPONENT} ${NEW_VERSION} to dev`);
  });
});

describe('(e) branch names git refuses are errors before the first write', () => {
  it('a component folder named x.lock', async () => {
    const files = Object.fromEntries(
      Object.entries(initialFiles()).map(([p, t]) => [p.replace(`${COMPONENT}/`, 'x.lock/'), t]),
    );
    const standIn = await gitopsRepo(files);
    const pkg = newPackage();
    const run = await act(
      standIn,
      supplyChainPush(standIn, { [pkg.path.replace(COMPONENT, 'x.lock')]: pkg.content }),
    );
    const line = failureLine(run);
    expect(line).toMatch(/branch name "flux-pkg\/x\.lock\/dev" has a part ending with "\.lock"/);
    expect(run.stdout).not.toContain('changed while it was being written');
    expectNoWrite(standIn);
  });

  it.each([
    ['a 300-character branch prefix', 'p'.repeat(300), /input branch-prefix .* is longer than 255 bytes/],
    [
      'a prefix that makes the branch longer than 255 bytes',
      'p'.repeat(240),
      /branch name "p{240}\/.*" is longer than 255 bytes/,
    ],
  ])('%s', async (_, prefix, reason) => {
    const { standIn, event } = await repoWithNewPackage();
    const run = await act(standIn, event, { 'branch-prefix': prefix });
    expect(failureLine(run)).toMatch(reason);
    expect(run.stdout).not.toContain('changed while it was being written');
    expectNoWrite(standIn);
  });
});

describe('(f) a filter that matches nothing fails the check', () => {
  it('validate with environments: qa is a failed step, valid=false', async () => {
    const standIn = await gitopsRepo();
    const run = await act(standIn, {}, { mode: 'validate', environments: 'qa' }, 'pull_request');
    expect(failureLine(run)).toMatch(/qa/);
    expect(run.stdout).toContain('request.no-match');
    expect(run.outputs.valid).toBe('false');
    expectNoWrite(standIn);
  });
});

describe('(g) an API failure after planning still reports the plan', () => {
  it('403 "not permitted" on pulls/create: valid and changed-files are set, nothing left behind', async () => {
    const { standIn, event } = await repoWithNewPackage();
    standIn.faults.pullRequestsNotPermitted();
    const run = await act(standIn, event);
    expect(failureLine(run)).toMatch(/Allow GitHub Actions to create and approve pull requests/);
    expect(run.outputs.valid).toBe('true');
    expect(JSON.parse(run.outputs['changed-files']!)).toEqual([
      `${DEV}/packageinstall.yaml`,
      `${COMPONENT}/staging/packageinstall.yaml`,
    ]);
    expectNothingWritten(standIn);
  });
});
