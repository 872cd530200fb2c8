/**
 * Tests of the GitHub stand-in itself: @octokit/rest drives it through the exact sequence the action
 * uses, and every fault it can inject. Any contract violation fails the test unless it expects one.
 */
import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/github/client.js';
import { type StandIn, startStandIn } from './stand-in/server.js';

const TOKEN = 'ghs_stand_in_token';
const OWNER = 'acme';
const REPO = 'gitops';
const ref = { owner: OWNER, repo: REPO };
const BRANCH = 'flux-pkg/app.default.tap/dev';
const FILES = {
  'README.md': '# gitops\n',
  'app.default.tap/dev/params.yaml': 'replicas: 1\n',
  'app.default.tap/dev/packageinstall.yaml': 'kind: PackageInstall\n',
  'app.default.tap/prod/params.yaml': 'replicas: 3\n',
  'packages/app.default.tap/1.0.0.yaml': 'kind: Package\n',
};

/** For requests outside what the typings allow, on purpose. */
type TreeParam = NonNullable<Parameters<Octokit['rest']['git']['createTree']>[0]>['tree'];
type CommitParams = NonNullable<Parameters<Octokit['rest']['git']['createCommit']>[0]>;

let standIn: StandIn;
let client: Octokit;
/** Violations a test provokes on purpose; anything else fails it. */
let expectedViolations = 0;

beforeEach(async () => {
  standIn = await startStandIn({ owner: OWNER, repo: REPO, token: TOKEN, files: FILES });
  client = new Octokit({ auth: TOKEN, baseUrl: standIn.url, request: { retries: 0 } });
  expectedViolations = 0;
});

afterEach(async () => {
  const { violations } = standIn;
  await standIn.close(); // first, so a failing assertion leaves no temp repository behind
  expect(violations.length, JSON.stringify(violations, null, 2)).toBe(expectedViolations);
});

/** The status of a failed call, and its response body. */
async function failure(
  p: Promise<unknown>,
): Promise<{ status: number; data: Record<string, unknown>; headers: Record<string, string> }> {
  try {
    await p;
  } catch (e) {
    const err = e as {
      status: number;
      response?: { data: Record<string, unknown>; headers: Record<string, string> };
    };
    return { status: err.status, data: err.response?.data ?? {}, headers: err.response?.headers ?? {} };
  }
  throw new Error('expected the call to fail');
}

/** tree on the base with inline contents, then a commit on `parent`: the action's write. */
async function writeCommit(
  parent: string,
  files: Record<string, string | null>,
  message = 'flux-pkg: update',
) {
  const { data: base } = await client.rest.git.getCommit({ ...ref, commit_sha: parent });
  const { data: tree } = await client.rest.git.createTree({
    ...ref,
    base_tree: base.tree.sha,
    tree: Object.entries(files).map(([path, content]) =>
      content === null
        ? { path, mode: '100644' as const, type: 'blob' as const, sha: null }
        : { path, mode: '100644' as const, type: 'blob' as const, content },
    ),
  });
  const { data: commit } = await client.rest.git.createCommit({
    ...ref,
    message,
    tree: tree.sha,
    parents: [parent],
  });
  return commit;
}

