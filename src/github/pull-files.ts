/** The files a pull request changes, as GitHub lists them (paginated; GitHub stops at 3,000). */
import type { GitHubClient } from './client.js';
import type { RepoRef } from './snapshot.js';

/** GitHub lists at most this many files of a pull request; a list this long may be cut short. */
export const MAX_LISTED_FILES = 3000;

export interface PullFiles {
  /** Every path added, modified, removed or renamed (old and new name). */
  paths: string[];
  /** The list reached GitHub's limit: more files may have changed than it shows. */
  truncated: boolean;
}

export async function listPullRequestFiles(
  client: GitHubClient,
  ref: RepoRef,
  pullNumber: number,
): Promise<PullFiles> {
  const files = await client.paginate(client.rest.pulls.listFiles, {
    ...ref,
    pull_number: pullNumber,
    per_page: 100,
  });
  const paths = new Set<string>();
  for (const f of files) {
    paths.add(f.filename);
    if (f.previous_filename) paths.add(f.previous_filename);
  }
  return { paths: [...paths], truncated: files.length >= MAX_LISTED_FILES };
}
