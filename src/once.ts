/**
 * The one kind of module-level state the code keeps: the result of a pure, costly computation
 * (a compiled schema), made on first use and never changed after. Named here so that every such
 * cache is visible as one (`grep once(`) and nothing else at module level is mutable.
 */

/** `make()`, computed on the first call and returned by every later one. */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= Object.freeze({ value: make() });
    return made.value;
  };
}

/**
 * Per key: `make(key)` computed on a key's first call and returned by every later one. An undefined
 * result is not kept, so keys that name nothing (from hostile input) cannot grow the cache.
 */
export function oncePerKey<T>(make: (key: string) => T | undefined): (key: string) => T | undefined {
  const made = new Map<string, T>();
  return (key) => {
    const kept = made.get(key);
    if (kept !== undefined) return kept;
    const value = make(key);
    if (value !== undefined) made.set(key, value);
    return value;
  };
}
