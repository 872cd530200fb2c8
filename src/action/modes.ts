/** The mode table: which module runs for a mode, and which mode `auto` picks for an event. */
import type { Mode } from '../inputs.js';
import { bootstrap } from './bootstrap.js';
import { install } from './install.js';
import { promote } from './promote.js';
import { ActionError } from './report.js';
import type { Session } from './session.js';
import { validate } from './validate.js';

type ModeName = Exclude<Mode, 'auto'>;

export const MODES: Record<ModeName, (session: Session) => Promise<void>> = {
  install,
  validate,
  bootstrap,
  promote,
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
