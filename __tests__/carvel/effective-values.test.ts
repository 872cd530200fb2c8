/** The values a package runs with: environment values over schema defaults, secrets never kept. */
import { describe, expect, it } from 'vitest';
import {
  defaultsOf,
  formatValuesPath,
  isSensitivePath,
  mergeValues,
  reviewValues,
  showValue,
} from '../../src/carvel/effective-values.js';

const schema = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties,
  ...extra,
});

describe('effective values', () => {
  it('takes defaults from `default`, else from the properties below, and merges maps key by key', () => {
    const s = schema({
      a: { type: 'integer', default: 1 },
      b: schema({ c: { type: 'string', default: 'x' }, d: { type: 'string' } }),
      e: { type: 'array', default: [1, 2] },
    });
    expect(defaultsOf(s)).toEqual({ a: 1, b: { c: 'x' }, e: [1, 2] });
    expect(mergeValues(defaultsOf(s), { b: { d: 'y' }, e: [3] })).toEqual({
      a: 1,
      b: { c: 'x', d: 'y' },
      e: [3],
    });
  });

  it('writes paths and values so that nothing in them can close a code block or a tag', () => {
    expect(formatValuesPath(['a', 'b', 0, 'c.d'])).toBe('a.b[0]["c.d"]');
    expect(formatValuesPath(['x`<y>'])).toBe('["x\\u0060\\u003cy\\u003e"]');
    expect(showValue('a\u202e`</pre>')).toBe('"a\\u202e\\u0060\\u003c/pre\\u003e"');
    expect(showValue('x'.repeat(500)).length).toBeLessThanOrEqual(120);
  });

  it('a secret-looking name anywhere on the path, or a schema mark, makes a value sensitive', () => {
    expect(isSensitivePath(['db', 'password'], [])).toBe(true);
    expect(isSensitivePath(['credentials', 'user'], [])).toBe(true);
    expect(isSensitivePath(['replicas'], [])).toBe(false);
    const marked = schema({
      s: { type: 'string', format: 'password' },
      t: { 'x-kubernetes-sensitive': true },
    });
    expect(isSensitivePath(['s'], [marked])).toBe(true);
    expect(isSensitivePath(['t'], [undefined, marked])).toBe(true);
  });

  it('reports new keys, changed defaults, removed keys still set and newly required keys', () => {
    const before = schema(
      { port: { type: 'integer', default: 8080 }, old: { type: 'string' } },
      { additionalProperties: false },
    );
    const after = schema(
      {
        port: { type: 'integer', default: 9090 },
        probes: schema({ path: { type: 'string', default: '/livez' } }),
      },
      { additionalProperties: false, required: ['probes'] },
    );
    const review = reviewValues(
      { schema: before, values: { old: 'v' } },
      { schema: after, values: { old: 'v' } },
      { encrypted: false },
    );
    expect(review.newKeys).toEqual([{ path: 'probes.path', value: '"/livez"', hidden: false }]);
    expect(review.changedDefaults).toEqual([{ path: 'port', before: '8080', after: '9090', hidden: false }]);
    expect(review.removedButSet).toEqual([{ path: 'old', severity: 'error' }]);
    expect(review.nowRequired).toEqual(['probes']);
    expect(review.lines).toContainEqual({
      path: 'port',
      state: 'changed',
      before: '8080',
      after: '9090',
      hidden: false,
      fromDefault: true,
    });
  });

  it('keeps no value that is hidden: secret-looking, or set by an encrypted Secret', () => {
    const s = schema({
      token: { type: 'string', default: 'dflt-tok' },
      port: { type: 'integer', default: 1 },
    });
    const plain = reviewValues(
      { schema: s, values: { token: 'old-tok' } },
      { schema: s, values: { token: 'new-tok' } },
      { encrypted: false },
    );
    expect(JSON.stringify(plain)).not.toMatch(/tok"/);
    expect(plain.lines.find((l) => l.path === 'token')).toEqual({
      path: 'token',
      state: 'changed',
      hidden: true,
      fromDefault: false,
    });
    const sealed = reviewValues(
      { schema: s, values: { port: 7 } },
      { schema: s, values: { port: 8 } },
      { encrypted: true },
    );
    expect(sealed.lines.find((l) => l.path === 'port')).toEqual({
      path: 'port',
      state: 'changed',
      hidden: true,
      fromDefault: false,
    });
    expect(JSON.stringify(sealed)).not.toMatch(/[78]/);
  });
});
