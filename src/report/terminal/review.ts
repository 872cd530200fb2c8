/**
 * The review facts (ReviewFacts) as plain text for the CLI's `plan`: the same facts as the pull
 * request body — fetch entries from → to, values the package will run with, release notes —
 * indented under the environment's line. Repository text is one line without control characters;
 * values are jsonSafe JSON; hidden values are not in the facts.
 */
import type { ValueLine } from '../../carvel/effective-values.js';
import type { ReviewFacts } from '../../plan/types.js';
import { oneLine } from '../inert.js';

const MAX_NOTE_LINES = 20;
const line = (text: string | undefined, max = 200) => {
  const one = oneLine(text ?? '');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

function valueChange(l: ValueLine): string | undefined {
  const note = l.fromDefault ? ' (schema default)' : '';
  if (l.hidden) return l.state === 'unchanged' ? undefined : `${l.path}: ${l.state} (value hidden)`;
  if (l.state === 'added') return `+ ${l.path}: ${l.after}${note}`;
  if (l.state === 'removed') return `- ${l.path}: ${l.before}`;
  if (l.state === 'changed') return `~ ${l.path}: ${l.before} → ${l.after}${note}`;
  return undefined;
}

function valuesLines(review: ReviewFacts): string[] {
  const v = review.values;
  if (!v) return [];
  const out = ['values (environment values over the valuesSchema defaults, Secret keys in sorted order):'];
  if (v.encrypted) out.push('  encrypted values Secret: its values are shown as changed/unchanged only');
  if (v.unread) out.push(`  ${line(v.unread)}: values not read`);
  for (const k of v.newKeys)
    out.push(`  new key ${line(k.path)}: default ${k.hidden ? '(hidden)' : (k.value ?? '(none)')}`);
  for (const d of v.changedDefaults)
    out.push(
      `  default of ${line(d.path)}: ${d.hidden ? 'changed (hidden)' : `${d.before ?? '(none)'} → ${d.after ?? '(none)'}`}`,
    );
  for (const r of v.removedButSet)
    out.push(`  ${r.severity}: the new schema drops ${line(r.path)}, which the environment still sets`);
  for (const p of v.nowRequired) out.push(`  newly required: ${line(p)}`);
  const changes = v.lines.map(valueChange).filter((c): c is string => c !== undefined);
  const same = v.lines.filter((l) => l.state === 'unchanged').length;
  if (!v.unread)
    out.push(
      `  ${changes.length === 0 ? 'no value changes' : `${changes.length} change(s)`}, ${same} unchanged`,
    );
  out.push(...changes.map((c) => `  ${c}`));
  return out;
}

/** The review of one environment, one fact a line (without indentation: the caller indents). */
export function reviewLines(review: ReviewFacts | undefined): string[] {
  if (!review) return [];
  const out: string[] = [];
  if (review.fetch.length === 0) out.push('fetch: unchanged');
  for (const f of review.fetch)
    out.push(
      `fetch[${f.index}] ${line(f.kind)}: ${f.from === undefined ? 'new' : line(f.from)} → ${f.to === undefined ? 'removed' : line(f.to)}`,
    );
  out.push(...valuesLines(review));
  for (const n of review.releaseNotes) {
    const notes = (n.notes ?? '')
      .trim()
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '');
    out.push(`release notes ${line(n.version)}:${notes.length === 0 ? ' (none)' : ''}`);
    for (const l of notes.slice(0, MAX_NOTE_LINES)) out.push(`  ${line(l)}`);
    if (notes.length > MAX_NOTE_LINES) out.push(`  … ${notes.length - MAX_NOTE_LINES} more lines`);
  }
  return out;
}
