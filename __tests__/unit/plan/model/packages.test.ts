import { describe, expect, it } from 'vitest';
import { codes, repo } from '../../repo-state.js';

describe('packagesOf: a component’s Packages', () => {
  it('orders Packages by Carvel semver, not by file name, and finds the one refName', () => {
    const packages = repo()
      .component('app', { packages: ['1.10.0', '1.2.0', '1.9.1'] })
      .packages('app');
    expect(packages.diagnostics).toEqual([]);
    expect(packages.refName).toBe('app.example.com');
    expect(packages.packages.map((p) => p.version)).toEqual(['1.2.0', '1.9.1', '1.10.0']);
  });

  it('refuses Packages of several refNames and gives no refName', () => {
    const state = repo()
      .component('app', { packages: ['1.0.0'] })
      .file(
        'app/packages/2.0.0.yaml',
        repo().component('x', { refName: 'other.example.com', packages: ['2.0.0'] }).files[
          'x/packages/2.0.0.yaml'
        ],
      );
    const packages = state.packages('app');
    expect(packages.refName).toBeUndefined();
    expect(packages.diagnostics).toMatchObject([
      { code: 'package.ref-name-conflict', file: 'app/packages/2.0.0.yaml', line: 1, path: '.spec.refName' },
    ]);
  });

  it('refuses one version defined twice, naming the second file and the first', () => {
    const text = repo().component('app', { packages: ['1.0.0'] }).files['app/packages/1.0.0.yaml']!;
    const packages = repo()
      .component('app', { packages: ['1.0.0'] })
      .file('app/packages/copy.yaml', text)
      .packages('app');
    expect(codes(packages.diagnostics)).toEqual(['package.duplicate-version']);
    expect(packages.diagnostics[0]!.file).toBe('app/packages/copy.yaml');
    expect(packages.diagnostics[0]!.message).toContain('app/packages/1.0.0.yaml');
  });

  it('refuses an empty file and a document of another kind, but accepts PackageMetadata beside Packages', () => {
    const state = repo()
      .component('app', { packages: ['1.0.0'] })
      .file('app/packages/empty.yaml', '# nothing yet\n')
      .file('app/packages/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n')
      .file(
        'app/packages/metadata.yaml',
        'apiVersion: data.packaging.carvel.dev/v1alpha1\nkind: PackageMetadata\nmetadata:\n  name: app\n',
      );
    const packages = state.packages('app');
    expect(packages.diagnostics).toMatchObject([
      { code: 'package.kind', file: 'app/packages/cm.yaml', line: 2, path: '.kind' },
      { code: 'package.empty', file: 'app/packages/empty.yaml' },
    ]);
    expect(packages.packages.map((p) => p.version)).toEqual(['1.0.0']);
  });

  it('passes on a Package file’s YAML errors and keeps the other Packages', () => {
    const packages = repo()
      .component('app', { packages: ['1.0.0'] })
      .file('app/packages/broken.yaml', 'a: 1\na: 2\n')
      .packages('app');
    expect(packages.diagnostics).toMatchObject([
      { code: 'yaml.duplicate-key', file: 'app/packages/broken.yaml', line: 2 },
    ]);
    expect(packages.packages).toHaveLength(1);
  });
});
