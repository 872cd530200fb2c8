import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, formatPath, parseYaml, positionAt } from '../../src/yaml/parse.js';

describe('parseYaml', () => {
  it('parses multi-document files and keeps positions', () => {
    const parsed = parseYaml('a.yaml', 'a: 1\n---\nb:\n  c: 2\n');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.documents.map((d) => d.value)).toEqual([{ a: 1 }, { b: { c: 2 } }]);
    const second = parsed.documents[1]!;
    expect(positionAt(parsed, second.doc, ['b', 'c'])).toEqual({ line: 4, column: 3 });
  });

  it('reports duplicate keys with their line', () => {
    const parsed = parseYaml('dup.yaml', 'a: 1\nb: 2\na: 3\n');
    expect(parsed.documents).toEqual([]);
    expect(parsed.diagnostics).toMatchObject([
      { code: 'yaml.duplicate-key', file: 'dup.yaml', line: 3, severity: 'error' },
    ]);
  });

  it('reports text that is not YAML with its position and without echoing the source', () => {
    const parsed = parseYaml('bad.yaml', 'key: [unclosed, s3cr3t-token\nother: 1\n');
    expect(parsed.diagnostics.length).toBeGreaterThan(0);
    expect(parsed.diagnostics[0]).toMatchObject({ code: 'yaml.syntax', file: 'bad.yaml' });
    expect(parsed.diagnostics[0]!.line).toBeGreaterThan(0);
    for (const d of parsed.diagnostics) expect(d.message).not.toContain('s3cr3t');
  });

  // A bomb of `levels` levels, each a list of nine aliases of the level before: 9^levels strings once
  // expanded (10 levels ≈ 3.5 billion, 40 levels more than any machine holds).
  const bomb = (levels: number): string => {
    const lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < levels; i++)
      lines.push(
        `l${i}: &l${i} [${Array(9)
          .fill(`*l${i - 1}`)
          .join(',')}]`,
      );
    return `${lines.join('\n')}\n`;
  };
  const flatAliases = (count: number): string => `a: &a x\nlist: [${Array(count).fill('*a').join(',')}]\n`;

  it('refuses a YAML bomb by counting alias dereferences, whatever its expanded size', () => {
    // No clock: a parser that expanded the 40-level bomb would never return, so returning the
    // refusal at all is the bound; and both sizes get the same refusal with nothing expanded.
    for (const levels of [10, 40]) {
      const parsed = parseYaml('bomb.yaml', bomb(levels));
      expect(parsed.documents).toEqual([]);
      expect(parsed.diagnostics).toMatchObject([{ code: 'yaml.alias-limit', file: 'bomb.yaml', line: 1 }]);
    }
  });

  it('the alias limit is a count: under it a document with aliases parses, over it it is refused', () => {
    const limits = { ...DEFAULT_LIMITS, maxAliasCount: 20 };
    const under = parseYaml('ok.yaml', flatAliases(10), limits);
    expect(under.diagnostics).toEqual([]);
    expect(under.documents[0]!.value).toEqual({ a: 'x', list: Array(10).fill('x') });
    const over = parseYaml('many.yaml', flatAliases(30), limits);
    expect(over.diagnostics).toMatchObject([{ code: 'yaml.alias-limit', file: 'many.yaml' }]);
    expect(over.diagnostics[0]!.message).toContain('over 20');
    // The same 30 aliases pass under the default limit: the refusal above is the limit's, not the text's.
    expect(parseYaml('many.yaml', flatAliases(30)).diagnostics).toEqual([]);
  });

  it('refuses a 50 MB file without parsing it', () => {
    const big = `a: "${'x'.repeat(50 * 1024 * 1024)}"\n`;
    const parsed = parseYaml('big.yaml', big);
    expect(parsed.diagnostics).toMatchObject([{ code: 'yaml.too-large', file: 'big.yaml' }]);
    expect(parsed.diagnostics[0]!.message).toMatch(/over the \d+-byte limit/);
  });

  it('maps positions of embedded YAML into the outer file', () => {
    const parsed = parseYaml('params.yaml', 'x: 1\ny: 2\n', undefined, { lineOffset: 7, columnOffset: 4 });
    expect(positionAt(parsed, parsed.documents[0]!.doc, ['y'])).toEqual({ line: 9, column: 5 });
  });

  it('formats paths the way messages show them', () => {
    expect(formatPath(['spec', 'refName'])).toBe('.spec.refName');
    expect(formatPath(['items', 2, 'name'])).toBe('.items[2].name');
    expect(formatPath(['stringData', 'values.yaml'])).toBe('.stringData["values.yaml"]');
    expect(formatPath([])).toBe('.');
  });
});
