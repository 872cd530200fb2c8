/**
 * promote: give environments the version another environment selects (a promotion along the
 * chain), or an explicit one (manual promotion, rollback). The target keeps its own values, checked
 * against the promoted version's schema; a version that goes down is refused unless allowed.
 * Synchronous rules; run.ts loads what each promotion looks at and plans it with install-into.ts.
 */

import type { CarvelPackage } from '../../../carvel/package.js';
import { schemaKeyChanges } from '../../../carvel/schema-diff.js';
import { environmentsOf, upstreamOf } from '../../../config/graph.js';
import { error } from '../../../diagnostics.js';
import { type Context, versionOrder } from '../../model/context.js';
import type { ComponentPackages } from '../../model/packages.js';
import { type ComponentLayout, nameProblem } from '../../model/repository.js';
import type { EnvironmentResult, Promotion } from '../../types.js';

/** What makes a promotion impossible before anything is read (one line naming the input). */
export function requestProblem(
  ctx: Context,
  component: ComponentLayout | undefined,
  p: Promotion,
): string | undefined {
  for (const [what, name] of [
    ['to-environment', p.environment],
    ['from-environment', p.from],
  ] as const) {
    const problem = name === undefined ? undefined : nameProblem('environment', name);
    if (problem) return `${what} "${name}" ${problem}`;
  }
  if (!component) return `no component "${p.component}" in the repository`;
  const known = environmentsOf(ctx.config, component.name, component.environments);
  if (!known.includes(p.environment))
    return `${component.name} has no environment "${p.environment}" (it has ${known.join(', ') || 'none'})`;
  const from = p.from ?? upstreamOf(ctx.config, p.environment);
  if (from === p.environment) return `from-environment and to-environment are both "${p.environment}"`;
  if (from !== undefined && !component.environments.includes(from))
    return `${component.name} has no environment "${from}" to promote from`;
  if (from === undefined && p.version === undefined)
    return `${p.environment} does not promote from another environment (no promoteFrom in flux-pkg.yaml); name from-environment or an explicit version`;
  return undefined;
}

/** The environment a promotion takes its version from (undefined: an explicit version with no promoteFrom). */
export function promotionSource(ctx: Context, promotion: Promotion): string | undefined {
  return promotion.from ?? upstreamOf(ctx.config, promotion.environment);
}

/**
 * The Package the promotion delivers: its explicit version, else the one `from` selects
 * (`selected`, from the loaded from-environment); undefined, with an error, when there is none.
 */
export function promotedPackage(
  ctx: Context,
  component: ComponentLayout,
  packages: ComponentPackages,
  promotion: Promotion,
  selected: string | undefined,
): CarvelPackage | undefined {
  const from = promotionSource(ctx, promotion);
  const version = promotion.version ?? selected;
  const packagesDir = `${component.dir}/${ctx.config.layout.packagesDir}`;
  if (version === undefined) {
    ctx.diagnostics.push(
      error('promote.no-version', `${from} selects no version of ${component.name} to promote`, packagesDir),
    );
    return undefined;
  }
  const pkg = packages.packages.find((p) => p.version === version);
  if (!pkg) {
    ctx.diagnostics.push(
      error(
        'promote.unknown-version',
        `${component.name} has no Package of version ${version} in ${packagesDir}/ (it has ${packages.packages.map((p) => p.version).join(', ') || 'none'})`,
        packagesDir,
      ),
    );
    return undefined;
  }
  return pkg;
}

/** What the pull request says about a promotion planned into `result`. */
export function describePromotion(
  ctx: Context,
  result: EnvironmentResult,
  packages: ComponentPackages,
  pkg: CarvelPackage,
  promotion: Promotion,
): void {
  const previous = packages.packages.find((p) => p.version === result.fromVersion);
  result.promotion = {
    from: promotion.version === undefined ? promotionSource(ctx, promotion) : promotion.from,
    source: promotion.source,
    downgrade: result.fromVersion !== undefined && versionOrder(result.fromVersion, pkg.version) > 0,
    releaseNotes: pkg.releaseNotes,
    valuesKeys: schemaKeyChanges(previous?.valuesSchema, pkg.valuesSchema),
  };
}
