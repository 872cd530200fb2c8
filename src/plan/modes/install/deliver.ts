/**
 * One environment's install, the step install and promote share: its files loaded (when the plan
 * looks at them), planned by the synchronous rules (into.ts), its values Secret sealed if need be.
 */
import type { Loader } from '../../load/load.js';
import { sealSecret } from '../../load/seal.js';
import type { Context } from '../../model/context.js';
import type { ComponentPackages } from '../../model/packages.js';
import type { ComponentLayout } from '../../model/repository.js';
import type { EnvironmentResult, InstallRequest } from '../../types.js';
import { type Delivery, needsEnvironmentFiles, planInstallInto } from './into.js';
import { sealedSecret } from './secret.js';

export async function deliverInto(
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

/** A component's files leave the loader's cache, and its schemas the values checker's. */
export function release(ctx: Context, loader: Loader, component: ComponentLayout): void {
  loader.done(component);
  ctx.values.forget(component.packageFiles);
}
