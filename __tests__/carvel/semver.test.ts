// Expected values come from reading the Go code kapp-controller vendors (carvel-dev/semver v4 @ 8090ce423695,
// carvel.dev/vendir v0.40.0 versions package, kapp-controller packageinstall.go), not from running this port.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compare,
  format,
  parseRange,
  parseRelaxed,
  parseStrict,
  type Semver,
  satisfies,
  selectHighest,
  type VersionSelection,
} from '../../src/carvel/semver.js';
import { propertyOptions } from '../helpers/fc.js';

function strict(text: string): Semver {
  const parsed = parseStrict(text);
  if ('error' in parsed) throw new Error(`${text}: ${parsed.error}`);
  return parsed;
}

describe('parseStrict', () => {
  it.each([
    ['1.2.3'],
    ['0.0.0'],
    ['20230321004057.0.0'], // TAP-style timestamp major
    ['18446744073709551615.0.0'], // uint64 max
    ['0.24.4+update.2'],
    ['7.5.7-1'],
    ['1.0.0-rc.1'],
    ['1.0.0-0'],
    ['1.0.0--'], // '-' is an identifier character
    ['1.0.0-alpha-1.beta+build-7'],
    ['1.0.0+007'], // build identifiers may have leading zeros
    ['1.2.3-a+b-c'], // '+' is cut first, so b-c is build metadata
  ])('accepts %s and formats it back unchanged', (text) => {
    expect(format(strict(text))).toBe(text);
  });

  it('keeps numbers past 2^53 exact', () => {
    const v = strict('18446744073709551615.9007199254740993.0-9007199254740993');
    expect(v.major).toBe(18446744073709551615n);
    expect(v.minor).toBe(9007199254740993n);
    expect(v.pre).toEqual([9007199254740993n]);
  });

  it.each([
    ['v1.2.3', "leading 'v' is not allowed"],
    ['V1.2.3', "leading 'v' is not allowed"],
    ['', 'version is empty'],
    ['1.2', 'expected MAJOR.MINOR.PATCH'],
    ['1', 'expected MAJOR.MINOR.PATCH'],
    ['01.2.3', 'major version "01" has a leading zero'],
    ['1.02.3', 'minor version "02" has a leading zero'],
    ['1.2.03', 'patch version "03" has a leading zero'],
    ['1..3', 'minor version is empty'],
    ['1.2.3.4', 'patch version "3.4" is not a number'],
    [' 1.2.3', 'major version " 1" is not a number'],
    ['1.2.x', 'patch version "x" is not a number'],
    ['1.0.0-01', 'numeric prerelease identifier "01" has a leading zero'],
    ['1.0.0-rc..1', 'prerelease has an empty identifier'],
    ['1.0.0-', 'prerelease has an empty identifier'],
    ['1.0.0+', 'build metadata has an empty identifier'],
    ['1.0.0+a+b', 'build metadata identifier "a+b" may only contain [0-9A-Za-z-]'],
    ['1.0.0-rc_1', 'prerelease identifier "rc_1" may only contain [0-9A-Za-z-]'],
    ['18446744073709551616.0.0', 'larger than 2^64-1'],
    ['1.0.0-18446744073709551616', 'larger than 2^64-1'],
    ['1.0.0+18446744073709551616', 'larger than 2^64-1'], // Go parses numeric build identifiers as uint64 too
  ])('rejects %j: %s', (text, message) => {
    expect(parseStrict(text)).toEqual({ error: expect.stringContaining(message) });
  });
});

describe('parseRelaxed', () => {
  it.each([
    ['1.2.3', '1.2.3'],
    ['v1.2.3', '1.2.3'],
    ['v0.24.4+update.2', '0.24.4+update.2'],
    ['vv1.2.3', undefined], // only one v is stripped
    ['V1.2.3', undefined],
    ['v1.2', undefined],
    [' 1.2.3', undefined],
    ['latest', undefined],
  ])('%j → %s', (text, expected) => {
    const v = parseRelaxed(text);
    expect(v && format(v)).toBe(expected);
    if (v) expect(v.raw).toBe(text);
  });
});