describe('the action sequence', () => {
  it('reads, commits atomically, opens and manages a pull request', async () => {
    const { data: repo } = await client.rest.repos.get(ref);
    expect(repo.default_branch).toBe('main');

    const { data: main } = await client.rest.git.getRef({ ...ref, ref: 'heads/main' });
    expect(standIn.calls.at(-1)!.path).toBe(`/repos/${OWNER}/${REPO}/git/ref/heads%2Fmain`);
    const { data: baseCommit } = await client.rest.git.getCommit({ ...ref, commit_sha: main.object.sha });
    const { data: tree } = await client.rest.git.getTree({
      ...ref,
      tree_sha: baseCommit.tree.sha,
      recursive: '1',
    });
    const blobs = tree.tree.filter((e) => e.type === 'blob').map((e) => e.path);
    expect(blobs.sort()).toEqual(Object.keys(FILES).sort());
    const params = tree.tree.find((e) => e.path === 'app.default.tap/dev/params.yaml')!;
    const { data: blob } = await client.rest.git.getBlob({ ...ref, file_sha: params.sha! });
    expect(Buffer.from(blob.content, 'base64').toString()).toBe('replicas: 1\n');

    const commit = await writeCommit(main.object.sha, {
      'app.default.tap/dev/params.yaml': 'replicas: 2\n',
      'app.default.tap/dev/values/secret.yaml': 'kind: Secret\n',
      'app.default.tap/dev/packageinstall.yaml': null,
    });
    expect(commit.verification).toMatchObject({ verified: true, reason: 'valid' });
    expect(commit.author.name).toBe('github-actions[bot]');
    await client.rest.git.createRef({ ...ref, ref: `refs/heads/${BRANCH}`, sha: commit.sha });
    const { data: branch } = await client.rest.git.getRef({ ...ref, ref: `heads/${BRANCH}` });
    expect(standIn.calls.at(-1)!.path).toContain('heads%2Fflux-pkg%2Fapp.default.tap%2Fdev');
    expect(branch.object.sha).toBe(commit.sha);
    expect(standIn.readTree(BRANCH)).toEqual({
      ...FILES,
      'app.default.tap/dev/params.yaml': 'replicas: 2\n',
      'app.default.tap/dev/values/secret.yaml': 'kind: Secret\n',
      'app.default.tap/dev/packageinstall.yaml': undefined,
    });
    expect(standIn.git(['log', '--format=%an|%cn|%s', BRANCH]).trim().split('\n')).toEqual([
      'github-actions[bot]|GitHub|flux-pkg: update',
      'Dana Developer|Dana Developer|Initial commit',
    ]);

    // Fast-forward, then a sibling commit that is not one, then forced.
    const next = await writeCommit(commit.sha, { 'app.default.tap/dev/params.yaml': 'replicas: 4\n' });
    await client.rest.git.updateRef({ ...ref, ref: `heads/${BRANCH}`, sha: next.sha, force: false });
    const sibling = await writeCommit(main.object.sha, {
      'app.default.tap/dev/params.yaml': 'replicas: 5\n',
    });
    const nonFf = await failure(
      client.rest.git.updateRef({ ...ref, ref: `heads/${BRANCH}`, sha: sibling.sha }),
    );
    expect(nonFf).toMatchObject({ status: 422, data: { message: 'Update is not a fast forward' } });
    await client.rest.git.updateRef({ ...ref, ref: `heads/${BRANCH}`, sha: sibling.sha, force: true });
    expect(standIn.head(BRANCH)).toBe(sibling.sha);
    const again = await failure(
      client.rest.git.createRef({ ...ref, ref: `refs/heads/${BRANCH}`, sha: commit.sha }),
    );
    expect(again).toMatchObject({ status: 422, data: { message: 'Reference already exists' } });

    const { data: pr } = await client.rest.pulls.create({
      ...ref,
      head: BRANCH,
      base: 'main',
      title: 'app: 1.0.0',
      body: 'b',
      draft: false,
    });
    expect(pr).toMatchObject({
      number: 1,
      state: 'open',
      head: { ref: BRANCH, sha: sibling.sha },
      changed_files: 1,
      commits: 1,
    });
    const dup = await failure(
      client.rest.pulls.create({ ...ref, head: BRANCH, base: 'main', title: 'again' }),
    );
    expect(dup.status).toBe(422);
    expect(dup.data.errors).toEqual([
      {
        resource: 'PullRequest',
        code: 'custom',
        message: `A pull request already exists for ${OWNER}:${BRANCH}.`,
      },
    ]);

    const { data: listed } = await client.rest.pulls.list({
      ...ref,
      state: 'open',
      head: `${OWNER}:${BRANCH}`,
      base: 'main',
      per_page: 10,
    });
    expect(listed.map((p) => p.number)).toEqual([1]);
    await client.rest.pulls.update({ ...ref, pull_number: 1, title: 'app: 1.0.1', body: 'new body' });
    expect((await client.rest.pulls.get({ ...ref, pull_number: 1 })).data).toMatchObject({
      title: 'app: 1.0.1',
      body: 'new body',
    });
    const { data: labels } = await client.rest.issues.addLabels({
      ...ref,
      issue_number: 1,
      labels: ['flux-pkg', 'env:dev'],
    });
    expect(labels.map((l) => l.name)).toEqual(['flux-pkg', 'env:dev']);
    const { data: reviewed } = await client.rest.pulls.requestReviewers({
      ...ref,
      pull_number: 1,
      reviewers: ['alice'],
      team_reviewers: ['platform'],
    });
    expect(reviewed.requested_reviewers?.map((u) => u.login)).toEqual(['alice']);
    expect(reviewed.requested_teams?.map((t) => t.slug)).toEqual(['platform']);
    await client.rest.issues.createComment({ ...ref, issue_number: 1, body: 'closing soon' });

    // Not `$method`: @octokit/graphql rejects `method`, `url` and `query` as variable names.
    await client.graphql(
      `mutation($id: ID!, $mergeMethod: PullRequestMergeMethod!) { enablePullRequestAutoMerge(input: {pullRequestId: $id, mergeMethod: $mergeMethod}) { clientMutationId } }`,
      { id: pr.node_id, mergeMethod: 'SQUASH' },
    );
    const lookup = await client.graphql<{ repository: { pullRequest: { id: string } } }>(
      'query($owner: String!, $name: String!, $number: Int!) { repository(owner: $owner, name: $name) { pullRequest(number: $number) { id } } }',
      { owner: OWNER, name: REPO, number: 1 },
    );
    expect(lookup.repository.pullRequest.id).toBe(pr.node_id);
    expect((await client.rest.pulls.get({ ...ref, pull_number: 1 })).data.auto_merge).toMatchObject({
      merge_method: 'squash',
    });
    await client.rest.pulls.update({ ...ref, pull_number: 1, state: 'closed' });

    expect(standIn.pulls[0]).toMatchObject({
      state: 'closed',
      title: 'app: 1.0.1',
      labels: ['flux-pkg', 'env:dev'],
      reviewers: ['alice'],
      teamReviewers: ['platform'],
      comments: [{ body: 'closing soon' }],
    });
    expect(standIn.writes().map((c) => c.operationId)).toEqual([
      ...['git/create-tree', 'git/create-commit', 'git/create-ref'],
      ...[
        'git/create-tree',
        'git/create-commit',
        'git/update-ref',
        'git/create-tree',
        'git/create-commit',
        'git/update-ref',
        'git/update-ref',
      ],
      ...[
        'git/create-ref',
        'pulls/create',
        'pulls/create',
        'pulls/update',
        'issues/add-labels',
        'pulls/request-reviewers',
      ],
      ...[
        'issues/create-comment',
        'graphql/enablePullRequestAutoMerge',
        'graphql/pullRequest',
        'pulls/update',
      ],
    ]);
    expect(standIn.calls[0]).toMatchObject({
      method: 'GET',
      route: 'GET /repos/{owner}/{repo}',
      status: 200,
    });
  });
});

