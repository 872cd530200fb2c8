/** The bootstrap planner: a new environment as one change, refused whole on any bad input. */
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { fluxGitUrl, githubComAddressOf, gitUrlProblem } from '../../src/plan/modes/bootstrap/request.js';
import {
  type BootstrapRequest,
  type BootstrapResult,
  planBootstrap,
} from '../../src/plan/modes/bootstrap/run.js';
import { bootstrapProposal } from '../../src/plan/proposals/proposals.js';
import { MemorySnapshot } from '../../src/repo/snapshot.js';
import { readMarker } from '../../src/report/pull-request/marker.js';
import { packageFile, sampleRepo } from '../helpers/gitops.js';

const REF = 'app.default.tap';
const CONFIG = `# The environments, in order.
defaults:
  serviceAccountName: app-installer # made by the platform team
environments:
  - name: dev
  - name: prod
    promoteFrom: dev
`;

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

const run = (files: Record<string, string>, over: Partial<BootstrapRequest> = {}) =>
  planBootstrap(new MemorySnapshot(files), request(over));
const errorsOf = (r: BootstrapResult) => r.diagnostics.filter((d) => d.severity === 'error');
const fileOf = (r: BootstrapResult, path: string) => r.files.find((f) => f.path === path)?.content;
const repo = (extra: Record<string, string> = {}) => sampleRepo({ 'flux-pkg.yaml': CONFIG, ...extra });

