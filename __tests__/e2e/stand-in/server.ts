/**
 * A stand-in for api.github.com that the e2e tests run the bundled action against: a node http server
 * on 127.0.0.1, stateful, backed by a real bare git repository, with every request and response
 * checked against GitHub's OpenAPI description. Contract violations are recorded and answered with
 * 422 (request) or 500 (response) so tests fail loudly.
 *
 *   const standIn = await startStandIn({ owner: 'acme', repo: 'gitops', token: 't', files: {...} });
 *   // run the action with GITHUB_API_URL=standIn.url, then inspect standIn.calls / readTree / pulls
 *
 * git runs synchronously inside the request handler, so run the action under test with an async
 * `spawn`/`execFile`: a `spawnSync` from the test process would block the server and deadlock.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Compiled, Contract, type Operation } from './contract.js';
import { Faults } from './faults.js';
import { GitApi } from './git-api.js';
import { GitStore, type Person } from './git-store.js';
import { handleGraphql } from './graphql.js';
import { type PullRecord, PullStore } from './pulls.js';
import type { Site } from './shapes.js';
import { StatusStore } from './statuses.js';
import { commitFiles, type PushedFile } from './tree-builder.js';
import {
  ApiError,
  type ApiRequest,
  type CallRecord,
  errorBody,
  type Handler,
  type Reply,
  type Violation,
} from './types.js';

export type { FailSpec, FaultMatch, RaceSpec } from './faults.js';
export type { PullRecord } from './pulls.js';
export type { StatusRecord } from './statuses.js';
export type { PushedFile } from './tree-builder.js';
export type { CallRecord, Violation } from './types.js';

export interface StandInOptions {
  owner: string;
  repo: string;
  /** Default `main`. */
  defaultBranch?: string;
  /** When set, requests must send `authorization: token <it>` (or `bearer`); otherwise 401. */
  token?: string;
  /** The initial commit on the default branch; default a README. */
  files?: Record<string, string>;
  /** Start with no commits at all (Git Data endpoints answer 409 "Git Repository is empty."). */
  empty?: boolean;
  /**
   * A recursive tree read listing more entries than this answers `truncated: true` with only the
   * first ones, as GitHub does past 100,000 entries (or 7 MB). Default: GitHub's 100,000.
   */
  recursiveTreeLimit?: number;
  /**
   * Each answer is sent this many ms after it is ready, as a network round trip would delay it
   * (the bench's realism: calls in flight together overlap, calls that wait for each other add up).
   */
  latencyMs?: number;
  /** Requests left in the hour as `x-ratelimit-remaining` first reports it (default 5,000, GitHub's for a token). */
  rateLimitRemaining?: number;
}

export interface StandIn {
  /** `http://127.0.0.1:<port>`: pass as Octokit's baseUrl or GITHUB_API_URL. */
  readonly url: string;
  /** Path of the real bare repository; inspect it with `git --git-dir`. */
  readonly bareRepo: string;
  readonly owner: string;
  readonly repo: string;
  readonly defaultBranch: string;
  /** Every request, in order. */
  readonly calls: readonly CallRecord[];
  /** Contract violations: requests the description forbids, responses it would not allow, unknown routes. */
  readonly violations: readonly Violation[];
  /** Pull requests by number - 1, with labels, comments, reviewers and auto-merge. */
  readonly pulls: readonly PullRecord[];
  readonly faults: Faults;
  /** From now on, `x-ratelimit-remaining` counts down from `remaining` (a new hour, or a busy one). */
  setRateLimitRemaining(remaining: number): void;
  /** From now on, each answer waits `ms` (latencyMs): calls in flight together then overlap visibly. */
  setLatency(ms: number): void;
  /** Commit statuses posted, and the switch that refuses them (a fork's read-only token). */
  readonly statuses: StatusStore;
  /** The calls that are not GETs (POST /graphql included): what costs content-creation quota. */
  writes(): CallRecord[];
  /**
   * Push a commit as a person would (null deletes a file, `{symlink: target}` adds a link); creates
   * the branch from the default one.
   */
  commit(branch: string, files: Record<string, PushedFile>, message: string, author?: Person): string;
  /** All files at a branch, `heads/x`, `refs/...` or sha, read with git. */
  readTree(ref: string): Record<string, string>;
  /** The commit a branch (or ref) points at, or undefined. */
  head(ref: string): string | undefined;
  /** Run git against the bare repository. */
  git(args: string[]): string;
  close(): Promise<void>;
}

