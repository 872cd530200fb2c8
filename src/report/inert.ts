/**
 * Repository text made inert for Markdown: whatever a component name, version, file path, message
 * or Package field says, it renders as the characters it is — never as HTML, a link, a mention, an
 * issue reference, a heading or list, a comment (so never a forged marker) — on one line, capped.
 *
 * Escapes are chosen so that the raw text, not only the rendered page, is harmless: code that reads
 * a body back (the marker reader) never meets `<!--`, `-->`, `<tag` or `](` that came from the repo.
 */

/** Default caps, in UTF-16 code units of the output (what GitHub counts against its body limit). */
export const MAX_INLINE = 300;
export const MAX_CODE = 200;

const ELLIPSIS = '…';
/** GitHub links a mention or `#123` only when nothing separates it from its sigil. */
const BREAK = '&#8203;';

/**
 * One line of plain text: control, format (bidi, zero-width) and line-separator characters go,
 * whitespace runs become one space, lone surrogates become U+FFFD.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function oneLine(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ')
    .replace(/\p{Cf}+/gu, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** ASCII punctuation Markdown (GFM, GitHub math) gives a meaning to; a backslash makes it literal. */
const MARKDOWN = new Set(['\\', '`', '*', '_', '~', '[', ']', '(', ')', '!', '|', '$', '{', '}']);

/**
 * The escaped pieces of a one-line text, one per input character (so a cap never splits an escape).
 * Only the first `limit` characters: each yields at least one output character, so no more can fit.
 */
function escapedPieces(line: string, limit: number): string[] {
  const chars = [...line.slice(0, 2 * limit + 2)].slice(0, limit + 1);
  const leadingDigits = /^\d*/.exec(line)![0].length;
  return chars.map((ch, i) => {
    const entity = ENTITIES[ch];
    if (entity) return entity;
    if (MARKDOWN.has(ch)) return `\\${ch}`;
    if (ch === '@' || ch === '#') return `${ch}${BREAK}`;
    // `https://x` and `www.x` are autolinked by GFM: a break after the scheme's colon or the first `w`.
    if (ch === ':' && chars[i + 1] === '/' && chars[i + 2] === '/') return `:${BREAK}`;
    if ((ch === 'w' || ch === 'W') && /^ww\./i.test(chars.slice(i + 1, i + 4).join('')))
      return `${ch}${BREAK}`;
    if (i === 0 && (ch === '-' || ch === '+' || ch === '=')) return `\\${ch}`;
    // "1. x" or "1) x" at the start would become an ordered list.
    if (i === leadingDigits && i > 0 && (ch === '.' || ch === ')')) return `\\${ch}`;
    return ch;
  });
}

/** Join pieces up to `max` code units, ending with an ellipsis when something was cut. */
function capped(pieces: readonly string[], max: number): string {
  const total = pieces.reduce((n, p) => n + p.length, 0);
  if (total <= max) return pieces.join('');
  let out = '';
  for (const piece of pieces) {
    if (out.length + piece.length > max - ELLIPSIS.length) break;
    out += piece;
  }
  return `${out}${ELLIPSIS}`;
}

/** Repository text as inline Markdown: readable, inert, one line, at most `max` characters. */
export function inertText(text: string, max = MAX_INLINE): string {
  return capped(escapedPieces(oneLine(text), Math.max(max, 1)), Math.max(max, 1));
}

/** Repository text for a GFM table cell (`|` is escaped by inertText; an empty cell shows a dash). */
export function inertCell(text: string | undefined, max = MAX_INLINE): string {
  const inert = inertText(text ?? '', max);
  return inert === '' ? '—' : inert;
}

/** Characters a backtick code span shows as they are, and that mean nothing to any reader of the raw body. */
const PLAIN_CODE = /^[A-Za-z0-9 ._:/+=,^~*%…-]*$/;

/**
 * Repository text as code: a backtick code span when it is plain (versions, paths, names stay
 * readable and copyable), else `<code>` around inert text — inside a code span nothing can be
 * escaped, so `<`, `|`, `@` or backticks would reach the raw body as they are.
 */
export function inertCode(text: string | undefined, max = MAX_CODE): string {
  const line = oneLine(text ?? '');
  if (line === '') return '—';
  const budget = Math.max(max, 16);
  if (PLAIN_CODE.test(line)) {
    const chars = [...line.slice(0, 2 * budget + 2)];
    const inner = chars.length + 2 <= budget ? line : `${chars.slice(0, budget - 3).join('')}${ELLIPSIS}`;
    return `\`${inner}\``;
  }
  const inner = budget - '<code></code>'.length;
  return `<code>${capped(escapedPieces(line, inner), inner)}</code>`;
}

/** A URL path segment from repository text (a file path's parts in a link). */
export function urlPath(path: string): string {
  return path
    .split('/')
    .map((s) =>
      encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('/');
}
