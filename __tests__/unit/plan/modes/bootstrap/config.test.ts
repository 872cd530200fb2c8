import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../../../../../src/config/config.js';
import { bootstrapConfig, configForPlanning } from '../../../../../src/plan/modes/bootstrap/config.js';
import type { BootstrapRequest } from '../../../../../src/plan/types.js';
import { repo } from '../../../repo-state.js';

const request = (environment: string, components = ['api']): BootstrapRequest => ({
  kind: 'bootstrap',
  components,
  environment,
  gitUrl: 'https://github.com/org/gitops',
  branch: 'main',
});
const state = () =>
  repo()
    .component('api', { packages: ['1.0.0'] })
    .environment('dev')
    .environment('prod')
    .component('web', { packages: ['1.0.0'] })
    .environment('dev');

describe('bootstrapConfig: flux-pkg.yaml after a bootstrap', () => {
  it('a repository without flux-pkg.yaml: every folder listed, then the new one, and components restricted to what they have', () => {
    const s = state();
    const all = s.components();
    const change = bootstrapConfig(
      undefined,
      { config: DEFAULT_CONFIG, diagnostics: [] },
      all,
      [all[0]!],
      request('qa'),
    );
    expect(change.diagnostics).toEqual([]);
    expect(change.file).toMatchObject({ path: 'flux-pkg.yaml', action: 'create' });
    const config = change.loaded!.config;
    expect(config.environments?.map((e) => e.name)).toEqual(['dev', 'prod', 'qa']);
    // api has every environment now (no restriction); web has only dev.
    expect(config.components.api?.environments).toBeUndefined();
    expect(config.components.web?.environments).toEqual(['dev']);
  });

  it('a file that lists environments gets the new one appended, comments kept, other entries untouched', () => {
    const before = '# ours\nenvironments:\n  - name: dev # first\n  - name: prod\n    promoteFrom: dev\n';
    const loaded = parseConfig('flux-pkg.yaml', before);
    const all = state().components();
    const change = bootstrapConfig(before, loaded, all, [all[0]!], request('qa'));
    expect(change.diagnostics).toEqual([]);
    expect(change.file?.action).toBe('update');
    expect(change.file!.content.startsWith('# ours\nenvironments:\n  - name: dev # first\n')).toBe(true);
    expect(change.loaded!.config.environments?.map((e) => [e.name, e.promoteFrom])).toEqual([
      ['dev', undefined],
      ['prod', 'dev'],
      ['qa', undefined],
    ]);
  });

  it('writes the settings the request gave into the new entry', () => {
    const all = state().components();
    const change = bootstrapConfig(undefined, { config: DEFAULT_CONFIG, diagnostics: [] }, all, [all[0]!], {
      ...request('qa'),
      targetNamespace: 'team-a',
    });
    expect(change.loaded!.config.environments?.find((e) => e.name === 'qa')).toMatchObject({
      targetNamespace: 'team-a',
    });
  });
});

describe('configForPlanning', () => {
  it('the bootstrapped environment takes the version directly: its promoteFrom is dropped, the others kept', () => {
    const loaded = parseConfig(
      'flux-pkg.yaml',
      'environments:\n  - name: dev\n  - name: qa\n    promoteFrom: dev\n  - name: prod\n    promoteFrom: qa\n',
    );
    const planning = configForPlanning(loaded, 'qa');
    expect(planning.config.environments?.map((e) => [e.name, e.promoteFrom])).toEqual([
      ['dev', undefined],
      ['qa', undefined],
      ['prod', 'qa'],
    ]);
    expect(loaded.config.environments?.[1]?.promoteFrom).toBe('dev');
  });
});
