/**
 * What a reviewer decides on, per environment: the version from → to, what the Package fetches,
 * the values it will run with (schema defaults included) before and after, and the release notes
 * of every version it moves past. Markdown for the PR body and the job summary. Repository text is
 * inert: names through inert.ts, copyable text through literal.ts, values as jsonSafe JSON inside a
 * fenced block (it holds no backtick, so nothing can close the fence). Hidden values are not in the
 * facts at all (carvel/effective-values.ts), so nothing here can print one.
 */
import type { ValueLine, ValuesReview } from '../../carvel/effective-values.js';
import type { EnvironmentResult, ReviewFacts } from '../../plan/types.js';
import { inertCode, inertText, urlPath } from '../inert.js';
import type { Links } from './links.js';
import { htmlCode, literal, preBlock } from './literal.js';

const code = (text: string | undefined) => inertCode(text);

/** How much of the long parts a rendering may hold (the body has GitHub's limit to keep). */
export interface Budget {
  /** Changed lines of the values diff. */
  diffLines: number;
  /** Lines of the "every effective value" list; 0 leaves it out. */
  allLines: number;
  /** Lines and characters of each version's release notes. */
  noteLines: number;
  noteChars: number;
}

export const FULL: Budget = { diffLines: 400, allLines: 300, noteLines: 80, noteChars: 6000 };
export const COMPACT: Budget = { diffLines: 60, allLines: 0, noteLines: 15, noteChars: 1200 };

const blobLink = (links: Links, path: string) =>
  `[${inertText(path)}](${links.serverUrl}/${urlPath(links.repository)}/blob/${urlPath(links.baseSha)}/${urlPath(path)})`;

/** `1.0.0` → `1.1.0`, or `new` → `1.1.0`. */
export function versionChange(env: EnvironmentResult): string {
  const from = env.fromVersion ?? (env.fromConstraint !== undefined ? undefined : 'new');
  const was = from === 'new' ? 'new' : from ? code(from) : `constraint ${code(env.fromConstraint)}`;
  return `${was} → ${code(env.toVersion)}`;
}

/** The Package file, and the one the environment runs now: the two sides of what a reviewer compares. */
export function packageLinks(env: EnvironmentResult, links: Links): string {
  if (!env.packageFile) return '—';
  const was = env.review?.fromPackageFile;
  const now = blobLink(links, env.packageFile);
  return was && was !== env.packageFile ? `${now} (runs now: ${blobLink(links, was)})` : now;
}

export function fetchSection(review: ReviewFacts | undefined): string[] {
  if (!review) return [];
  if (review.fetch.length === 0)
    return ['**Fetches:** the same as the version it runs (`spec.template.spec.fetch` unchanged).'];
  const lines = ['**Fetches** (`spec.template.spec.fetch`, entries that differ):', ''];
  for (const f of review.fetch) {
    const what = `${code(f.kind)} (entry ${f.index + 1})`;
    if (f.from === undefined) lines.push(`- ${what}: new ${literal(f.to)}`);
    else if (f.to === undefined) lines.push(`- ${what}: removed (was ${literal(f.from)})`);
    else lines.push(`- ${what}: ${literal(f.from)} → ${literal(f.to)}`);
  }
  return lines;
}

const valueText = (l: ValueLine, side: 'before' | 'after') =>
  l.hidden ? '(value hidden)' : (l[side] ?? '(none)');

function diffLine(l: ValueLine): string[] {
  const note = l.fromDefault ? '   # schema default' : '';
  if (l.hidden) return l.state === 'unchanged' ? [] : [`! ${l.path}: ${l.state} (value hidden)`];
  if (l.state === 'added') return [`+ ${l.path}: ${valueText(l, 'after')}${note}`];
  if (l.state === 'removed') return [`- ${l.path}: ${valueText(l, 'before')}`];
  if (l.state === 'changed')
    return [`- ${l.path}: ${valueText(l, 'before')}`, `+ ${l.path}: ${valueText(l, 'after')}${note}`];
  return [];
}

const capped = (lines: string[], max: number, what: string) =>
  lines.length > max
    ? [...lines.slice(0, max), `… ${lines.length - max} more ${what} (flux-pkg plan prints them all)`]
    : lines;

