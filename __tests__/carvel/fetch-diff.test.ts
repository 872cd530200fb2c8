/** What a new Package version fetches, from → to, entry by entry (spec.template.spec.fetch). */
import { describe, expect, it } from 'vitest';
import { describeFetch, fetchChanges } from '../../src/carvel/fetch-diff.js';

const hex = (start: string, fill: string) => `${start}${fill.repeat(64 - start.length)}`;

describe('fetchChanges', () => {
  it('shows each kind kapp-controller fetches as one line', () => {
    expect(describeFetch({ imgpkgBundle: { image: 'r/b:1' } })).toEqual({
      kind: 'imgpkgBundle',
      text: 'r/b:1',
    });
    expect(describeFetch({ image: { url: 'r/i:1', subPath: 'cfg' } }).text).toBe('r/i:1 subPath cfg');
    expect(describeFetch({ git: { url: 'https://g/x', ref: 'origin/main' }, path: 'a' }).text).toBe(
      'https://g/x ref origin/main into a',
    );
    expect(describeFetch({ http: { url: 'https://h/x.tgz', sha256: 'ab' } }).text).toBe(
      'https://h/x.tgz sha256:ab',
    );
    expect(
      describeFetch({ helmChart: { name: 'c', version: '1.2.3', repository: { url: 'https://charts' } } })
        .text,
    ).toBe('c 1.2.3 from https://charts');
    // Inline files by name and digest: their contents stay in the Package.
    const inline = describeFetch({ inline: { paths: { 'b.yml': 'x: 1', 'a.yml': 'y: 2' } } });
    expect(inline.text).toMatch(/^2 file\(s\) a\.yml, b\.yml \(content [0-9a-f]{12}\)$/);
    expect(inline.text).not.toContain('x: 1');
  });

  it('lists only entries that differ, by position; new and removed entries have one side', () => {
    const before = [{ imgpkgBundle: { image: 'r/b:1' } }, { git: { url: 'https://g/x', ref: 'v1' } }];
    const after = [
      { imgpkgBundle: { image: 'r/b:1' } },
      { git: { url: 'https://g/x', ref: 'v2' } },
      { image: { url: 'r/i' } },
    ];
    expect(fetchChanges(before, after)).toEqual([
      { index: 1, kind: 'git', from: 'https://g/x ref v1', to: 'https://g/x ref v2' },
      { index: 2, kind: 'image', to: 'r/i' },
    ]);
    expect(fetchChanges(after, before)).toContainEqual({ index: 2, kind: 'image', from: 'r/i' });
    expect(fetchChanges(before, before)).toEqual([]);
    expect(fetchChanges(undefined, before).map((c) => c.from)).toEqual([undefined, undefined]);
  });

  it('shortens digests to 12 digits unless the other side has one with the same 12 first digits', () => {
    const a = hex('b5621204cf5e', '1');
    const b = hex('217ac057cd80', '2');
    const near = hex('b5621204cf5e', '3');
    const bundle = (d: string) => [{ imgpkgBundle: { image: `r/b@sha256:${d}` } }];
    expect(fetchChanges(bundle(a), bundle(b))[0]).toMatchObject({
      from: 'r/b@sha256:b5621204cf5e…',
      to: 'r/b@sha256:217ac057cd80…',
    });
    expect(fetchChanges(bundle(a), bundle(near))[0]).toMatchObject({
      from: `r/b@sha256:${a}`,
      to: `r/b@sha256:${near}`,
    });
  });
});
