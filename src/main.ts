/**
 * The action: event → request → snapshot → plan → commit → pull request → report.
 * Everything that can be wrong with the input is found before the first write.
 */
import { readFile } from 'node:fs/promises';
import * as core from '@actions/core';
import { type LoadedConfig, loadConfig, type RepoConfig } from './config/config.js';
import { type Diagnostic, formatDiagnostic } from './diagnostics.js';
import { createClient, explainApiError, type GitHubClient } from './github/client.js';
import {
  type Base,
  closeIfOpen,
  OpenPulls,
  type Published,
  publishEnvironment,
  RaceLostError,
  readBase,
} from './github/publish.js';
import { InputError, type Inputs, type Mode, readInputs } from './inputs.js';
import { plan } from './plan/plan.js';
import { discover } from './plan/repository.js';
import type { EnvironmentResult, PlanResult, Request } from './plan/types.js';
import { GitHubSnapshot, type RepoRef, readTree } from './repo/github.js';
import { LocalSnapshot } from './repo/local.js';
import type { Snapshot } from './repo/snapshot.js';
import { jobSummary, pullRequestBody } from './report/markdown.js';

const MAX_ATTEMPTS = 3;

class ActionError extends Error {}

interface Event {
  name: string;
  payload: {
    before?: string;
    after?: string;
    forced?: boolean;
    pull_request?: { head?: { sha?: string } };
  };
}

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const event = await readEvent();
    const mode = resolveMode(inputs.mode, event.name);
    await runMode(mode, inputs, event);
  } catch (e) {
    if (e instanceof InputError || e instanceof ActionError) core.setFailed(e.message);
    else core.setFailed(`internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function readEvent(): Promise<Event> {
  const name = process.env.GITHUB_EVENT_NAME ?? '';
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path) return { name, payload: {} };
  try {
    return { name, payload: JSON.parse(await readFile(path, 'utf8')) };
  } catch {
    throw new ActionError(`cannot read the event payload at GITHUB_EVENT_PATH (${path})`);
  }
}

function resolveMode(mode: Mode, eventName: string): Mode {
  if (mode !== 'auto') return mode;
  if (eventName === 'push') return 'install';
  if (eventName === 'pull_request' || eventName === 'pull_request_target') return 'validate';
  if (eventName === 'workflow_dispatch') return 'bootstrap';
  throw new ActionError(
    `mode auto cannot choose a mode for the "${eventName || 'unknown'}" event; set the mode input`,
  );
}

function repositoryOf(inputs: Inputs): RepoRef {
  if (inputs.repository) return inputs.repository;
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new ActionError('GITHUB_REPOSITORY is not set; set the gitops-repository input');
  return { owner, repo };
}

async function api<T>(doing: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof ActionError || e instanceof RaceLostError) throw e;
    throw new ActionError(explainApiError(e, doing));
  }
}

async function runMode(mode: Mode, inputs: Inputs, event: Event): Promise<void> {
  if (mode === 'promote' || mode === 'bootstrap') {
    throw new ActionError(`mode ${mode} is not available in this version; use install or validate`);
  }
  const ref = repositoryOf(inputs);
  const client = createClient({
    token: inputs.token,
    baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
    log: (m) => core.info(m),
    debug: (m) => core.debug(m),
  });
  const baseBranch =
    inputs.baseBranch ??
    (await api(`reading repository ${ref.owner}/${ref.repo}`, () => client.rest.repos.get({ ...ref }))).data
      .default_branch;

  if (mode === 'validate') return validate(client, ref, baseBranch, inputs, event);

  for (let attempt = 1; ; attempt++) {
    const base = await readBaseOrFail(client, ref, baseBranch);
    const snapshot: Snapshot = inputs.path
      ? new LocalSnapshot(inputs.path)
      : new GitHubSnapshot(client, ref, base.tree);
    const config = await loadConfig(snapshot);
    const request = await installRequest(client, ref, inputs, event, config.config, base);
    const result = await planOrFail(snapshot, request, mode, inputs.dryRun, config);
    if (inputs.dryRun) {
      await finish(result, [], mode, true);
      return;
    }
    try {
      const published = await publishAll(client, ref, base, result, inputs, event);
      const moved = await api(`reading branch ${baseBranch}`, () => readBaseHead(client, ref, baseBranch));
      if (moved !== base.sha && attempt < MAX_ATTEMPTS && published.some((p) => p.commit)) {
        core.info(`${baseBranch} moved while the pull requests were written; planning again on ${moved}`);
        continue;
      }
      await finish(result, published, mode, false);
      return;
    } catch (e) {
      if (e instanceof RaceLostError && attempt < MAX_ATTEMPTS) {
        core.info(`${e.message}; planning again (attempt ${attempt + 1} of ${MAX_ATTEMPTS})`);
        continue;
      }
      throw e instanceof RaceLostError
        ? new ActionError(`${e.message}, ${MAX_ATTEMPTS} times; giving up`)
        : e;
    }
  }
}

async function readBaseOrFail(client: GitHubClient, ref: RepoRef, branch: string): Promise<Base> {
  const base = await api(`reading branch ${branch}`, () => readBase(client, ref, branch));
  if (!base) throw new ActionError(`base branch "${branch}" does not exist in ${ref.owner}/${ref.repo}`);
  return base;
}

/** Plan, annotate every diagnostic, and stop with a one-line reason when anything is invalid. */
async function planOrFail(
  snapshot: Snapshot,
  request: Request,
  mode: Mode,
  dryRun: boolean,
  config?: LoadedConfig,
): Promise<PlanResult> {
  const result = await api('reading the gitops repository', () => plan(snapshot, request, config));
  report(result);
  if (!result.valid) {
    await finish(result, [], mode, dryRun);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    throw new ActionError(
      `${errors.length} validation error(s); nothing was written. First: ${formatDiagnostic(errors[0]!)}`,
    );
  }
  return result;
}

/** validate: the pull request's head when there is one (what review would merge), else the base branch. */
async function validate(
  client: GitHubClient,
  ref: RepoRef,
  baseBranch: string,
  inputs: Inputs,
  event: Event,
): Promise<void> {
  const head = event.payload.pull_request?.head?.sha;
  let snapshot: Snapshot;
  if (inputs.path) snapshot = new LocalSnapshot(inputs.path);
  else if (head)
    snapshot = new GitHubSnapshot(
      client,
      ref,
      await api(`reading commit ${head}`, () => treeOfCommit(client, ref, head)),
    );
  else snapshot = new GitHubSnapshot(client, ref, (await readBaseOrFail(client, ref, baseBranch)).tree);
  const result = await planOrFail(
    snapshot,
    { kind: 'validate', environments: inputs.environments },
    'validate',
    inputs.dryRun,
  );
  await finish(result, [], 'validate', inputs.dryRun);
}

async function treeOfCommit(client: GitHubClient, ref: RepoRef, sha: string) {
  const { data } = await client.rest.git.getCommit({ ...ref, commit_sha: sha });
  return readTree(client, ref, data.tree.sha);
}

async function readBaseHead(client: GitHubClient, ref: RepoRef, branch: string): Promise<string | undefined> {
  const { data } = await client.rest.git.getRef({ ...ref, ref: `heads/${branch}` });
  return data.object.sha;
}

const ZERO_SHA = /^0+$/;

/** The Package files this push added or changed: the push's two trees compared, blob by blob. */
async function installRequest(
  client: GitHubClient,
  ref: RepoRef,
  inputs: Inputs,
  event: Event,
  config: RepoConfig,
  base: Base,
): Promise<Request> {
  const request: Request = { kind: 'install', environments: inputs.environments, packages: inputs.packages };
  if (inputs.packages || event.name !== 'push') return request;
  const { before, after, forced } = event.payload;
  if (!before || !after || ZERO_SHA.test(before) || forced) {
    const why = forced
      ? 'a force push'
      : !before || !after
        ? 'a push event without before/after'
        : 'the first push of a branch';
    throw new ActionError(
      `cannot tell which Packages changed in ${why}; set the packages input to the Package files to deliver`,
    );
  }
  const [beforeTree, afterTree] = await api('comparing the pushed commits', () =>
    Promise.all(
      [before, after].map((sha) => (sha === base.sha ? base.tree : treeOfCommit(client, ref, sha))),
    ),
  );
  const previous = new Map(beforeTree.map((e) => [e.path, e.sha]));
  const packageFiles = new Set(
    discover(
      afterTree.map((e) => e.path),
      config.layout,
    ).flatMap((c) => c.packageFiles),
  );
  request.packages = afterTree
    .filter((e) => packageFiles.has(e.path) && previous.get(e.path) !== e.sha)
    .map((e) => e.path);
  if (request.packages.length === 0) core.info('this push changed no Package file; nothing to deliver');
  return request;
}

function fill(template: string, env: EnvironmentResult): string {
  return template
    .replaceAll('{component}', env.component)
    .replaceAll('{environment}', env.environment)
    .replaceAll('{version}', env.toVersion ?? '')
    .replaceAll('{from}', env.fromVersion ?? 'none');
}

async function publishAll(
  client: GitHubClient,
  ref: RepoRef,
  base: Base,
  result: PlanResult,
  inputs: Inputs,
  event: Event,
): Promise<Published[]> {
  const published: Published[] = [];
  const pulls = new OpenPulls(client, ref, base.branch);
  const links = {
    serverUrl: process.env.GITHUB_SERVER_URL || 'https://github.com',
    repository: `${ref.owner}/${ref.repo}`,
    baseSha: base.sha,
    triggerSha: event.payload.after,
  };
  for (const env of result.environments) {
    const branch = `${inputs.branchPrefix}/${env.component}/${env.environment}`;
    if (env.files.some((f) => f.path.startsWith('.github/')))
      throw new ActionError(`refusing to write under .github/ (${env.component}/${env.environment})`);
    if (env.files.length === 0) {
      const closed = await api(`closing the pull request of ${branch}`, () =>
        closeIfOpen(client, ref, base, env, branch, pulls),
      );
      if (closed) published.push(closed);
      continue;
    }
    const settings = env.settings;
    const spec = {
      branch,
      title: fill(inputs.prTitle, env),
      body: pullRequestBody(env, result, links),
      commitMessage: `${fill(inputs.commitMessage, env)}\n\n${env.files.map((f) => `${f.action === 'create' ? 'add' : 'update'} ${f.path}`).join('\n')}\n`,
      labels: [...new Set([...(settings?.labels ?? []), ...inputs.labels])],
      reviewers: [...new Set([...(settings?.reviewers ?? []), ...inputs.reviewers])],
      teamReviewers: [...new Set([...(settings?.teamReviewers ?? []), ...inputs.teamReviewers])],
      draft: inputs.draft,
      autoMerge: inputs.autoMerge || (settings?.autoMerge ?? false),
    };
    published.push(
      await api(`writing the pull request for ${env.component}/${env.environment}`, () =>
        publishEnvironment(client, ref, base, env, spec, pulls),
      ),
    );
  }
  return published;
}

function report(result: PlanResult): void {
  for (const d of result.diagnostics) annotate(d);
}

function annotate(d: Diagnostic): void {
  const props = {
    file: d.file || undefined,
    startLine: d.line || undefined,
    startColumn: d.column || undefined,
    title: d.code,
  };
  const message = d.path ? `${d.message} (at ${d.path})` : d.message;
  if (d.severity === 'error') core.error(message, props);
  else core.warning(message, props);
}

async function finish(
  result: PlanResult,
  published: Published[],
  mode: Mode,
  dryRun: boolean,
): Promise<void> {
  const prs = published.filter((p) => p.number !== undefined);
  core.setOutput(
    'pull-requests',
    JSON.stringify(
      published.map((p) => ({
        component: p.component,
        environment: p.environment,
        number: p.number,
        url: p.url,
        branch: p.branch,
        operation: p.operation,
      })),
    ),
  );
  core.setOutput('pull-request-number', prs[0]?.number?.toString() ?? '');
  core.setOutput('pull-request-url', prs[0]?.url ?? '');
  core.setOutput('changed-files', JSON.stringify(result.files.map((f) => f.path)));
  core.setOutput('valid', String(result.valid));
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(jobSummary(result, published, mode, dryRun)).write();
  }
  for (const p of published) {
    const note = p.superseded ? ` (it already proposes the newer ${p.superseded})` : '';
    core.info(`${p.component}/${p.environment}: ${p.operation}${p.url ? ` ${p.url}` : ''}${note}`);
  }
}
