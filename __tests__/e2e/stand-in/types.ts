/** What the stand-in's pieces share: requests as handlers see them, replies, and GitHub-shaped errors. */
import type { Operation } from './contract.js';

export interface ApiRequest {
  op: Operation;
  /** Decoded path parameters (`ref` is `heads/flux-pkg/app/dev`, never `%2F`). */
  params: Record<string, string>;
  query: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are checked against the contract before handlers read them
  body: any;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: ApiRequest) => Reply;

export interface ValidationErrorItem {
  resource?: string;
  field?: string;
  code: string;
  message?: string;
}

/** An error answer in GitHub's shape: `{message, documentation_url, status, errors?}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: ValidationErrorItem[],
    /** The request broke a documented rule the schema cannot express: also record a violation. */
    readonly violation = false,
  ) {
    super(message);
  }

  body(documentationUrl: string): Record<string, unknown> {
    return errorBody(this.status, this.message, documentationUrl, this.errors);
  }
}

export function errorBody(
  status: number,
  message: string,
  documentationUrl: string,
  errors?: ValidationErrorItem[],
) {
  return {
    message,
    ...(errors ? { errors } : {}),
    documentation_url: documentationUrl,
    status: String(status),
  };
}

/** 422 "Validation Failed" with one custom error, as pulls/create answers for duplicates. */
export function validationFailed(resource: string, item: Omit<ValidationErrorItem, 'resource'>): ApiError {
  return new ApiError(422, 'Validation Failed', [{ resource, ...item }]);
}

export const notFound = () => new ApiError(404, 'Not Found');

export interface CallRecord {
  method: string;
  /** The OpenAPI route, e.g. `POST /repos/{owner}/{repo}/git/trees`; the raw path for unknown routes. */
  route: string;
  operationId: string;
  /** The request path as sent (still percent-encoded), with the query. */
  path: string;
  /** 0 when the connection was reset by a fault. */
  status: number;
  body?: unknown;
  /** Set when a fault answered instead of the stand-in's logic. */
  fault?: string;
  at: number;
  /** performance.now() when the request arrived and when its answer was sent: which calls overlapped. */
  span?: [number, number];
}

export interface Violation {
  operationId: string;
  route: string;
  where: 'request' | 'response' | 'route' | 'graphql' | 'handler';
  message: string;
}
