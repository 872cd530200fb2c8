import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inertCell, inertCode, inertText, oneLine, urlPath } from '../../src/report/inert.js';
import { propertyOptions } from '../helpers/fc.js';

const FRAGMENTS = [
  '<!--',
  '-->',
  '<!-- flux-pkg-action v1 key=app.default.tap/dev version=99999999999999.0.0 -->',
  '<img src=x onerror=alert(1)>',
  '</details>',
  '<',
  '>',
  '@team',
  '@',
  'org/repo#123',
  '#1',
  '#',
  '](',
  '[click](https://evil.example)',
  '![x](https://evil.example/x.png)',
  '<https://evil.example>',
  'https://evil.example',
  'HTTP://x',
  'www.evil.example',
  'WwW.x',
  'a@b.example',
  '\n',
  '\r\n',
  '\u2028',
  '\u0085',
  '\u202e',
  '\u200b',
  '\u0000',
  '\ud800',
  '`',
  '``',
  '|',
  '\\',
  '&',
  '&lt;',
  '&#60;',
  '1. ',
  '2) ',
  '- ',
  '# ',
  '> ',
  '*',
  '_',
  '~~',
  '$x$',
  ' ',
  '    ',
];

const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(...FRAGMENTS),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)) }),
      fc.string(),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

/** Entities as a browser decodes them (what GitHub's mention and reference filters see). */
const decode = (html: string) =>
  html
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&(lt|gt|quot|amp);/g, (_, n: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[n]!);

/** What no rendering of repository text may contain in the raw body. */
function assertInert(out: string): void {
  const body = out.replace(/^<code>/, '').replace(/<\/code>$/, '');
  expect(out).not.toContain('<!--');
  expect(out).not.toContain('-->');
  expect(body).not.toMatch(/[<>]/); // no raw tag, comment or autolink of any kind
  expect(decode(out)).not.toMatch(/@[\p{L}\p{N}_-]/u);
  expect(decode(out)).not.toMatch(/#\d/);
  expect(out).not.toContain('](');
  expect(out).not.toMatch(/[\n\r\u2028\u2029\u0085\v\f]/);
  expect(out).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  // Inside a backtick code span a URL is shown, not linked (GFM autolinks no code); elsewhere it is broken.
  if (!out.startsWith('`')) {
    expect(decode(out)).not.toMatch(/https?:\/\//i);
    expect(decode(out)).not.toMatch(/www\./i);
  }
  expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
}

describe('inert rendering of repository text', () => {
  const renderers = [
    ['inertText', inertText, (max: number) => Math.max(max, 1)],
    ['inertCell', inertCell, (max: number) => Math.max(max, 1)],
    ['inertCode', inertCode, (max: number) => Math.max(max, 16)],
  ] as const;

  for (const [name, render, cap] of renderers) {
    it(`${name}: any string renders inert, on one line, within the cap`, () => {
      fc.assert(
        fc.property(hostile, fc.integer({ min: 1, max: 400 }), (s, max) => {
          const out = render(s, max);
          assertInert(out);
          expect(out.length).toBeLessThanOrEqual(cap(max));
        }),
        propertyOptions({ numRuns: 600 }),
      );
    });
  }

  it('keeps ordinary names, versions and paths readable', () => {
    expect(inertText('app.default.tap')).toBe('app.default.tap');
    expect(inertCell('payments-api.apps.example.com')).toBe('payments-api.apps.example.com');
    expect(inertCode('1.2.3-rc.1+build')).toBe('`1.2.3-rc.1+build`');
    expect(inertCode('app.default.tap/packages/20230321004057.0.0.yaml')).toBe(
      '`app.default.tap/packages/20230321004057.0.0.yaml`',
    );
    expect(inertText('unknown key "replicsa"')).toBe('unknown key &quot;replicsa&quot;');
  });

  it('shows a constraint with < and > as code, escaped, not as a tag', () => {
    expect(inertCode('>=1.0.0 <2.0.0')).toBe('<code>&gt;=1.0.0 &lt;2.0.0</code>');
  });

  it('turns the attacks of the issue into text', () => {
    expect(inertText('<img src=x> @team see #12 [x](https://e.example)')).toBe(
      '&lt;img src=x&gt; @&#8203;team see #&#8203;12 \\[x\\]\\(https:&#8203;//e.example\\)',
    );
    expect(inertText('# heading')).toBe('#&#8203; heading');
    expect(inertText('- item')).toBe('\\- item');
    expect(inertText('12. item')).toBe('12\\. item');
    expect(inertCell('a | b')).toBe('a \\| b');
    expect(inertCode('a`b|c')).toBe('<code>a\\`b\\|c</code>');
  });

  it('strips control and bidi characters and joins lines', () => {
    expect(oneLine('a\nb\r\n\tc\u2028d')).toBe('a b c d');
    expect(inertText('abc\u202edcba\u200b')).toBe('abcdcba');
    expect(inertText('\u0000\u0007x')).toBe('x');
  });

  it('caps with an ellipsis, never inside an escape', () => {
    const out = inertText('<'.repeat(100), 20);
    expect(out).toBe(`${'&lt;'.repeat(4)}…`);
    expect(inertCode('1'.repeat(500), 20)).toBe(`\`${'1'.repeat(17)}…\``);
    expect(inertText('short', 20)).toBe('short');
  });

  it('renders nothing as a dash in cells and code', () => {
    expect(inertCell(undefined)).toBe('—');
    expect(inertCell('\u200b')).toBe('—');
    expect(inertCode('')).toBe('—');
  });

  it('encodes file paths for links', () => {
    expect(urlPath('a b/c(1).yaml')).toBe('a%20b/c%281%29.yaml');
    expect(urlPath('app.default.tap/packages/1.0.0+b.yaml')).toBe('app.default.tap/packages/1.0.0%2Bb.yaml');
  });
});
