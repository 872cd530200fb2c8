/** The mode table: which module runs for a mode, and which mode `auto` picks for an event. */
import type { Mode } from '../inputs.js';
import { ActionError } from './report.js';
import type { Session } from './session.js';

type ModeName = Exclude<Mode, 'auto'>;

// Each mode's module is imported when the mode runs: a run loads only its own mode (a bundle chunk each), so a
// pull request's validate loads no delivery, bootstrap or SOPS encryption code.
export const MODES: Record<ModeName, (session: Session) => Promise<void>> = {
  install: async (session) => (await import('./install.js')).install(session),
  validate: async (session) => (await import('./validate.js')).validate(session),
  bootstrap: async (session) => (await import('./bootstrap.js')).bootstrap(session),
  promote: async (session) => (await import('./promote.js')).promote(session),
};

const BY_EVENT: Record<string, ModeName> = {
  push: 'install',
  // What merges made with GITHUB_TOKEN or auto-merge left undelivered (they start no push workflow).
  schedule: 'install',
  pull_request: 'validate',
  pull_request_target: 'validate',
  workflow_dispatch: 'bootstrap',
  status: 'promote',
};

export function chooseMode(mode: Mode, eventName: string): ModeName {
  if (mode !== 'auto') return mode;
  const chosen = BY_EVENT[eventName];
  if (!chosen)
    throw new ActionError(
      `mode auto cannot choose a mode for the "${eventName || 'unknown'}" event; set the mode input`,
    );
  return chosen;
}
