/**
 * promote: give environments the version another environment selects (a promotion along the
 * chain), or an explicit one (manual promotion, rollback). The target keeps its own values, checked
 * against the promoted version's schema; a version that goes down is refused unless allowed.
 * Synchronous rules; run.ts loads what each promotion looks at and plans it with install-into.ts.
 */

import type { CarvelPackage } from '../../../carvel/package.js';
import { schemaKeyChanges } from '../../../carvel/schema-diff.js';
import { environmentsOf, upstreamOf } from '../../../config/graph.js';
import { type Diagnostic, error, warning } from '../../../diagnostics.js';
import { nameOf } from '../../../settings/declarations.js';
import { type Context, versionOrder } from '../../model/context.js';
import type { ComponentPackages } from '../../model/packages.js';
import { type ComponentLayout, componentList, nameProblem } from '../../model/repository.js';
import type { EnvironmentResult, Promotion } from '../../types.js';

/** What makes a promotion impossible before anything is read (one line naming the input). */
export function requestProblem(
  ctx: Context,
  components: readonly ComponentLayout[],
  p: Promotion,
): string | undefined {
  const toName = nameOf('to-environment', ctx.wording);
  const fromName = nameOf('from-environment', ctx.wording);
  for (const [what, name] of [
    [toName, p.environment],
    [fromName, p.from],
  ] as const) {
    const problem = name === undefined ? undefined : nameProblem('environment', name);
    if (problem) return `${what} "${name}" ${problem}`;
  }
  const component = components.find((c) => c.name === p.component);
  if (!component)
    return `no component "${p.component}" in the repository (components: ${componentList(components)})`;
  const known = environmentsOf(ctx.config, component.name, component.environments);
  if (!known.includes(p.environment))
    return `${component.name} has no environment "${p.environment}" (it has ${known.join(', ') || 'none'})`;
  const from = p.from ?? upstreamOf(ctx.config, p.environment);
  if (from === p.environment) return `${fromName} and ${toName} are both "${p.environment}"`;
  if (from !== undefined && !component.environments.includes(from))
    return `${component.name} has no environment "${from}" to promote from`;
  if (from === undefined && p.version === undefined)
    return `${p.environment} does not promote from another environment (no promoteFrom in flux-pkg.yaml); name ${fromName} or an explicit version`;
  return undefined;
}

/**
 * A promotion past the target's promoteFrom (another --from, or an explicit version that
 * environment does not run yet): allowed here, but the gate's promotion-order rule
 * (modes/validate/rules.ts) will refuse its pull request unless it carries an override label.
 */
export function skipsUpstream(
  ctx: Context,
  promotion: Promotion,
  version: string,
  upstream: string,
  upstreamRuns: string | undefined,
): Diagnostic | undefined {
  if (upstreamRuns !== undefined && versionOrder(version, upstreamRuns) <= 0) return undefined;
  const labels = ctx.config.promotion.overrideLabels;
  const has = upstreamRuns ? `does not have: it runs ${upstreamRuns}` : 'does not run';
  return warning(
    'promote.skips-upstream',
    `${promotion.environment} gets ${promotion.component} ${version}, which ${upstream} (its promoteFrom) ${has}; the gate (flux-pkg/validate) will refuse this pull request${labels.length > 0 ? ` unless it carries one of the labels ${labels.join(', ')}` : ''}`,
    '',
  );
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
