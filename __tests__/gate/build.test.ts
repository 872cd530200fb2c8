/**
 * The environment folder builder (src/flux/build.ts): resources and namespace with kustomize's
 * semantics, every other field refused at its line. Where kubectl is installed, every folder that
 * builds is cross-checked against `kubectl kustomize` (the kustomize Flux embeds): the same objects,
 * in the same order, with the same namespaces and specs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { buildFolder } from '../../src/flux/build.js';
import { parseYaml } from '../../src/yaml/parse.js';
import { hasKubectl } from '../e2e/fixtures.js';

const DIR = 'app/prod';
const KUSTOMIZATION = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';
const PI = `apiVersion: packaging.carvel.dev/v1alpha1
kind: PackageInstall
metadata:
  name: app
spec:
  serviceAccountName: installer
  packageRef:
    refName: app.example.com
    versionSelection: {constraints: 1.0.0}
  values:
  - secretRef: {name: app-values}
`;
const SECRET =
  'apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-values\nstringData:\n  values.yaml: "a: 1"\n';
const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: placeholder\n';
const ROLE = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
rules: []
`;

/** A folder of files (paths relative to DIR) as the loader hands it to the builder. */
function build(files: Record<string, string>) {
  const read = new Map(
    Object.entries(files).map(([path, text]) => [
      `${DIR}/${path}`,
      { parsed: parseYaml(`${DIR}/${path}`, text) },
    ]),
  );
  return buildFolder(DIR, read);
}

/** What the builder says the folder applies, in kubectl kustomize's terms. */
const summary = (files: Record<string, string>) =>
  build(files).objects.map((o) => ({
    kind: o.kind,
    name: o.name,
    namespace: o.namespace,
    spec: o.value.spec,
    stringData: o.value.stringData,
  }));

/** `kubectl kustomize` of the folder, in the same terms. */
function kubectlSummary(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'flux-pkg-build-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, DIR, path)), { recursive: true });
    writeFileSync(join(root, DIR, path), text);
  }
  const out = execFileSync('kubectl', ['kustomize', join(root, DIR)], { encoding: 'utf8' });
  return parseAllDocuments(out).map((d) => {
    const o = d.toJS() as {
      kind: string;
      metadata: { name: string; namespace?: string };
      spec?: unknown;
      stringData?: unknown;
    };
    return {
      kind: o.kind,
      name: o.metadata.name,
      namespace: o.metadata.namespace,
      spec: o.spec,
      stringData: o.stringData,
    };
  });
}

/** Folders that build; each is checked against kubectl kustomize where it is installed. */
const FOLDERS: [string, Record<string, string>][] = [
  [
    'resources in their listed order',
    {
      'kustomization.yaml': `${KUSTOMIZATION}resources:\n- params.yaml\n- pi.yaml\n`,
      'pi.yaml': PI,
      'params.yaml': SECRET,
    },
  ],
  [
    'namespace on namespaced objects (a PackageInstall too), a Namespace renamed, a ClusterRole left alone',
    {
      'kustomization.yaml': `${KUSTOMIZATION}namespace: apps\nresources:\n- all.yaml\n- ns.yaml\n- role.yaml\n`,
      'all.yaml': `${PI}---\n${SECRET.replace('name: app-values', 'name: app-values\n  namespace: elsewhere')}`,
      'ns.yaml': NAMESPACE,
      'role.yaml': ROLE,
    },
  ],
  [
    'a subfolder kustomization, its namespace applied first and the parent one over it',
    {
      'kustomization.yaml': `${KUSTOMIZATION}namespace: outer\nresources:\n- pi.yaml\n- sub\n`,
      'pi.yaml': PI,
      'sub/kustomization.yaml': `${KUSTOMIZATION}namespace: inner\nresources:\n- params.yaml\n`,
      'sub/params.yaml': SECRET,
    },
  ],
  [
    'no kustomization: Flux generates one listing every YAML file',
    { 'pi.yaml': PI, 'params.yml': SECRET, 'README.md': '# x\n' },
  ],
  [
    'labels are accepted (not applied: the gate reads none)',
    {
      'kustomization.yaml': `${KUSTOMIZATION}commonLabels:\n  team: a\nresources:\n- pi.yaml\n`,
      'pi.yaml': PI,
    },
  ],
];

describe('what an environment folder builds', () => {
  it.each(FOLDERS)('%s', (_, files) => {
    const result = build(files);
    expect(result.diagnostics).toEqual([]);
    expect(result.objects.length).toBeGreaterThan(0);
  });

  it('a namespace reaches the PackageInstall and its values Secret alike', () => {
    const objects = summary(FOLDERS[1]![1]);
    expect(objects.map((o) => [o.kind, o.name, o.namespace])).toEqual([
      ['PackageInstall', 'app', 'apps'],
      ['Secret', 'app-values', 'apps'],
      ['Namespace', 'apps', undefined],
      ['ClusterRole', 'reader', undefined],
    ]);
  });

  it.skipIf(!hasKubectl)('matches kubectl kustomize on every folder that builds', () => {
    for (const [name, files] of FOLDERS) {
      const generated = !('kustomization.yaml' in files);
      // kubectl needs a kustomization file: give it the one Flux generates.
      const withFile = generated
        ? { ...files, 'kustomization.yaml': `${KUSTOMIZATION}resources:\n- params.yml\n- pi.yaml\n` }
        : files;
      const ours = summary(files);
      const theirs = kubectlSummary(withFile);
      // kubectl kustomize orders by its legacy kind order unless sortOptions says otherwise (Flux applies by its own order).
      const key = (o: { kind?: string; name?: string }) => `${o.kind}/${o.name}`;
      expect(
        [...ours].sort((a, b) => key(a).localeCompare(key(b))),
        name,
      ).toEqual([...theirs].sort((a, b) => key(a).localeCompare(key(b))));
    }
  });
});