describe('compare', () => {
  const ascending = [
    '0.0.0-rc.1',
    '0.0.0',
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0-rc.1+build',
    '1.0.0',
    '1.0.0+2',
    '1.0.0+10',
    '1.0.0+Z',
    '1.0.0+a',
    '1.0.0+b',
    '1.0.0+b.1',
    '1.0.1',
    '1.1.0',
    '1.10.0',
    '10.0.0',
    '20230321004057.0.0',
  ];
  it('orders a chain in which build metadata takes part', () => {
    const shuffled = [...ascending].reverse();
    expect(shuffled.sort((a, b) => compare(strict(a), strict(b)))).toEqual(ascending);
  });

  it.each([
    ['1.0.0', '1.0.0+a', -1],
    ['1.0.0+a', '1.0.0+b', -1],
    ['1.0.0+2', '1.0.0+10', -1], // numeric by value
    ['1.0.0+10', '1.0.0+a', -1], // numeric below alphanumeric
    ['1.0.0+a', '1.0.0+a.0', -1], // a prefix is lower
    ['1.0.0+007', '1.0.0+7', 0], // same value, different text
    ['1.0.0+build', '1.0.0+build', 0],
    ['1.0.0-rc.1+zzz', '1.0.0', -1], // prerelease is decided before build
    ['1.0.0-rc.1+b', '1.0.0-rc.1+a', 1],
    ['1.0.0-1', '1.0.0-a', -1],
    ['1.0.0-rc.1', '1.0.0', -1],
    ['7.5.7-1', '7.5.7', -1],
    ['7.5.7-1', '7.5.6', 1],
    ['1.0.0-beta.11', '1.0.0-beta.2', 1],
    ['1.0.0-rc1', '1.0.0-rc.1', 1], // "rc1" > "rc" as strings
    ['0.24.4+update.2', '0.24.4', 1],
    ['0.24.4+update.2', '0.24.4+update.10', -1],
    ['0.24.4+update.2', '0.24.5', -1],
    ['18446744073709551615.0.0', '18446744073709551614.0.0', 1], // equal as JS numbers
    ['1.0.0-9007199254740993', '1.0.0-9007199254740992', 1],
  ])('compare(%s, %s) = %i', (a, b, expected) => {
    expect(compare(strict(a), strict(b))).toBe(expected);
    expect(compare(strict(b), strict(a))).toBe(-expected || 0);
  });
});

