/** RepoReader.under: the files under a folder, the same whether it scans the listing or its index. */
import { describe, expect, it } from 'vitest';
import { RepoReader } from '../../src/plan/load/reader.js';
import { MemorySnapshot } from '../../src/repo/snapshot.js';

describe('RepoReader.under', () => {
  it('lists every file under a folder, at any depth, the same before and after it indexes', async () => {
    const files: Record<string, string> = { 'top.yaml': '', 'a/packages/1.yaml': '' };
    for (let i = 0; i < 12; i++) {
      files[`a/env${i}/packageinstall.yaml`] = '';
      files[`a/env${i}/sub/deep/x.yaml`] = '';
    }
    files['a/env1x/other.yaml'] = ''; // a sibling whose name starts like env1
    const reader = new RepoReader(new MemorySnapshot(files));
    const expected = (i: number) => [`a/env${i}/packageinstall.yaml`, `a/env${i}/sub/deep/x.yaml`];
    // 12 folders: the first calls scan, the later ones read the index.
    for (let i = 0; i < 12; i++) expect((await reader.under(`a/env${i}`)).sort()).toEqual(expected(i));
    expect(await reader.under('a/env1x')).toEqual(['a/env1x/other.yaml']);
    expect(await reader.under('a/missing')).toEqual([]);
  });
});
