/**
 * Bootstrap refuses risky inputs before anything is written: installing into Flux's or the
 * cluster's namespace, Flux impersonating a controller's account, "*" in rbac.extraRules (unless the
 * base flux-pkg.yaml allows cluster scope), and the Provider's address always names this repository
 * on this GitHub server, whatever git-url says. A shared kubeconfig Secret is a warning naming both.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type BootstrapRequest, planBootstrap } from '../../src/plan/modes/bootstrap/run.js';
import { MemorySnapshot } from '../../src/repo/snapshot.js';
import { BOOTSTRAP_INPUTS, bootstrapDispatch, COMPONENT } from '../e2e/fixtures.js';
import {
  closeStandInsAfterAll,
  expectFailedWith,
  expectNothingWritten,
  gitopsRepo,
  OWNER,
  REPO,
} from '../e2e/scenario.js';
import { sampleRepo } from '../helpers/gitops.js';
import { act } from '../shell/run-in-process.js';

closeStandInsAfterAll();

const dispatch = bootstrapDispatch(OWNER, REPO);

describe('bootstrap refuses risky inputs (in process): step failed, nothing written', () => {
  it.each([
    ['target-namespace flux-system', { 'target-namespace': 'flux-system' }, /target-namespace "flux-system"/],
    ['target-namespace kube-system', { 'target-namespace': 'kube-system' }, /target-namespace "kube-system"/],
    [
      'a Flux controller as the account Flux impersonates',
      { 'flux-service-account-name': 'kustomize-controller' },
      /flux-service-account-name "kustomize-controller" is a Flux controller's account/,
    ],
    [
      'an image automation controller likewise',
      { 'flux-service-account-name': 'image-automation-controller' },
      /flux-service-account-name/,
    ],
  ])('%s', async (_, over, reason) => {
    const standIn = await gitopsRepo();
    const run = await act(standIn, dispatch, { ...BOOTSTRAP_INPUTS, ...over }, 'workflow_dispatch');
    expectFailedWith(run, reason);
    expectNothingWritten(standIn);
  });

  it('the Provider reports to this repository on this server, not to the git URL’s host', async () => {
    const standIn = await gitopsRepo();
    const inputs = { ...BOOTSTRAP_INPUTS, 'git-url': 'git@evil.example.net:o/r', 'dry-run': 'false' };
    const run = await act(standIn, dispatch, inputs, 'workflow_dispatch');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const branch = standIn.pulls[0]!.head;
    const provider = standIn.readTree(branch)[`clusters/brain/${COMPONENT}/provider.yaml`]!;
    const address = parse(provider).spec.address as string;
    expect(address).toBe(`https://github.example.com/${OWNER}/${REPO}`);
    expect(provider).not.toContain('evil.example.net');
  });
});

const CONFIG = `environments:
  - name: dev
  - name: prod
    promoteFrom: dev
    kubeconfigSecret: shared-kubeconfig
defaults:
  rbac:
    extraRules:
      - apiGroups: ["*"]
        resources: [deployments]
        verbs: [get]
`;
const REF = 'app.default.tap';
const request = (over: Partial<BootstrapRequest> = {}): BootstrapRequest => ({
  kind: 'bootstrap',
  components: [REF],
  environment: 'qa',
  targetNamespace: 'apps',
  gitUrl: 'https://github.com/acme/gitops.git',
  repositoryUrl: 'https://github.com/acme/gitops',
  branch: 'main',
  ...over,
});
const plan = (config: string, over: Partial<BootstrapRequest> = {}) =>
  planBootstrap(new MemorySnapshot(sampleRepo({ 'flux-pkg.yaml': config })), request(over));
const codes = (r: Awaited<ReturnType<typeof plan>>) => r.diagnostics.map((d) => `${d.severity} ${d.code}`);

describe('bootstrap refusals from flux-pkg.yaml (planner)', () => {
  it('"*" in rbac.extraRules is refused, and allowed once policy.allowClusterScope names the component', async () => {
    const refused = await plan(CONFIG);
    expect(refused.valid).toBe(false);
    expect(refused.files).toEqual([]);
    expect(refused.diagnostics.find((d) => d.code === 'request.rbac')?.message).toContain(
      'policy.allowClusterScope',
    );
    const allowed = await plan(`${CONFIG}policy:\n  allowClusterScope: [${REF}]\n`);
    expect(codes(allowed).filter((c) => c.startsWith('error'))).toEqual([]);
  });

  it('a kubeconfig Secret another environment uses is a warning naming both; another one is not', async () => {
    const noStar = CONFIG.replace('["*"]', '[apps]');
    const shared = await plan(noStar, { kubeconfigSecretName: 'shared-kubeconfig' });
    expect(shared.valid).toBe(true);
    const warning = shared.diagnostics.find((d) => d.code === 'bootstrap.shared-kubeconfig');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(/"shared-kubeconfig" of qa is also the one of environment "prod"/);
    expect(codes(await plan(noStar))).not.toContain('warning bootstrap.shared-kubeconfig');
  });

  it('no repository URL with commit statuses on is refused; a URL with credentials too', async () => {
    const noStar = CONFIG.replace('["*"]', '[apps]');
    expect(codes(await plan(noStar, { repositoryUrl: undefined }))).toContain('error request.repository-url');
    expect(codes(await plan(noStar, { repositoryUrl: 'https://u:p@github.com/a/b' }))).toContain(
      'error request.repository-url',
    );
    expect((await plan(noStar, { repositoryUrl: undefined, commitStatus: false })).valid).toBe(true);
  });
});

describe('the action’s own bootstrap pull request passes the gate', () => {
  it('its RBAC folder, Brain objects, Provider and new flux-pkg.yaml entry are all within policy', async () => {
    const standIn = await gitopsRepo();
    const boot = await act(
      standIn,
      dispatch,
      { ...BOOTSTRAP_INPUTS, 'dry-run': 'false' },
      'workflow_dispatch',
    );
    expect(boot.code).toBe(0);
    const pr = standIn.pulls[0]!;
    const event = {
      action: 'opened',
      number: pr.number,
      pull_request: {
        number: pr.number,
        head: { ref: pr.head, sha: pr.headSha },
        base: { ref: 'main', sha: standIn.head('main') },
        labels: [],
      },
      repository: { name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER } },
    };
    const gate = await act(standIn, event, {}, 'pull_request');
    expect(gate.stderr).toBe('');
    expect(gate.annotations.filter((a) => a.startsWith('::error'))).toEqual([]);
    expect(gate.code).toBe(0);
    expect(gate.outputs.valid).toBe('true');
    expect(gate.summary).toContain('nothing refused');
  });
});