function schemaChanges(values: ValuesReview): string[] {
  const lines: string[] = [];
  const list = (items: string[]) => items.join(', ');
  if (values.newKeys.length > 0)
    lines.push(
      `- New keys, with their defaults: ${list(values.newKeys.map((k) => `${code(k.path)} ${k.hidden ? '(default hidden)' : k.value !== undefined ? literal(k.value) : '(no default)'}`))}`,
    );
  if (values.changedDefaults.length > 0)
    lines.push(
      `- Changed defaults: ${list(values.changedDefaults.map((d) => (d.hidden ? `${code(d.path)} (changed, hidden)` : `${code(d.path)} ${literal(d.before ?? '(none)')} → ${literal(d.after ?? '(none)')}`)))}`,
    );
  for (const r of values.removedButSet)
    lines.push(
      r.severity === 'error'
        ? `- **Error:** the new schema drops ${code(r.path)}, which this environment still sets, and allows no other keys there (\`additionalProperties: false\`): remove it from the values.`
        : `- **Warning:** the new schema drops ${code(r.path)}, which this environment still sets: the package may ignore it now.`,
    );
  if (values.nowRequired.length > 0) lines.push(`- Newly required: ${list(values.nowRequired.map(code))}`);
  return lines;
}

export function valuesSection(review: ReviewFacts | undefined, budget: Budget): string[] {
  const values = review?.values;
  if (!values) return [];
  const lines = [
    "**Values it will run with** — the environment's values merged over the `valuesSchema` defaults (kapp-controller applies no schema default: the package's templates do, and its schema is usually generated from them); the values Secret's keys are merged in sorted key order, later keys winning, as kapp-controller passes them to ytt.",
  ];
  if (values.encrypted)
    lines.push(
      '',
      'The values Secret is encrypted: values it sets are shown as changed or unchanged, never by value.',
    );
  if (values.unread)
    lines.push(
      '',
      `${inertText(values.unread)}: its values were not read; only the schema's changes are shown.`,
    );
  const schema = schemaChanges(values);
  lines.push(
    '',
    ...(schema.length > 0
      ? schema
      : [
          review.fromPackageFile
            ? '- The schema adds, drops and requires no key and changes no default.'
            : '- No version runs here yet: every value is new.',
        ]),
  );
  if (values.unread) return lines;
  const changed = values.lines.flatMap(diffLine);
  const same = values.lines.filter((l) => l.state === 'unchanged').length;
  const count = (state: ValueLine['state']) => values.lines.filter((l) => l.state === state).length;
  const counts = (['added', 'changed', 'removed'] as const)
    .map((state) => [count(state), state] as const)
    .filter(([n]) => n > 0)
    .map(([n, state]) => `${n} ${state}`);
  lines.push(
    '',
    `<details><summary>Effective values: ${[...counts, `${same} unchanged`].join(', ')}</summary>`,
    '',
  );
  if (changed.length > 0) lines.push('```diff', ...capped(changed, budget.diffLines, 'lines'), '```');
  else lines.push('The package runs with the same values as before.');
  if (budget.allLines > 0 && values.lines.some((l) => l.state !== 'removed')) {
    const all = values.lines
      .filter((l) => l.state !== 'removed')
      .map((l) => `${l.path}: ${valueText(l, 'after')}${l.fromDefault ? '   # schema default' : ''}`);
    lines.push(
      '',
      'Every value after the merge:',
      '',
      '```yaml',
      ...capped(all, budget.allLines, 'values'),
      '```',
    );
  }
  lines.push('', '</details>');
  return lines;
}

export function notesSection(review: ReviewFacts | undefined, budget: Budget): string[] {
  const notes = review?.releaseNotes ?? [];
  if (notes.length === 0) return [];
  const span =
    notes.length === 1
      ? code(notes[0]!.version)
      : `${code(notes[0]!.version)} – ${code(notes.at(-1)!.version)}`;
  const lines = [
    '',
    `**Release notes** of ${notes.length === 1 ? 'version' : `the ${notes.length} versions`} ${span} (from the Packages; links shown as text):`,
    '',
  ];
  for (const n of notes) {
    if (!n.notes?.trim()) {
      lines.push(`- ${code(n.version)}: no release notes in the Package.`, '');
      continue;
    }
    lines.push(
      `<details><summary>Version ${htmlCode(n.version)}</summary>`,
      '',
      ...preBlock(n.notes.trim(), budget.noteLines, budget.noteChars),
      '',
      '</details>',
      '',
    );
  }
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Every part for one environment, after the version line. */
export function reviewSection(env: EnvironmentResult, budget: Budget): string[] {
  const review = env.review;
  if (!review) return [];
  return ['', ...fetchSection(review), '', ...valuesSection(review, budget), ...notesSection(review, budget)];
}