describe('bootstrap: a new environment', () => {
  it('writes the environment folder, the RBAC folder, the Brain folder and flux-pkg.yaml', async () => {
    const result = await run(repo());
    expect(errorsOf(result)).toEqual([]);
    expect(result.files.map((f) => f.path).sort()).toEqual(
      [
        `${REF}/qa/packageinstall.yaml`,
        `${REF}/qa/params.yaml`,
        `${REF}/qa/kustomization.yaml`,
        `${REF}/qa-rbac/rbac.yaml`,
        `${REF}/qa-rbac/kustomization.yaml`,
        `clusters/brain/${REF}/gitrepository.yaml`,
        `clusters/brain/${REF}/provider.yaml`,
        `clusters/brain/${REF}/qa.yaml`,
        `clusters/brain/${REF}/kustomization.yaml`,
        'flux-pkg.yaml',
      ].sort(),
    );
    const pi = parse(fileOf(result, `${REF}/qa/packageinstall.yaml`)!);
    expect(pi.spec.packageRef.versionSelection.constraints).toBe('1.1.0');
    expect(pi.spec.serviceAccountName).toBe('app-installer');
    const config = fileOf(result, 'flux-pkg.yaml')!;
    expect(config).toContain('# made by the platform team');
    expect(parse(config).environments.at(-1)).toEqual({ name: 'qa', targetNamespace: 'apps' });
    const brain = parseAllDocuments(fileOf(result, `clusters/brain/${REF}/qa.yaml`)!).map((d) => d.toJS());
    expect(brain.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      `Kustomization/${REF}-qa-rbac`,
      `Kustomization/${REF}-qa-packages`,
      `Kustomization/${REF}-qa-packageinstalls`,
      `Alert/${REF}-qa`,
    ]);
    expect(brain[2].spec).toMatchObject({
      path: `./${REF}/qa`,
      targetNamespace: 'apps',
      kubeConfig: { secretRef: { name: 'qa-kubeconfig' } },
      dependsOn: [{ name: `${REF}-qa-rbac` }, { name: `${REF}-qa-packages` }],
    });
    expect(parse(fileOf(result, `clusters/brain/${REF}/gitrepository.yaml`)!).spec).toMatchObject({
      url: 'https://github.com/acme/gitops.git',
      secretRef: { name: `${REF}-gitops-auth` },
    });
    expect(parse(fileOf(result, `clusters/brain/${REF}/provider.yaml`)!).spec.address).toBe(
      'https://github.com/acme/gitops',
    );
  });

  it('makes ONE proposal whose key a rerun with the same inputs finds again', async () => {
    const style = {
      title: '',
      commitMessage: '',
      labels: ['bootstrap'],
      reviewers: [],
      teamReviewers: [],
      draft: false,
      autoMerge: false as const,
      links: { serverUrl: 'https://github.com', repository: 'acme/gitops', baseSha: 'a'.repeat(40) },
    };
    const one = bootstrapProposal(await run(repo()), style);
    const again = bootstrapProposal(await run(repo()), style);
    expect(one.key).toBe(`_bootstrap/qa/${REF}`);
    expect(again.key).toBe(one.key);
    expect(again.files).toEqual(one.files);
    expect(one.body).toContain('kubectl -n flux-system create secret generic qa-kubeconfig');
    expect(readMarker(one.body, { key: one.key })).toEqual({ key: one.key, fields: {} });
    expect(readMarker(one.body, { key: `${REF}/qa` })).toBeUndefined();
  });

  it('v1beta2 has no healthCheckExprs; commit-status off drops Provider and Alert', async () => {
    const result = await run(repo(), { fluxApiVersion: 'v1beta2', commitStatus: false });
    expect(errorsOf(result)).toEqual([]);
    const objects = parseAllDocuments(fileOf(result, `clusters/brain/${REF}/qa.yaml`)!).map((d) => d.toJS());
    expect(objects.map((o) => o.apiVersion)).toEqual(Array(3).fill('kustomize.toolkit.fluxcd.io/v1beta2'));
    expect(objects[2].spec.healthCheckExprs).toBeUndefined();
    expect(result.files.some((f) => f.path.endsWith('provider.yaml'))).toBe(false);
    expect(parse(fileOf(result, 'flux-pkg.yaml')!).environments.at(-1).fluxApiVersion).toBe('v1beta2');
  });

  it('an environment that promotes from another still gets its first version', async () => {
    const config = `${CONFIG}  - name: qa\n    promoteFrom: dev\n    targetNamespace: qa-apps\n`;
    const result = await run(repo({ 'flux-pkg.yaml': config }), { targetNamespace: undefined });
    expect(errorsOf(result)).toEqual([]);
    expect(fileOf(result, 'flux-pkg.yaml')).toBeUndefined();
    expect(
      parse(fileOf(result, `clusters/brain/${REF}/qa.yaml`)!.split('---')[2]!).spec.targetNamespace,
    ).toBe('qa-apps');
  });

  it('without flux-pkg.yaml, creates one listing the existing folders too (so nothing else changes)', async () => {
    const result = await run(sampleRepo());
    expect(errorsOf(result)).toEqual([]);
    expect(parse(fileOf(result, 'flux-pkg.yaml')!).environments.map((e: { name: string }) => e.name)).toEqual(
      ['dev', 'prod', 'qa'],
    );
    // No defaults.serviceAccountName: the component's own installer account.
    expect(parse(fileOf(result, `${REF}/qa/packageinstall.yaml`)!).spec.serviceAccountName).toBe(
      `${REF}-installer`,
    );
  });

  it('* bootstraps every component with Packages, in one change', async () => {
    const files = repo({
      'other.example.com/packages/2.0.0.yaml': packageFile('other.example.com', '2.0.0'),
    });
    const result = await run(files, { components: ['*'] });
    expect(errorsOf(result)).toEqual([]);
    expect(result.environments.map((e) => e.component)).toEqual([REF, 'other.example.com']);
    expect(result.files.filter((f) => f.path === 'flux-pkg.yaml')).toHaveLength(1);
  });

  it('a missing required value lists every missing path, and nothing is written', async () => {
    const schema = `      openAPIv3:
        type: object
        required: [hostname, db]
        properties:
          hostname: {type: string}
          db:
            type: object
            required: [url]
            properties: {url: {type: string}}`;
    const files = repo({ [`${REF}/packages/1.1.0.yaml`]: packageFile(REF, '1.1.0', schema) });
    const result = await run(files, { values: 'db: {}\n' });
    expect(result.valid).toBe(false);
    expect(result.files).toEqual([]);
    const text = errorsOf(result)
      .map((d) => `${d.path} ${d.message}`)
      .join('\n');
    expect(text).toContain('hostname');
    expect(text).toContain('url');
  });
});

describe('bootstrap: an environment that exists', () => {
  it('is an error without force', async () => {
    const result = await run(repo(), { environment: 'dev' });
    expect(result.files).toEqual([]);
    expect(errorsOf(result).map((d) => d.code)).toEqual(['bootstrap.exists']);
    expect(errorsOf(result)[0]!.message).toContain('force');
  });

  it('with force regenerates the Flux and RBAC files and keeps the environment folder and its values', async () => {
    const first = await run(repo());
    const applied = { ...repo(), ...Object.fromEntries(first.files.map((f) => [f.path, f.content])) };
    applied[`clusters/brain/${REF}/qa.yaml`] = '# edited by hand\n';
    const forced = await run(applied, { force: true, values: 'replicas: 9\n', kubeconfigSecretName: 'qa2' });
    expect(errorsOf(forced)).toEqual([]);
    // rbac.yaml renders the same as before, flux-pkg.yaml lists qa already: only the edited file changes.
    expect(forced.files.map((f) => f.path)).toEqual([`clusters/brain/${REF}/qa.yaml`]);
    expect(forced.files.some((f) => f.path.startsWith(`${REF}/qa/`))).toBe(false);
    expect(forced.diagnostics.map((d) => d.code)).toContain('bootstrap.values-kept');
    expect(fileOf(forced, `clusters/brain/${REF}/qa.yaml`)).toContain('name: qa2');
  });

  it('a rerun of an applied bootstrap with force changes nothing', async () => {
    const first = await run(repo());
    const applied = { ...repo(), ...Object.fromEntries(first.files.map((f) => [f.path, f.content])) };
    const again = await run(applied, { force: true });
    expect(errorsOf(again)).toEqual([]);
    expect(again.files).toEqual([]);
  });
});

