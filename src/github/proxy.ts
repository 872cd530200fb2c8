/**
 * Corporate proxies: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (lowercase first, as curl reads them)
 * honoured for every API call, by a fetch that sends each request through undici's ProxyAgent
 * unless NO_PROXY names its host. With no proxy variable set there is no wrapper at all: the API
 * calls go through the npm package undici's own fetch.
 *
 * Why undici's fetch and not the global one: the action loads the npm undici anyway (@actions/core →
 * @actions/http-client imports it), and Node's global fetch is a second copy of undici, built into
 * Node, compiled on the first call: in CPU profiles of the bundled action, 25–50 ms from Octokit's
 * first fetch to its request on the wire with the global fetch, 6–8 ms with this one (one PR, 0 ms
 * stand-in: 3–7 % less CPU for the whole run, alternating runs). One HTTP stack instead of two.
 *
 * undici's own EnvHttpProxyAgent does the same but prints an "experimental" warning into every run's
 * log, and reads process.env itself; this reads the environment it is given.
 */
import { type Dispatcher, ProxyAgent, fetch as undiciFetch } from 'undici';

export type ProxyEnv = Record<string, string | undefined>;

export interface ProxySettings {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy: string[];
}

export function proxySettings(env: ProxyEnv): ProxySettings | undefined {
  const pick = (name: string) => (env[name.toLowerCase()] ?? env[name.toUpperCase()])?.trim() || undefined;
  const httpProxy = pick('http_proxy');
  const httpsProxy = pick('https_proxy') ?? httpProxy;
  if (!httpProxy && !httpsProxy) return undefined;
  const noProxy = (pick('no_proxy') ?? '')
    .split(/[\s,]+/)
    .map((e) => e.toLowerCase())
    .filter(Boolean);
  return { httpProxy, httpsProxy, noProxy };
}

/** True when NO_PROXY says to reach `url` directly: `*`, a host, `.suffix` or `*.suffix`, optionally `:port`. */
export function bypassesProxy(url: URL, noProxy: readonly string[]): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return noProxy.some((entry) => {
    if (entry === '*') return true;
    const { name, entryPort } = parseEntry(entry);
    if (entryPort && entryPort !== port) return false;
    return host === name || host.endsWith(`.${name}`);
  });
}

/** `host`, `host:port`, `[v6]`, `[v6]:port` or a bare IPv6 address; a leading `.` or `*.` dropped. */
function parseEntry(entry: string): { name: string; entryPort?: string } {
  const bracketed = /^\[(.*)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { name: bracketed[1]!, entryPort: bracketed[2] };
  if (entry.split(':').length > 2) return { name: entry };
  const [name = '', entryPort] = entry.split(':');
  return { name: name.replace(/^\*?\./, ''), entryPort };
}

/**
 * A fetch that routes through the proxy the environment names, or undici's own when it names none.
 */
export function proxyFetch(env: ProxyEnv): typeof fetch {
  const settings = proxySettings(env);
  // undici's fetch takes a dispatcher per request; its types differ from the DOM's only in name.
  if (!settings) return undiciFetch as unknown as typeof fetch;
  const agents = new Map<string, Dispatcher>();
  const agentFor = (proxy: string) => {
    const known = agents.get(proxy);
    if (known) return known;
    const agent = new ProxyAgent(proxy);
    agents.set(proxy, agent);
    return agent;
  };
  return ((input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const proxy = url.protocol === 'https:' ? settings.httpsProxy : settings.httpProxy;
    const direct = !proxy || bypassesProxy(url, settings.noProxy);
    return undiciFetch(input as never, {
      ...(init as object),
      ...(direct ? {} : { dispatcher: agentFor(proxy) }),
    });
  }) as typeof fetch;
}
