import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_SEED, propertyOptions, propertySeed } from './fc.js';

describe('fast-check seed helper', () => {
  it('runs with the fixed seed unless FC_SEED says otherwise', () => {
    expect(propertySeed({})).toBe(FIXED_SEED);
    expect(propertySeed({ FC_SEED: '' })).toBe(FIXED_SEED);
    expect(propertySeed({ FC_SEED: '-261661709' })).toBe(-261661709);
    expect(propertySeed({ FC_SEED: 'random' })).toBeUndefined();
  });

  it('refuses a seed fast-check would not print back', () => {
    expect(() => propertySeed({ FC_SEED: '1e3' })).toThrow(/integer/);
    expect(() => propertySeed({ FC_SEED: String(2 ** 31) })).toThrow(/32 bits/);
  });

  it('keeps the property’s own options and adds the seed', () => {
    expect(propertyOptions({ numRuns: 7 }, {})).toEqual({ numRuns: 7, seed: FIXED_SEED });
    expect(propertyOptions({ numRuns: 7 }, { FC_SEED: 'random' })).toEqual({ numRuns: 7 });
  });

  it('keeps a seed the property names, unless FC_SEED replays or explores', () => {
    expect(propertyOptions({ seed: 42 }, {})).toEqual({ seed: 42 });
    expect(propertyOptions({ seed: 42 }, { FC_SEED: '7' })).toEqual({ seed: 7 });
    expect(propertyOptions({ seed: 42 }, { FC_SEED: 'random' })).toEqual({});
  });

  it('makes two runs of a property draw the same cases', () => {
    const drawn = () => {
      const seen: number[] = [];
      fc.assert(
        fc.property(fc.integer(), (n) => {
          seen.push(n);
        }),
        propertyOptions({ numRuns: 20 }, {}),
      );
      return seen;
    };
    expect(drawn()).toEqual(drawn());
  });

  it('names the seed in a failure so it can be replayed', () => {
    const failing = () =>
      fc.assert(
        fc.property(fc.integer(), (n) => n < 0),
        propertyOptions({ numRuns: 50 }, {}),
      );
    expect(failing).toThrow(new RegExp(`seed: ${FIXED_SEED}`));
  });
});
