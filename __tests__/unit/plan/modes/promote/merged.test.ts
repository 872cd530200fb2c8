import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type RepoConfig } from '../../../../../src/config/config.js';
import type { ChangeSet } from '../../../../../src/plan/model/changes.js';
import { promotionsOfMerge } from '../../../../../src/plan/modes/promote/merged.js';

const config: RepoConfig = {
  ...DEFAULT_CONFIG,
  environments: [
    { name: 'dev' },
    { name: 'stage', promoteFrom: 'dev' },
    { name: 'prod', promoteFrom: 'stage', promoteWhen: 'healthy' },
    { name: 'qa', promoteFrom: 'dev', promoteWhen: 'merged' },
  ],
};
const merged = (component: string, environment: string): ChangeSet => ({
  packageFiles: [],
  packageInstalls: [{ component, environment, path: `${component}/${environment}/packageinstall.yaml` }],
  configChanged: false,
});

describe('promotionsOfMerge: what a merge into an environment starts', () => {
  it('promotes to every environment that promotes from it on merge, with the commit', () => {
    expect(promotionsOfMerge(config, merged('app', 'dev'), 'c0ffee')).toEqual([
      {
        component: 'app',
        environment: 'stage',
        from: 'dev',
        source: { trigger: 'merged', commit: 'c0ffee' },
      },
      { component: 'app', environment: 'qa', from: 'dev', source: { trigger: 'merged', commit: 'c0ffee' } },
    ]);
  });

  it('starts nothing for a health-gated next environment, or the end of the chain', () => {
    expect(promotionsOfMerge(config, merged('app', 'stage'))).toEqual([]);
    expect(promotionsOfMerge(config, merged('app', 'prod'))).toEqual([]);
  });

  it('leaves out environments the component does not deploy to', () => {
    const only = { ...config, components: { app: { environments: ['dev', 'stage'] } } };
    expect(promotionsOfMerge(only, merged('app', 'dev')).map((p) => p.environment)).toEqual(['stage']);
  });
});
