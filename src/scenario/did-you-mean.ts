/** Suggestions for misspelt keys: the closest known key by edit distance. */

/** Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}

/** The known key closest to `key`, if it is close enough to be a likely typo. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const sameCase = known.find((k) => k.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  const allowed = Math.max(1, Math.floor(Math.max(key.length, 3) / 3));
  let best: string | undefined;
  let bestDist = Infinity;
  for (const k of known) {
    // the distance is at least the difference in length: skip keys that cannot be close enough
    // (the same answer, without a quadratic edit distance for a very long unknown key)
    const kl = k.toLowerCase();
    if (Math.abs(kl.length - lower.length) > allowed) continue;
    const d = editDistance(lower, kl);
    if (d < bestDist) [best, bestDist] = [k, d];
  }
  return bestDist <= allowed ? best : undefined;
}
