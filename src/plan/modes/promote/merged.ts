/**
 * Which promotions a push starts (promoteWhen: merged): a merge into `<component>/<env>` gives the
 * environments promoting from it on merge the version it now selects. Synchronous over the
 * configuration and the push's classified changes.
 */
import type { RepoConfig } from '../../../config/config.js';
import { environmentsOf, promotedOn } from '../../../config/graph.js';
import type { ChangeSet } from '../../model/changes.js';
import type { Promotion } from '../../types.js';

/** The environments a merge into `<component>/<env>` promotes to (promoteWhen: merged). */
export function promotionsOfMerge(config: RepoConfig, changes: ChangeSet, commit?: string): Promotion[] {
  return changes.packageInstalls.flatMap(({ component, environment }) =>
    promotedOn(config, environment, 'merged')
      .filter((to) => environmentsOf(config, component, []).includes(to))
      .map((to) => ({
        component,
        environment: to,
        from: environment,
        source: { trigger: 'merged' as const, commit },
      })),
  );
}