describe('bootstrap: bad input names the input and writes nothing', () => {
  it.each<[string, Partial<BootstrapRequest>, string]>([
    ['environment not DNS-1123', { environment: 'QA' }, 'request.environment'],
    ['environment with ..', { environment: '../x' }, 'request.environment'],
    ['environment with /', { environment: 'a/b' }, 'request.environment'],
    ['environment .github', { environment: '.github' }, 'request.environment'],
    ['component with ..', { components: ['..'] }, 'request.component'],
    ['component with /', { components: ['a/b'] }, 'request.component'],
    ['component .github', { components: ['.github'] }, 'request.component'],
    ['unknown component', { components: ['nope.example.com'] }, 'request.component'],
    ['version with no Package', { version: '9.9.9' }, 'request.version'],
    ['flux-api-version v2', { fluxApiVersion: 'v2' }, 'request.flux-api-version'],
    ['git URL over http', { gitUrl: 'http://github.com/acme/gitops' }, 'request.git-url'],
    ['git URL file://', { gitUrl: 'file:///etc' }, 'request.git-url'],
    ['git URL not a URL', { gitUrl: 'gitops' }, 'request.git-url'],
    ['target namespace not a label', { targetNamespace: 'Apps_1' }, 'request.target-namespace'],
    ['flux namespace not a label', { fluxNamespace: 'flux.system' }, 'request.flux-namespace'],
    ['no target namespace anywhere', { targetNamespace: undefined }, 'request.target-namespace'],
    [
      // Two accounts could only clash in the Flux namespace, which is refused as a target itself.
      'the Flux namespace as target namespace',
      { targetNamespace: 'flux-system', serviceAccountName: 'x', fluxServiceAccountName: 'x' },
      'request.target-namespace',
    ],
    ['an environment named like an RBAC folder', { environment: 'dev-rbac' }, 'request.environment'],
    ['an environment named like the Packages folder', { environment: 'packages' }, 'request.environment'],
  ])('%s', async (_, over, code) => {
    const result = await run(repo(), over);
    expect(result.valid).toBe(false);
    expect(result.files).toEqual([]);
    const errors = errorsOf(result);
    expect(errors.map((d) => d.code)).toContain(code);
    const input = code.replace('request.', '');
    expect(errors.find((d) => d.code === code)!.message).toContain(input);
    for (const e of errors) expect(e.message).not.toContain('\n');
  });

  it('values that do not parse: an error naming the input, no value in it', async () => {
    const result = await run(repo(), { values: 'password: "s3cr3t\n  : [' });
    expect(result.valid).toBe(false);
    expect(result.files).toEqual([]);
    expect(errorsOf(result).map((d) => d.code)).toEqual(['request.values']);
    expect(JSON.stringify(result.diagnostics)).not.toContain('s3cr3t');
  });

  it('values that fail the schema: an error at the values', async () => {
    const result = await run(repo(), { values: 'replicas: 0\n' });
    expect(result.valid).toBe(false);
    expect(errorsOf(result).some((d) => d.path.includes('replicas'))).toBe(true);
  });
});

describe('git URLs', () => {
  it.each([
    ['https://github.com/acme/gitops.git', 'https://github.com/acme/gitops'],
    ['ssh://git@github.com/acme/gitops.git', 'https://github.com/acme/gitops'],
    ['git@github.com:acme/gitops.git', 'https://github.com/acme/gitops'],
  ])('%s is accepted; its https address is %s', (url, address) => {
    expect(gitUrlProblem(url)).toBeUndefined();
    expect(githubComAddressOf(url)).toBe(address);
  });

  it('the scp-like form becomes ssh:// for the GitRepository (its schema takes no other)', async () => {
    expect(fluxGitUrl('git@github.com:acme/gitops.git')).toBe('ssh://git@github.com/acme/gitops.git');
    const result = await run(repo(), { gitUrl: 'git@github.com:acme/gitops.git' });
    expect(errorsOf(result)).toEqual([]);
    expect(parse(fileOf(result, `clusters/brain/${REF}/gitrepository.yaml`)!).spec.url).toBe(
      'ssh://git@github.com/acme/gitops.git',
    );
  });

  it.each(['http://x/y', 'git://x/y', 'https://user:pw@x/y', 'https://x', 'git@x:', ' https://x/y'])(
    '%s is refused',
    (url) => {
      expect(gitUrlProblem(url)).toBeDefined();
    },
  );
});
