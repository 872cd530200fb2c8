/** Where a body's links point: the server, the repository and the commits of the run. */
export interface Links {
  /** e.g. https://github.com */
  serverUrl: string;
  repository: string;
  /** The commit the Package files are read from. */
  baseSha: string;
  /** The commit that triggered the run, when there is one. */
  triggerSha?: string;
}