export const DEVELOPER: Person = { name: 'Dana Developer', email: 'dana@example.com' };

const fullRef = (ref: string) =>
  /^[0-9a-f]{40}$/.test(ref) || ref.startsWith('refs/')
    ? ref
    : ref.startsWith('heads/') || ref.startsWith('tags/')
      ? `refs/${ref}`
      : `refs/heads/${ref}`;

const REST_DOCS = 'https://docs.github.com/rest';
const GRAPHQL: Operation = {
  operationId: 'graphql',
  method: 'POST',
  route: 'POST /graphql',
  docsUrl: 'https://docs.github.com/graphql',
  statuses: new Set([200]),
  match: (p) => (p === '/graphql' ? {} : undefined),
};

/**
 * Repositories holding one initial commit, by branch and files, built once per process: a scenario
 * starts from a copy (milliseconds) instead of a commit of every file (dozens of git processes).
 */
const initialCommits = new Map<string, GitStore>();

function initialRepository(defaultBranch: string, files: Record<string, string>): GitStore {
  const key = JSON.stringify([defaultBranch, files]);
  let template = initialCommits.get(key);
  if (!template) {
    template = GitStore.create(defaultBranch);
    commitFiles(template, `refs/heads/${defaultBranch}`, files, 'Initial commit', DEVELOPER);
    if (initialCommits.size === 0)
      process.once('exit', () => {
        for (const t of initialCommits.values()) t.remove();
      });
    initialCommits.set(key, template);
  }
  return template.copy();
}

