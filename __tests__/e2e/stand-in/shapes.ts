/**
 * Response bodies in GitHub's shapes, complete enough to satisfy the official response schemas.
 * API urls hang off the stand-in's url (`<url>/repos/o/r/...`), web urls off `<url>/o/r/...`,
 * the way api.github.com and github.com relate.
 */
import type { CommitInfo, TreeEntry } from './git-store.js';

export interface Site {
  /** The stand-in's base url, without a trailing slash. */
  url: string;
  owner: string;
  repo: string;
  defaultBranch: string;
}

export interface Account {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
}

/** The identity a GITHUB_TOKEN acts as: authors PRs and comments, signs commits. */
export const BOT: Account = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
export const BOT_COMMITTER = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
};
/** Who GitHub records as committer of the commits it signs (web-flow). */
export const WEB_FLOW = { name: 'GitHub', email: 'noreply@github.com' };

export const nodeId = (kind: string, key: string | number) =>
  `${kind}_${Buffer.from(`stand-in:${key}`).toString('base64url')}`;
const enc = encodeURIComponent;

export function repoApi(site: Site): string {
  return `${site.url}/repos/${site.owner}/${site.repo}`;
}

export function simpleUser(site: Site, account: Account) {
  const api = `${site.url}/users/${enc(account.login)}`;
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId(account.type === 'Bot' ? 'BOT' : 'U', account.login),
    avatar_url: `${site.url}/avatars/u/${account.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `${site.url}/${enc(account.login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: account.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function ownerAccount(site: Site): Account {
  return { login: site.owner, id: 1000, type: 'Organization' };
}

/** `repository` (in pull requests) and, with `full`, `full-repository` (GET /repos/{owner}/{repo}). */
export function repository(site: Site, full = false) {
  const r = repoApi(site);
  const html = `${site.url}/${site.owner}/${site.repo}`;
  const host = new URL(site.url).host;
  const created = '2024-01-01T00:00:00Z';
  const repo = {
    id: 1,
    node_id: nodeId('R', `${site.owner}/${site.repo}`),
    name: site.repo,
    full_name: `${site.owner}/${site.repo}`,
    owner: simpleUser(site, ownerAccount(site)),
    private: true,
    visibility: 'private',
    html_url: html,
    description: null,
    fork: false,
    url: r,
    archive_url: `${r}/{archive_format}{/ref}`,
    assignees_url: `${r}/assignees{/user}`,
    blobs_url: `${r}/git/blobs{/sha}`,
    branches_url: `${r}/branches{/branch}`,
    collaborators_url: `${r}/collaborators{/collaborator}`,
    comments_url: `${r}/comments{/number}`,
    commits_url: `${r}/commits{/sha}`,
    compare_url: `${r}/compare/{base}...{head}`,
    contents_url: `${r}/contents/{+path}`,
    contributors_url: `${r}/contributors`,
    deployments_url: `${r}/deployments`,
    downloads_url: `${r}/downloads`,
    events_url: `${r}/events`,
    forks_url: `${r}/forks`,
    git_commits_url: `${r}/git/commits{/sha}`,
    git_refs_url: `${r}/git/refs{/sha}`,
    git_tags_url: `${r}/git/tags{/sha}`,
    git_url: `git://${host}/${site.owner}/${site.repo}.git`,
    issue_comment_url: `${r}/issues/comments{/number}`,
    issue_events_url: `${r}/issues/events{/number}`,
    issues_url: `${r}/issues{/number}`,
    keys_url: `${r}/keys{/key_id}`,
    labels_url: `${r}/labels{/name}`,
    languages_url: `${r}/languages`,
    merges_url: `${r}/merges`,
    milestones_url: `${r}/milestones{/number}`,
    notifications_url: `${r}/notifications{?since,all,participating}`,
    pulls_url: `${r}/pulls{/number}`,
    releases_url: `${r}/releases{/id}`,
    ssh_url: `git@${host}:${site.owner}/${site.repo}.git`,
    stargazers_url: `${r}/stargazers`,
    statuses_url: `${r}/statuses/{sha}`,
    subscribers_url: `${r}/subscribers`,
    subscription_url: `${r}/subscription`,
    tags_url: `${r}/tags`,
    teams_url: `${r}/teams`,
    trees_url: `${r}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${r}/hooks`,
    svn_url: html,
    homepage: null,
    language: null,
    license: null,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 1,
    default_branch: site.defaultBranch,
    open_issues: 0,
    open_issues_count: 0,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    allow_auto_merge: true,
    delete_branch_on_merge: true,
    pushed_at: created,
    created_at: created,
    updated_at: created,
  };
  if (!full) return repo;
  return {
    ...repo,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    allow_merge_commit: true,
    allow_squash_merge: true,
    allow_rebase_merge: true,
    network_count: 0,
    subscribers_count: 0,
  };
}

export function gitRef(site: Site, ref: string, sha: string) {
  const r = repoApi(site);
  return {
    ref,
    node_id: nodeId('REF', ref),
    url: `${r}/git/${ref.split('/').map(enc).join('/')}`,
    object: { type: 'commit', sha, url: `${r}/git/commits/${sha}` },
  };
}

export interface Verification {
  verified: boolean;
  reason: string;
  verified_at: string | null;
}

export function gitCommit(site: Site, c: CommitInfo, verification: Verification) {
  const r = repoApi(site);
  const html = `${site.url}/${site.owner}/${site.repo}/commit`;
  return {
    sha: c.sha,
    node_id: nodeId('C', c.sha),
    url: `${r}/git/commits/${c.sha}`,
    html_url: `${html}/${c.sha}`,
    author: c.author,
    committer: c.committer,
    message: c.message,
    tree: { sha: c.tree, url: `${r}/git/trees/${c.tree}` },
    parents: c.parents.map((p) => ({ sha: p, url: `${r}/git/commits/${p}`, html_url: `${html}/${p}` })),
    verification: { ...verification, signature: null, payload: null },
  };
}

/**
 * GET /branches/{branch}: the head commit in the REST commit shape (its tree sha inside
 * `commit.commit.tree`) and, for an unprotected branch, protection disabled, as GitHub answers.
 */
export function branch(site: Site, name: string, c: CommitInfo, verification: Verification) {
  const r = repoApi(site);
  const git = gitCommit(site, c, verification);
  const branchUrl = `${r}/branches/${enc(name)}`;
  return {
    name,
    commit: {
      sha: c.sha,
      node_id: git.node_id,
      url: `${r}/commits/${c.sha}`,
      html_url: git.html_url,
      comments_url: `${r}/commits/${c.sha}/comments`,
      commit: {
        url: git.url,
        author: c.author,
        committer: c.committer,
        message: c.message,
        comment_count: 0,
        tree: git.tree,
        verification: git.verification,
      },
      author: null,
      committer: null,
      parents: git.parents,
    },
    _links: { self: branchUrl, html: `${site.url}/${site.owner}/${site.repo}/tree/${name}` },
    protected: false,
    protection: {
      enabled: false,
      required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] },
    },
    protection_url: `${branchUrl}/protection`,
  };
}

export function gitTree(site: Site, sha: string, entries: TreeEntry[], truncated = false) {
  const r = repoApi(site);
  return {
    sha,
    url: `${r}/git/trees/${sha}`,
    tree: entries.map((e) => ({ ...e, url: `${r}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}` })),
    truncated,
  };
}

export function blob(site: Site, sha: string, content: Buffer) {
  return {
    sha,
    node_id: nodeId('B', sha),
    url: `${repoApi(site)}/git/blobs/${sha}`,
    size: content.length,
    // GitHub wraps base64 at 60 columns; clients must tolerate the newlines.
    content: `${content.toString('base64').replace(/.{60}/g, '$&\n')}\n`,
    encoding: 'base64',
  };
}

export function label(site: Site, name: string) {
  const id = [...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 2 ** 31, 7);
  return {
    id,
    node_id: nodeId('LA', name),
    url: `${repoApi(site)}/labels/${enc(name)}`,
    name,
    // GitHub sends null for labels made by add-labels, but `pull-request-simple` declares the
    // description a non-null string (`label` and `pull-request` allow null): '' satisfies all three.
    description: '',
    color: 'ededed',
    default: false,
  };
}

export function team(site: Site, slug: string) {
  const org = `${site.url}/orgs/${site.owner}/teams/${slug}`;
  const id = [...slug].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 2 ** 31, 11);
  return {
    id,
    node_id: nodeId('T', slug),
    url: `${site.url}/organizations/1000/team/${id}`,
    html_url: org,
    name: slug,
    slug,
    description: null,
    privacy: 'closed',
    notification_setting: 'notifications_enabled',
    permission: 'pull',
    members_url: `${site.url}/organizations/1000/team/${id}/members{/member}`,
    repositories_url: `${site.url}/organizations/1000/team/${id}/repos`,
    type: 'organization',
    parent: null,
  };
}
