/** "Did you mean": the known key a mistyped one is closest to. */

/** Optimal-string-alignment distance: Levenshtein plus adjacent swaps ("hots" → "host" is one edit). */
function editDistance(a: string, b: string): number {
  let [older, prev] = [[] as number[], Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j]!, older[j - 2]! + 1);
    }
    [older, prev] = [prev, row];
  }
  return prev[b.length]!;
}

/** The closest sibling name, if it's close enough to be a typo (≤1 edit for short keys, ≤3 for long ones). */
export function suggest(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(1, Math.min(3, Math.floor(key.length / 3))) + 1;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}
