/**
 * The delivery cursor of a run limited by the environments input (src/github/cursor.ts): a replay
 * of such a run finds its filter's cursor at the base in two reads, one round trip, and writes nothing; the
 * unlimited cursor stays the authority, so a later run for every environment still delivers the
 * environments the limited run left; a hostile environments value cannot shape the ref's name.
 */
import { describe, expect, it } from 'vitest';
import { longestChain } from '../../bench/call-log.js';
import { cursorRefOf, filterKey } from '../../src/github/cursor.js';
import { branchNameProblem } from '../../src/github/refs.js';
import { COMPONENT } from '../e2e/fixtures.js';
import { closeStandInsAfterAll, prsOf, repoWithNewPackage } from '../e2e/scenario.js';
import { act } from './run-in-process.js';

closeStandInsAfterAll();

const EVERYWHERE = 'refs/flux-pkg/delivered/main';
const devOnly = (base = 'main') => `refs/${cursorRefOf(base, ['dev'])}`;

describe('the cursor of an environments filter', () => {
  it('a replay of a run limited to dev writes nothing and reads at most 10 times', async () => {
    const { standIn, event } = await repoWithNewPackage();
    const first = await act(standIn, event, { environments: 'dev' });
    expect(first.code, first.stdout).toBe(0);
    expect(prsOf(first).map((p) => [p.environment, p.operation])).toEqual([['dev', 'created']]);
    // One write per run for the filter's cursor; the unlimited cursor is not touched.
    expect(standIn.head(devOnly())).toBe(standIn.head('main'));
    expect(standIn.head(EVERYWHERE)).toBeUndefined();

    const [calls, writes] = [standIn.calls.length, standIn.writes().length];
    // Answers that take a while, so that reads made together are seen in flight together.
    standIn.setLatency(150);
    // The same filter written differently is the same filter.
    const replay = await act(standIn, event, { environments: 'dev, dev' });
    expect(replay.code, replay.stdout).toBe(0);
    expect(standIn.writes()).toHaveLength(writes);
    const reads = standIn.calls.slice(calls);
    expect(reads.length, reads.map((c) => c.path).join('\n')).toBeLessThanOrEqual(10);
    // Both cursors in one read, beside the base's head: at the filter's cursor. One round trip.
    expect(reads.map((c) => c.route.replace('/repos/{owner}/{repo}', '')).sort()).toEqual([
      'GET /branches/{branch}',
      'GET /git/matching-refs/{ref}',
    ]);
    expect(longestChain(reads)).toBe(1);
    expect(replay.summary).toContain('nothing changed since the last delivery');
  });

  it('a later run for every environment still delivers what the limited run left', async () => {
    const { standIn, event } = await repoWithNewPackage();
    expect((await act(standIn, event, { environments: 'dev' })).code).toBe(0);
    const limited = standIn.head(devOnly());
    const run = await act(standIn, event);
    expect(run.code, run.stdout).toBe(0);
    const operations = Object.fromEntries(prsOf(run).map((p) => [p.environment, p.operation]));
    expect(operations).toMatchObject({ dev: 'unchanged', staging: 'created' });
    expect(standIn.head(`refs/heads/flux-pkg/${COMPONENT}/staging`)).toBeDefined();
    expect(standIn.head(EVERYWHERE)).toBe(standIn.head('main'));
    expect(standIn.head(devOnly())).toBe(limited);
  });

  it('a hostile environments value cannot form a bad ref name or leave refs/flux-pkg/', () => {
    const hostile = [
      ['../../heads/main'],
      ['a.lock', 'b'],
      ['x y', '~^:?*[\\'],
      ['\u0000\u007f', '@{-1}'],
      ['/', '//', '.'],
      ['é'.repeat(500)],
      [''],
    ];
    const keys = new Set<string>();
    for (const environments of hostile) {
      const name = cursorRefOf('main', environments);
      expect(name).toMatch(/^flux-pkg\/delivered-only\/environments-[0-9a-f]{32}\/main$/);
      expect(branchNameProblem(`refs/${name}`)).toBeUndefined();
      keys.add(filterKey(environments));
    }
    expect(keys.size).toBe(hostile.length);
    expect(filterKey(['qa', 'dev', 'qa'])).toBe(filterKey(['dev', 'qa']));
    expect(filterKey(['dev,qa'])).not.toBe(filterKey(['dev', 'qa']));
  });

  it('a run with a hostile environments value reads only refs under flux-pkg/delivered and writes nothing', async () => {
    const { standIn, event } = await repoWithNewPackage();
    const run = await act(standIn, event, { environments: '../../heads/main' });
    expect(run.code).not.toBe(0);
    expect(standIn.writes()).toEqual([]);
    const refs = standIn.calls
      .filter((c) => /\/git\/(matching-)?refs?\//.test(c.route))
      .map((c) => `${c.method} ${decodeURIComponent(c.path.split('/git/')[1]!)}`);
    expect(refs).toEqual(['GET matching-refs/flux-pkg/delivered']);
    expect(standIn.calls.filter((c) => decodeURIComponent(c.path).includes('heads/main'))).toEqual([]);
  });
});
