import type { Parameters as FcParameters } from 'fast-check';

/**
 * The seed every fast-check property in this suite runs with, so that CI runs the same cases each
 * time and a failure on one machine fails on every machine. fast-check prints the seed (and the
 * shrink path) of a failing run in its error, so a failure found with another seed is replayed by
 * setting FC_SEED to the printed number.
 *
 * - unset            → the property's own `seed` if it names one, else FIXED_SEED (CI, everyday runs)
 * - FC_SEED=<int>    → that seed (replaying a reported failure)
 * - FC_SEED=random   → fast-check picks a seed per property and prints it on failure (exploring)
 */
export const FIXED_SEED = 20_261_206;

export function propertySeed(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.FC_SEED?.trim();
  if (raw === undefined || raw === '') return FIXED_SEED;
  if (raw === 'random') return undefined;
  if (!/^-?\d+$/.test(raw))
    throw new Error(`FC_SEED must be an integer or "random", got ${JSON.stringify(raw)}`);
  const seed = Number(raw);
  // fast-check seeds are 32-bit signed integers (its reports print them that way).
  if (!Number.isSafeInteger(seed) || seed < -(2 ** 31) || seed >= 2 ** 31) {
    throw new Error(`FC_SEED must fit in 32 bits, got ${raw}`);
  }
  return seed;
}

/**
 * Options for `fc.assert`: whatever the property sets itself (numRuns, …) and a seed. A seed the
 * property names stays unless FC_SEED is set, so one variable replays or explores every property.
 */
export function propertyOptions<T>(
  overrides: FcParameters<T> = {},
  env: NodeJS.ProcessEnv = process.env,
): FcParameters<T> {
  if (!env.FC_SEED?.trim() && overrides.seed !== undefined) return { ...overrides };
  const { seed: _named, ...rest } = overrides;
  const seed = propertySeed(env);
  return seed === undefined ? rest : { ...rest, seed };
}
