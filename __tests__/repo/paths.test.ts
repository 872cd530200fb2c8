import { describe, expect, it } from 'vitest';
import { assertWritablePaths, writePathProblem } from '../../src/repo/paths.js';

describe('writePathProblem: the final guard on every planned write', () => {
  it.each([
    ['app/dev/params.yaml', undefined],
    ['apps/x/.github/notes.yaml', undefined],
    ['', 'is empty'],
    ['../x', 'contains ".."'],
    ['a/../../x', 'contains ".."'],
    ['a/./x', '"." segment'],
    ['/etc/passwd', 'absolute path'],
    ['a\\..\\x', 'backslash'],
    ['a\u0000b', 'control character'],
    ['a\nb', 'control character'],
    ['a//b', 'empty segment'],
    ['a/', 'empty segment'],
    ['.github/workflows/ci.yml', 'under .github/'],
    ['.GITHUB/x', 'under .GITHUB/'],
    ['.git/config', 'under .git/'],
  ])('%j → %s', (path, problem) => {
    if (problem === undefined) expect(writePathProblem(path)).toBeUndefined();
    else expect(writePathProblem(path)).toContain(problem);
  });

  it('assertWritablePaths names every refused path', () => {
    expect(() => assertWritablePaths(['ok.yaml', '../a', '.github/b'])).toThrow(
      /"\.\.\/a" contains.*"\.github\/b" is under/,
    );
    expect(() => assertWritablePaths(['a/b.yaml'])).not.toThrow();
  });
});
