/**
 * install's runner: each component's Packages loaded (the next prefetched), the targets chosen by
 * the synchronous rules (targets.ts), then each environment delivered (deliver.ts).
 */
import type { Loader } from '../../load/load.js';
import type { Context } from '../../model/context.js';
import type { ComponentPackages } from '../../model/packages.js';
import type { ComponentLayout } from '../../model/repository.js';
import type { EnvironmentResult, InstallRequest } from '../../types.js';
import { deliverInto, release } from './deliver.js';
import {
  componentsToLoad,
  environmentFilterMatchedNothing,
  installEnvironments,
  installTargets,
} from './targets.js';

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
      const result = await deliverInto(ctx, loader, component, packages, environment, request, { pinned });
      if (result) results.push(result);
    }
    release(ctx, loader, component);
  }
  environmentFilterMatchedNothing(ctx, targets, request);
  return results;
}
