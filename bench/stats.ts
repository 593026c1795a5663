/**
 * Robust summaries of benchmark samples: median, median absolute deviation (raw, not scaled to
 * a normal sd) and quartiles, from simple-statistics.
 */
import { median, medianAbsoluteDeviation, quantile } from "simple-statistics";

/** Median, raw median absolute deviation, quartiles, min and max of a non-empty sample. */
export interface Summary {
  n: number;
  median: number;
  mad: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
}

/** Summarises `xs` (throws on an empty sample or a non-finite value). */
export function summarize(xs: readonly number[]): Summary {
  if (xs.length === 0) throw new RangeError("summarize: empty sample");
  for (const x of xs) if (!Number.isFinite(x)) throw new RangeError(`summarize: non-finite value ${x}`);
  const a = [...xs];
  return {
    n: a.length,
    median: median(a),
    mad: medianAbsoluteDeviation(a),
    q1: quantile(a, 0.25),
    q3: quantile(a, 0.75),
    min: Math.min(...a),
    max: Math.max(...a),
  };
}

/** Throughput per second of `work` units done in `ms` milliseconds. */
export function perSecond(work: number, ms: number): number {
  return ms > 0 ? (work * 1000) / ms : Infinity;
}