describe('parseRange', () => {
  it.each([
    // plain comparators
    ['1.2.3', '1.2.3', true],
    ['=1.2.3', '1.2.3', true],
    ['==1.2.3', '1.2.4', false],
    ['!=1.2.3', '1.2.4', true],
    ['!1.2.3', '1.2.3', false],
    ['>1.2.3', '1.2.3', false],
    ['<=1.2.3', '1.2.3', true],
    // build metadata takes part in equality and ordering
    ['1.0.0', '1.0.0+build.1', false],
    ['1.0.0+build.1', '1.0.0+build.1', true],
    ['>=1.0.0 <1.0.1', '1.0.0+build.1', true],
    ['!=1.0.0', '1.0.0+build.1', true],
    ['>1.0.0', '1.0.0+a', true],
    ['<=1.0.0', '1.0.0+a', false],
    // prereleases are ordinary versions to a range
    ['>= 0.0.0', '1.0.0-rc.1', true],
    ['>=0.0.0', '0.0.0-rc.1', false],
    ['>=1.0.0 <2.0.0', '2.0.0-rc.1', true],
    ['>=1.0.0 <2.0.0', '1.0.0-rc.1', false],
    ['>1.0.0-rc.1', '1.0.0-rc.2', true],
    // AND, OR, whitespace
    ['>=1.0.0 <2.0.0', '1.5.0', true],
    ['>=1.0.0 <2.0.0', '2.0.0', false],
    ['<1.0.0 || >=2.0.0', '0.9.0', true],
    ['<1.0.0 || >=2.0.0', '1.5.0', false],
    ['<1.0.0 || >=2.0.0', '2.1.0', true],
    ['>1.2.2 <1.2.4 || >=2.0.0 <3.0.0', '2.9.9', true],
    ['>1.2.2 <1.2.5 !=1.2.4', '1.2.4', false],
    ['  >=   1.2.3   <=  1.2.3  ', '1.2.3', true],
    ['> = 1.0.0', '1.0.0', true],
    ['>=\t1.0.0', '1.0.0', true], // the operator is trimmed with TrimSpace
    // x wildcards
    ['1.2.x', '1.2.0', true],
    ['1.2.x', '1.2.99', true],
    ['1.2.x', '1.3.0', false],
    ['1.2.x', '1.2.0-rc.1', false],
    ['1.2.x', '1.3.0-rc.1', true], // expands to <1.3.0, which a 1.3.0 prerelease satisfies
    ['1.x', '1.9.9', true],
    ['1.x', '2.0.0', false],
    ['1.x', '0.9.0', false],
    ['>1.2.x', '1.2.9', false],
    ['>1.2.x', '1.3.0', true],
    ['>=1.2.x', '1.2.0', true],
    ['<1.2.x', '1.1.9', true],
    ['<1.2.x', '1.2.0', false],
    ['<=1.2.x', '1.2.9', true],
    ['<=1.2.x', '1.3.0', false],
    // != on a wildcard expands to `<1.2.0 >=1.3.0` in ONE AND group, so it matches nothing
    ['!=1.2.x', '1.2.5', false],
    ['!=1.2.x', '1.1.0', false],
    ['!=1.2.x', '1.3.0', false],
    ['>1.x', '1.9.0', false],
    ['>1.x', '2.0.0', true],
    ['<=1.x', '1.9.9', true],
    ['<=1.x', '2.0.0', false],
    ['!1.x', '1.5.0', false],
    ['!1.x', '0.5.0', false],
    ['!1.x', '2.0.0', false],
    ['1.x || >=2.0.x <2.2.x', '2.1.8', true],
    ['1.x || >=2.0.x <2.2.x', '2.2.0', false],
    // blang quirks kept on purpose
    ['1.x.x', '1.0.5', true], // read as 1.0.x
    ['1.x.x', '1.1.0', false],
    ['~1.2.x', '1.2.0', true], // an unknown operator before a wildcard is dropped: =1.2.0
    ['~1.2.x', '1.2.1', false],
    ['x.1.2', '1.2.0', true], // operator "x.", version 1.2 → 1.2.0
    ['>=1.x.5', '1.0.5', true],
    ['1.2.3 - 2.0.0', '1.2.3', false], // the lone '-' is dropped: =1.2.3 AND =2.0.0
    ['1.2.3 - 2.0.0', '1.5.0', false],
    ['>=1.0.0 *', '1.0.0', true], // the lone '*' is dropped
    ['>=1.0.0+linux.1', '1.0.0+linux.2', true],
  ])('%j matches %s: %s', (range, version, expected) => {
    const r = parseRange(range);
    if ('error' in r) throw new Error(r.error);
    expect(r(strict(version))).toBe(expected);
  });

  it.each([
    ['', 'constraint is empty'],
    ['   ', 'constraint is empty'],
    ['*', '"*" is not a version constraint'],
    ['x', '"x" is not a version constraint'],
    ['x.x.x', '"x.x.x" has no version'],
    ['^1.2.3', 'unsupported operator "^"'],
    ['~1.2.3', 'unsupported operator "~"'],
    ['^1.20', 'unsupported operator "^"'],
    ['>>1.2.3', 'unsupported operator ">>"'],
    ['=> 1.0.0', 'unsupported operator "=>"'],
    ['v1.2.3', 'unsupported operator "v"'],
    ['1.2', 'expected MAJOR.MINOR.PATCH'],
    ['>=1.2', 'expected MAJOR.MINOR.PATCH'],
    ['>= 01.0.0', 'leading zero'],
    ['1.2.X', 'patch version "X" is not a number'],
    ['1.2.3 -2.0.0', 'unsupported operator "-"'],
    ['>=1.0.0||<2.0.0', 'invalid version'], // '||' needs spaces around it
    ['>=1.0.0 <=', '"<=" has no version'],
    ['|| 1.0.0', "starts with '||'"],
    ['1.0.0 ||', "ends with '||'"],
    ['1.0.0 || || 2.0.0', 'empty alternative'],
    ['1.0.0+linux', 'cannot expand'], // any 'x' makes a token a wildcard
    ['1.0.0-rc.x', 'cannot expand'],
    ['>1.0.0-xyz', 'cannot expand'],
    ['1.x.5', 'cannot expand'],
  ])('rejects %j (%s)', (range, message) => {
    expect(parseRange(range)).toEqual({ error: expect.stringContaining(message) });
  });
});

