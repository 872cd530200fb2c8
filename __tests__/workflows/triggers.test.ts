/**
 * The trigger evaluator the workflow tests rely on, checked against GitHub's documented examples (the
 * filter pattern cheat sheet of "Workflow syntax for GitHub Actions") and, where GitHub's globs and
 * picomatch's agree (whole-segment `*` and `**`), against picomatch on generated paths.
 */
import fc from 'fast-check';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { propertyOptions } from '../helpers/fc.js';
import { filterPatternRegExp, jobRuns, matchesFilter, type RepoEvent, startsOn } from './triggers.js';

const matches = (pattern: string, path: string) => filterPatternRegExp(pattern).test(path);

describe('filter patterns, as the cheat sheet gives them', () => {
  it.each([
    ['*', 'README.md', true],
    ['*', 'docs/file.txt', false],
    ['*.js', 'app.js', true],
    ['*.js', 'js/index.js', false],
    ['**.js', 'src/js/app.js', true],
    ['*.jsx?', 'page.js', true],
    ['*.jsx?', 'page.jsx', true],
    ['*.jsx?', 'page.jsxx', false],
    ['docs/*', 'docs/README.md', true],
    ['docs/*', 'docs/mona/octocat.txt', false],
    ['docs/**', 'docs/mona/octocat.txt', true],
    ['docs/**/*.md', 'docs/README.md', true],
    ['docs/**/*.md', 'docs/a/markdown/file.md', true],
    ['**/docs/**', 'docs/hello.md', true],
    ['**/docs/**', 'space/docs/plan/space.doc', true],
    ['**/README.md', 'README.md', true],
    ['**/README.md', 'js/README.md', true],
    ['**/*src/**', 'a/src/app.js', true],
    ['**/*src/**', 'my-src/code/js/app.js', true],
    ['feature/*', 'feature/my-branch', true],
    ['feature/*', 'feature/your/branch', false],
    ['feature/**', 'feature/your/branch', true],
    ['*feature', 'mona-feature', true],
    ['v2*', 'v2.0', true],
    ['v[12].[0-9]+.[0-9]+', 'v1.10.1', true],
    ['v[12].[0-9]+.[0-9]+', 'v3.0.0', false],
    ['[CB]at', 'Bat', true],
    ['[CB]at', 'Rat', false],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
  ])('%s on %s → %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });

  it('a later pattern wins: ! excludes what came before, a plain pattern includes again', () => {
    const patterns = ['sub-project/**', '!sub-project/docs/**'];
    expect(matchesFilter(patterns, 'sub-project/src/a.ts')).toBe(true);
    expect(matchesFilter(patterns, 'sub-project/docs/a.md')).toBe(false);
    expect(matchesFilter([...patterns, 'sub-project/docs/keep.md'], 'sub-project/docs/keep.md')).toBe(true);
  });

  it('refuses what GitHub does not define instead of guessing', () => {
    expect(() => filterPatternRegExp('?a')).toThrow(/preceding character/);
    expect(() => filterPatternRegExp('[!a]x')).toThrow(/bracket/);
    expect(() => filterPatternRegExp('a\\')).toThrow(/trailing/);
  });

  it('agrees with picomatch where the two define the same thing (whole-segment * and **)', () => {
    const folder = fc.constantFrom('a', 'b', 'packages', 'dev', '.github');
    const file = fc.constantFrom('x.yaml', 'README.md', '.hidden.yml');
    const path = fc
      .tuple(fc.array(folder, { maxLength: 3 }), file)
      .map(([dirs, f]) => [...dirs, f].join('/'));
    const patternFolder = fc.constantFrom('a', 'packages', 'dev', '*', '**');
    const patternLast = fc.constantFrom('*', '**', 'x.yaml', '*.yaml', 'README.*');
    const pattern = fc
      .tuple(fc.array(patternFolder, { maxLength: 3 }), patternLast)
      .map(([dirs, last]) => [...dirs, last].join('/'));
    fc.assert(
      fc.property(pattern, path, (p, f) => {
        expect(matches(p, f), `${p} on ${f}`).toBe(picomatch(p, { dot: true })(f));
      }),
      propertyOptions({ seed: 17, numRuns: 2000 }),
    );
  });
});

describe('events', () => {
  const push = (
    files: string[],
    by: 'person' | 'github-token' = 'person',
    ref = 'refs/heads/main',
  ): RepoEvent => ({
    name: 'push',
    ref,
    files,
    by,
  });

  it('a push passes branches, then paths; a tag push skips a branch-only filter', () => {
    const on = { push: { branches: ['main'], paths: ['*/packages/**'] } };
    expect(startsOn(on, push(['app/packages/1.0.0.yaml'])).starts).toBe(true);
    expect(startsOn(on, push(['app/dev/packageinstall.yaml'])).starts).toBe(false);
    expect(startsOn(on, push(['app/packages/1.0.0.yaml'], 'person', 'refs/heads/dev')).starts).toBe(false);
    expect(startsOn(on, push(['app/packages/1.0.0.yaml'], 'person', 'refs/tags/v1')).starts).toBe(false);
    expect(startsOn('push', push([], 'person', 'refs/tags/v1')).starts).toBe(true);
  });

  it('paths-ignore runs when some file is not ignored', () => {
    const on = { push: { 'paths-ignore': ['docs/**'] } };
    expect(startsOn(on, push(['docs/a.md'])).starts).toBe(false);
    expect(startsOn(on, push(['docs/a.md', 'app/x.yaml'])).starts).toBe(true);
  });

  it('sees only the first 300 changed files, as GitHub does', () => {
    const on = { push: { paths: ['*/packages/**'] } };
    const docs = Array.from({ length: 300 }, (_, i) => `docs/${i}.md`);
    expect(startsOn(on, push([...docs.slice(1), 'app/packages/1.0.0.yaml'])).starts).toBe(true);
    expect(startsOn(on, push([...docs, 'app/packages/1.0.0.yaml'])).starts).toBe(false);
  });

  it('refuses filter pairs GitHub rejects', () => {
    expect(() => startsOn({ push: { paths: ['a'], 'paths-ignore': ['b'] } }, push(['a']))).toThrow(
      /together/,
    );
  });

  it('an event made with GITHUB_TOKEN starts nothing, except a dispatch', () => {
    expect(startsOn({ push: null }, push(['a'], 'github-token')).why).toMatch(/GITHUB_TOKEN/);
    expect(
      startsOn(
        { workflow_dispatch: null },
        { name: 'workflow_dispatch', workflow: 'x.yml', by: 'github-token' },
      ).starts,
    ).toBe(true);
  });

  it('pull_request runs on opened, synchronize and reopened unless types says more', () => {
    const pr = (action: string): RepoEvent => ({
      name: 'pull_request',
      action,
      base: 'main',
      files: ['a'],
      by: 'person',
    });
    expect(startsOn({ pull_request: null }, pr('synchronize')).starts).toBe(true);
    expect(startsOn({ pull_request: null }, pr('labeled')).starts).toBe(false);
    expect(startsOn({ pull_request: { types: ['labeled'] } }, pr('labeled')).starts).toBe(true);
  });

  it('status takes no filters; schedule needs its cron list', () => {
    const status: RepoEvent = { name: 'status', context: 'ci', state: 'success', by: 'app' };
    expect(startsOn({ status: null }, status).starts).toBe(true);
    expect(() => startsOn({ status: { types: ['x'] } }, status)).toThrow(/no filters/);
    expect(() => startsOn({ schedule: null }, { name: 'schedule' })).toThrow(/cron/);
  });

  it("a job's if: models startsWith on the event (case-insensitive, as GitHub's function is) and nothing else", () => {
    const status: RepoEvent = { name: 'status', context: 'Kustomization/a/1', state: 'success', by: 'app' };
    expect(jobRuns("startsWith(github.event.context, 'kustomization/')", status)).toBe(true);
    expect(jobRuns("startsWith(github.event.context, 'ci/')", status)).toBe(false);
    expect(() => jobRuns("github.event.state == 'success'", status)).toThrow(/does not model/);
  });
});