describe('trees', () => {
  async function baseTree(): Promise<string> {
    const { data } = await client.rest.git.getCommit({ ...ref, commit_sha: standIn.head('main')! });
    return data.tree.sha;
  }

  it('merges nested paths into the base tree, deletes, drops emptied directories', async () => {
    const { data } = await client.rest.git.createTree({
      ...ref,
      base_tree: await baseTree(),
      tree: [
        { path: 'app.default.tap/dev/deep/new/file.yaml', mode: '100644', type: 'blob', content: 'x: 1\n' },
        { path: 'packages/app.default.tap/1.0.0.yaml', mode: '100644', type: 'blob', sha: null },
        {
          path: 'README.md',
          mode: '100644',
          type: 'blob',
          sha: standIn.git(['rev-parse', 'main:app.default.tap/prod/params.yaml']).trim(),
        },
      ],
    });
    const listing = standIn.git(['ls-tree', '-r', '-t', '--name-only', data.sha]).trim().split('\n');
    expect(listing).toContain('app.default.tap/dev/deep/new/file.yaml');
    expect(listing).toContain('app.default.tap/dev/params.yaml');
    expect(listing.some((p) => p.startsWith('packages'))).toBe(false);
    expect(standIn.git(['cat-file', 'blob', `${data.sha}:README.md`])).toBe('replicas: 3\n');
  });

  it('without base_tree keeps only the listed entries', async () => {
    const { data } = await client.rest.git.createTree({
      ...ref,
      tree: [{ path: 'a/b.txt', mode: '100644', type: 'blob', content: 'b' }],
    });
    expect(standIn.git(['ls-tree', '-r', '--name-only', data.sha]).trim()).toBe('a/b.txt');
  });

  it.each([
    [
      'deleting a missing path',
      { path: 'nope.yaml', mode: '100644', type: 'blob', sha: null },
      'GitRPC::BadObjectState',
    ],
    [
      'sha and content together',
      { path: 'x', mode: '100644', type: 'blob', sha: '0'.repeat(40), content: 'x' },
      'Must supply either',
    ],
    ['neither sha nor content', { path: 'x', mode: '100644', type: 'blob' }, 'Must supply either'],
    [
      'an unknown sha',
      { path: 'x', mode: '100644', type: 'blob', sha: 'f'.repeat(40) },
      'is not a valid blob',
    ],
    [
      'a path through a file',
      { path: 'README.md/x', mode: '100644', type: 'blob', content: 'x' },
      'not a directory',
    ],
    ['a malformed path', { path: 'a//b', mode: '100644', type: 'blob', content: 'x' }, 'malformed path'],
  ] as const)('answers 422 for %s', async (_name, entry, message) => {
    const tree = [entry] as unknown as TreeParam;
    const res = await failure(client.rest.git.createTree({ ...ref, base_tree: await baseTree(), tree }));
    expect(res.status).toBe(422);
    expect(String(res.data.message)).toContain(message);
    // "Use either tree.sha or content" is documented, so breaking it is also a contract violation.
    expectedViolations = message === 'Must supply either' ? 1 : 0;
  });
});

