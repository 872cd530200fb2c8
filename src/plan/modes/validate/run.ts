/**
 * validate's runner: per component, load exactly what the view reads (the next component
 * prefetched), check it with the synchronous rules (rules.ts), release it.
 */
import { error, hasErrors } from '../../../diagnostics.js';
import type { Loader } from '../../load/load.js';
import { NO_MATCH } from '../../model/boundaries.js';
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
  // A pull request that touches no component has nothing to check; a filter that matches nothing is an error.
  const checked = results.length > 0 || request.scope !== undefined;
  if (!checked && !hasErrors(ctx.diagnostics) && !hasErrors(ctx.values.diagnostics))
    ctx.diagnostics.push(
      error(NO_MATCH, 'the filters match no environment folder: validate checked nothing', ''),
    );
  return results;
}
