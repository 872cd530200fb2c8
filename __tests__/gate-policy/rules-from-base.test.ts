/**
 * Rules come from the base branch: a pull request that changes flux-pkg.yaml is judged by the
 * base's promotion order, override labels and policy, and passes with its policy changes listed.
 * RBAC folders, the Brain folder and .sops.yaml are policy: each hostile change fails at its file
 * and line, and a legitimate one (a control per class) passes.
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT, NEW_VERSION, newPackage } from '../e2e/fixtures.js';
import { chainConfig, chainRepo, openPullRequest, PI, withConstraint } from '../e2e/promotion-scenario.js';
import { closeStandInsAfterAll, OWNER, REPO } from '../e2e/scenario.js';
import type { StandIn } from '../e2e/stand-in/server.js';
import { act } from '../shell/run-in-process.js';

closeStandInsAfterAll();

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const errorAt = (code: string, file: string, line?: number) =>
  expect.stringMatching(
    new RegExp(
      `^::error title=${escapeRe(code)},file=${escapeRe(file)}${line ? `,line=${line},` : '(,|::)'}`,
    ),
  );

describe('class 3: the pull request’s own flux-pkg.yaml never judges it', () => {
  it('removing prod’s promoteFrom while bumping prod past staging fails by the base’s order', async () => {
    const standIn = await chainRepo();
    const pkg = newPackage();
    standIn.commit('main', { [pkg.path]: pkg.content }, 'supply chain: new Package');
    const loosened = chainConfig().replace('  - name: prod\n    promoteFrom: staging\n', '  - name: prod\n');
    const event = await openPullRequest(standIn, 'prod-skip', {
      'flux-pkg.yaml': loosened,
      [PI('prod')]: withConstraint(standIn, 'prod', NEW_VERSION),
    });
    const run = await act(standIn, event, {}, 'pull_request');
    expect(run.code).toBe(1);
    expect(run.outputs.valid).toBe('false');
    expect(run.annotations).toContainEqual(errorAt('promotion.out-of-order', PI('prod'), 11));
    expect(run.summary).toContain('policy change, not applied to this pull request');
    expect(standIn.pulls.filter((p) => p.head.startsWith('flux-pkg/'))).toEqual([]);
  });

  it('control: a pull request that only changes the rules passes, its policy changes listed', async () => {
    const standIn = await chainRepo();
    const config = `${chainConfig()}promotion:\n  overrideLabels: [hotfix, emergency]\n`;
    const event = await openPullRequest(standIn, 'labels', { 'flux-pkg.yaml': config });
    const run = await act(standIn, event, {}, 'pull_request');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.summary).toContain('flux-pkg.yaml: promotion');
    expect(run.summary).toContain('emergency');
  });

  it('a new label in the pull request’s own config does not override its out-of-order bump', async () => {
    const standIn = await chainRepo();
    const pkg = newPackage();
    standIn.commit('main', { [pkg.path]: pkg.content }, 'supply chain: new Package');
    const config = `${chainConfig()}promotion:\n  overrideLabels: [yolo]\n`;
    const event = await openPullRequest(
      standIn,
      'yolo',
      { 'flux-pkg.yaml': config, [PI('prod')]: withConstraint(standIn, 'prod', NEW_VERSION) },
      ['yolo'],
    );
    const run = await act(standIn, event, {}, 'pull_request');
    expect(run.code).toBe(1);
    expect(run.annotations).toContainEqual(errorAt('promotion.out-of-order', PI('prod'), 11));
  });
});

const RBAC = `${COMPONENT}/prod-rbac/rbac.yaml`;
const BRAIN = `clusters/brain/${COMPONENT}/prod.yaml`;
const PROVIDER = `clusters/brain/${COMPONENT}/provider.yaml`;
const ROLE = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: installer
  namespace: apps
rules:
  - apiGroups: [apps]
    resources: [deployments]
    verbs: [get, list, create, update]
`;
const kustomization = (
  account: string | undefined,
  path = `./${COMPONENT}/prod`,
) => `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${COMPONENT}-prod-packageinstalls
  namespace: flux-system
spec:
  interval: 10m
  path: ${path}
  prune: true
  sourceRef:
    kind: GitRepository
    name: ${COMPONENT}
${account ? `  serviceAccountName: ${account}\n` : ''}  kubeConfig:
    secretRef:
      name: prod-kubeconfig
`;
const provider = (address: string) => `apiVersion: notification.toolkit.fluxcd.io/v1beta3
kind: Provider
metadata:
  name: ${COMPONENT}
  namespace: flux-system
spec:
  type: github
  address: ${address}
  secretRef:
    name: github-commit-status
`;

/** The chain with prod's RBAC folder and Brain objects on main, as bootstrap leaves them. */
async function bootstrapped(): Promise<StandIn> {
  const standIn = await chainRepo();
  standIn.commit(
    'main',
    {
      [RBAC]: ROLE,
      [BRAIN]: kustomization(`${COMPONENT}-flux`),
      [PROVIDER]: provider(`https://github.example.com/${OWNER}/${REPO}`),
    },
    'bootstrap prod',
  );
  return standIn;
}

async function gate(standIn: StandIn, files: Record<string, string>, config?: string) {
  const event = await openPullRequest(standIn, `policy-${standIn.pulls.length}`, {
    ...files,
    ...(config ? { 'flux-pkg.yaml': config } : {}),
  });
  return act(standIn, event, {}, 'pull_request');
}

