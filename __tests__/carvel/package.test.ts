import { describe, expect, it } from 'vitest';
import { validatePackage } from '../../src/carvel/package.js';
import { parseYaml } from '../../src/yaml/parse.js';

interface Fields {
  apiVersion?: string;
  kind?: string;
  name?: string;
  refName?: string;
  version?: string;
  template?: string;
  extra?: string;
}

function packageYaml(f: Fields = {}): string {
  const refName = f.refName ?? 'app.default.tap';
  const version = f.version ?? '1.2.3';
  return [
    `apiVersion: ${f.apiVersion ?? 'data.packaging.carvel.dev/v1alpha1'}`,
    `kind: ${f.kind ?? 'Package'}`,
    'metadata:',
    `  name: ${f.name ?? `${refName}.${version}`}`,
    'spec:',
    `  refName: ${refName}`,
    `  version: "${version}"`,
    f.template ??
      '  template:\n    spec:\n      fetch: [{imgpkgBundle: {image: "registry.example.com/app@sha256:abc"}}]',
    f.extra ?? '',
  ].join('\n');
}

function check(text: string) {
  const parsed = parseYaml('app.default.tap/packages/1.2.3.yaml', text);
  expect(parsed.diagnostics).toEqual([]);
  const [first] = parsed.documents;
  return validatePackage(parsed, first!.doc, first!.value);
}

describe('validatePackage: rules of kapp-controller API server', () => {
  it('accepts a valid Package and returns its fields', () => {
    const { pkg, diagnostics } = check(packageYaml());
    expect(diagnostics).toEqual([]);
    expect(pkg).toMatchObject({
      refName: 'app.default.tap',
      version: '1.2.3',
      name: 'app.default.tap.1.2.3',
    });
  });

  it('accepts build metadata in version and name (0.24.4+update.2)', () => {
    const { pkg, diagnostics } = check(
      packageYaml({
        refName: 'fluxcd-source-controller.community.tanzu.vmware.com',
        version: '0.24.4+update.2',
      }),
    );
    expect(diagnostics).toEqual([]);
    expect(pkg?.name).toBe('fluxcd-source-controller.community.tanzu.vmware.com.0.24.4+update.2');
  });

  it.each([
    [
      'the old packaging.carvel.dev group',
      { apiVersion: 'packaging.carvel.dev/v1alpha1' },
      'package.api-version',
      1,
    ],
    ['another kind', { kind: 'PackageVersion' }, 'package.kind', 2],
    ['a name that is not refName.version', { name: 'app.default.tap.1.2.4' }, 'package.name-mismatch', 4],
    [
      'a version with a v prefix',
      { version: 'v1.2.3', name: 'app.default.tap.v1.2.3' },
      'package.version',
      7,
    ],
    ['a partial version', { version: '1.2', name: 'app.default.tap.1.2' }, 'package.version', 7],
    [
      'a version with leading zeros',
      { version: '01.2.3', name: 'app.default.tap.01.2.3' },
      'package.version',
      7,
    ],
    ['an uppercase refName', { refName: 'App.default.tap' }, 'package.ref-name', 6],
    ['a refName with two segments', { refName: 'myapp.corp' }, 'package.ref-name', 6],
    ['a refName with an underscore', { refName: 'my_app.corp.com' }, 'package.ref-name', 6],
    ['a missing template', { template: '  template: {}' }, 'package.template', 8],
    [
      'a kubernetes constraint that does not parse',
      { extra: '  kubernetesVersionSelection:\n    constraints: "^1.20"' },
      'package.version-selection',
      12,
    ],
  ] as const)('rejects %s', (_, fields, code, line) => {
    const { pkg, diagnostics } = check(packageYaml(fields));
    expect(pkg).toBeUndefined();
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code, line, file: 'app.default.tap/packages/1.2.3.yaml', severity: 'error' }),
    );
  });

  it('rejects a refName longer than 253 characters', () => {
    const refName = `${'a'.repeat(120)}.${'b'.repeat(120)}.${'c'.repeat(20)}`;
    const { diagnostics } = check(packageYaml({ refName }));
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'package.ref-name', message: expect.stringContaining('253') }),
    );
  });

  it('rejects a name over 158 characters, the limit of kapp-controller storage', () => {
    const refName = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(40)}`; // 162 + version
    const { diagnostics } = check(packageYaml({ refName }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'package.name-too-long', line: 4 }));
  });

  it('requires spec.version to be a string', () => {
    const text = packageYaml().replace('version: "1.2.3"', 'version: 1.5');
    const { diagnostics } = check(text.replace('name: app.default.tap.1.2.3', 'name: app.default.tap.1.5'));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'package.version', line: 7 }));
  });
});
