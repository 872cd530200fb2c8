/**
 * The review facts of one environment's version change (see ReviewFacts): what the Package fetches,
 * the effective values before and after, and the release notes of every version it moves past.
 * Pure, over what the planner already holds.
 */
import { reviewValues } from '../../carvel/effective-values.js';
import { fetchChanges } from '../../carvel/fetch-diff.js';
import type { CarvelPackage } from '../../carvel/package.js';
import type { ReviewFacts } from '../types.js';
import { versionOrder } from './context.js';

type Obj = Record<string, unknown>;

export interface ReviewInput {
  /** Every Package of the component. */
  packages: readonly CarvelPackage[];
  /** The version the environment runs (undefined: a new environment). */
  fromVersion?: string;
  target: CarvelPackage;
  /** The environment's merged values now and after (undefined: not read). */
  valuesBefore?: Obj;
  valuesAfter?: Obj;
  /** The values Secret is SOPS-encrypted. */
  encrypted: boolean;
  /** Why the values could not be read (an encrypted Secret without a key). */
  unread?: string;
}

/** Versions after `from` up to and including `to`, oldest first (only the target when going down or new). */
export function skippedOver(
  packages: readonly CarvelPackage[],
  from: string | undefined,
  to: CarvelPackage,
): CarvelPackage[] {
  if (from === undefined || versionOrder(from, to.version) >= 0) return from === to.version ? [] : [to];
  return packages
    .filter((p) => versionOrder(p.version, from) > 0 && versionOrder(p.version, to.version) <= 0)
    .sort((a, b) => versionOrder(a.version, b.version));
}

export function reviewFacts(input: ReviewInput): ReviewFacts {
  const { packages, fromVersion, target } = input;
  const previous = packages.find((p) => p.version === fromVersion);
  const facts: ReviewFacts = {
    fetch: fetchChanges(previous?.fetch, target.fetch),
    values: reviewValues(
      previous || input.valuesBefore
        ? { schema: previous?.valuesSchema, values: input.valuesBefore }
        : undefined,
      { schema: target.valuesSchema, values: input.valuesAfter },
      { encrypted: input.encrypted, ...(input.unread ? { unread: input.unread } : {}) },
    ),
    releaseNotes: skippedOver(packages, fromVersion, target).map((p) =>
      p.releaseNotes === undefined ? { version: p.version } : { version: p.version, notes: p.releaseNotes },
    ),
  };
  if (previous) facts.fromPackageFile = previous.file;
  return facts;
}

/**
 * validate: what a pull request changes in an environment, from the version the base branch selects
 * (`baseVersion`, undefined: none) to the one its head selects. The values are not compared here:
 * the gate reads the head only.
 */
export function pullRequestChange(
  packages: readonly CarvelPackage[],
  baseVersion: string | undefined,
  target: CarvelPackage,
): ReviewFacts {
  const previous = packages.find((p) => p.version === baseVersion);
  const facts: ReviewFacts = {
    fetch: fetchChanges(previous?.fetch, target.fetch),
    releaseNotes: skippedOver(packages, baseVersion, target).map((p) =>
      p.releaseNotes === undefined ? { version: p.version } : { version: p.version, notes: p.releaseNotes },
    ),
  };
  if (baseVersion !== undefined) facts.baseVersion = baseVersion;
  if (previous) facts.fromPackageFile = previous.file;
  return facts;
}
