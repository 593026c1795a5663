/**
 * Local-linear regression adjustment (Beaumont, Zhang and Balding 2002) of the final ABC-SMC
 * population. Each accepted replicate (theta_i, s_ir) is a draw of the joint ABC posterior with
 * weight w_i x score_ir / sum_r score_ir. On each parameter's working scale (prior.ts) we fit,
 * by weighted least squares with Epanechnikov weights K = 1 - (|u| / delta)^2, the parameter on
 * the standardised deviations u_j = (s_j - target_j) / h_j of the observations that have a
 * target (h_j: half the interval's width, or the observation scale for one-sided intervals;
 * delta: the largest |u| among the rows), and move each draw to the targets:
 * theta* = theta - beta' u. Interval observations without a target and Poisson observations are
 * not regressors: for them the acceptance event is the datum and the ABC posterior is exact.
 */
import { workingScale } from "./prior.js";
import type { Particle } from "./smc.js";
import type { AdjustmentRecord, CalibrationParameter, CalibrationObservation } from "./types.js";
import { normaliseWeights } from "./weighted.js";

/** Relative pivot size below which the normal equations count as singular. */
const SINGULAR = 1e-12;

/**
 * Solves the symmetric system A x = b (n x n, row-major copies) by Gaussian elimination with
 * partial pivoting; null when a pivot is below 1e-12 of the largest diagonal entry.
 */
export function solveLinear(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row) => row.slice());
  const x = b.slice();
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(m[i][i]));
  if (!(scale > 0)) return null;
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    if (!(Math.abs(m[piv][c]) > SINGULAR * scale)) return null;
    [m[c], m[piv]] = [m[piv], m[c]];
    [x[c], x[piv]] = [x[piv], x[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      if (f === 0) continue;
      for (let k = c; k < n; k++) m[r][k] -= f * m[c][k];
      x[r] -= f * x[c];
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    let s = x[c];
    for (let k = c + 1; k < n; k++) s -= m[c][k] * x[k];
    x[c] = s / m[c][c];
  }
  return x;
}

/** Weighted least-squares slopes of y on the columns of u (centred; intercept implied); zeros when singular. */
export function weightedSlopes(u: number[][], y: number[], w: number[]): number[] {
  const q = u.length === 0 ? 0 : u[0].length;
  let sw = 0;
  const mu = new Array<number>(q).fill(0);
  let my = 0;
  for (let i = 0; i < y.length; i++) {
    sw += w[i];
    for (let j = 0; j < q; j++) mu[j] += w[i] * u[i][j];
    my += w[i] * y[i];
  }
  if (!(sw > 0)) return new Array<number>(q).fill(0);
  for (let j = 0; j < q; j++) mu[j] /= sw;
  my /= sw;
  const a = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  const b = new Array<number>(q).fill(0);
  for (let i = 0; i < y.length; i++) {
    const dy = y[i] - my;
    for (let j = 0; j < q; j++) {
      const dj = u[i][j] - mu[j];
      b[j] += w[i] * dj * dy;
      for (let k = 0; k < q; k++) a[j][k] += w[i] * dj * (u[i][k] - mu[k]);
    }
  }
  return solveLinear(a, b) ?? new Array<number>(q).fill(0);
}

/**
 * The adjusted posterior of the final population, or null when no observation has a target.
 * Rows are the accepted replicates in particle order, then replicate order.
 */
export function regressionAdjust(
  parameters: readonly CalibrationParameter[],
  observations: readonly CalibrationObservation[],
  population: readonly Particle[],
  weights: readonly number[],
  scales: readonly number[],
): AdjustmentRecord | null {
  const reg: { j: number; target: number; h: number }[] = [];
  observations.forEach((o, j) => {
    if (o.kind !== "interval" || o.target === undefined) return;
    const h = o.min !== undefined && o.max !== undefined && o.max > o.min ? (o.max - o.min) / 2 : scales[j];
    reg.push({ j, target: o.target, h });
  });
  if (reg.length === 0) return null;
  const thetas: Float64Array[] = [];
  const u: number[][] = [];
  const pairWeights: number[] = [];
  population.forEach((p, i) => {
    let total = 0;
    for (const r of p.replicates) total += r.score;
    for (const r of p.replicates) {
      if (!(r.score > 0)) continue;
      thetas.push(p.theta);
      u.push(reg.map(({ j, target, h }) => (r.statistics[j] - target) / h));
      pairWeights.push((weights[i] * r.score) / total);
    }
  });
  let delta = 0;
  const norms = u.map((row) => {
    let s = 0;
    for (const x of row) s += x * x;
    const n = Math.sqrt(s);
    delta = Math.max(delta, n);
    return n;
  });
  const kernel = norms.map((n) => (delta > 0 ? 1 - (n / delta) * (n / delta) : 1));
  let rowWeights = pairWeights.map((w, i) => w * kernel[i]);
  // A single row (or rows all at the largest distance) gets kernel weight 0: keep the ABC weights.
  if (!rowWeights.some((w) => w > 0)) rowWeights = pairWeights;
  const rows = thetas.map((t) => Array.from(t));
  const slopes = parameters.map((param, k) => {
    const scale = workingScale(param);
    if (!scale) return reg.map(() => 0);
    const idx: number[] = [];
    const y: number[] = [];
    thetas.forEach((t, i) => {
      const v = scale.forward(t[k]);
      if (Number.isFinite(v)) {
        idx.push(i);
        y.push(v);
      }
    });
    const beta = weightedSlopes(
      idx.map((i) => u[i]),
      y,
      idx.map((i) => rowWeights[i]),
    );
    idx.forEach((i, n) => {
      let v = y[n];
      for (let j = 0; j < beta.length; j++) v -= beta[j] * u[i][j];
      rows[i][k] = scale.back(v);
    });
    return beta;
  });
  return { regressors: reg.map(({ j }) => observations[j].id), slopes, rows, weights: normaliseWeights(rowWeights) };
}
