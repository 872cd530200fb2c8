/**
 * The run's facts — event, repository, URLs — read once through @actions/github's context into one
 * typed value. The payload is untrusted: only the fields the modes use are taken, each type-checked.
 */
import * as github from '@actions/github';
import type { RepoRef } from '../github/snapshot.js';
import { ActionError } from './report.js';

export interface PushFacts {
  before?: string;
  after?: string;
  forced: boolean;
}

export interface PullRequestFacts {
  number?: number;
  headSha?: string;
  /** The branch the pull request would merge into. */
  baseRef?: string;
  labels: string[];
}

export interface StatusFacts {
  sha: string;
  context: string;
  state: string;
  targetUrl?: string;
  /** What Flux derived from the event's reason ("reconciliation succeeded"). */
  description?: string;
  /** The login of the account that posted the status (the webhook's `sender`; its payload has no `creator`). */
  sender?: string;
  branches: string[];
}

export interface RunFacts {
  eventName: string;
  /** GITHUB_REPOSITORY, when set. */
  repository?: RepoRef;
  serverUrl: string;
  apiUrl: string;
  graphqlUrl: string;
  /** The event's repository and its default branch, as the payload gives them (saves a read). */
  eventRepository?: { fullName: string; defaultBranch: string };
  push?: PushFacts;
  pullRequest?: PullRequestFacts;
  status?: StatusFacts;
}

type Payload = Record<string, unknown>;
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const isRecord = (v: unknown): v is Payload => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const sha = (v: unknown): string | undefined => (typeof v === 'string' && SHA.test(v) ? v : undefined);

/** A fresh context each call: the toolkit's singleton is built once at import, tests run several events. */
function freshContext(): typeof github.context {
  const Context = github.context.constructor as new () => typeof github.context;
  try {
    return new Context();
  } catch {
    throw new ActionError(
      `cannot read the event payload at GITHUB_EVENT_PATH (${process.env.GITHUB_EVENT_PATH})`,
    );
  }
}

export function readRunFacts(): RunFacts {
  const context = freshContext();
  const payload: Payload = isRecord(context.payload) ? context.payload : {};
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  return {
    eventName: context.eventName ?? '',
    repository: owner && repo ? { owner, repo } : undefined,
    serverUrl: context.serverUrl,
    apiUrl: context.apiUrl,
    graphqlUrl: context.graphqlUrl,
    eventRepository: eventRepository(payload),
    push: context.eventName === 'push' ? pushFacts(payload) : undefined,
    pullRequest: isRecord(payload.pull_request) ? pullRequestFacts(payload.pull_request) : undefined,
    status: context.eventName === 'status' ? statusFacts(payload) : undefined,
  };
}

function eventRepository(payload: Payload): RunFacts['eventRepository'] {
  const repo = isRecord(payload.repository) ? payload.repository : {};
  const fullName = text(repo.full_name);
  const defaultBranch = text(repo.default_branch);
  return fullName && defaultBranch ? { fullName, defaultBranch } : undefined;
}

function pushFacts(payload: Payload): PushFacts {
  return { before: sha(payload.before), after: sha(payload.after), forced: payload.forced === true };
}

function pullRequestFacts(pr: Payload): PullRequestFacts {
  const head = isRecord(pr.head) ? pr.head : {};
  const base = isRecord(pr.base) ? pr.base : {};
  const labels = Array.isArray(pr.labels) ? pr.labels : [];
  return {
    number: typeof pr.number === 'number' && Number.isSafeInteger(pr.number) ? pr.number : undefined,
    headSha: sha(head.sha),
    baseRef: text(base.ref),
    labels: labels.flatMap((l) => (isRecord(l) && typeof l.name === 'string' ? [l.name] : [])),
  };
}

function statusFacts(payload: Payload): StatusFacts | undefined {
  const commit = sha(payload.sha);
  const context = text(payload.context);
  const state = text(payload.state);
  if (!commit || context === undefined || state === undefined) return undefined;
  const branches = Array.isArray(payload.branches) ? payload.branches : [];
  return {
    sha: commit,
    context,
    state,
    targetUrl: text(payload.target_url),
    description: text(payload.description),
    sender: isRecord(payload.sender) ? text(payload.sender.login) : undefined,
    branches: branches.flatMap((b) => (isRecord(b) && typeof b.name === 'string' ? [b.name] : [])),
  };
}
