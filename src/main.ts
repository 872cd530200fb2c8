/**
 * The action: inputs and the run's facts → the mode's module → one failing line when it cannot
 * finish. Everything that can be wrong with the input is found before the first write.
 */
import * as core from '@actions/core';
import { readRunFacts } from './action/facts.js';
import { chooseMode, MODES } from './action/modes.js';
import { ActionError } from './action/report.js';
import { type ClientOverrides, openSession } from './action/session.js';
import { DeliveryError } from './github/api-call.js';
import { InputError, readInputs } from './inputs.js';

export interface RunOptions {
  /** Client options for the tests (e.g. pacing off); the runner passes none. */
  client?: ClientOverrides;
}

export async function run(options: RunOptions = {}): Promise<void> {
  try {
    const inputs = readInputs();
    const facts = readRunFacts();
    const mode = chooseMode(inputs.mode, facts.eventName);
    await MODES[mode](await openSession(inputs, facts, options.client));
  } catch (e) {
    if (e instanceof InputError || e instanceof ActionError || e instanceof DeliveryError)
      core.setFailed(e.message);
    else core.setFailed(`internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
}
