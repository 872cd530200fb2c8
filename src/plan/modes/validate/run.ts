/**
 * validate's runner: per component, load exactly what the view reads (the next component
 * prefetched), check it with the synchronous rules (rules.ts), release it.
 */
import type { Loader } from '../../load/load.js';
import type { Context } from '../../model/context.js';
import type { ComponentLayout } from '../../model/repository.js';
import type { EnvironmentResult, ValidateRequest } from '../../types.js';
import { release } from '../install/deliver.js';
import { validateChoice, validateComponent } from './rules.js';

export async function runValidate(
  ctx: Context,
  loader: Loader,
  components: ComponentLayout[],
  request: ValidateRequest,
): Promise<EnvironmentResult[]> {
  const results: EnvironmentResult[] = [];
  const chosen = validateChoice(components, request);
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
