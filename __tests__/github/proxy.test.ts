/**
 * Behind a corporate proxy: API calls made by createClient go through the proxy HTTP(S)_PROXY
 * names (a CONNECT / forwarding proxy on loopback here) and reach the GitHub stand-in; NO_PROXY
 * sends them direct.
 */
import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/github/client.js';
import { bypassesProxy, proxyFetch, proxySettings } from '../../src/github/proxy.js';
import { type StandIn, startStandIn } from '../e2e/stand-in/server.js';

/** A minimal proxy: CONNECT tunnels, and absolute-form requests forwarded; it records what it saw. */
function startProxy(): Promise<{ url: string; seen: string[]; server: Server }> {
  const seen: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    seen.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? '/');
    const upstream = request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server }),
    ),
  );
}

describe('API calls through a proxy', () => {
  let standIn: StandIn;
  let proxy: Awaited<ReturnType<typeof startProxy>>;

  beforeAll(async () => {
    standIn = await startStandIn({ owner: 'acme', repo: 'gitops', token: 'ghs_proxyTest' });
    proxy = await startProxy();
  });
  afterAll(async () => {
    proxy.server.closeAllConnections();
    await new Promise((resolve) => proxy.server.close(resolve));
    await standIn.close();
  });
  beforeEach(() => {
    proxy.seen.length = 0;
  });

  const readRepo = async (env: Record<string, string>) => {
    const client = createClient({ token: 'ghs_proxyTest', baseUrl: standIn.url, env });
    const before = standIn.calls.length;
    const { data } = await client.rest.repos.get({ owner: 'acme', repo: 'gitops' });
    expect(data.default_branch).toBe('main');
    return standIn.calls.slice(before).map((c) => c.route);
  };

  it('reaches the stand-in through HTTP_PROXY', async () => {
    const routes = await readRepo({ HTTP_PROXY: proxy.url });
    expect(routes).toEqual(['GET /repos/{owner}/{repo}']);
    const host = new URL(standIn.url).host;
    expect(proxy.seen.some((s) => s === `CONNECT ${host}` || s.startsWith(`GET ${standIn.url}/repos/`))).toBe(
      true,
    );
  });

  it('reads the lowercase name too', async () => {
    await readRepo({ http_proxy: proxy.url });
    expect(proxy.seen).not.toEqual([]);
  });

  it('goes direct when no proxy is named', async () => {
    const routes = await readRepo({});
    expect(routes).toEqual(['GET /repos/{owner}/{repo}']);
    expect(proxy.seen).toEqual([]);
  });

  it('goes direct to a host NO_PROXY names', async () => {
    const routes = await readRepo({ HTTP_PROXY: proxy.url, NO_PROXY: 'localhost, 127.0.0.1' });
    expect(routes).toEqual(['GET /repos/{owner}/{repo}']);
    expect(proxy.seen).toEqual([]);
  });

  it('fails, rather than going direct, when the proxy is unreachable', async () => {
    const client = createClient({
      token: 'ghs_proxyTest',
      baseUrl: standIn.url,
      env: { HTTP_PROXY: 'http://127.0.0.1:1' },
      retries: 0,
    });
    const before = standIn.calls.length;
    await expect(client.rest.repos.get({ owner: 'acme', repo: 'gitops' })).rejects.toThrow();
    expect(standIn.calls.length).toBe(before);
  });
});

describe('proxy settings', () => {
  it("uses no wrapper when no proxy is named: undici's own fetch, the HTTP stack the action loads anyway", () => {
    expect(proxyFetch({})).toBe(undiciFetch);
    expect(proxyFetch({ NO_PROXY: '*', HTTPS_PROXY: '  ' })).toBe(undiciFetch);
  });

  it('prefers lowercase names and falls back to HTTP_PROXY for https', () => {
    expect(proxySettings({ http_proxy: 'http://a:1', HTTP_PROXY: 'http://b:2' })).toEqual({
      httpProxy: 'http://a:1',
      httpsProxy: 'http://a:1',
      noProxy: [],
    });
    expect(proxySettings({ HTTPS_PROXY: 'http://s:3', no_proxy: '.corp, ghe.local:8443' })).toEqual({
      httpProxy: undefined,
      httpsProxy: 'http://s:3',
      noProxy: ['.corp', 'ghe.local:8443'],
    });
  });

  it('matches NO_PROXY entries by host, domain suffix and port', () => {
    const url = (u: string) => new URL(u);
    expect(bypassesProxy(url('https://api.github.com/x'), ['*'])).toBe(true);
    expect(bypassesProxy(url('https://ghe.corp.example/api/v3'), ['.example'])).toBe(true);
    expect(bypassesProxy(url('https://ghe.corp.example/api/v3'), ['*.corp.example'])).toBe(true);
    expect(bypassesProxy(url('https://ghe.corp.example/api/v3'), ['corp.example'])).toBe(true);
    expect(bypassesProxy(url('https://notcorp.example/'), ['corp.example'])).toBe(false);
    expect(bypassesProxy(url('https://ghe.local:8443/'), ['ghe.local:8443'])).toBe(true);
    expect(bypassesProxy(url('https://ghe.local/'), ['ghe.local:8443'])).toBe(false);
    expect(bypassesProxy(url('https://ghe.local/'), ['ghe.local:443'])).toBe(true);
    expect(bypassesProxy(url('http://[::1]:8080/'), ['::1'])).toBe(true);
    expect(bypassesProxy(url('https://api.github.com/'), [])).toBe(false);
  });
});
