/**
 * promote's runner: per promotion, the component's Packages and the source environment's selection
 * loaded, the version chosen by the synchronous rules (rules.ts), the target delivered like an
 * install of that version (../install/deliver.ts).
 */
import { upstreamOf } from '../../../config/graph.js';
import { error } from '../../../diagnostics.js';
import type { Loader } from '../../load/load.js';
import type { Context } from '../../model/context.js';
import { selectedVersion } from '../../model/environment.js';
import type { ComponentLayout } from '../../model/repository.js';
import type { EnvironmentResult, PromoteRequest, Promotion } from '../../types.js';
import { deliverInto, release } from '../install/deliver.js';
import type { Delivery } from '../install/into.js';
import {
  describePromotion,
  promotedPackage,
  promotionSource,
  requestProblem,
  skipsUpstream,
} from './rules.js';

export async function runPromote(
  ctx: Context,
  loader: Loader,
  components: ComponentLayout[],
  request: PromoteRequest,
): Promise<EnvironmentResult[]> {
  const results: EnvironmentResult[] = [];
  const byName = new Map(components.map((c) => [c.name, c]));
  for (const promotion of request.promotions) {
    const component = byName.get(promotion.component);
    const problem = requestProblem(ctx, components, promotion);
    if (problem || !component) {
      ctx.diagnostics.push(error('request.promote', problem ?? 'no such component', ''));
      continue;
    }
    const packages = await loader.packages(component);
    const from = promotionSource(ctx, promotion);
    // The from-environment is read without the caller's keys: only its PackageInstall matters.
    const selected =
      promotion.version === undefined && from !== undefined && component.environments.includes(from)
        ? selectedVersion(await loader.environment(component, from, false), packages)
        : undefined;
    const pkg = promotedPackage(ctx, component, packages, promotion, selected);
    if (!pkg) continue;
    const upstream = upstreamOf(ctx.config, promotion.environment);
    if (upstream && component.environments.includes(upstream) && (from !== upstream || promotion.version)) {
      const upstreamRuns = selectedVersion(await loader.environment(component, upstream, false), packages);
      const skip = skipsUpstream(ctx, promotion, pkg.version, upstream, upstreamRuns);
      if (skip) ctx.diagnostics.push(skip);
    }
    const delivery: Delivery = { pinned: pkg, downgrade: downgradeOf(request, promotion) };
    const overrides = { overrides: request.overrides };
    const result = await deliverInto(
      ctx,
      loader,
      component,
      packages,
      promotion.environment,
      overrides,
      delivery,
    );
    if (!result) continue;
    describePromotion(ctx, result, packages, pkg, promotion);
    results.push(result);
  }
  for (const component of new Set(request.promotions.map((p) => byName.get(p.component))))
    if (component) release(ctx, loader, component);
  return results;
}

/**
 * A promotion the action starts by itself (merged, healthy) leaves an environment that runs a newer
 * version alone and keeps a rollback's hold, as install does: level-triggered delivery may offer it
 * again on every run. One a person asks for refuses a downgrade unless allowed.
 */
function downgradeOf(request: PromoteRequest, promotion: Promotion): Delivery['downgrade'] {
  if (request.allowDowngrade) return 'allow';
  const automatic = promotion.source?.trigger === 'merged' || promotion.source?.trigger === 'healthy';
  return automatic ? 'skip' : 'refuse';
}
