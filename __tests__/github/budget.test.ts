/** The REST budget read from GitHub's answers, and how many pull requests fit above the reserve. */
import { describe, expect, it } from 'vitest';
import { RateBudget } from '../../src/github/budget.js';

const core = (remaining: string, limit = '1000') => ({
  'x-ratelimit-remaining': remaining,
  'x-ratelimit-limit': limit,
  'x-ratelimit-reset': '1700000000',
  'x-ratelimit-resource': 'core',
});

describe('RateBudget', () => {
  it('lets everything through until an answer reports a budget (rate limiting off)', () => {
    const budget = new RateBudget();
    budget.observe({ 'content-type': 'application/json' });
    expect(budget.remaining).toBeUndefined();
    expect(budget.affordable([500, 500, 500])).toBe(3);
  });

  it('takes costs in order while they fit above 10% of the limit', () => {
    const budget = new RateBudget();
    budget.observe(core('130'));
    expect(budget.reserve).toBe(100);
    expect(budget.affordable([7, 7, 7, 7, 7])).toBe(4);
    expect(budget.affordable([31, 1])).toBe(0);
    expect(budget.affordable([])).toBe(0);
    budget.observe(core('90'));
    expect(budget.affordable([1])).toBe(0);
    expect(budget.resetAt).toBe(1700000000);
  });

  it('ignores other resources and headers that are not counts', () => {
    const budget = new RateBudget();
    budget.observe(core('400'));
    budget.observe({ ...core('1'), 'x-ratelimit-resource': 'graphql' });
    budget.observe(core('-5'));
    budget.observe(core('1e9'));
    budget.observe(core(' 12abc'));
    budget.observe(undefined);
    expect(budget.remaining).toBe(400);
  });
});
