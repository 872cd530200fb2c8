/**
 * One REST call's failure as a line the user can act on, and the errors the delivery loop tells apart. Apart from
 * deliver.ts so that the action's start-up (src/main.ts, src/action/session.ts) and a no-op install, which only
 * wrap reads, do not load the publishing code behind deliver.ts (pull-request bodies, rendering, the yaml library).
 */
import { explainApiError } from './client.js';

/** A failure the user can act on, in one line (API errors translated by explainApiError). */
export class DeliveryError extends Error {}

/** Another run changed a branch or pull request while this one wrote it: the delivery plans again (deliver.ts). */
export class RaceLostError extends Error {}

export async function api<T>(doing: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof DeliveryError || e instanceof RaceLostError) throw e;
    throw new DeliveryError(explainApiError(e, doing));
  }
}
