/**
 * Seeded percentile bootstrap shared by the index estimators: resample b draws n indices with
 * replacement, a pure function of (seed, purpose, b), so intervals depend only on the data and
 * the seed; the interval is the type-7 quantiles of the resampled statistics.
 */
import { GOLDEN32, mixInt32 } from "../../random/seeds.js";
import { quantilesType7 } from "../statistics.js";
import { seededUniforms } from "./factors.js";

/** 2^32. */
const TWO32 = 4294967296;

/** Bootstrap settings of the index estimators. */
export interface BootstrapOptions {
  /** Number of bootstrap resamples (default 1000; 0 gives NaN intervals). */
  resamples?: number;
  /** Coverage of the percentile interval (default 0.95). */
  level?: number;
  /** Seed of the resampling draws (non-negative integer, default 0). */
  seed?: number;
}

/** Default number of bootstrap resamples. */
export const DEFAULT_RESAMPLES = 1000;

/** Resolved bootstrap settings with a draw function for the given purpose. */
export interface Bootstrap {
  resamples: number;
  level: number;
  /**
   * Fills `out` with resample b's n indices in 0 .. n-1 (uniform, with replacement, n < 2^21):
   * index j = floor(h_j n / 2^32) with h_j = lowbias32(s_b + (j + 1) GOLDEN32 mod 2^32) and s_b a
   * keyed 32-bit draw of (seed, purpose, b): one keyed draw per resample, a counter hash per index.
   */
  indices(b: number, n: number, out: Int32Array): void;
}

/** Checks options and returns the resampler of one estimator (`purpose` keys its draws). */
export function bootstrap(options: BootstrapOptions, purpose: string): Bootstrap {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 0) throw new RangeError(`bootstrap: resamples must be a non-negative integer, got ${resamples}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`bootstrap: level must lie in (0, 1), got ${level}`);
  const draw = seededUniforms(options.seed ?? 0, `bootstrap/${purpose}`);
  return {
    resamples,
    level,
    indices(b, n, out) {
      if (n >= 2097152) throw new RangeError(`bootstrap: at most 2^21 - 1 rows, got ${n}`);
      const start = Math.floor(draw(b, 0) * TWO32) | 0;
      for (let j = 0; j < n; j++) {
        const h = mixInt32((start + Math.imul(j + 1, GOLDEN32)) | 0) >>> 0;
        out[j] = Math.floor((h * n) / TWO32);
      }
    },
  };
}

/**
 * Percentile interval [low, high] of bootstrap statistics at coverage `level`: their type-7
 * quantiles at (1 - level) / 2 and (1 + level) / 2. NaN bounds when there are none or any is NaN.
 */
export function percentileInterval(values: ArrayLike<number>, level: number): [number, number] {
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) return [NaN, NaN];
  if (values.length === 0) return [NaN, NaN];
  const [low, high] = quantilesType7(values, [(1 - level) / 2, (1 + level) / 2]);
  return [low, high];
}
