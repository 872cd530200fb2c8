/**
 * The repository and Git Data endpoints, answered from the bare repository. Ref updates are
 * compare-and-swap (GitStore.updateRef: `git update-ref <ref> <new> <old>` semantics, under the ref's
 * lock file), so a fast-forward check that loses a race fails for real, exactly where GitHub would
 * answer 422.
 */
import { GitError, type GitStore } from './git-store.js';
import {
  BOT_COMMITTER,
  blob,
  branch,
  gitCommit,
  gitRef,
  gitTree,
  repository,
  type Site,
  type Verification,
  WEB_FLOW,
} from './shapes.js';
import { buildTree } from './tree-builder.js';
import { ApiError, type Handler, notFound } from './types.js';

function validRefName(git: GitStore, ref: string): boolean {
  try {
    git.git(['check-ref-format', ref]);
    return true;
  } catch {
    return false;
  }
}

const UNSIGNED: Verification = { verified: false, reason: 'unsigned', verified_at: null };

export class GitApi {
  /** Commits the stand-in "signed": created through the API with no author, committer or signature. */
  readonly #verified = new Map<string, Verification>();

  constructor(
    private readonly site: Site,
    private readonly git: GitStore,
    /** Entries a recursive tree read lists before it answers `truncated: true`. */
    private readonly recursiveTreeLimit: number,
  ) {}

  /** GitHub answers 409 "Git Repository is empty." on Git Data endpoints until the first push. */
  #requireCommits(): void {
    if (!this.git.hasRefs()) throw new ApiError(409, 'Git Repository is empty.');
  }

  #commit(sha: string) {
    return gitCommit(this.site, this.git.readCommit(sha), this.#verified.get(sha) ?? UNSIGNED);
  }

  handlers(): Record<string, Handler> {
    const { site, git } = this;
    return {
      'repos/get': () => ({ status: 200, body: repository(site, true) }),

      'git/get-ref': ({ params }) => {
        this.#requireCommits();
        const ref = `refs/${params.ref}`;
        const sha = git.resolveRef(ref);
        if (!sha) throw notFound();
        return { status: 200, body: gitRef(site, ref, sha) };
      },

      // "Returns an array of references … that start with the supplied ref" (a string prefix, not
      // a folder: heads/feature matches heads/feature-a); [] when none do.
      'git/list-matching-refs': ({ params }) => {
        this.#requireCommits();
        const prefix = `refs/${params.ref}`;
        const refs = git
          .git(['for-each-ref', '--format=%(refname) %(objectname)'])
          .split('\n')
          .filter(Boolean)
          .map((line) => line.split(' ') as [string, string])
          .filter(([name]) => name.startsWith(prefix));
        return { status: 200, body: refs.map(([name, sha]) => gitRef(site, name, sha)) };
      },

      'repos/get-branch': ({ params }) => {
        this.#requireCommits();
        const sha = git.resolveRef(`refs/heads/${params.branch}`);
        if (!sha) throw new ApiError(404, 'Branch not found');
        return {
          status: 200,
          body: branch(site, params.branch!, git.readCommit(sha), this.#verified.get(sha) ?? UNSIGNED),
        };
      },

      'git/get-commit': ({ params }) => {
        this.#requireCommits();
        if (git.typeOf(params.commit_sha!) !== 'commit') throw notFound();
        return { status: 200, body: this.#commit(params.commit_sha!) };
      },

      'git/get-tree': ({ params, query }) => {
        this.#requireCommits();
        // GitHub takes a tree sha, a commit sha or a branch name here.
        // GitStore.treeSha answers a sha or full ref name in-process, anything else with
        // `git rev-parse --verify --quiet <it>^{tree}`.
        const sha = git.treeSha(params.tree_sha!);
        if (!sha) throw notFound();
        // Any value of `recursive` turns recursion on, as the API documents.
        const recursive = query.recursive !== undefined;
        const entries = git.lsTree(sha, recursive);
        // "If truncated is true in the response then the number of items in the tree array exceeded
        // our maximum limit" (docs.github.com/rest/git/trees#get-a-tree): a recursive read stops there.
        if (recursive && entries.length > this.recursiveTreeLimit)
          return { status: 200, body: gitTree(site, sha, entries.slice(0, this.recursiveTreeLimit), true) };
        return { status: 200, body: gitTree(site, sha, entries) };
      },

      'git/get-blob': ({ params }) => {
        this.#requireCommits();
        if (git.typeOf(params.file_sha!) !== 'blob') throw notFound();
        return { status: 200, body: blob(site, params.file_sha!, git.readBlob(params.file_sha!)) };
      },

      'git/create-tree': ({ body }) => {
        try {
          const sha = buildTree(git, body.base_tree, body.tree);
          return { status: 201, body: gitTree(site, sha, git.lsTree(sha, false)) };
        } catch (e) {
          if (e instanceof GitError) throw new ApiError(422, e.message, undefined, e.documented);
          throw e;
        }
      },

      'git/create-commit': ({ body }) => {
        if (git.typeOf(body.tree) !== 'tree') throw new ApiError(422, 'Tree SHA does not exist');
        const parents: string[] = body.parents ?? [];
        for (const p of parents) {
          if (git.typeOf(p) !== 'commit')
            throw new ApiError(422, 'Parent SHA does not exist or is not a commit object');
        }
        // No custom identity or signature: GitHub authors it as the token's bot and signs it.
        const signed = !body.author && !body.committer && !body.signature;
        const author = body.author ?? BOT_COMMITTER;
        const committer = body.committer ?? (signed ? WEB_FLOW : author);
        const sha = git.commitTree(body.tree, parents, body.message, author, committer);
        if (signed)
          this.#verified.set(sha, {
            verified: true,
            reason: 'valid',
            verified_at: git.readCommit(sha).committer.date,
          });
        return {
          status: 201,
          body: this.#commit(sha),
          headers: { location: `${site.url}/repos/${site.owner}/${site.repo}/git/commits/${sha}` },
        };
      },

      'git/create-ref': ({ body }) => {
        const ref: string = body.ref;
        if (!/^refs\/[^/]+\/.+/.test(ref) || !validRefName(git, ref))
          throw new ApiError(422, 'Reference name is invalid');
        if (git.typeOf(body.sha) !== 'commit') throw new ApiError(422, 'Object does not exist');
        if (!git.updateRef(ref, body.sha, null)) throw new ApiError(422, 'Reference already exists');
        return { status: 201, body: gitRef(site, ref, body.sha) };
      },

      'git/update-ref': ({ params, body }) => {
        const ref = `refs/${params.ref}`;
        const current = git.resolveRef(ref);
        if (!current) throw new ApiError(422, 'Reference does not exist');
        if (git.typeOf(body.sha) !== 'commit') throw new ApiError(422, 'Object does not exist');
        if (!body.force && !git.isAncestor(current, body.sha))
          throw new ApiError(422, 'Update is not a fast forward');
        if (!git.updateRef(ref, body.sha, current)) throw new ApiError(422, 'Reference cannot be updated');
        return { status: 200, body: gitRef(site, ref, body.sha) };
      },

      'git/delete-ref': ({ params }) => {
        const ref = `refs/${params.ref}`;
        if (!git.resolveRef(ref) || !git.deleteRef(ref)) throw new ApiError(422, 'Reference does not exist');
        return { status: 204 };
      },
    };
  }
}
