/**
 * kustomization files after a plan: an existing one (kustomization.yaml, .yml or Kustomization) is
 * edited, never joined by a second; its entries are never duplicated (`./x` is `x`); a folder
 * without one gets one listing exactly what Flux's generator applied there, subfolders included,
 * plus the new files — checked with `kubectl kustomize` where kubectl is installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { generatedResources } from '../../src/flux/kustomize.js';
import { plan } from '../../src/plan/plan.js';
import type { PlanResult } from '../../src/plan/types.js';
import { MemorySnapshot } from '../../src/repo/snapshot.js';
import { KUSTOMIZATION, sampleRepo } from '../helpers/gitops.js';

const REF = 'app.default.tap';
const DEV = `${REF}/dev`;
const errorsOf = (r: PlanResult) => r.diagnostics.filter((d) => d.severity === 'error');
const configMap = (name: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata: {a: b}\n`;

describe("Flux's generator rule (fluxcd/pkg kustomize_generator.go scanManifests)", () => {
  it('lists .yaml/.yml files recursively in lexical order, and a subfolder with a kustomization file as a folder', () => {
    const paths = [
      'env/b.yaml',
      'env/a.yml',
      'env/README.md',
      'env/sub/z.yaml',
      'env/sub/deeper/y.yaml',
      'env/withk/kustomization.yml',
      'env/withk/ignored.yaml',
      'env/withK2/Kustomization',
      'other/x.yaml',
    ];
    expect(generatedResources(paths, 'env')).toEqual([
      'a.yml',
      'b.yaml',
      'sub/deeper/y.yaml',
      'sub/z.yaml',
      'withK2',
      'withk',
    ]);
  });
});

describe('an existing kustomization file is edited, never joined by another', () => {
  for (const name of ['kustomization.yml', 'Kustomization']) {
    it(`beside ${name}, the plan edits ${name}`, async () => {
      const repo = sampleRepo({
        [`${DEV}/kustomization.yaml`]: undefined,
        [`${DEV}/${name}`]:
          'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- params.yaml\n',
      });
      const result = await plan(new MemorySnapshot(repo), { kind: 'install' });
      expect(errorsOf(result)).toEqual([]);
      const paths = result.files.map((f) => f.path);
      expect(paths).not.toContain(`${DEV}/kustomization.yaml`);
      const edited = result.files.find((f) => f.path === `${DEV}/${name}`);
      expect(parse(edited!.content).resources).toEqual(['params.yaml', 'packageinstall.yaml']);
    });
  }

  it('an entry written ./packageinstall.yaml is not added again', async () => {
    const repo = sampleRepo({
      [`${DEV}/kustomization.yaml`]: KUSTOMIZATION.replace(
        '- packageinstall.yaml',
        '- ./packageinstall.yaml',
      ),
    });
    const result = await plan(new MemorySnapshot(repo), { kind: 'install' });
    expect(result.files.map((f) => f.path)).not.toContain(`${DEV}/kustomization.yaml`);
  });

  it('a folder with two kustomization files is an error naming it', async () => {
    const repo = sampleRepo({ [`${DEV}/kustomization.yml`]: KUSTOMIZATION });
    const result = await plan(new MemorySnapshot(repo), { kind: 'install' });
    expect(result.files).toEqual([]);
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({ code: 'kustomization.multiple', file: `${DEV}/kustomization.yml` }),
    ]);
  });
});

const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
if (!kubectl) console.warn('kubectl is not installed: the `kubectl kustomize` check is skipped');

describe.skipIf(!kubectl)('a new kustomization.yaml keeps what Flux applied (kubectl kustomize)', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const write = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'flux-pkg-kust-'));
    dirs.push(dir);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  };
  /** What kustomize builds for a folder: kind/name of every object. */
  const objects = (dir: string) =>
    parseAllDocuments(execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' }))
      .map((d) => d.toJS() as { kind: string; metadata: { name: string } })
      .map((o) => `${o.kind}/${o.metadata.name}`)
      .sort();

  it('lists every manifest of the folder and its subfolders, plus the new files', async () => {
    const repo = sampleRepo({
      [`${DEV}/kustomization.yaml`]: undefined,
      [`${DEV}/packageinstall.yaml`]: undefined,
      [`${DEV}/extra.yaml`]: configMap('extra'),
      [`${DEV}/more.yml`]: configMap('more'),
      [`${DEV}/sub/deep/nested.yaml`]: configMap('nested'),
      [`${DEV}/base/kustomization.yaml`]:
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- listed.yaml\n',
      [`${DEV}/base/listed.yaml`]: configMap('listed'),
      [`${DEV}/base/unlisted.yaml`]: configMap('unlisted'),
    });
    // Before: the kustomization.yaml Flux generates, by its rule.
    const before = write(repo);
    const generated = generatedResources(Object.keys(repo), DEV);
    writeFileSync(
      join(before, DEV, 'kustomization.yaml'),
      `resources:\n${generated.map((r) => `- ${r}\n`).join('')}`,
    );
    const applied = objects(join(before, DEV));
    expect(applied).toContain('ConfigMap/nested');
    expect(applied).not.toContain('ConfigMap/unlisted');

    const result = await plan(new MemorySnapshot(repo), { kind: 'install', environments: ['dev'] });
    expect(errorsOf(result)).toEqual([]);
    expect(result.files.map((f) => f.path)).toContain(`${DEV}/kustomization.yaml`);
    const after = write(repo);
    for (const f of result.files) writeFileSync(join(after, f.path), f.content);
    expect(objects(join(after, DEV))).toEqual([...applied, `PackageInstall/${REF}`].sort());
  });
});