describe('satisfies', () => {
  it.each([
    ['1.5.0', '>=1.0.0 <2.0.0', true],
    ['v1.5.0', '>=1.0.0 <2.0.0', true], // the version is read relaxed, like vendir's list
    ['1.5', '>=1.0.0', false],
    ['1.0.0+vmware.1', '1.0.0', false],
    ['1.0.0', '', true],
    ['1.0.0', '^1.0.0', false],
  ])('%s satisfies %j: %s', (version, constraints, expected) => {
    expect(satisfies(version, constraints)).toBe(expected);
  });
});

describe('selectHighest', () => {
  const none = (details: string) =>
    `Expected to find at least one version, but did not (details: ${details})`;
  const cases: [string, string[], VersionSelection, { version?: string; error?: string }][] = [
    ['highest wins', ['1.0.0', '1.2.0', '1.10.0', '1.9.0'], {}, { version: '1.10.0' }],
    ['prereleases are hidden by default', ['1.0.0', '1.1.0-rc.1'], {}, { version: '1.0.0' }],
    [
      'null prereleases count as absent',
      ['1.0.0', '1.1.0-rc.1'],
      { prereleases: null },
      { version: '1.0.0' },
    ],
    ['grafana 7.5.7-1 is a hidden prerelease', ['7.5.4', '7.5.7-1'], {}, { version: '7.5.4' }],
    [
      'grafana 7.5.7-1 with prereleases: {}',
      ['7.5.4', '7.5.7-1'],
      { prereleases: {} },
      { version: '7.5.7-1' },
    ],
    ['7.5.7 beats 7.5.7-1', ['7.5.7-1', '7.5.7'], { prereleases: {} }, { version: '7.5.7' }],
    ['prereleases: {} allows all', ['1.0.0', '1.1.0-rc.1'], { prereleases: {} }, { version: '1.1.0-rc.1' }],
    [
      'empty identifiers allow all',
      ['1.0.0', '1.1.0-rc.1'],
      { prereleases: { identifiers: [] } },
      { version: '1.1.0-rc.1' },
    ],
    [
      'identifier rc matches 1.1.0-rc.1',
      ['1.0.0', '1.1.0-rc.1', '1.2.0-beta.1'],
      { prereleases: { identifiers: ['rc'] } },
      { version: '1.1.0-rc.1' },
    ],
    [
      'identifier rc does not match 1.1.0-rc1',
      ['1.0.0', '1.1.0-rc1'],
      { prereleases: { identifiers: ['rc'] } },
      { version: '1.0.0' },
    ],
    [
      'a numeric identifier matches by its text',
      ['7.5.4', '7.5.7-1'],
      { prereleases: { identifiers: ['1'] } },
      { version: '7.5.7-1' },
    ],
    [
      'an exact prerelease constraint enables prereleases',
      ['1.0.0', '1.1.0-rc.1'],
      { constraints: '1.1.0-rc.1' },
      { version: '1.1.0-rc.1' },
    ],
    [
      '=1.1.0-rc.1 is not a single version, so it does not',
      ['1.0.0', '1.1.0-rc.1'],
      { constraints: '=1.1.0-rc.1' },
      { error: none('all=2 -> after-prereleases-filter=1 -> after-constraints-filter=0') },
    ],
    [
      'a range with a prerelease bound does not either',
      ['1.0.0', '1.1.0-rc.1'],
      { constraints: '>=1.1.0-rc.1' },
      { error: none('all=2 -> after-prereleases-filter=1 -> after-constraints-filter=0') },
    ],
    [
      'explicit identifiers are not overridden by an exact prerelease constraint',
      ['1.1.0-rc.1'],
      { constraints: '1.1.0-rc.1', prereleases: { identifiers: ['beta'] } },
      { error: none('all=1 -> after-prereleases-filter=0 -> after-constraints-filter=0') },
    ],
    [
      'no constraints: no constraints step in the details',
      ['1.0.0-rc.1'],
      { prereleases: { identifiers: ['alpha'] } },
      { error: none('all=1 -> after-prereleases-filter=0') },
    ],
    [
      'build metadata outranks',
      ['0.24.4', '0.24.4+update.2', '0.24.4+update.1'],
      {},
      { version: '0.24.4+update.2' },
    ],
    [
      'an exact constraint does not match a build',
      ['1.0.0+vmware.1'],
      { constraints: '1.0.0' },
      { error: none('all=1 -> after-prereleases-filter=1 -> after-constraints-filter=0') },
    ],
    [
      'a range does match a build',
      ['1.0.0+vmware.1', '1.0.1'],
      { constraints: '>=1.0.0 <1.0.1' },
      { version: '1.0.0+vmware.1' },
    ],
    ['the v prefix is kept as written', ['v1.0.0', 'v1.2.0', '1.1.0'], {}, { version: 'v1.2.0' }],
    ['unparsable versions are dropped', ['latest', '1.0', '1.0.0'], {}, { version: '1.0.0' }],
    ['nothing parsable', ['latest'], {}, { error: none('all=0 -> after-prereleases-filter=0') }],
    ['constraints filter', ['1.0.0', '1.5.0', '2.0.0'], { constraints: '<2.0.0' }, { version: '1.5.0' }],
    [
      "kctrl's defaults",
      ['0.1.0', '1.0.0-rc.1'],
      { constraints: '>= 0.0.0', prereleases: {} },
      { version: '1.0.0-rc.1' },
    ],
    ['equal versions: the later one wins', ['1.0.0+7', '1.0.0+007'], {}, { version: '1.0.0+007' }],
    ['equal versions, other order', ['1.0.0', 'v1.0.0'], {}, { version: 'v1.0.0' }],
    [
      'a bad constraint',
      ['1.0.0'],
      { constraints: '^1.0.0' },
      {
        error:
          'Selecting versions: Parsing version constraint \'^1.0.0\': unsupported operator "^" in "^1.0.0" (use =, !=, >, >=, <, <=; no ^ or ~)',
      },
    ],
  ];
  it.each(cases)('%s', (_name, versions, selection, expected) => {
    expect(selectHighest(versions, selection)).toEqual(expected);
  });
});

