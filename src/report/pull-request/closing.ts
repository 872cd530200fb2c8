/**
 * The comment on a pull request of this action that is closed because its targets need nothing
 * now: either the base already has what it proposed, or a rule holds the environment back (a
 * rollback). Every piece of repository text in it is inert (inert.ts): the comment is Markdown.
 */
import { ROLLED_BACK_FROM_ANNOTATION } from '../../carvel/render.js';
import type { Target } from '../../plan/types.js';
import { inertCode, inertText } from '../inert.js';

/** Why one target of a closed pull request needs nothing: `held` when a rollback holds it. */
export interface ClosingReason {
  target: Target;
  /** The version the environment was rolled back from (the annotation's value) and the PackageInstall carrying it. */
  held?: { from: string; file: string };
}

const CLOSED_BY = 'so it is closed by flux-pkg-action.';
const CLOSED = 'This pull request is closed by flux-pkg-action';

const where = (t: Target) => `${inertText(t.component)} in ${inertText(t.environment)}`;

/** One target held by a rollback, in the reviewer's terms: what happened, and what lifts it. */
export function heldReason(t: Target, held: { from: string; file: string }): string {
  const from = inertCode(held.from);
  return `${where(t)} was rolled back from ${from} (annotation \`${ROLLED_BACK_FROM_ANNOTATION}\` on ${inertCode(held.file)}), so ${from} is not offered again; a version newer than ${from} reopens the delivery, or remove the annotation`;
}

/**
 * The reasons as they apply to the open pull request being closed: one that proposed exactly the
 * version its environment runs now (the rollback's own pull request, applied by hand) is closed
 * because the base has it, not because of the hold. `proposed`: the version its marker names.
 */
export function reasonsFor(reasons: readonly ClosingReason[], proposed: string | undefined): ClosingReason[] {
  return reasons.map((r) =>
    r.held && proposed !== undefined && reasons.length === 1 && proposed === r.target.toVersion
      ? { target: r.target }
      : r,
  );
}

/** `api in dev at `1.1.0``: a target and the version it has. */
const at = (t: Target) => `${where(t)}${t.toVersion ? ` at ${inertCode(t.toVersion)}` : ''}`;

/**
 * The closing comment. No target held: the base already has everything (one sentence, as before).
 * One target, held: its reason. Several with one held at least: one line per target.
 */
export function closingComment(base: string, reasons: readonly ClosingReason[]): string {
  const held = reasons.filter((r) => r.held);
  if (held.length === 0) {
    const what = reasons.map((r) => at(r.target));
    return `${inertText(base)} already has what this pull request proposed${what.length > 0 ? ` (${what.join(', ')})` : ''}, ${CLOSED_BY}`;
  }
  if (reasons.length === 1) return `${CLOSED}: ${heldReason(reasons[0]!.target, reasons[0]!.held!)}.`;
  const lines = reasons.map(
    (r) => `- ${r.held ? heldReason(r.target, r.held) : `${inertText(base)} already has ${at(r.target)}`}.`,
  );
  return [`${CLOSED}: nothing it proposed is to be delivered now.`, '', ...lines].join('\n');
}
