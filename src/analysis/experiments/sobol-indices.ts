/**
 * Sobol' sensitivity indices from the outputs of a Saltelli design: first order S1 by Saltelli
 * et al. (2010), total ST by Jansen (1999), optional second order S2 (Saltelli 2002), each with
 * a seeded percentile-bootstrap interval. Same estimators as SALib's sobol.analyze.
 */
import { bootstrap, type BootstrapOptions, percentileInterval } from "./bootstrap.js";
import { saltelliStride } from "./saltelli.js";

/** What the estimators need of a Saltelli design (a SaltelliDesign has it). */
export interface SobolLayout {
  factors: readonly string[];
  /** Base sample size N. */
  n: number;
  secondOrder: boolean;
}

/** First-order and total indices of one factor with their bootstrap intervals (the indices.csv columns). */
export interface SobolIndexRow {
  factor: string;
  S1: number;
  S1_low: number;
  S1_high: number;
  ST: number;
  ST_low: number;
  ST_high: number;
}

/** Second-order index of a pair of factors (factorA before factorB in factor order). */
export interface SobolSecondOrderRow {
  factorA: string;
  factorB: string;
  S2: number;
  S2_low: number;
  S2_high: number;
}

/** Sobol' indices of one output. */
export interface SobolIndices {
  indices: SobolIndexRow[];
  /** Pairs in order (0,1), (0,2), ..., (k-2,k-1); null when the design has no BA blocks. */
  second: SobolSecondOrderRow[] | null;
  /** Variance of the output over the A and B samples (population variance, the estimators' denominator). */
  variance: number;
}

/** The output vector split into the design's blocks, centred on the mean of all outputs. */
interface Blocks {
  a: Float64Array;
  b: Float64Array;
  ab: Float64Array[];
  ba: Float64Array[];
}

/** Splits y (in design row order) into A, B, AB_i and BA_i, each centred on the overall mean (as SALib does). */
function splitBlocks(layout: SobolLayout, y: ArrayLike<number>): Blocks {
  const k = layout.factors.length;
  const { n, secondOrder } = layout;
  const stride = saltelliStride(k, secondOrder);
  if (y.length !== n * stride) throw new RangeError(`sobolIndices: expected ${n * stride} outputs (N = ${n}, k = ${k}), got ${y.length}`);
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) throw new RangeError(`sobolIndices: output ${i} is not finite (${y[i]})`);
    sum += y[i];
  }
  const mean = sum / y.length;
  const block = (offset: number) => Float64Array.from({ length: n }, (_, j) => y[j * stride + offset] - mean);
  return {
    a: block(0),
    b: block(stride - 1),
    ab: Array.from({ length: k }, (_, i) => block(1 + i)),
    ba: secondOrder ? Array.from({ length: k }, (_, i) => block(1 + k + i)) : [],
  };
}

/**
 * Indices on the rows idx of the blocks (idx = 0 .. N-1 for the sample itself), written to s1, st and s2
 * (pairs i < l in order): V = population variance of the 2N values of A and B;
 * S1_i = mean(B (AB_i - A)) / V; ST_i = mean((A - AB_i)^2) / (2V);
 * S2_il = mean(BA_i AB_l - A B) / V - S1_i - S1_l. Sums run in row order.
 */
function estimate(blocks: Blocks, idx: Int32Array, s1: Float64Array, st: Float64Array, s2: Float64Array): number {
  const { a, b, ab, ba } = blocks;
  const n = a.length;
  let sum = 0;
  for (let j = 0; j < n; j++) sum += a[idx[j]] + b[idx[j]];
  const mean = sum / (2 * n);
  let ss = 0;
  for (let j = 0; j < n; j++) {
    const da = a[idx[j]] - mean;
    const db = b[idx[j]] - mean;
    ss += da * da + db * db;
  }
  const v = ss / (2 * n);
  for (let i = 0; i < ab.length; i++) {
    const abi = ab[i];
    let first = 0;
    let total = 0;
    for (let j = 0; j < n; j++) {
      const r = idx[j];
      const d = abi[r] - a[r];
      first += b[r] * d;
      total += d * d;
    }
    s1[i] = first / n / v;
    st[i] = total / (2 * n) / v;
  }
  let pair = 0;
  for (let i = 0; i < ba.length; i++) {
    for (let l = i + 1; l < ba.length; l++) {
      let cross = 0;
      for (let j = 0; j < n; j++) {
        const r = idx[j];
        cross += ba[i][r] * ab[l][r] - a[r] * b[r];
      }
      s2[pair++] = cross / n / v - s1[i] - s1[l];
    }
  }
  return v;
}

/**
 * Sobol' indices of one output from its values y at the points of a Saltelli design (in the
 * design's row order; for a stochastic model, the replication means). Intervals: percentile
 * bootstrap over the N base rows (resampling A, B, AB_i, BA_i rows together), seeded.
 */
export function sobolIndices(layout: SobolLayout, y: ArrayLike<number>, options: BootstrapOptions = {}): SobolIndices {
  const k = layout.factors.length;
  const boot = bootstrap(options, "sobol");
  const blocks = splitBlocks(layout, y);
  const pairs = layout.secondOrder ? (k * (k - 1)) / 2 : 0;
  const s1 = new Float64Array(k);
  const st = new Float64Array(k);
  const s2 = new Float64Array(pairs);
  const variance = estimate(blocks, Int32Array.from({ length: layout.n }, (_, j) => j), s1, st, s2);
  const bs1 = Array.from({ length: k }, () => new Float64Array(boot.resamples));
  const bst = Array.from({ length: k }, () => new Float64Array(boot.resamples));
  const bs2 = Array.from({ length: pairs }, () => new Float64Array(boot.resamples));
  const idx = new Int32Array(layout.n);
  const r1 = new Float64Array(k);
  const rt = new Float64Array(k);
  const r2 = new Float64Array(pairs);
  for (let b = 0; b < boot.resamples; b++) {
    boot.indices(b, layout.n, idx);
    estimate(blocks, idx, r1, rt, r2);
    for (let i = 0; i < k; i++) {
      bs1[i][b] = r1[i];
      bst[i][b] = rt[i];
    }
    for (let p = 0; p < pairs; p++) bs2[p][b] = r2[p];
  }
  const indices = layout.factors.map((factor, i) => {
    const [S1_low, S1_high] = percentileInterval(bs1[i], boot.level);
    const [ST_low, ST_high] = percentileInterval(bst[i], boot.level);
    return { factor, S1: s1[i], S1_low, S1_high, ST: st[i], ST_low, ST_high };
  });
  let second: SobolSecondOrderRow[] | null = null;
  if (layout.secondOrder) {
    second = [];
    let p = 0;
    for (let i = 0; i < k; i++) {
      for (let l = i + 1; l < k; l++, p++) {
        const [S2_low, S2_high] = percentileInterval(bs2[p], boot.level);
        second.push({ factorA: layout.factors[i], factorB: layout.factors[l], S2: s2[p], S2_low, S2_high });
      }
    }
  }
  return { indices, second, variance };
}
