import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../../../src/config/config.js';
import {
  brainRootList,
  brainRootPaths,
  fluxFilePaths,
  fluxFiles,
  type Texts,
} from '../../../../../src/plan/modes/bootstrap/files.js';
import { type BootstrapInput, resolveParams } from '../../../../../src/plan/modes/bootstrap/params.js';
import { type RepoState, repo } from '../../../repo-state.js';

function setUp(s: RepoState) {
  const p: BootstrapInput = {
    request: {
      kind: 'bootstrap',
      components: ['api'],
      environment: 'qa',
      gitUrl: 'https://github.com/org/gitops',
      branch: 'main',
      targetNamespace: 'api',
      commitStatus: false,
    },
    paths: new Set(s.paths),
    loaded: { config: DEFAULT_CONFIG, diagnostics: [] },
    diagnostics: [],
  };
  const params = resolveParams(p, s.layout('api'))!;
  const texts: Texts = new Map(fluxFilePaths(p, params).map((path) => [path, s.files[path]]));
  return { p, params, texts };
}
const api = () =>
  repo()
    .component('api', { packages: ['1.0.0'] })
    .environment('dev');

describe('fluxFiles: the RBAC and Brain files of a bootstrap', () => {
  it('a fresh repository gets every file created, and a Brain kustomization listing them', () => {
    const { p, params, texts } = setUp(api());
    const files = fluxFiles(p, params, texts);
    expect(p.diagnostics).toEqual([]);
    expect(files.length).toBeGreaterThan(2);
    expect(files.every((f) => f.action === 'create' && !f.secret)).toBe(true);
    expect(files.some((f) => f.path.startsWith('api/qa-rbac/'))).toBe(true);
    expect(files.map((f) => f.path)).toContain('clusters/brain/api/kustomization.yaml');
  });

  it('run again over its own output: nothing changes (idempotent)', () => {
    const first = setUp(api());
    const s = api();
    for (const f of fluxFiles(first.p, first.params, first.texts)) s.file(f.path, f.content);
    const again = setUp(s);
    expect(fluxFiles(again.p, again.params, again.texts)).toEqual([]);
  });

  it('a shared file a person changed is kept; an environment file is regenerated', () => {
    const first = setUp(api());
    const s = api();
    const written = fluxFiles(first.p, first.params, first.texts);
    for (const f of written) s.file(f.path, `${f.content}# edited\n`);
    const again = setUp(s);
    const rewritten = fluxFiles(again.p, again.params, again.texts);
    // Every file that comes back is one the environment owns (updated), never a shared one.
    expect(rewritten.length).toBeGreaterThan(0);
    expect(rewritten.length).toBeLessThan(written.length);
    expect(rewritten.every((f) => f.action === 'update' && !f.content.includes('# edited'))).toBe(true);
  });
});

describe('brainRootList', () => {
  it('only when the Brain folder has a kustomization file: it then lists the component folder', () => {
    const { p, params } = setUp(api());
    expect(brainRootPaths(p)).toEqual([]);
    expect(brainRootList(p, [params], new Map())).toEqual([]);
    const root = 'clusters/brain/kustomization.yaml';
    const s = api().file(
      root,
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- other\n',
    );
    const withRoot = setUp(s);
    expect(brainRootPaths(withRoot.p)).toEqual([root]);
    const [listed] = brainRootList(withRoot.p, [withRoot.params], new Map([[root, s.files[root]]]));
    expect(listed).toMatchObject({ path: root, action: 'update' });
    expect(listed!.content).toMatch(/- other\n/);
    expect(listed!.content).toMatch(/- api\n/);
  });
});
