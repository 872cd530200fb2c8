/**
 * The hidden marker in a pull request body: it identifies the PR as this action's, for which
 * component and environment, and which version it proposes (so an older run never overwrites a
 * newer proposal).
 */
const PREFIX = '<!-- flux-pkg-action:';

export function markerFor(component: string, environment: string, version?: string): string {
  return markerForKey(`${component}/${environment}`, version);
}

/** The marker of a proposal's branch key (`component/environment`, `_environments/dev/<set>`). */
export function markerForKey(key: string, version?: string): string {
  return `${PREFIX} ${key}${version ? ` version=${version}` : ''} -->`;
}

/** Is this body this action's PR for that key (e.g. `component/environment`)? */
export function isMarkedFor(body: string | null | undefined, key: string): boolean {
  return parseMarker(body)?.target === key;
}

export function parseMarker(
  body: string | null | undefined,
): { target: string; version?: string } | undefined {
  const m = /<!-- flux-pkg-action: (\S+)(?: version=(\S+))? -->/.exec(body ?? '');
  return m ? { target: m[1]!, version: m[2] } : undefined;
}
