/** The values document a schema's defaults make. */
import { coerceDefault, isObj, put } from './json.js';
import type { Obj } from './types.js';

/**
 * Like Kubernetes structural defaulting: a node's own default, then its properties' defaults fill the keys it
 * lacks. An object with no default and no defaulted descendants is left out, so its `required` does not fire
 * for a block nobody opened (harbor's optional `tlsCertificate`).
 */
function defaultsOf(node: unknown): unknown {
  if (!isObj(node)) return undefined;
  const own = 'default' in node ? structuredClone(coerceDefault(node.default, node.type)) : undefined;
  if (!isObj(node.properties) || (own !== undefined && !isObj(own))) return own;
  const out: Obj = own ?? {};
  for (const [k, child] of Object.entries(node.properties)) {
    const d = Object.hasOwn(out, k) ? undefined : defaultsOf(child);
    if (d !== undefined) put(out, k, d);
  }
  return own !== undefined || Object.keys(out).length > 0 ? out : undefined;
}

/** A values document made of the schema's defaults; `{}` when there are none (or the root default is null). */
export function defaultValues(openAPIv3: unknown): unknown {
  return defaultsOf(openAPIv3) ?? {};
}
