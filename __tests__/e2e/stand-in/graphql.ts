/**
 * POST /graphql, which the REST description does not cover. Only what the action sends is understood:
 * the `enablePullRequestAutoMerge` and `disablePullRequestAutoMerge` mutations and a `repository { pullRequest(number:) { id } }` lookup.
 * Anything else is a violation. Checks are by hand: argument names, variable resolution, enum values.
 */
import type { PullStore } from './pulls.js';
import type { Site } from './shapes.js';

export interface GraphqlResult {
  /** `graphql/enablePullRequestAutoMerge`, `graphql/pullRequest`, or `graphql` when not understood. */
  operationId: string;
  body: { data?: unknown; errors?: { type?: string; message: string; path?: string[] }[] };
  violation?: string;
}

const MERGE_METHODS = ['MERGE', 'SQUASH', 'REBASE'];

/** A GraphQL argument value: `$variable`, `"string"`, number, or enum literal. */
function argumentValue(token: string, variables: Record<string, unknown>): unknown {
  if (token.startsWith('$')) return variables[token.slice(1)];
  if (token.startsWith('"')) return JSON.parse(token);
  if (/^\d+$/.test(token)) return Number(token);
  return token;
}

/** `name: value` pairs of an argument list or input object literal. */
function argumentsOf(text: string, variables: Record<string, unknown>): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const m of text.matchAll(/(\w+)\s*:\s*(\$\w+|"(?:[^"\\]|\\.)*"|[\w.]+)/g))
    args[m[1]!] = argumentValue(m[2]!, variables);
  return args;
}

export function handleGraphql(body: unknown, pulls: PullStore, site: Site): GraphqlResult {
  const { query, variables = {} } = (body ?? {}) as { query?: unknown; variables?: unknown };
  if (typeof query !== 'string' || typeof variables !== 'object' || variables === null) {
    const message = 'the body must be {"query": string, "variables"?: object}';
    return { operationId: 'graphql', body: { errors: [{ message }] }, violation: message };
  }
  const vars = variables as Record<string, unknown>;

  const mutation = /enablePullRequestAutoMerge\s*\(\s*input\s*:\s*(\$\w+|\{[^}]*\})\s*\)/.exec(query);
  if (mutation) {
    const operationId = 'graphql/enablePullRequestAutoMerge';
    const raw = mutation[1]!;
    const input = (raw.startsWith('$') ? vars[raw.slice(1)] : argumentsOf(raw.slice(1, -1), vars)) as
      | Record<string, unknown>
      | undefined;
    const id = input?.pullRequestId;
    const method = input?.mergeMethod ?? 'MERGE';
    if (typeof id !== 'string' || typeof method !== 'string' || !MERGE_METHODS.includes(method)) {
      const message = `enablePullRequestAutoMerge needs pullRequestId: ID! and mergeMethod in ${MERGE_METHODS.join('|')}; got ${JSON.stringify(input)}`;
      return { operationId, body: { errors: [{ message }] }, violation: message };
    }
    const error = pulls.enableAutoMerge(id, method);
    if (error) {
      const type = error.startsWith('Could not resolve') ? 'NOT_FOUND' : 'UNPROCESSABLE';
      return {
        operationId,
        body: {
          data: { enablePullRequestAutoMerge: null },
          errors: [{ type, message: error, path: ['enablePullRequestAutoMerge'] }],
        },
      };
    }
    const pr = pulls.byNodeId(id)!;
    const clientMutationId = input?.clientMutationId ?? null;
    return {
      operationId,
      body: {
        data: { enablePullRequestAutoMerge: { clientMutationId, pullRequest: { id, number: pr.number } } },
      },
    };
  }

  const disable = /disablePullRequestAutoMerge\s*\(\s*input\s*:\s*(\$\w+|\{[^}]*\})\s*\)/.exec(query);
  if (disable) {
    const operationId = 'graphql/disablePullRequestAutoMerge';
    const raw = disable[1]!;
    const input = (raw.startsWith('$') ? vars[raw.slice(1)] : argumentsOf(raw.slice(1, -1), vars)) as
      | Record<string, unknown>
      | undefined;
    const id = input?.pullRequestId;
    if (typeof id !== 'string') {
      const message = `disablePullRequestAutoMerge needs pullRequestId: ID!; got ${JSON.stringify(input)}`;
      return { operationId, body: { errors: [{ message }] }, violation: message };
    }
    const error = pulls.disableAutoMerge(id);
    if (error)
      return {
        operationId,
        body: {
          data: { disablePullRequestAutoMerge: null },
          errors: [{ type: 'NOT_FOUND', message: error, path: ['disablePullRequestAutoMerge'] }],
        },
      };
    const pr = pulls.byNodeId(id)!;
    return {
      operationId,
      body: { data: { disablePullRequestAutoMerge: { pullRequest: { id, number: pr.number } } } },
    };
  }

  const repo = /repository\s*\(([^)]*)\)\s*\{\s*pullRequest\s*\(([^)]*)\)/.exec(query);
  if (repo) {
    const operationId = 'graphql/pullRequest';
    const { owner, name } = argumentsOf(repo[1]!, vars);
    const { number } = argumentsOf(repo[2]!, vars);
    if (typeof owner !== 'string' || typeof name !== 'string' || typeof number !== 'number') {
      const message = `repository(owner: String!, name: String!) { pullRequest(number: Int!) } got ${JSON.stringify({ owner, name, number })}`;
      return { operationId, body: { errors: [{ message }] }, violation: message };
    }
    if (owner.toLowerCase() !== site.owner.toLowerCase() || name.toLowerCase() !== site.repo.toLowerCase()) {
      const message = `Could not resolve to a Repository with the name '${owner}/${name}'.`;
      return {
        operationId,
        body: { data: { repository: null }, errors: [{ type: 'NOT_FOUND', message, path: ['repository'] }] },
      };
    }
    const pr = pulls.get(number);
    if (!pr) {
      const message = `Could not resolve to a PullRequest with the number of ${number}.`;
      return {
        operationId,
        body: {
          data: { repository: { pullRequest: null } },
          errors: [{ type: 'NOT_FOUND', message, path: ['repository', 'pullRequest'] }],
        },
      };
    }
    return {
      operationId,
      body: { data: { repository: { pullRequest: { id: pr.nodeId, number: pr.number } } } },
    };
  }

  const message = `unsupported GraphQL document: ${query.replace(/\s+/g, ' ').slice(0, 120)}`;
  return { operationId: 'graphql', body: { errors: [{ message }] }, violation: message };
}
