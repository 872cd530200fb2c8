/**
 * Repository text a reviewer copies (an image reference, a URL, release notes), shown as the
 * characters it is and never as a link — without zero-width characters, which a copy would carry
 * along. GitHub links nothing inside a code span or a `<pre>` block (GFM's autolink extension
 * works on text only, and mentions and issue references skip code), so that is where such text goes:
 * - one line: a backtick code span when the text has nothing a span cannot hold, else inert.ts;
 * - free text: a `<pre>` HTML block (CommonMark HTML block type 1, which ends only at `</pre>`)
 *   with every character that HTML or a reader of the raw body could act on as a numeric entity,
 *   so the raw body never holds `<`, `>`, `](` or backticks that came from the repository.
 */
import { inertCode, oneLine } from '../inert.js';

/** What a backtick code span shows as it is, that closes nothing and means nothing in the raw body. */
const SPAN_SAFE = /^[^`<>|\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u;

/** Repository text as one copyable code span (inert.ts's `<code>` when a span cannot hold it). */
export function literal(text: string | undefined, max = 300): string {
  const line = oneLine(text ?? '');
  if (line === '') return '—';
  if (!SPAN_SAFE.test(line) || line.startsWith(' ') || line.endsWith(' ')) return inertCode(line, max);
  const chars = [...line];
  return `\`${chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line}\``;
}

const ENTITY = /[&<>"'[\]`]/g;

/** Free text (release notes): its lines in a `<pre>` block, capped; the cut is said. */
export function preBlock(text: string, maxLines = 80, maxChars = 6000): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[^\S\n]/gu, ' ')
    .replace(/\p{Cc}/gu, (c) => (c === '\n' ? c : ''))
    .replace(/\s+$/u, '')
    .split('\n');
  const out: string[] = [];
  let size = 0;
  for (const line of lines) {
    const safe = line.replace(ENTITY, (c) => `&#${c.charCodeAt(0)};`);
    if (out.length >= maxLines || size + safe.length > maxChars) {
      const left = lines.length - out.length;
      out.push(`… (${left} more line${left === 1 ? '' : 's'} in the Package)`);
      break;
    }
    out.push(safe);
    size += safe.length + 1;
  }
  // The tags share the first and last lines: no blank line can end the block early, none is added.
  out[0] = `<pre>${out[0] ?? ''}`;
  out[out.length - 1] = `${out.at(-1)}</pre>`;
  return out;
}

/**
 * Repository text inside HTML (a `<summary>`): Markdown is not read there, so inert.ts's backslash
 * escapes would show; entities instead, in `<code>`, which mentions and references skip.
 */
export function htmlCode(text: string | undefined, max = 120): string {
  const chars = [...oneLine(text ?? '')];
  const line = chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
  return `<code>${line.replace(ENTITY, (c) => `&#${c.charCodeAt(0)};`)}</code>`;
}