export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const contract = Contract.shared();
  const defaultBranch = options.defaultBranch ?? 'main';
  const git = options.empty
    ? GitStore.create(defaultBranch)
    : initialRepository(defaultBranch, options.files ?? { 'README.md': `# ${options.repo}\n` });
  const calls: CallRecord[] = [];
  const violations: Violation[] = [];
  const faults = new Faults();
  const site: Site = { url: '', owner: options.owner, repo: options.repo, defaultBranch };
  const pulls = new PullStore(site, git, faults);
  const gitApi = new GitApi(site, git, options.recursiveTreeLimit ?? 100_000);
  const statuses = new StatusStore(site, git, pulls);
  const handlers: Record<string, Handler> = {
    ...gitApi.handlers(),
    ...pulls.handlers(),
    ...statuses.handlers(),
  };
  let used = 0;
  let remaining = options.rateLimitRemaining ?? 5000;

  const violate = (op: Operation, where: Violation['where'], messages: string[]) => {
    for (const message of messages)
      violations.push({ operationId: op.operationId, route: op.route, where, message });
  };

  function send(res: ServerResponse, op: Operation, reply: Reply): void {
    used += 1;
    remaining = Math.max(0, remaining - 1);
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-request-id': randomUUID().toUpperCase(),
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-used': String(used),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': op === GRAPHQL ? 'graphql' : 'core',
      ...reply.headers,
    };
    res.writeHead(reply.status, headers);
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  }

  /** Decide the reply; returns undefined when the connection was reset. */
  function dispatch(
    req: ApiRequest,
    compiled: Compiled | undefined,
    rawPath: string,
    res: ServerResponse,
    log: CallRecord,
  ): Reply | undefined {
    const { op } = req;
    const fault = faults.take(req, op.method, rawPath);
    if (fault) log.fault = fault.name;
    if (fault?.kind === 'reset') {
      res.socket?.destroy();
      return undefined;
    }
    if (fault?.kind === 'respond') {
      const given = typeof fault.body === 'function' ? fault.body(req) : fault.body;
      const body = { ...errorBody(fault.status, 'Injected fault', op.docsUrl), ...(given as object) };
      // GitHub answers undocumented statuses too; a documented one must still have the documented shape.
      if (compiled?.statuses.has(fault.status))
        violate(op, 'response', contract.checkResponse(compiled, fault.status, body));
      return { status: fault.status, body, headers: fault.headers };
    }
    if (fault?.kind === 'race') {
      const target = fullRef(fault.ref ?? (req.body?.ref as string | undefined) ?? req.params.ref!);
      const files = fault.files ?? { [`.race/${calls.length}`]: 'written by someone else\n' };
      commitFiles(
        git,
        target,
        files,
        'A concurrent change',
        { name: 'Someone Else', email: 'someone@example.com' },
        `refs/heads/${defaultBranch}`,
      );
    }
    if (!compiled) {
      const result = handleGraphql(req.body, pulls, site);
      log.operationId = result.operationId;
      if (result.violation) violate(op, 'graphql', [result.violation]);
      return { status: 200, body: result.body };
    }
    let reply: Reply;
    try {
      reply = handlers[op.operationId]!(req);
    } catch (e) {
      if (!(e instanceof ApiError)) {
        violate(op, 'handler', [`stand-in bug: ${(e as Error).stack ?? e}`]);
        return { status: 500, body: errorBody(500, `stand-in bug: ${(e as Error).message}`, op.docsUrl) };
      }
      if (e.violation) violate(op, 'request', [e.message]);
      reply = { status: e.status, body: e.body(op.docsUrl) };
    }
    const problems = contract.checkResponse(compiled, reply.status, reply.body);
    if (problems.length === 0) return reply;
    violate(op, 'response', problems);
    return {
      status: 500,
      body: errorBody(500, `stand-in response violates the contract: ${problems.join('; ')}`, op.docsUrl),
    };
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const [rawPath = '/', rawQuery = ''] = (req.url ?? '/').split('?', 2);
    const log: CallRecord = {
      method,
      route: `${method} ${rawPath}`,
      operationId: 'unknown',
      path: req.url ?? '/',
      status: 0,
      at: Date.now(),
      span: [performance.now(), 0],
    };
    calls.push(log);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    const answer = (op: Operation, reply: Reply | undefined) => {
      log.status = reply?.status ?? 0;
      const sendNow = () => {
        if (reply) send(res, op, reply);
        log.span![1] = performance.now();
      };
      if (options.latencyMs) setTimeout(sendNow, options.latencyMs);
      else sendNow();
    };

    const routed =
      method === 'POST' && rawPath === '/graphql'
        ? { op: GRAPHQL, params: {} }
        : contract.route(method, rawPath);
    const op: Operation = routed?.op ?? {
      ...GRAPHQL,
      operationId: 'unknown',
      route: log.route,
      docsUrl: REST_DOCS,
    };
    log.route = op.route;
    log.operationId = op.operationId;
    if (text) {
      try {
        body = JSON.parse(text);
        log.body = body;
      } catch {
        log.body = text;
        violate(op, 'request', ['the body is not JSON']);
        return answer(op, { status: 400, body: errorBody(400, 'Problems parsing JSON', op.docsUrl) });
      }
    }
    if (!routed) {
      violate(op, 'route', [`unknown operation ${method} ${rawPath}`]);
      return answer(op, { status: 404, body: errorBody(404, 'Not Found', op.docsUrl) });
    }
    const auth = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (options.token !== undefined && auth !== options.token) {
      return answer(op, {
        status: 401,
        body: errorBody(401, 'Bad credentials', REST_DOCS),
      });
    }
    const params: Record<string, string> = routed.params;
    const sameRepo = (a?: string, b?: string) => a === undefined || a.toLowerCase() === b?.toLowerCase();
    if (!sameRepo(params.owner, options.owner) || !sameRepo(params.repo, options.repo)) {
      return answer(op, { status: 404, body: errorBody(404, 'Not Found', op.docsUrl) });
    }
    const query = Object.fromEntries(new URLSearchParams(rawQuery));
    const compiled = op === GRAPHQL ? undefined : (op as Compiled);
    if (compiled) {
      const problems = contract.checkRequest(compiled, params, query, body);
      if (problems.length > 0) {
        violate(op, 'request', problems);
        const message = `Invalid request.\n\n${problems.join('\n')}`;
        return answer(op, { status: 422, body: errorBody(422, message, op.docsUrl) });
      }
    }
    answer(op, dispatch({ op, params, query, body }, compiled, rawPath, res, log));
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((e) => {
      violations.push({
        operationId: 'unknown',
        route: `${req.method} ${req.url}`,
        where: 'handler',
        message: String(e),
      });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site.url = url;

  return {
    url,
    bareRepo: git.dir,
    owner: options.owner,
    repo: options.repo,
    defaultBranch,
    calls,
    violations,
    pulls: pulls.all,
    faults,
    setLatency: (ms) => {
      options.latencyMs = ms;
    },
    setRateLimitRemaining: (n) => {
      remaining = n;
    },
    statuses,
    writes: () => calls.filter((c) => c.method !== 'GET'),
    commit: (branch, files, message, author = DEVELOPER) =>
      commitFiles(git, fullRef(branch), files, message, author, `refs/heads/${defaultBranch}`),
    readTree: (ref) => git.readFiles(fullRef(ref)),
    head: (ref) => git.resolveRef(fullRef(ref)),
    git: (args) => git.git(args),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      git.remove();
    },
  };
}
