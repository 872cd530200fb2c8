/**
 * The request kinds, which are the action's modes (src/action/modes.ts maps each to its shell). A module of its
 * own so that reading the `mode` input does not load the planner: importing plan.ts for this list pulled the
 * whole planner (config, ajv, re2js, yaml) into the action's start-up. plan.ts re-exports it; the types below fail
 * to compile when a Request kind is missing here or a name here is not a Request kind.
 */
import type { Request } from './types.js';

export const KINDS = Object.freeze(['install', 'validate', 'promote', 'bootstrap'] as const);

type Listed = (typeof KINDS)[number];
/** Both are `true` only while KINDS and Request['kind'] name the same set. */
const everyKindListed: [Exclude<Request['kind'], Listed>] extends [never] ? true : false = true;
const onlyKindsListed: [Exclude<Listed, Request['kind']>] extends [never] ? true : false = true;
void everyKindListed;
void onlyKindsListed;
