import { describe, expect, it } from 'vitest';
import { once, oncePerKey } from '../src/once.js';

describe('once', () => {
  it('computes on the first call only, and returns the same value after', () => {
    let calls = 0;
    const get = once(() => ({ n: ++calls }));
    expect(calls).toBe(0);
    const first = get();
    expect(get()).toBe(first);
    expect(calls).toBe(1);
  });
});

describe('oncePerKey', () => {
  it('computes once per key, and keeps no undefined result', () => {
    const seen: string[] = [];
    const get = oncePerKey((key) => {
      seen.push(key);
      return key.startsWith('known') ? { key } : undefined;
    });
    expect(get('known/a')).toBe(get('known/a'));
    expect(get('other')).toBeUndefined();
    expect(get('other')).toBeUndefined();
    expect(seen).toEqual(['known/a', 'other', 'other']);
  });
});
