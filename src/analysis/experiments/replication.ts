/**
 * Replicated stochastic outputs: each design point p runs the same R seeds (common random
 * numbers), giving y[p][r]. Indices are computed on the point means; this module gives those
 * means and the share of their variance across points that is replication noise.
 */

/** Variance decomposition of replicated outputs (see replicationNoise). */
export interface ReplicationNoise {
  /** Number of points P. */
  points: number;
  /** Replications per point R. */
  replications: number;
  /** Variance of the point means across points, s_B^2 (P - 1 denominator). */
  betweenVariance: number;
  /** Noise variance of one replication, s_E^2 (two-way residual under CRN, within-point otherwise). */
  noiseVariance: number;
  /** min(1, (s_E^2 / R) / s_B^2): share of the variance of the point means that is noise; NaN when s_B^2 = 0. */
  noiseShare: number;
}

/** Checks a P x R matrix of finite values (P >= 2, R >= 2, rows of equal length); returns [P, R]. */
function shape(values: readonly ArrayLike<number>[]): [number, number] {
  const p = values.length;
  const r = p > 0 ? values[0].length : 0;
  if (p < 2 || r < 2) throw new RangeError(`replicationNoise: need at least 2 points and 2 replications, got ${p} x ${r}`);
  values.forEach((row, i) => {
    if (row.length !== r) throw new RangeError(`replicationNoise: point ${i} has ${row.length} replications, expected ${r}`);
    for (let j = 0; j < r; j++) if (!Number.isFinite(row[j])) throw new RangeError(`replicationNoise: value [${i}][${j}] is not finite`);
  });
  return [p, r];
}

/** Mean over replications of each point (replications summed in seed order). */
export function replicationMeans(values: readonly ArrayLike<number>[]): number[] {
  return values.map((row) => {
    let sum = 0;
    for (let j = 0; j < row.length; j++) sum += row[j];
    return sum / row.length;
  });
}

/**
 * Share of the variance of the point means that is replication noise. With point means
 * m_p, seed means c_r (over points) and grand mean g:
 *   s_B^2 = sum_p (m_p - g)^2 / (P - 1);
 *   under common random numbers (default), the two-way residual
 *     s_E^2 = sum_p sum_r (y_pr - m_p - c_r + g)^2 / ((P - 1)(R - 1)),
 *   since an effect of seed r shared by every point moves all means alike and adds no
 *   variance across points; with independent seeds per point, the within-point variance
 *     s_E^2 = sum_p sum_r (y_pr - m_p)^2 / (P (R - 1)).
 * A point mean carries noise variance s_E^2 / R, so E[s_B^2] = V_factors + sigma_E^2 / R and
 * the share is min(1, (s_E^2 / R) / s_B^2): about 1 when the factors do nothing, 0 for a
 * deterministic model. Sums run in point then seed order.
 */
export function replicationNoise(values: readonly ArrayLike<number>[], commonRandomNumbers = true): ReplicationNoise {
  const [p, r] = shape(values);
  const m = replicationMeans(values);
  let g = 0;
  for (let i = 0; i < p; i++) g += m[i];
  g /= p;
  const c = new Float64Array(r);
  for (let i = 0; i < p; i++) for (let j = 0; j < r; j++) c[j] += values[i][j];
  for (let j = 0; j < r; j++) c[j] /= p;
  let between = 0;
  for (let i = 0; i < p; i++) between += (m[i] - g) * (m[i] - g);
  between /= p - 1;
  let ss = 0;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < r; j++) {
      const e = commonRandomNumbers ? values[i][j] - m[i] - c[j] + g : values[i][j] - m[i];
      ss += e * e;
    }
  }
  const noise = commonRandomNumbers ? ss / ((p - 1) * (r - 1)) : ss / (p * (r - 1));
  const noiseShare = between > 0 ? Math.min(1, noise / r / between) : NaN;
  return { points: p, replications: r, betweenVariance: between, noiseVariance: noise, noiseShare };
}
