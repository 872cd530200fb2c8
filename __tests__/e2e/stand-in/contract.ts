/**
 * The contract: GitHub's own OpenAPI description of the operations the action calls (pruned by
 * scripts/prune-openapi.mjs). Routes requests to operations and checks path parameters, query, JSON
 * body and every response (status + body) with ajv. Ajv 8 understands OpenAPI 3.0's `nullable`.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const SUBSET_URL = new URL('../openapi/github-subset.json', import.meta.url);
const DOC_ID = 'https://api.github.com/openapi-subset.json';

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  'x-multi-segment'?: boolean;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}
interface OpenApiOperation {
  operationId: string;
  externalDocs?: { url: string };
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: Schema }> }>;
}
interface Subset {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: Record<string, Record<string, unknown>>;
  info: Record<string, unknown>;
}

export interface Operation {
  operationId: string;
  method: string;
  /** e.g. `POST /repos/{owner}/{repo}/git/trees` */
  route: string;
  docsUrl: string;
  /** Documented response statuses. */
  statuses: Set<number>;
  match(pathname: string): Record<string, string> | undefined;
}

export interface Compiled extends Operation {
  params: ValidateFunction;
  query: ValidateFunction;
  body?: ValidateFunction;
  bodyRequired: boolean;
  responses: Map<number, ValidateFunction | undefined>;
}

/**
 * A `{param}` matches one path segment; parameters marked `x-multi-segment` (refs, tree shas) also
 * match unencoded slashes, as GitHub accepts both `heads%2Fmain` and `heads/main`.
 */
function matcher(template: string, multiSegment: Set<string>): Operation['match'] {
  const names: string[] = [];
  const source = template.replace(/\{(\w+)\}/g, (_all, name: string) => {
    names.push(name);
    return multiSegment.has(name) ? '(.+)' : '([^/]+)';
  });
  const regex = new RegExp(`^${source}$`);
  return (pathname) => {
    const m = regex.exec(pathname);
    if (!m) return undefined;
    try {
      return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
    } catch {
      return undefined;
    }
  };
}

function describe(where: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const detail = e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : '';
    const allowed = e.keyword === 'enum' ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : '';
    return `${where}${e.instancePath || ''} ${e.message ?? e.keyword}${detail}${allowed}`;
  });
}

let shared: Contract | undefined;

export class Contract {
  /** One compiled contract per process: compiling takes a few hundred milliseconds. */
  static shared(): Contract {
    shared ??= new Contract();
    return shared;
  }

  readonly operations: Compiled[] = [];
  readonly source: string;
  readonly #subset: Subset;
  readonly #ajv: Ajv;
  /** Parameters arrive as strings: this instance coerces `"30"` to 30 before checking. */
  readonly #paramAjv: Ajv;

