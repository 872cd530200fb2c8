import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT } from '../../../../src/config/config.js';
import { discover, NO_MATCH, nameProblems } from '../../../../src/plan/model/repository.js';
import { codes, repo } from '../../repo-state.js';

describe('discover: components and environments from the file list', () => {
  it('finds a component by its Package files and an environment by its files, sorted', () => {
    const state = repo()
      .component('web', { packages: ['1.0.0'] })
      .environment('prod')
      .environment('dev')
      .component('api', { packages: ['2.0.0', '1.0.0'] });
    expect(state.components()).toEqual([
      {
        name: 'api',
        dir: 'api',
        packageFiles: ['api/packages/1.0.0.yaml', 'api/packages/2.0.0.yaml'],
        environments: [],
      },
      { name: 'web', dir: 'web', packageFiles: ['web/packages/1.0.0.yaml'], environments: ['dev', 'prod'] },
    ]);
  });

  it('ignores files at other depths, hidden folders, non-YAML Package files and unknown environment files', () => {
    const paths = [
      'README.md',
      'app/packages/1.0.0.yaml',
      'app/packages/notes.txt',
      'app/packages/deep/1.0.0.yaml',
      'app/dev/other.yaml',
      'app/qa/params.yaml',
      '.github/packages/x.yaml',
    ];
    expect(discover(paths, DEFAULT_LAYOUT)).toEqual([
      { name: 'app', dir: 'app', packageFiles: ['app/packages/1.0.0.yaml'], environments: ['qa'] },
    ]);
  });

  it('looks under componentsPath only', () => {
    const layout = { ...DEFAULT_LAYOUT, componentsPath: 'apps/' };
    expect(discover(['apps/a/packages/1.yaml', 'b/packages/1.yaml'], layout).map((c) => c.dir)).toEqual([
      'apps/a',
    ]);
  });
});

describe('nameProblems: folders and request names that cannot be Kubernetes names', () => {
  it('refuses a component folder that is no DNS-1123 subdomain, naming its first Package file', () => {
    const state = repo().component('Bad_Name', { packages: ['1.0.0'] });
    const diagnostics = nameProblems(state.components(), { kind: 'install' });
    expect(diagnostics).toMatchObject([
      { code: 'layout.component-name', file: 'Bad_Name/packages/1.0.0.yaml' },
    ]);
  });

  it('refuses an environment folder that is no DNS-1123 label (a dot is allowed in a component, not here)', () => {
    const state = repo()
      .component('app.example.com', { packages: ['1.0.0'] })
      .environment('dev.eu');
    expect(nameProblems(state.components(), { kind: 'install' })).toMatchObject([
      { code: 'layout.environment-name', file: 'app.example.com/dev.eu' },
    ]);
  });

  it('refuses request filters: a bad name, and a component the repository does not have', () => {
    const state = repo()
      .component('app', { packages: ['1.0.0'] })
      .environment('dev');
    const request = {
      kind: 'install' as const,
      components: ['app', 'ghost', '../x'],
      environments: ['UPPER'],
    };
    expect(codes(nameProblems(state.components(), request))).toEqual([
      NO_MATCH,
      'request.component',
      'request.environment',
    ]);
  });

  it('accepts a repository of good names and a filter that matches', () => {
    const state = repo()
      .component('app', { packages: ['1.0.0'] })
      .environment('dev');
    expect(
      nameProblems(state.components(), { kind: 'validate', components: ['app'], environments: ['dev'] }),
    ).toEqual([]);
  });
});