describe('RBAC and Brain objects are policy', () => {
  const CLUSTER_ADMIN = `${ROLE}---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: everything
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: ServiceAccount
    name: installer
    namespace: apps
`;

  it('a cluster-admin ClusterRoleBinding in an RBAC folder fails at its lines', async () => {
    const standIn = await bootstrapped();
    const run = await gate(standIn, { [RBAC]: CLUSTER_ADMIN });
    expect(run.code).toBe(1);
    expect(run.annotations).toContainEqual(errorAt('policy.cluster-scope', RBAC, 12));
    expect(run.annotations).toContainEqual(errorAt('policy.admin-binding', RBAC, 18));
    expect(run.summary).toContain('policy.allowClusterScope');
  });

  it('"*" in a Role’s verbs fails; the pull request cannot allow it in its own flux-pkg.yaml', async () => {
    const standIn = await bootstrapped();
    const star = ROLE.replace('verbs: [get, list, create, update]', 'verbs: ["*"]');
    const allowSelf = `${chainConfig()}policy:\n  allowClusterScope: ["*"]\n`;
    const run = await gate(standIn, { [RBAC]: star }, allowSelf);
    expect(run.code).toBe(1);
    expect(run.annotations).toContainEqual(errorAt('policy.wildcard', RBAC, 9));
  });

  it('control: the base’s policy.allowClusterScope allows it; a narrower Role passes anyway', async () => {
    const standIn = await bootstrapped();
    standIn.commit(
      'main',
      { 'flux-pkg.yaml': `${chainConfig()}policy:\n  allowClusterScope: [${COMPONENT}]\n` },
      'allow',
    );
    expect((await gate(standIn, { [RBAC]: CLUSTER_ADMIN })).code).toBe(0);
    const narrower = ROLE.replace('create, update', 'watch');
    const fine = await gate(await bootstrapped(), { [RBAC]: narrower });
    expect(fine.stderr).toBe('');
    expect(fine.code).toBe(0);
    expect(fine.summary).toContain('nothing refused');
  });

  it('a Kustomization of an environment impersonating a Flux controller, or nobody, fails', async () => {
    const standIn = await bootstrapped();
    const controller = await gate(standIn, { [BRAIN]: kustomization('kustomize-controller') });
    expect(controller.code).toBe(1);
    expect(controller.annotations).toContainEqual(errorAt('policy.service-account', BRAIN, 13));
    const nobody = await gate(standIn, { [BRAIN]: kustomization(undefined) });
    expect(nobody.code).toBe(1);
    expect(nobody.annotations).toContainEqual(errorAt('policy.service-account', BRAIN));
  });

  it('control: the RBAC Kustomization applies with the kubeconfig’s identity by design', async () => {
    const standIn = await bootstrapped();
    const rbac = kustomization(undefined, `./${COMPONENT}/prod-rbac`).replace('-packageinstalls', '-rbac');
    const run = await gate(standIn, { [BRAIN]: `${kustomization(`${COMPONENT}-flux`)}---\n${rbac}` });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('a github Provider pointing elsewhere fails; a kubeconfig shared by two environments warns', async () => {
    const standIn = await bootstrapped();
    const elsewhere = await gate(standIn, { [PROVIDER]: provider('https://evil.example.net/o/r') });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.annotations).toContainEqual(errorAt('policy.provider-address', PROVIDER, 8));
    const staging = kustomization(`${COMPONENT}-flux`, `./${COMPONENT}/staging`).replace(
      'prod-packageinstalls',
      'staging-packageinstalls',
    );
    const shared = await gate(standIn, { [`clusters/brain/${COMPONENT}/staging.yaml`]: staging });
    expect(shared.code).toBe(0);
    expect(shared.annotations).toContainEqual(
      expect.stringMatching(
        /^::warning title=policy\.shared-kubeconfig,.*"staging" and "prod"|"prod" and "staging"/,
      ),
    );
  });
});

describe('.sops.yaml', () => {
  const SOPS = (recipient: string) =>
    `creation_rules:\n  - path_regex: .*/prod/.*\\.yaml$\n    encrypted_regex: ^(data|stringData)$\n    age: ${recipient}\n`;
  const A = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';
  const B = 'age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj';
  const encrypted = (value: string, mac: string) =>
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\nstringData:\n  values.yaml: ENC[AES256_GCM,data:${value},iv:aa,tag:bb,type:str]\nsops:\n  age:\n    - recipient: ${A}\n  mac: ENC[AES256_GCM,data:${mac},iv:cc,tag:dd,type:str]\n`;
  const FILE = `${COMPONENT}/prod/extra.yaml`;

  it('recipients and encrypted values changed together fail; recipients alone pass, listed', async () => {
    const standIn = await chainRepo();
    standIn.commit('main', { '.sops.yaml': SOPS(A), [FILE]: encrypted('AAAA', 'MMMM') }, 'sops');
    const together = await gate(standIn, { '.sops.yaml': SOPS(B), [FILE]: encrypted('BBBB', 'NNNN') });
    expect(together.code).toBe(1);
    expect(together.annotations).toContainEqual(errorAt('policy.sops-recipients-with-values', '.sops.yaml'));
    // sops updatekeys: the metadata changes, the values do not.
    const alone = await gate(standIn, { '.sops.yaml': SOPS(B), [FILE]: encrypted('AAAA', 'NNNN') });
    expect(alone.code).toBe(0);
    expect(alone.summary).toContain('encryption recipients');
    expect(alone.summary).toContain('adds age:age1zvkyg2');
  });
});
