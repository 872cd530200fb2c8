/** The e2e scenarios' gitops repo: the bundled example, minus its newest Package (the supply chain writes it). */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';

const EXAMPLE = new URL('../../examples/gitops/', import.meta.url).pathname;
export const COMPONENT = 'app.default.tap';
export const NEW_VERSION = '20230502091145.0.0';
export const NEW_PACKAGE = `${COMPONENT}/packages/${NEW_VERSION}.yaml`;

/** dev and staging take new versions directly, so a new Package opens two pull requests. */
export const CONFIG = `defaults:
  serviceAccountName: app-installer
environments:
  - name: dev
    labels: [deploy/dev]
  - name: staging
    reviewers: [alice-sre]
    teamReviewers: [platform-oncall]
  - name: prod
    promoteFrom: staging
`;

function readDir(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files[relative(dir, full).split('\\').join('/')] = readFileSync(full, 'utf8');
  }
  return files;
}

const example = readDir(EXAMPLE);

/** The repo before the supply chain's push. */
export function initialFiles(): Record<string, string> {
  const files: Record<string, string> = { ...example, 'flux-pkg.yaml': CONFIG };
  delete files[NEW_PACKAGE];
  return files;
}

export function newPackage(version = NEW_VERSION): { path: string; content: string } {
  const content = example[NEW_PACKAGE]!.replaceAll(NEW_VERSION, version);
  return { path: `${COMPONENT}/packages/${version}.yaml`, content };
}

/** A push event payload as GitHub sends it (the fields the action reads, and their neighbours). */
export function pushEvent(
  owner: string,
  repo: string,
  before: string,
  after: string,
  extra: object = {},
): object {
  return {
    ref: 'refs/heads/main',
    before,
    after,
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `https://github.example.com/${owner}/${repo}/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
    commits: [{ id: after, message: 'supply chain: new Package', added: [], removed: [], modified: [] }],
    head_commit: { id: after },
    repository: {
      name: repo,
      full_name: `${owner}/${repo}`,
      owner: { login: owner },
      default_branch: 'main',
    },
    pusher: { name: 'supply-chain' },
    sender: { login: 'supply-chain[bot]' },
    ...extra,
  };
}

export const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

if (!hasKubectl)
  console.warn('SKIPPED the kubectl kustomize checks: kubectl is not installed on this machine');

/**
 * `kubectl kustomize <folder>` for each folder of a branch's files (written once), as Flux's
 * kustomize-controller would build it: the kinds each built, by folder. One kubectl per folder: a
 * kustomization listing them all would merge their objects and so build something Flux never does.
 * Guard the test with `it.skipIf(!hasKubectl)`.
 */
export function kustomizeKinds(files: Record<string, string>, folders: string[]): Record<string, string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'flux-pkg-kustomize-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const kinds: Record<string, string[]> = {};
  for (const folder of folders) {
    const out = execFileSync('kubectl', ['kustomize', join(dir, folder)], { encoding: 'utf8' });
    kinds[folder] = parseAllDocuments(out).map((d) => (d.toJS() as { kind: string }).kind);
  }
  rmSync(dir, { recursive: true, force: true });
  return kinds;
}

/** A workflow_dispatch event and the inputs of a bootstrap of environment qa (the bootstrap scenarios). */
export function bootstrapDispatch(owner: string, repo: string) {
  return {
    inputs: {},
    ref: 'refs/heads/main',
    repository: { full_name: `${owner}/${repo}`, default_branch: 'main' },
  };
}

export const BOOTSTRAP_INPUTS = {
  component: COMPONENT,
  environment: 'qa',
  'target-namespace': 'apps',
  'git-url': 'https://github.com/acme/gitops.git',
  values: 'replicas: 2\nhostname: qa.example.com\n',
};
