import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LoadedConfig, parseConfig } from '../../../../src/config/config.js';
import {
  componentEnvironmentProblems,
  environmentFilterProblems,
  linkProblems,
  NO_MATCH,
  noComponentProblem,
  unsafePathProblems,
} from '../../../../src/plan/model/boundaries.js';
import { codes, repo } from '../../repo-state.js';

const defaults: LoadedConfig = { config: DEFAULT_CONFIG, diagnostics: [] };
const state = () =>
  repo()
    .component('api', { packages: ['1.0.0'] })
    .environment('dev')
    .component('web', { packages: ['1.0.0'] })
    .environment('prod');

describe('linkProblems: links where the layout expects folders', () => {
  it('refuses a link as a packages or environment folder, or a named component, not a linked file elsewhere', () => {
    const entries = [
      { path: 'api/packages', kind: 'symlink' as const },
      { path: 'api/dev', kind: 'symlink' as const },
      { path: 'web', kind: 'special' as const },
      { path: 'docs/readme.md', kind: 'symlink' as const },
      { path: 'api/dev/params.yaml', kind: 'symlink' as const }, // reported when read
      { path: 'api/packages/1.0.0.yaml' },
    ];
    const diagnostics = linkProblems(entries, defaults, { kind: 'install', components: ['web'] });
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['repo.symlink', 'api/packages'],
      ['repo.symlink', 'api/dev'],
      ['repo.special', 'web'],
    ]);
  });

  it('refuses a link on the way to componentsPath', () => {
    const loaded = {
      ...defaults,
      config: { ...DEFAULT_CONFIG, layout: { ...DEFAULT_CONFIG.layout, componentsPath: 'apps/team' } },
    };
    expect(codes(linkProblems([{ path: 'apps', kind: 'symlink' }], loaded, { kind: 'validate' }))).toEqual([
      'repo.symlink',
    ]);
  });
});

describe('noComponentProblem', () => {
  it('a layout that finds nothing is an error naming what it looked for; one component is enough', () => {
    expect(noComponentProblem([], defaults)).toMatchObject([
      { code: 'layout.no-component', message: expect.stringContaining('<component>/packages/*.yaml') },
    ]);
    expect(noComponentProblem(state().components(), defaults)).toEqual([]);
  });
});

describe('environmentFilterProblems', () => {
  it('a filter naming no environment folder of the chosen components', () => {
    const components = state().components();
    expect(
      environmentFilterProblems(components, defaults, { kind: 'validate', environments: ['dev', 'qa'] }),
    ).toMatchObject([{ code: NO_MATCH, message: expect.stringContaining('"qa"') }]);
    // prod is web's, not api's.
    expect(
      codes(
        environmentFilterProblems(components, defaults, {
          kind: 'validate',
          components: ['api'],
          environments: ['prod'],
        }),
      ),
    ).toEqual([NO_MATCH]);
  });

  it('install also knows the environments flux-pkg.yaml lists (a folder it will create)', () => {
    const loaded = { ...defaults, config: { ...DEFAULT_CONFIG, environments: [{ name: 'qa' }] } };
    expect(
      environmentFilterProblems(state().components(), loaded, { kind: 'install', environments: ['qa'] }),
    ).toEqual([]);
    expect(
      codes(
        environmentFilterProblems(state().components(), loaded, { kind: 'validate', environments: ['qa'] }),
      ),
    ).toEqual([NO_MATCH]);
  });
});

describe('componentEnvironmentProblems', () => {
  it('components.*.environments naming a folder the component lacks, at its line in flux-pkg.yaml', () => {
    const loaded = parseConfig(
      'flux-pkg.yaml',
      'components:\n  api:\n    environments:\n      - dev\n      - staging\n',
    );
    expect(loaded.diagnostics).toEqual([]);
    expect(componentEnvironmentProblems(state().components(), loaded)).toMatchObject([
      {
        code: 'config.unknown-environment',
        file: 'flux-pkg.yaml',
        line: 5,
        path: '.components["api"].environments[1]',
      },
    ]);
  });
});

describe('unsafePathProblems', () => {
  it('refuses planned paths outside the repository or under a protected folder', () => {
    const file = (path: string) => ({ path, content: '', action: 'create' as const, secret: false });
    expect(
      unsafePathProblems([file('api/dev/params.yaml'), file('../x'), file('.git/config')]).map((d) => d.file),
    ).toEqual(['../x', '.git/config']);
  });
});