describe('properties', () => {
  const numeric = fc.oneof(fc.nat(3), fc.bigInt(0n, (1n << 64n) - 1n)).map(String);
  // x is left out so the range property below is not hit by the wildcard quirk
  const word = fc.stringMatching(/^[0-9A-Za-wyz-]*[A-Za-wyz-][0-9A-Za-wyz-]*$/).filter((s) => s.length <= 8);
  const version = fc
    .record({
      core: fc.tuple(numeric, numeric, numeric),
      pre: fc.array(fc.oneof(numeric, word), { maxLength: 3 }),
      build: fc.array(fc.oneof(numeric, word, fc.constantFrom('007', '00')), { maxLength: 3 }),
    })
    .map(
      ({ core, pre, build }) =>
        core.join('.') +
        (pre.length ? `-${pre.join('.')}` : '') +
        (build.length ? `+${build.join('.')}` : ''),
    );
  // a small alphabet so that equal and ordered triples actually occur
  const small = fc
    .record({
      core: fc.tuple(fc.nat(1), fc.nat(1), fc.nat(1)),
      pre: fc.array(fc.constantFrom('0', '1', 'a', 'b'), { maxLength: 2 }),
      build: fc.array(fc.constantFrom('1', '01', 'a', 'b'), { maxLength: 2 }),
    })
    .map(
      ({ core, pre, build }) =>
        core.join('.') +
        (pre.length ? `-${pre.join('.')}` : '') +
        (build.length ? `+${build.join('.')}` : ''),
    );

  it('format(parseStrict(x)) round-trips', () => {
    fc.assert(
      fc.property(version, (text) => format(strict(text)) === text),
      propertyOptions(),
    );
  });

  it('compare is antisymmetric', () => {
    fc.assert(
      fc.property(fc.oneof(version, small), fc.oneof(version, small), (a, b) => {
        expect(compare(strict(a), strict(b))).toBe(-compare(strict(b), strict(a)) || 0);
      }),
      propertyOptions(),
    );
  });

  it('compare is transitive', () => {
    fc.assert(
      fc.property(small, small, small, (a, b, c) => {
        const [x, y, z] = [strict(a), strict(b), strict(c)];
        if (compare(x, y) <= 0 && compare(y, z) <= 0) expect(compare(x, z)).toBeLessThanOrEqual(0);
        if (compare(x, y) === 0 && compare(y, z) === 0) expect(compare(x, z)).toBe(0);
      }),
      propertyOptions(),
    );
  });

  it('a >=v range agrees with compare when no x is involved', () => {
    fc.assert(
      fc.property(version, version, (bound, candidate) => {
        const range = parseRange(`>= ${bound}`);
        if ('error' in range) throw new Error(range.error);
        expect(range(strict(candidate))).toBe(compare(strict(candidate), strict(bound)) >= 0);
      }),
      propertyOptions(),
    );
  });
});
