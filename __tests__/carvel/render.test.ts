import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validatePackage } from '../../src/carvel/package.js';
import {
  constraintFor,
  ensureKustomizationResources,
  renderKustomization,
  renderPackageInstall,
  renderValuesSecret,
  setScalar,
  setValues,
} from '../../src/carvel/render.js';
import { selectHighest } from '../../src/carvel/semver.js';
import { compileValuesSchema } from '../../src/carvel/values-schema.js';
import { readValuesSecret } from '../../src/carvel/values-secret.js';
import { parseYaml } from '../../src/yaml/parse.js';
import { propertyOptions } from '../helpers/fc.js';
import { packageFile } from '../helpers/gitops.js';

const golden = (name: string) => new URL(`./golden/${name}`, import.meta.url).pathname;

describe('rendering: golden files', () => {
  it('renders a PackageInstall in TAP layout', async () => {
    const text = renderPackageInstall({
      name: 'app.default.tap',
      serviceAccountName: 'default-ns-sa',
      refName: 'app.default.tap',
      selection: { constraints: '20230321004057.0.0' },
      valuesSecretName: 'app.default.tap-values',
    });
    await expect(text).toMatchFileSnapshot(golden('packageinstall.yaml'));
  });

  it('renders prereleases and a namespace when configured, quoting what YAML would misread', async () => {
    const text = renderPackageInstall({
      name: 'payments-api',
      namespace: 'payments',
      serviceAccountName: 'payments-installer',
      refName: 'payments-api.apps.example.com',
      selection: { constraints: '>=1.5.0-rc.1', prereleases: { identifiers: ['rc'] } },
      valuesSecretName: 'payments-api-values',
    });
    await expect(text).toMatchFileSnapshot(golden('packageinstall-prerelease.yaml'));
    expect(parse(text).spec.packageRef.versionSelection).toEqual({
      constraints: '>=1.5.0-rc.1',
      prereleases: { identifiers: ['rc'] },
    });
  });

  it('renders the values Secret with the values as a block scalar under one key', async () => {
    const text = renderValuesSecret({
      name: 'app.default.tap-values',
      valuesKey: 'values.yaml',
      values: '---\nreplicas: 2\nhostname: app.example.com\n',
    });
    await expect(text).toMatchFileSnapshot(golden('params.yaml'));
    expect(Object.keys(parse(text).stringData)).toEqual(['values.yaml']);
  });

  it('renders a kustomization listing the environment files', async () => {
    await expect(renderKustomization(['packageinstall.yaml', 'params.yaml'])).toMatchFileSnapshot(
      golden('kustomization.yaml'),
    );
  });
});

describe('editing existing files', () => {
  it('changes only the scalar, keeping its quote style, comments and unknown fields', () => {
    const text = "# keep me\nspec:\n  extra: {a: 1}   # person's note\n  constraints: '1.0.0' # pinned\n";
    expect(setScalar(text, ['spec', 'constraints'], '1.1.0')).toBe(
      "# keep me\nspec:\n  extra: {a: 1}   # person's note\n  constraints: '1.1.0' # pinned\n",
    );
  });

  it('quotes a plain scalar when the new value needs it', () => {
    expect(setScalar('c: 1.0.0\n', ['c'], '>=1.0.0')).toBe('c: ">=1.0.0"\n');
  });

  it('edits the same text from the documents the planner parsed as from its own parse, and leaves them as they were', () => {
    const text =
      'kind: ServiceAccount\n---\n# the install\nkind: PackageInstall\nspec:\n  constraints: 1.0.0 # pinned\n---\nkind: PackageInstall\n';
    const isInstall = (v: unknown) => (v as { kind?: string } | null)?.kind === 'PackageInstall';
    for (const [path, value] of [
      [['spec', 'constraints'], '>=1.1.0'],
      [['spec', 'constraints'], '1.0.0'],
      [['spec', 'packageRef', 'refName'], 'x.example.com'],
    ] as const) {
      const parsed = parseYaml('pi.yaml', text);
      const before = parsed.documents.map((d) => d.doc.toString());
      expect(setScalar(text, path, value, isInstall, parsed.documents)).toBe(
        setScalar(text, path, value, isInstall),
      );
      expect(parsed.documents.map((d) => d.doc.toString())).toEqual(before);
    }
  });

  it('adds a missing path structurally', () => {
    expect(
      parse(setScalar('spec: {}\n', ['spec', 'packageRef', 'versionSelection', 'constraints'], '1.0.0')),
    ).toEqual({
      spec: { packageRef: { versionSelection: { constraints: '1.0.0' } } },
    });
  });

  it('replaces values under the key and keeps the rest of the Secret', () => {
    const before = renderValuesSecret({ name: 's', valuesKey: 'values.yaml', values: 'a: 1\n' }).replace(
      'kind: Secret',
      'kind: Secret # the values',
    );
    const after = setValues(before, 'values.yaml', 'a: 2\nb: [x]\n');
    expect(after).toContain('kind: Secret # the values');
    expect(parse(parse(after).stringData['values.yaml'])).toEqual({ a: 2, b: ['x'] });
  });

  it('adds missing resources to a kustomization and leaves a complete one byte-for-byte', () => {
    const complete = renderKustomization(['packageinstall.yaml', 'params.yaml', 'extra.yaml']);
    expect(ensureKustomizationResources(complete, ['packageinstall.yaml', 'params.yaml'])).toBe(complete);
    const partial = 'resources:\n- packageinstall.yaml # mine\n';
    expect(ensureKustomizationResources(partial, ['packageinstall.yaml', 'params.yaml'])).toBe(
      'resources:\n- packageinstall.yaml # mine\n- params.yaml\n',
    );
  });
});

