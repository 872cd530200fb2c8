/**
 * What kind of request a route is, for pacing: a read, a write (content-creating: any method but GET
 * and HEAD, GraphQL included), a write that notifies people, or a search. The same split as
 * @octokit/plugin-throttling 11.0.5 made (node_modules/@octokit/plugin-throttling/dist-src/
 * wrap-request.js lines 5-24 and 38-44; its notifying routes, generated from GitHub's OpenAPI
 * `x-github.triggersNotification`, are dist-src/generated/triggers-notification-paths.js, matched as
 * dist-src/route-matcher.js does), kept here so the client no longer needs the plugin.
 */

export type RequestKind = 'read' | 'write' | 'notifying write' | 'search';

const NOTIFYING_ROUTES = [
  '/orgs/{org}/invitations',
  '/orgs/{org}/invitations/{invitation_id}',
  '/orgs/{org}/teams/{team_slug}/discussions',
  '/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments',
  '/repos/{owner}/{repo}/collaborators/{username}',
  '/repos/{owner}/{repo}/commits/{commit_sha}/comments',
  '/repos/{owner}/{repo}/issues',
  '/repos/{owner}/{repo}/issues/{issue_number}/comments',
  '/repos/{owner}/{repo}/issues/{issue_number}/sub_issue',
  '/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority',
  '/repos/{owner}/{repo}/pulls',
  '/repos/{owner}/{repo}/pulls/{pull_number}/comments',
  '/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies',
  '/repos/{owner}/{repo}/pulls/{pull_number}/merge',
  '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
  '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
  '/repos/{owner}/{repo}/releases',
  '/teams/{team_id}/discussions',
  '/teams/{team_id}/discussions/{discussion_number}/comments',
];

/** route-matcher.js: a `{parameter}` matches any text, a route may end in more text without a slash. */
const NOTIFYING = new RegExp(
  `^(?:${NOTIFYING_ROUTES.map((r) => `(?:${r.replace(/\{[^}]*\}/g, '(?:.+?)')})`).join('|')})[^/]*$`,
  'i',
);

/** The path of a request's URL (a route template such as `/repos/{owner}/{repo}/pulls`, or a whole URL). */
export function pathOf(url: string): string {
  return new URL(url, 'http://github.test').pathname;
}

/** wrap-request.js lines 6-10 and 16-24: GraphQL is paced as a write whatever its method. */
export function requestKind(method: string, path: string): RequestKind {
  if (method === 'GET' || method === 'HEAD') {
    if (path.startsWith('/graphql')) return 'write';
    return method === 'GET' && path.startsWith('/search/') ? 'search' : 'read';
  }
  if (isAppTokenRequest(method, path)) return 'read';
  return NOTIFYING.test(path) ? 'notifying write' : 'write';
}

/** Creating or resetting an app or OAuth token is no content (wrap-request.js lines 38-44). */
function isAppTokenRequest(method: string, path: string): boolean {
  if (method === 'PATCH') return /^\/applications\/[^/]+\/token\/scoped$/.test(path);
  return (
    method === 'POST' &&
    (/^\/applications\/[^/]+\/token$/.test(path) ||
      /^\/app\/installations\/[^/]+\/access_tokens$/.test(path) ||
      path === '/login/oauth/access_token')
  );
}