  constructor(subset: Subset = JSON.parse(readFileSync(SUBSET_URL, 'utf8'))) {
    // Make every `#/components/...` ref absolute so inline schemas can be compiled on their own.
    this.#subset = typedNullables(
      JSON.parse(JSON.stringify(subset).replaceAll('"#/components/', `"${DOC_ID}#/components/`)),
    );
    this.source = String(subset.info['x-source']);
    const options = { strict: false, discriminator: true, allErrors: true } as const;
    this.#ajv = new Ajv(options);
    this.#paramAjv = new Ajv({ ...options, coerceTypes: true });
    for (const ajv of [this.#ajv, this.#paramAjv]) {
      addFormats(ajv);
      ajv.addFormat('repo.nwo', /^[^/]+\/[^/]+$/); // `owner/name`, used by pulls/create's head_repo
      ajv.addSchema({ $id: DOC_ID, components: this.#subset.components });
    }
    for (const [template, methods] of Object.entries(this.#subset.paths)) {
      for (const [method, op] of Object.entries(methods))
        this.operations.push(this.#compile(template, method, op));
    }
  }

  #resolve<T>(node: T | { $ref: string }): T {
    const ref = (node as { $ref?: string }).$ref;
    if (!ref) return node as T;
    const [, , kind, name] = ref.split('#')[1]!.split('/');
    return this.#subset.components[kind!]![name!] as T;
  }

  #compile(template: string, method: string, op: OpenApiOperation): Compiled {
    const params = (op.parameters ?? []).map((p) => this.#resolve<Parameter>(p));
    const objectOf = (where: 'path' | 'query', closed: boolean) => {
      const list = params.filter((p) => p.in === where);
      return this.#paramAjv.compile({
        type: 'object',
        properties: Object.fromEntries(list.map((p) => [p.name, p.schema])),
        required: list.filter((p) => p.required).map((p) => p.name),
        additionalProperties: !closed,
      });
    };
    const bodySchema = op.requestBody?.content['application/json']?.schema;
    const responses = new Map<number, ValidateFunction | undefined>();
    for (const [status, response] of Object.entries(op.responses)) {
      const schema = this.#resolve(response).content?.['application/json']?.schema;
      responses.set(Number(status), schema ? this.#ajv.compile(schema) : undefined);
    }
    return {
      operationId: op.operationId,
      method: method.toUpperCase(),
      route: `${method.toUpperCase()} ${template}`,
      docsUrl: op.externalDocs?.url ?? 'https://docs.github.com/rest',
      statuses: new Set(responses.keys()),
      match: matcher(template, new Set(params.filter((p) => p['x-multi-segment']).map((p) => p.name))),
      params: objectOf('path', false),
      query: objectOf('query', true),
      body: bodySchema ? this.#ajv.compile(bodySchema) : undefined,
      bodyRequired: op.requestBody?.required ?? false,
      responses,
    };
  }

  /** The operation for a method and raw (still percent-encoded) path, with its decoded path parameters. */
  route(method: string, pathname: string): { op: Compiled; params: Record<string, string> } | undefined {
    for (const op of this.operations) {
      if (op.method !== method) continue;
      const params = op.match(pathname);
      if (params) return { op, params };
    }
    return undefined;
  }

  /** Violations of the documented request shape: path parameters, query parameters, JSON body. */
  checkRequest(
    op: Compiled,
    params: Record<string, string>,
    query: Record<string, string>,
    body: unknown,
  ): string[] {
    const problems: string[] = [];
    const coercedParams = { ...params };
    const coercedQuery = { ...query };
    if (!op.params(coercedParams)) problems.push(...describe('path', op.params.errors));
    if (!op.query(coercedQuery)) problems.push(...describe('query', op.query.errors));
    if (body === undefined) {
      if (op.bodyRequired) problems.push('body is required');
    } else if (!op.body) {
      if (op.method !== 'GET') problems.push('body is not documented for this operation');
    } else if (!op.body(body)) {
      problems.push(...describe('body', op.body.errors));
    }
    return problems;
  }

  /**
   * Violations of the documented response for this status. Statuses GitHub answers on any endpoint
   * (auth, rate limits, outages) are checked against `basic-error` when the operation does not list them.
   */
  checkResponse(op: Compiled, status: number, body: unknown): string[] {
    if (!op.responses.has(status)) {
      if ([401, 403, 404, 500, 502, 503].includes(status))
        return this.checkSchema('basic-error', body, 'response');
      return [`response status ${status} is not documented for ${op.operationId}`];
    }
    const validate = op.responses.get(status);
    // A documented status without a schema (request-reviewers' 422) constrains nothing.
    if (!validate) return [];
    return validate(body) ? [] : describe(`response ${status}`, validate.errors);
  }

  /** Check a value against a named component schema, e.g. `pull-request`. */
  checkSchema(name: string, value: unknown, where = name): string[] {
    const validate = this.#ajv.getSchema(`${DOC_ID}#/components/schemas/${name}`);
    if (!validate) throw new Error(`no schema ${name} in the subset`);
    return validate(value) ? [] : describe(where, validate.errors);
  }
}

/**
 * OpenAPI 3.0 lets `nullable: true` stand beside `oneOf` with no `type` (GitHub's commit `author`:
 * a user, an empty object or null); ajv accepts `nullable` only beside a `type`. The same meaning,
 * in words ajv takes: the schema, or null.
 */
function typedNullables<T>(node: T): T {
  if (Array.isArray(node)) return node.map(typedNullables) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = typedNullables(v);
  if (out.nullable === true && out.type === undefined) {
    const { nullable: _, ...rest } = out;
    return { anyOf: [rest, { type: 'null' }] } as T;
  }
  return out as T;
}