// Versions as the supply chain writes them (TAP's timestamps, semver with prerelease/build).
const versionArb = fc
  .tuple(
    fc.nat({ max: 30 }),
    fc.nat({ max: 30 }),
    fc.nat({ max: 30 }),
    fc.option(fc.constantFrom('rc.1', 'beta.2', 'alpha'), { nil: undefined }),
    fc.option(fc.constantFrom('build.1', 'vmware.2'), { nil: undefined }),
  )
  .map(([a, b, c, pre, build]) => `${a}.${b}.${c}${pre ? `-${pre}` : ''}${build ? `+${build}` : ''}`);
const labelArb = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
const refNameArb = fc.tuple(labelArb, labelArb, labelArb).map((parts) => parts.join('.'));
const valuesArb = fc.record(
  {
    replicas: fc.integer({ min: 1, max: 50 }),
    hostname: fc.domain(),
    port: fc.integer({ min: 1, max: 65535 }),
    log_level: fc.constantFrom('debug', 'info', 'warn', 'error'),
  },
  { requiredKeys: [] },
);

describe('rendering: properties', () => {
  it('render → parse → validate round-trips: the PackageInstall selects exactly the rendered version', () => {
    fc.assert(
      fc.property(refNameArb, versionArb, (refName, version) => {
        const text = renderPackageInstall({
          name: refName,
          serviceAccountName: 'sa',
          refName,
          selection: { constraints: constraintFor('{version}', version) },
          valuesSecretName: `${refName}-values`,
        });
        const pi = parse(text);
        expect(pi.spec.packageRef.refName).toBe(refName);
        expect(
          selectHighest([version, '0.0.1', '999.0.0'], pi.spec.packageRef.versionSelection).version,
        ).toBe(version);
        const pkgText = packageFile(refName, version);
        const parsed = parseYaml('p.yaml', pkgText);
        expect(
          validatePackage(parsed, parsed.documents[0]!.doc, parsed.documents[0]!.value).pkg?.version,
        ).toBe(version);
      }),
      propertyOptions({ numRuns: 200 }),
    );
  });

  it('render → parse → validate round-trips the values Secret, and rendering is deterministic', () => {
    const pkgDoc = parseYaml('p.yaml', packageFile('app.default.tap', '1.0.0'));
    const schema = compileValuesSchema(
      (pkgDoc.documents[0]!.value as { spec: { valuesSchema: { openAPIv3: unknown } } }).spec.valuesSchema
        .openAPIv3,
    );
    if (!schema.ok) throw new Error(schema.error);
    fc.assert(
      fc.property(valuesArb, (values) => {
        const yamlText = Object.entries(values)
          .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
          .join('\n');
        const input = { name: 'app-values', valuesKey: 'values.yaml', values: `${yamlText}\n` };
        const text = renderValuesSecret(input);
        expect(renderValuesSecret(input)).toBe(text);
        const read = readValuesSecret(parseYaml('params.yaml', text), text);
        expect(read.diagnostics).toEqual([]);
        expect(read.secret!.merged).toEqual(values);
        expect(schema.schema.validate(read.secret!.merged)).toEqual([]);
      }),
      propertyOptions({ numRuns: 200 }),
    );
  });
});
