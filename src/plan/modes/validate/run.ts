/**
 * validate's runner: per component, load exactly what the view reads (the next component
 * prefetched), check it with the synchronous rules (rules.ts), release it.
 */
import { type Diagnostic, error, hasErrors, warning } from '../../../diagnostics.js';
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
  if (results.length === 0 && !hasErrors(ctx.diagnostics) && !hasErrors(ctx.values.diagnostics))
    ctx.diagnostics.push(...nothingValidated(request, components));
  return results;
}

/**
 * validate found no environment folder to check. A pull request that touches no component has nothing to
 * check; a filter that matches nothing is an error; a repository whose components have Packages but no
 * environment yet (before the first bootstrap) had its Packages checked, which is worth a note, not a failure.
 */
function nothingValidated(request: ValidateRequest, components: ComponentLayout[]): Diagnostic[] {
  if (request.scope !== undefined) return [];
  if (request.components?.length || request.environments?.length)
    return [error(NO_MATCH, 'the filters match no environment folder: validate checked nothing', '')];
  const withPackages = components.filter((c) => c.packageFiles.length > 0);
  const first = withPackages[0];
  if (!first) return [];
  const count = withPackages.length === 1 ? first.name : `${withPackages.length} components`;
  return [
    warning(
      'layout.no-environment',
      `no environment exists yet: the Packages of ${count} were validated; bootstrap creates the first environment`,
      first.packageFiles[0]!,
    ),
  ];
}
