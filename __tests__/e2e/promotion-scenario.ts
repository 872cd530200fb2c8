/** What the promotion scenarios share: a chain dev → staging → prod, pull requests and Flux statuses. */
import { COMPONENT, initialFiles } from './fixtures.js';
import { gitopsRepo, OWNER, REPO, TOKEN } from './scenario.js';
import type { StandIn } from './stand-in/server.js';

export const OLD = '20230321004057.0.0';
export const PREVIOUS = '20230412153322.0.0';
export const PI = (env: string) => `${COMPONENT}/${env}/packageinstall.yaml`;
export const PARAMS = (env: string) => `${COMPONENT}/${env}/params.yaml`;

/** dev takes new versions; staging promotes from dev, prod from staging (when each says so). */
export function chainConfig(stagingWhen: 'merged' | 'healthy' = 'merged'): string {
  return `defaults:
  serviceAccountName: app-installer
environments:
  - name: dev
  - name: staging
    promoteFrom: dev
    promoteWhen: ${stagingWhen}
  - name: prod
    promoteFrom: staging
${stagingWhen === 'healthy' ? `promotion:\n  statusCreators: [${FLUX_BOT}]\n` : ''}`;
}

/** The account of the token in the Flux Provider's Secret (promotion.statusCreators). */
export const FLUX_BOT = 'flux-bot';

/** The example repo on the chain: dev and staging run PREVIOUS, prod runs OLD. */
export function chainRepo(stagingWhen: 'merged' | 'healthy' = 'merged'): Promise<StandIn> {
  return gitopsRepo({ ...initialFiles(), 'flux-pkg.yaml': chainConfig(stagingWhen) });
}

/** The text of a PackageInstall on main with its constraint set to `version` (what a merged PR leaves). */
export function withConstraint(standIn: StandIn, env: string, version: string): string {
  return standIn.readTree('main')[PI(env)]!.replace(/constraints: .*/, `constraints: ${version}`);
}

/** A person opens a pull request from `branch` with these changes; returns its pull_request event. */
export async function openPullRequest(
  standIn: StandIn,
  branch: string,
  files: Record<string, string | null>,
  labels: string[] = [],
): Promise<object> {
  const headSha = standIn.commit(branch, files, `change on ${branch}`);
  const response = await fetch(`${standIn.url}/repos/${OWNER}/${REPO}/pulls`, {
    method: 'POST',
    headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ head: branch, base: 'main', title: `change ${branch}` }),
  });
  if (response.status !== 201) throw new Error(`opening the PR: ${response.status} ${await response.text()}`);
  const pr = (await response.json()) as { number: number };
  // The gate reads labels from the API at run time, so they are on the pull request, not only in the payload.
  if (labels.length > 0) {
    const labelled = await fetch(`${standIn.url}/repos/${OWNER}/${REPO}/issues/${pr.number}/labels`, {
      method: 'POST',
      headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ labels }),
    });
    if (labelled.status !== 200) throw new Error(`labelling the PR: ${labelled.status}`);
  }
  return {
    action: 'opened',
    number: pr.number,
    pull_request: {
      number: pr.number,
      head: { ref: branch, sha: headSha },
      base: { ref: 'main', sha: standIn.head('main') },
      labels: labels.map((name, i) => ({ id: i + 1, name })),
    },
    repository: { name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER } },
  };
}

/**
 * notification-controller's commit status for a Kustomization, as the status event carries it:
 * posted by the Provider token's account, described by the event's reason in words.
 */
export function statusEvent(
  sha: string,
  kustomization: string,
  state: 'success' | 'failure' | 'pending',
  { sender = FLUX_BOT, description }: { sender?: string; description?: string } = {},
): object {
  return {
    id: 1,
    sha,
    name: `${OWNER}/${REPO}`,
    context: `kustomization/${kustomization}/0c9c2e41`,
    state,
    description: description ?? (state === 'success' ? 'reconciliation succeeded' : 'health check failed'),
    sender: { login: sender, id: 7, type: sender.endsWith('[bot]') ? 'Bot' : 'User' },
    target_url: null,
    commit: { sha },
    branches: [{ name: 'main', commit: { sha, url: 'https://api.github.example.com' }, protected: false }],
    repository: { name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER } },
  };
}
