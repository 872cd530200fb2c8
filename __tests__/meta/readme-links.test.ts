/** README's links go somewhere: every `#anchor` is a heading's GitHub slug, every relative path exists. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', ROOT), 'utf8');
/** The text outside fenced code blocks, where Markdown links and headings live. */
const prose = readme.replace(/^```[\s\S]*?^```/gm, '');

/** GitHub's heading anchor: lower case, punctuation but `-` and `_` dropped, each space a `-`. */
const slugOf = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

const anchors = new Set([...prose.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slugOf(m[1]!)));
const links = [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);

describe('README links', () => {
  it('computes the slugs GitHub does', () => {
    expect(slugOf('Encrypted values Secrets (SOPS + age)')).toBe('encrypted-values-secrets-sops--age');
    expect(slugOf('The token: `GITHUB_TOKEN` or a GitHub App')).toBe(
      'the-token-github_token-or-a-github-app',
    );
  });

  it('has a table of contents whose every anchor names a heading', () => {
    const local = links.filter((l) => l.startsWith('#'));
    expect(local.length).toBeGreaterThan(10);
    for (const link of local) expect([...anchors], link).toContain(link.slice(1));
  });

  it('links only to files that exist', () => {
    const files = links.filter((l) => !/^(#|https?:|mailto:)/.test(l));
    expect(files).toContain('examples/workflows/status.yml');
    for (const file of files) expect(existsSync(new URL(file.split('#')[0]!, ROOT)), file).toBe(true);
  });
});
