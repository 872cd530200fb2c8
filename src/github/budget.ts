/**
 * The REST budget as GitHub reports it on every answer (`x-ratelimit-remaining`, `-limit`,
 * `-reset`, for the `core` resource), so a delivery can tell before a batch of pull requests how
 * many of them fit, leaving a share of the hour's budget to the repository's other workflows.
 * A server that sends no such headers (GitHub Enterprise Server with rate limiting off) has no
 * budget to keep: everything fits.
 */

/** The share of the hourly limit a delivery leaves untouched for other workflows. */
export const RESERVE_SHARE = 0.1;

type Headers = Record<string, string | number | undefined> | undefined;

export class RateBudget {
  #remaining?: number;
  #limit?: number;
  #resetAt?: number;

  /** Reads one answer's headers; answers for another resource (GraphQL, search) are left out. */
  observe(headers: Headers): void {
    if (!headers) return;
    const resource = headers['x-ratelimit-resource'];
    if (resource !== undefined && resource !== 'core') return;
    const remaining = count(headers['x-ratelimit-remaining']);
    if (remaining === undefined) return;
    this.#remaining = remaining;
    this.#limit = count(headers['x-ratelimit-limit']) ?? this.#limit;
    this.#resetAt = count(headers['x-ratelimit-reset']) ?? this.#resetAt;
  }

  /** Requests left in the hour, as last reported; undefined before any answer said. */
  get remaining(): number | undefined {
    return this.#remaining;
  }

  /** When the budget refills (epoch seconds), as last reported. */
  get resetAt(): number | undefined {
    return this.#resetAt;
  }

  /** Requests kept back for others: RESERVE_SHARE of the hour's limit. */
  get reserve(): number {
    return Math.ceil((this.#limit ?? 0) * RESERVE_SHARE);
  }

  /** How many of `costs` (estimated calls each, taken in order) fit in what is left above the reserve. */
  affordable(costs: readonly number[]): number {
    if (this.#remaining === undefined) return costs.length;
    let left = this.#remaining - this.reserve;
    for (const [i, cost] of costs.entries()) {
      if (cost > left) return i;
      left -= cost;
    }
    return costs.length;
  }
}

/** A header's non-negative integer, or undefined for anything else (a hostile or broken proxy's answer). */
function count(value: string | number | undefined): number | undefined {
  const text = String(value ?? '').trim();
  return /^\d{1,12}$/.test(text) ? Number(text) : undefined;
}
