import { describe, expect, it } from 'vitest';
import { ParsedFiles } from '../../../../src/plan/load/parsed.js';
import { parseYaml } from '../../../../src/yaml/parse.js';

/** What a parse says: its documents' values and its diagnostics. */
const said = (p: ReturnType<typeof parseYaml>) => ({
  values: p.documents.map((d) => d.value),
  diagnostics: p.diagnostics,
});

describe('ParsedFiles', () => {
  it('parses a path and text once: the same text at the same path gets the same parse', () => {
    const files = new ParsedFiles(1000);
    const text = 'kind: Secret\nmetadata:\n  name: a\n';
    const first = files.parse('a.yaml', text);
    expect(files.parse('a.yaml', `${text}`)).toBe(first);
    expect(said(first)).toEqual(said(parseYaml('a.yaml', text)));
  });

  it('parses again when the text at a path changed, or for another path', () => {
    const files = new ParsedFiles(1000);
    const before = files.parse('b.yaml', 'a: 1\n');
    const after = files.parse('b.yaml', 'a: 2\n');
    expect(after).not.toBe(before);
    expect(after.documents[0]?.value).toEqual({ a: 2 });
    const elsewhere = files.parse('c.yaml', 'a: 2\n');
    expect(elsewhere).not.toBe(after);
    expect(elsewhere.file).toBe('c.yaml');
  });

  it('keeps diagnostics as a fresh parse gives them', () => {
    const files = new ParsedFiles(1000);
    const text = 'a: 1\na: 2\n';
    files.parse('d.yaml', text);
    expect(files.parse('d.yaml', text).diagnostics).toEqual(parseYaml('d.yaml', text).diagnostics);
  });

  it('keeps at most `limit` characters of text: the least recently used go first', () => {
    const files = new ParsedFiles(30);
    const kept = files.parse('kept.yaml', 'k: 1\n'); // 5 characters
    const old = files.parse('old.yaml', 'o: 123456789\n'); // 13
    files.parse('kept.yaml', 'k: 1\n'); // used again: now newer than old.yaml
    files.parse('new.yaml', 'n: 123456789\n'); // 31 in all: old.yaml goes
    expect(files.parse('kept.yaml', 'k: 1\n')).toBe(kept);
    expect(files.parse('old.yaml', 'o: 123456789\n')).not.toBe(old);
  });

  it('never keeps a text larger than the whole allowance', () => {
    const files = new ParsedFiles(10);
    const text = 'a: 123456789\n';
    expect(files.parse('huge.yaml', text)).not.toBe(files.parse('huge.yaml', text));
  });
});