describe('the contract', () => {
  it('reports a malformed request as a violation and answers 422', async () => {
    const tree = [{ path: 'x', mode: 100644, type: 'file', content: 1 }] as unknown as TreeParam;
    const res = await failure(client.rest.git.createTree({ ...ref, tree }));
    expect(res.status).toBe(422);
    expect(String(res.data.message)).toMatch(/^Invalid request/);
    expect(standIn.violations.map((v) => v.message)).toEqual([
      'body/tree/0/mode must be string',
      'body/tree/0/mode must be equal to one of the allowed values (100644, 100755, 040000, 160000, 120000)',
      'body/tree/0/type must be equal to one of the allowed values (blob, tree, commit)',
      'body/tree/0/content must be string',
    ]);
    expectedViolations = 4;
  });

  it('reports missing required fields, undocumented query parameters and unknown routes', async () => {
    await failure(client.rest.git.createCommit({ ...ref, tree: 'abc' } as CommitParams));
    await failure(client.request('GET /repos/{owner}/{repo}/pulls', { ...ref, sort_by: 'x' }));
    const notJson = await fetch(`${standIn.url}/repos/${OWNER}/${REPO}/git/trees`, {
      method: 'POST',
      headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
      body: '{"tree": [',
    });
    expect(notJson.status).toBe(400);
    const unknown = await failure(
      client.request('GET /repos/{owner}/{repo}/contents/{path}', { ...ref, path: 'README.md' }),
    );
    expect(unknown.status).toBe(404);
    expect(standIn.violations.map((v) => `${v.where}: ${v.message}`)).toEqual([
      "request: body must have required property 'message'",
      'request: query must NOT have additional properties (sort_by)',
      'request: the body is not JSON',
      'route: unknown operation GET /repos/acme/gitops/contents/README.md',
    ]);
    expectedViolations = 4;
  });

  it('answers 401 for a wrong token and 404 for another repository', async () => {
    const stranger = new Octokit({ auth: 'wrong', baseUrl: standIn.url });
    expect(await failure(stranger.rest.repos.get(ref))).toMatchObject({
      status: 401,
      data: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' },
    });
    const anonymous = new Octokit({ baseUrl: standIn.url });
    expect((await failure(anonymous.rest.repos.get(ref))).status).toBe(401);
    expect(await failure(client.rest.repos.get({ owner: OWNER, repo: 'other' }))).toMatchObject({
      status: 404,
      data: { message: 'Not Found' },
    });
  });

  it('answers 409 on Git Data endpoints of an empty repository', async () => {
    const empty = await startStandIn({ owner: OWNER, repo: REPO, empty: true });
    try {
      const c = new Octokit({ baseUrl: empty.url });
      expect(await failure(c.rest.git.getRef({ ...ref, ref: 'heads/main' }))).toMatchObject({
        status: 409,
        data: { message: 'Git Repository is empty.' },
      });
      empty.commit('main', { 'a.txt': 'a' }, 'first');
      expect((await c.rest.git.getRef({ ...ref, ref: 'heads/main' })).data.object.sha).toBe(
        empty.head('main'),
      );
      expect(empty.violations).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});

describe('faults', () => {
  /** The action's branch, one commit ahead of main. */
  async function branchAhead(): Promise<string> {
    const commit = await writeCommit(standIn.head('main')!, {
      'app.default.tap/dev/params.yaml': 'replicas: 2\n',
    });
    await client.rest.git.createRef({ ...ref, ref: `refs/heads/${BRANCH}`, sha: commit.sha });
    return commit.sha;
  }

  it('injects a 500 once, then answers normally', async () => {
    standIn.faults.serverError({ operationId: 'git/get-ref' });
    expect((await failure(client.rest.git.getRef({ ...ref, ref: 'heads/main' }))).status).toBe(500);
    await client.rest.git.getRef({ ...ref, ref: 'heads/main' });
    expect(standIn.calls.map((c) => [c.status, c.fault])).toEqual([
      [500, 'server error'],
      [200, undefined],
    ]);
  });

  it("injects a secondary rate limit with retry-after, which the action's client honours", async () => {
    standIn.faults.secondaryRateLimit({ method: 'POST', path: '/repos/{owner}/{repo}/git/trees' });
    const res = await failure(
      client.rest.git.createTree({
        ...ref,
        tree: [{ path: 'a', mode: '100644', type: 'blob', content: 'a' }],
      }),
    );
    expect(res.status).toBe(403);
    expect(res.headers['retry-after']).toBe('1');
    expect(String(res.data.message)).toMatch(/^You have exceeded a secondary rate limit/);

    const log: string[] = [];
    const throttled = createClient({
      token: TOKEN,
      baseUrl: standIn.url,
      pacing: false,
      log: (l) => log.push(l),
    });
    standIn.faults.secondaryRateLimit({ operationId: 'git/create-tree' });
    const { data } = await throttled.rest.git.createTree({
      ...ref,
      tree: [{ path: 'a', mode: '100644', type: 'blob', content: 'a' }],
    });
    expect(data.tree.map((e) => e.path)).toEqual(['a']);
    expect(log).toEqual([expect.stringMatching(/secondary rate limit.*waiting 1 s \(retry 1 of 2\)$/)]);
    expect(standIn.calls.slice(-2).map((c) => c.status)).toEqual([403, 201]);
  });

  it('resets the connection', async () => {
    standIn.faults.resetConnection({ operationId: 'pulls/list' });
    const res = await failure(client.rest.pulls.list(ref));
    expect(res.status).toBe(500); // what @octokit/request reports for a network failure
    expect(standIn.calls[0]).toMatchObject({ status: 0, fault: 'connection reset' });
    expect((await client.rest.pulls.list(ref)).status).toBe(200);
  });

  it('injects 422 already exists, 403 not accessible and 403 not permitted', async () => {
    await branchAhead();
    standIn.faults.alreadyExists({ operationId: 'pulls/create' });
    const dup = await failure(client.rest.pulls.create({ ...ref, head: BRANCH, base: 'main', title: 't' }));
    expect(dup.data.errors).toEqual([
      {
        resource: 'PullRequest',
        code: 'custom',
        message: `A pull request already exists for ${OWNER}:${BRANCH}.`,
      },
    ]);
    standIn.faults.pullRequestsNotPermitted();
    const notPermitted = await failure(
      client.rest.pulls.create({ ...ref, head: BRANCH, base: 'main', title: 't' }),
    );
    expect(notPermitted).toMatchObject({
      status: 403,
      data: { message: 'GitHub Actions is not permitted to create or approve pull requests.' },
    });
    standIn.faults.actionsCanCreatePullRequests = false;
    expect(
      (await failure(client.rest.pulls.create({ ...ref, head: BRANCH, base: 'main', title: 't' }))).status,
    ).toBe(403);
    standIn.faults.actionsCanCreatePullRequests = true;
    await client.rest.pulls.create({ ...ref, head: BRANCH, base: 'main', title: 't' });
    standIn.faults.notAccessible({ operationId: 'issues/add-labels' }, 2);
    for (let i = 0; i < 2; i++) {
      const res = await failure(client.rest.issues.addLabels({ ...ref, issue_number: 1, labels: ['x'] }));
      expect(res).toMatchObject({ status: 403, data: { message: 'Resource not accessible by integration' } });
    }
    await client.rest.issues.addLabels({ ...ref, issue_number: 1, labels: ['x'] });
    expect(standIn.faults.pending).toBe(0);
  });

  it('races a fast-forward update: someone else moves the branch first, the update gets a real 422', async () => {
    const first = await branchAhead();
    const next = await writeCommit(first, { 'app.default.tap/dev/params.yaml': 'replicas: 3\n' });
    standIn.faults.raceRef();
    const res = await failure(
      client.rest.git.updateRef({ ...ref, ref: `heads/${BRANCH}`, sha: next.sha, force: false }),
    );
    expect(res).toMatchObject({ status: 422, data: { message: 'Update is not a fast forward' } });
    expect(standIn.git(['log', '-1', '--format=%an', BRANCH]).trim()).toBe('Someone Else');
    expect(standIn.head(BRANCH)).not.toBe(next.sha);
  });

  it('races a ref creation and a base branch move', async () => {
    const commit = await writeCommit(standIn.head('main')!, { 'a.txt': 'a' });
    standIn.faults.raceRef();
    const res = await failure(
      client.rest.git.createRef({ ...ref, ref: `refs/heads/${BRANCH}`, sha: commit.sha }),
    );
    expect(res).toMatchObject({ status: 422, data: { message: 'Reference already exists' } });

    const before = standIn.head('main');
    standIn.faults.raceRef({
      ref: 'heads/main',
      files: { 'packages/app.default.tap/1.1.0.yaml': 'kind: Package\n' },
    });
    await client.rest.git.updateRef({ ...ref, ref: `heads/${BRANCH}`, sha: commit.sha, force: true });
    expect(standIn.head('main')).not.toBe(before);
    expect(standIn.readTree('main')['packages/app.default.tap/1.1.0.yaml']).toBe('kind: Package\n');
  });

  it('fails by method and path pattern, several times', async () => {
    standIn.faults.failNext({
      method: 'GET',
      path: /\/git\/ref\//,
      status: 502,
      body: { message: 'Bad Gateway' },
      times: 2,
    });
    for (let i = 0; i < 2; i++)
      expect((await failure(client.rest.git.getRef({ ...ref, ref: 'heads/main' }))).status).toBe(502);
    await client.rest.git.getRef({ ...ref, ref: 'heads/main' });
  });
});

describe('pull requests', () => {
  it('refuses a pull request without commits, ignores a head filter without owner, pages lists', async () => {
    standIn.commit('same', {}, 'nothing new');
    standIn.git(['update-ref', 'refs/heads/same', standIn.head('main')!]);
    const none = await failure(client.rest.pulls.create({ ...ref, head: 'same', base: 'main', title: 't' }));
    expect(none.data.errors).toEqual([
      { resource: 'PullRequest', code: 'custom', message: 'No commits between main and same' },
    ]);

    for (const b of ['a', 'b', 'c']) {
      standIn.commit(b, { [`${b}.txt`]: b }, `add ${b}`);
      await client.rest.pulls.create({ ...ref, head: `${OWNER}:${b}`, base: 'main', title: b });
    }
    await client.rest.pulls.update({ ...ref, pull_number: 2, state: 'closed' });
    const list = async (q: Record<string, unknown>) =>
      (await client.rest.pulls.list({ ...ref, ...q })).data.map((p) => p.number);
    expect(await list({})).toEqual([3, 1]);
    expect(await list({ state: 'all', per_page: 2, page: 2 })).toEqual([1]);
    expect(await list({ state: 'all', head: 'b' })).toEqual([3, 2, 1]);
    expect(await list({ state: 'all', head: `${OWNER}:b` })).toEqual([2]);
    expect(await list({ head: `someone:a` })).toEqual([]);
  });

  it('follows the head branch as it moves, and reports not found', async () => {
    standIn.commit('feature', { 'f.txt': '1' }, 'one');
    const { data: pr } = await client.rest.pulls.create({
      ...ref,
      head: 'feature',
      base: 'main',
      title: 'f',
    });
    const moved = standIn.commit('feature', { 'f.txt': '2', 'g.txt': 'g' }, 'two');
    const { data } = await client.rest.pulls.get({ ...ref, pull_number: pr.number });
    expect(data).toMatchObject({ head: { sha: moved }, commits: 2, changed_files: 2 });
    expect((await failure(client.rest.pulls.get({ ...ref, pull_number: 9 }))).status).toBe(404);
  });

  it('answers GraphQL errors as GitHub does, and reports documents it does not understand', async () => {
    const mutation =
      'mutation($id: ID!) { enablePullRequestAutoMerge(input: {pullRequestId: $id}) { clientMutationId } }';
    await expect(client.graphql(mutation, { id: 'PR_nope' })).rejects.toThrow(
      "Could not resolve to a node with the global id of 'PR_nope'",
    );
    await expect(client.graphql('{ viewer { login } }')).rejects.toThrow('unsupported GraphQL document');
    await expect(
      client.graphql(mutation.replace('pullRequestId', 'pullRequest'), { id: 'x' }),
    ).rejects.toThrow('needs pullRequestId');
    expect(standIn.violations.map((v) => v.where)).toEqual(['graphql', 'graphql']);
    expect(standIn.calls.map((c) => c.status)).toEqual([200, 200, 200]);
    expectedViolations = 2;
  });
});
