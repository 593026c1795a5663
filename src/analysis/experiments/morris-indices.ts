/**
 * Morris (1991) elementary effects from the outputs of a Morris design, with Campolongo et al.'s
 * (2007) mu* and a seeded percentile-bootstrap interval of mu* (resampling trajectories).
 */
import { bootstrap, type BootstrapOptions, percentileInterval } from "./bootstrap.js";
import type { MorrisStep } from "./morris-design.js";

/** What the estimator needs of a Morris design (a MorrisDesign has it). */
export interface MorrisLayout {
  factors: readonly string[];
  /** Step in unit coordinates. */
  delta: number;
  /** Per trajectory, its k steps in order. */
  steps: readonly (readonly MorrisStep[])[];
}

/** Morris measures of one factor (the indices.csv columns for Morris). */
export interface MorrisIndexRow {
  factor: string;
  /** Mean elementary effect. */
  mu: number;
  /** Mean absolute elementary effect (Campolongo et al. 2007). */
  mu_star: number;
  /** Standard deviation of the elementary effects (n - 1 denominator; NaN for one trajectory). */
  sigma: number;
  mu_star_low: number;
  mu_star_high: number;
}

/**
 * Elementary effects ee[factor][trajectory] = (y(x + delta e_i) - y(x)) / delta in unit
 * coordinates: (y_(s+1) - y_s) / (sign delta) for step s of a trajectory, which moves factor i.
 * y in design row order (trajectory t in rows t (k + 1) .. t (k + 1) + k).
 */
export function elementaryEffects(layout: MorrisLayout, y: ArrayLike<number>): Float64Array[] {
  const k = layout.factors.length;
  const r = layout.steps.length;
  if (y.length !== r * (k + 1)) throw new RangeError(`elementaryEffects: expected ${r * (k + 1)} outputs (r = ${r}, k = ${k}), got ${y.length}`);
  for (let i = 0; i < y.length; i++) if (!Number.isFinite(y[i])) throw new RangeError(`elementaryEffects: output ${i} is not finite (${y[i]})`);
  const ee = Array.from({ length: k }, () => new Float64Array(r).fill(NaN));
  layout.steps.forEach((steps, t) => {
    if (steps.length !== k) throw new RangeError(`elementaryEffects: trajectory ${t} has ${steps.length} steps, expected ${k}`);
    steps.forEach((step, s) => {
      const row = t * (k + 1) + s;
      ee[step.factor][t] = (y[row + 1] - y[row]) / (step.sign * layout.delta);
    });
  });
  for (let i = 0; i < k; i++) if (ee[i].some((v) => Number.isNaN(v))) throw new RangeError(`elementaryEffects: factor ${layout.factors[i]} does not move once in every trajectory`);
  return ee;
}

/** Mean of values[idx[j]] and mean of |values[idx[j]]|, in index order. */
function means(values: Float64Array, idx: Int32Array): [number, number] {
  let sum = 0;
  let sumAbs = 0;
  for (let j = 0; j < idx.length; j++) {
    const v = values[idx[j]];
    sum += v;
    sumAbs += Math.abs(v);
  }
  return [sum / idx.length, sumAbs / idx.length];
}

/**
 * Morris measures per factor from outputs y at the design's points (for a stochastic model, the
 * replication means): mu, mu* and sigma of the r elementary effects, and a percentile-bootstrap
 * interval of mu* over resampled trajectories (seeded).
 */
export function morrisIndices(layout: MorrisLayout, y: ArrayLike<number>, options: BootstrapOptions = {}): MorrisIndexRow[] {
  const ee = elementaryEffects(layout, y);
  const r = layout.steps.length;
  const boot = bootstrap(options, "morris");
  const all = Int32Array.from({ length: r }, (_, j) => j);
  const resampled = Array.from({ length: ee.length }, () => new Float64Array(boot.resamples));
  const idx = new Int32Array(r);
  for (let b = 0; b < boot.resamples; b++) {
    boot.indices(b, r, idx);
    for (let i = 0; i < ee.length; i++) resampled[i][b] = means(ee[i], idx)[1];
  }
  return layout.factors.map((factor, i) => {
    const [mu, mu_star] = means(ee[i], all);
    let ss = 0;
    for (let j = 0; j < r; j++) ss += (ee[i][j] - mu) * (ee[i][j] - mu);
    const [mu_star_low, mu_star_high] = percentileInterval(resampled[i], boot.level);
    return { factor, mu, mu_star, sigma: r > 1 ? Math.sqrt(ss / (r - 1)) : NaN, mu_star_low, mu_star_high };
  });
}