describe('what an environment folder refuses, at its line', () => {
  it.each([
    ['patches:\n- path: p.yaml\n', 'patches', 'kustomization.unsupported'],
    ['patchesStrategicMerge:\n- p.yaml\n', 'patchesStrategicMerge', 'kustomization.unsupported'],
    ['patchesJson6902: []\n', 'patchesJson6902', 'kustomization.unsupported'],
    ['components:\n- c\n', 'components', 'kustomization.unsupported'],
    ['configMapGenerator: []\n', 'configMapGenerator', 'kustomization.unsupported'],
    ['secretGenerator: []\n', 'secretGenerator', 'kustomization.unsupported'],
    ['generators: []\n', 'generators', 'kustomization.unsupported'],
    ['transformers: []\n', 'transformers', 'kustomization.unsupported'],
    ['replacements: []\n', 'replacements', 'kustomization.unsupported'],
    ['vars: []\n', 'vars', 'kustomization.unsupported'],
    ['images: []\n', 'images', 'kustomization.unsupported'],
    ['namePrefix: x-\n', 'namePrefix', 'kustomization.unsupported'],
    ['nameSuffix: -x\n', 'nameSuffix', 'kustomization.unsupported'],
    ['commonAnnotations: {a: b}\n', 'commonAnnotations', 'kustomization.unsupported'],
    ['helmCharts: []\n', 'helmCharts', 'kustomization.unsupported'],
    ['crds: []\n', 'crds', 'kustomization.unsupported'],
    ['openapi: {}\n', 'openapi', 'kustomization.unsupported'],
    ['bases: []\n', 'bases', 'kustomization.unsupported'],
    ['somethingNew: 1\n', 'somethingNew', 'kustomization.unsupported'],
  ])('%s', (extra, field, code) => {
    const text = `${KUSTOMIZATION}resources:\n- pi.yaml\n${extra}`;
    const result = build({ 'kustomization.yaml': text, 'pi.yaml': PI });
    const line = text.split('\n').findIndex((l) => l.startsWith(`${field}:`)) + 1;
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code, file: `${DIR}/kustomization.yaml`, line, severity: 'error' }),
    ]);
    expect(result.diagnostics[0]!.message).toContain(field);
  });

  it.each([
    ['../staging/pi.yaml', 'kustomization.outside'],
    ['/etc/passwd', 'kustomization.outside'],
    ['../../../../x.yaml', 'kustomization.outside'],
    ['https://github.com/o/r//base?ref=v1', 'kustomization.remote'],
    ['github.com/o/r/base?ref=main', 'kustomization.remote'],
    ['git@github.com:o/r.git', 'kustomization.remote'],
  ])('the resource %s is refused (%s)', (entry, code) => {
    const result = build({
      'kustomization.yaml': `${KUSTOMIZATION}resources:\n- pi.yaml\n- ${JSON.stringify(entry)}\n`,
    });
    expect(result.diagnostics).toEqual([expect.objectContaining({ code, line: 5 })]);
  });

  it('a missing resource, a folder without a kustomization, a Component and a duplicate object are errors', () => {
    const missing = build({ 'kustomization.yaml': `${KUSTOMIZATION}resources:\n- nope.yaml\n` });
    expect(missing.missing.map((m) => [m.path, m.diagnostic.code])).toEqual([
      [`${DIR}/nope.yaml`, 'kustomization.resource-missing'],
    ]);
    const folder = build({ 'kustomization.yaml': `${KUSTOMIZATION}resources:\n- sub\n`, 'sub/pi.yaml': PI });
    expect(folder.diagnostics.map((d) => d.code)).toEqual(['kustomization.resource-missing']);
    const component = build({ 'kustomization.yaml': 'kind: Component\nresources: []\n' });
    expect(component.diagnostics.map((d) => d.code)).toEqual(['kustomization.kind']);
    const twice = build({
      'kustomization.yaml': `${KUSTOMIZATION}resources:\n- a.yaml\n- b.yaml\n`,
      'a.yaml': PI,
      'b.yaml': PI,
    });
    expect(twice.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['kustomization.duplicate', `${DIR}/b.yaml`],
    ]);
  });

  it('a subfolder kustomization is judged by the same rules', () => {
    const result = build({
      'kustomization.yaml': `${KUSTOMIZATION}resources:\n- sub\n`,
      'sub/kustomization.yaml': `${KUSTOMIZATION}resources:\n- pi.yaml\npatches: []\n`,
      'sub/pi.yaml': PI,
    });
    expect(result.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ['kustomization.unsupported', `${DIR}/sub/kustomization.yaml`, 5],
    ]);
  });
});
