/**
 * promote: give environments the version another environment selects (a promotion along the
 * chain), or an explicit one (manual promotion, rollback). The target keeps its own values, checked
 * against the promoted version's schema; a version that goes down is refused unless allowed.
 */
import { schemaKeyChanges } from '../carvel/schema-diff.js';
import { environmentsOf, upstreamOf } from '../config/graph.js';
import { error } from '../diagnostics.js';
import { selectedVersion } from './base.js';
import { type Context, componentPackages, done, versionOrder } from './context.js';
import { installInto } from './install.js';
import { type ComponentLayout, nameProblem } from './repository.js';
import type { EnvironmentResult, PromoteRequest, Promotion } from './types.js';

export async function promote(
  ctx: Context,
  components: ComponentLayout[],
  request: PromoteRequest,
): Promise<EnvironmentResult[]> {
  const results: EnvironmentResult[] = [];
  const byName = new Map(components.map((c) => [c.name, c]));
  for (const promotion of request.promotions) {
    const component = byName.get(promotion.component);
    const problem = requestProblem(ctx, component, promotion);
    if (problem) {
      ctx.diagnostics.push(error('request.promote', problem, ''));
      continue;
    }
    const result = await promoteOne(ctx, component!, promotion, request);
    if (result) results.push(result);
  }
  for (const component of new Set(request.promotions.map((p) => byName.get(p.component))))
    if (component) done(ctx, component);
  return results;
}

/** What makes a promotion impossible before anything is read (one line naming the input). */
function requestProblem(
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

async function promoteOne(
  ctx: Context,
  component: ComponentLayout,
  promotion: Promotion,
  request: PromoteRequest,
): Promise<EnvironmentResult | undefined> {
  const packages = await componentPackages(ctx, component);
  const from = promotion.from ?? upstreamOf(ctx.config, promotion.environment);
  const version =
    promotion.version ?? (await selectedVersion(ctx.reader, ctx.config, component, packages, from!));
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
  const result = await installInto(
    ctx,
    component,
    packages,
    promotion.environment,
    { overrides: request.overrides },
    { pinned: pkg, downgrade: request.allowDowngrade ? 'allow' : 'refuse' },
  );
  if (!result) return undefined;
  const previous = packages.packages.find((p) => p.version === result.fromVersion);
  result.promotion = {
    from: promotion.version === undefined ? from : promotion.from,
    source: promotion.source,
    downgrade: result.fromVersion !== undefined && versionOrder(result.fromVersion, pkg.version) > 0,
    releaseNotes: pkg.releaseNotes,
    valuesKeys: schemaKeyChanges(previous?.valuesSchema, pkg.valuesSchema),
  };
  return result;
}
