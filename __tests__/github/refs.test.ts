import { describe, expect, it } from 'vitest';
import { branchNameProblem, isRefRace, readableByName } from '../../src/github/refs.js';

describe('branch names git accepts', () => {
  it.each(['flux-pkg/app.default.tap/dev', 'flux-pkg/payments-api.apps.example.com/prod', 'release/v1.2.3'])(
    'accepts %s',
    (name) => expect(branchNameProblem(name)).toBeUndefined(),
  );

  it.each([
    ['', /empty/],
    ['flux-pkg/app.lock/dev', /\.lock/],
    ['flux-pkg/.hidden/dev', /starting with "\."/],
    ['a..b', /\.\./],
    ['a b', /space/],
    ['a~b', /~/],
    ['a:b', /:/],
    ['a@{b', /@\{/],
    ['/a', /starts or ends/],
    ['a/', /starts or ends/],
    ['a//b', /\/\//],
    ['a.', /ends with "\."/],
    ['@', /"@"/],
    ['a\\b', /\\/],
    ['a\u0001b', /control/],
    [`${'p'.repeat(300)}/app/dev`, /longer than 255 bytes/],
  ])('refuses %j', (name, why) => expect(branchNameProblem(name)).toMatch(why));
});

describe('which 422s are races', () => {
  const answer = (message: string, status = 422) => ({ status, response: { data: { message } } });
  it('treats a ref written or deleted concurrently as a race', () => {
    expect(isRefRace(answer('Reference already exists'))).toBe(true);
    expect(isRefRace(answer('Reference does not exist'))).toBe(true);
    expect(isRefRace(answer('Update is not a fast forward'))).toBe(true);
  });
  it('does not retry a 422 that will answer the same again', () => {
    expect(isRefRace(answer('Reference name is invalid'))).toBe(false);
    expect(isRefRace(answer('Object does not exist'))).toBe(false);
    expect(isRefRace(answer('Reference already exists', 409))).toBe(false);
  });
});

describe('branches GitHub reads by name in a tree path', () => {
  it('reads a plain name by name, and one with "/" or shaped like a sha by its head', () => {
    expect(readableByName('main')).toBe(true);
    expect(readableByName('release-1.2')).toBe(true);
    expect(readableByName('release/1.2')).toBe(false);
    expect(readableByName('0123456789abcdef0123456789abcdef01234567')).toBe(false);
    expect(readableByName('0123456789abcdef0123456789abcdef0123456')).toBe(true);
  });
});
