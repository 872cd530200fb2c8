/**
 * The orchestration of a plan, and the only asynchronous part of it besides the loader: per
 * component, load what the plan looks at (load.ts, the next component prefetched), plan it with the
 * synchronous rules (validate.ts, install.ts, install-into.ts, promote.ts), release it. The one
 * step inside an environment's plan that waits is sealing an encrypted values Secret (seal.ts).
 */

import { error } from '../diagnostics.js';
import type { Context } from './context.js';
import { selectedVersion } from './environment.js';
import {
  componentsToLoad,
  environmentFilterMatchedNothing,
  installEnvironments,
  installTargets,
} from './install.js';
import { type Delivery, needsEnvironmentFiles, planInstallInto } from './install-into.js';
import { sealedSecret } from './install-secret.js';
import type { Loader } from './load.js';
import type { ComponentPackages } from './packages.js';
import { describePromotion, promotedPackage, promotionSource, requestProblem } from './promote.js';
import type { ComponentLayout } from './repository.js';
import { sealSecret } from './seal.js';
import type { EnvironmentResult, InstallRequest, PromoteRequest, ValidateRequest } from './types.js';
import { validateChoice, validateComponent } from './validate.js';

export async function runValidate(
  ctx: Context,
  loader: Loader,
  components: ComponentLayout[],
  request: ValidateRequest,
): Promise<EnvironmentResult[]> {
  const results: EnvironmentResult[] = [];
  const chosen = validateChoice(components, request);
  // Exactly the files the view reads: the component's Packages and each environment's files.
  const prefetch = (i: number) => loader.prefetch(chosen[i]?.component, chosen[i]?.environments ?? []);
  prefetch(0);
  for (const [i, { component, environments }] of chosen.entries()) {
    prefetch(i + 1);
    const view = await loader.component(component, environments);
    results.push(...validateComponent(ctx, view, request));
    release(ctx, loader, component);
  }
  return results;
}

export async function runInstall(
  ctx: Context,
  loader: Loader,
  components: ComponentLayout[],
  request: InstallRequest,
): Promise<EnvironmentResult[]> {
  const toLoad = componentsToLoad(components, request);
  const loaded = new Map<ComponentLayout, ComponentPackages>();
  if (!request.packages) loader.reader.prefetch(toLoad[0]?.packageFiles ?? []);
  for (const [i, component] of toLoad.entries()) {
    if (!request.packages) loader.reader.prefetch(toLoad[i + 1]?.packageFiles ?? []);
    loaded.set(component, await loader.packages(component));
  }
  const targets = installTargets(ctx, components, request, loaded);
  // planInstallInto() looks at an environment's files only when the component has one refName.
  const prefetch = (i: number) => {
    const target = targets[i];
    if (target?.packages.refName)
      loader.prefetch(target.component, installEnvironments(ctx, target, request), false);
  };
  prefetch(0);
  const results: EnvironmentResult[] = [];
  for (const [i, target] of targets.entries()) {
    prefetch(i + 1);
    const { component, packages, pinned } = target;
    for (const environment of installEnvironments(ctx, target, request)) {
      const result = await deliver(ctx, loader, component, packages, environment, request, { pinned });
      if (result) results.push(result);
    }
    release(ctx, loader, component);
  }
  environmentFilterMatchedNothing(ctx, targets, request);
  return results;
}

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
    const problem = requestProblem(ctx, component, promotion);
    if (problem) {
      ctx.diagnostics.push(error('request.promote', problem, ''));
      continue;
    }
    const packages = await loader.packages(component!);
    const from = promotionSource(ctx, promotion);
    // The from-environment is read without the caller's keys: only its PackageInstall matters.
    const selected =
      promotion.version === undefined && component!.environments.includes(from!)
        ? selectedVersion(await loader.environment(component!, from!, false), packages)
        : undefined;
    const pkg = promotedPackage(ctx, component!, packages, promotion, selected);
    if (!pkg) continue;
    const downgrade = request.allowDowngrade ? 'allow' : 'refuse';
    const delivery: Delivery = { pinned: pkg, downgrade };
    const overrides = { overrides: request.overrides };
    const result = await deliver(
      ctx,
      loader,
      component!,
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

/** One environment: its files loaded (when the plan looks at them), planned, its values Secret sealed if need be. */
async function deliver(
  ctx: Context,
  loader: Loader,
  component: ComponentLayout,
  packages: ComponentPackages,
  environment: string,
  request: Pick<InstallRequest, 'values' | 'overrides'>,
  delivery: Delivery,
): Promise<EnvironmentResult | undefined> {
  const env = needsEnvironmentFiles(ctx, component, packages, environment, request)
    ? await loader.environment(component, environment)
    : undefined;
  const step = planInstallInto(ctx, component, packages, env, environment, request, delivery);
  if ('result' in step) return step.result;
  const { seal } = step.secret;
  return step.finish(sealedSecret(seal, await sealSecret(loader.reader, ctx.paths, ctx.sops, seal)));
}

function release(ctx: Context, loader: Loader, component: ComponentLayout): void {
  loader.done(component);
  ctx.values.forget(component.packageFiles);
}
