import { describe, expect, it } from 'vitest';
import { formatPath, parseYaml, positionAt } from '../../src/yaml/parse.js';

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

  it('refuses a YAML bomb quickly', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 0; i < 9; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const start = performance.now();
    const parsed = parseYaml('bomb.yaml', `${lines.join('\n')}\n`);
    expect(performance.now() - start).toBeLessThan(2000); // generous: an expanded bomb would take minutes
    expect(parsed.diagnostics).toMatchObject([{ code: 'yaml.alias-limit', file: 'bomb.yaml', line: 1 }]);
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
