/**
 * The calibrated parameters' joint prior (independent components): keyed draws, log density,
 * summaries, and the working scale on which regression adjustment is done (logit for bounded,
 * log for half-bounded parameters, so adjusted values stay inside the prior's support).
 */
import { distributionLogDensity } from "../../random/density.js";
import { distributionMean, distributionSupport, drawDistribution } from "../../random/distribution.js";
import { exp, ln } from "../../random/math.js";
import { distributionQuantile } from "../../random/quantile.js";
import { keyedStream, streamId } from "../../random/keyed.js";
import type { CalibrationParameter, Summary } from "./types.js";

/** Keyed stream ids of each parameter's prior draws ("abc/prior/<path>"). */
export function priorStreams(parameters: readonly CalibrationParameter[]): number[] {
  return parameters.map((p) => streamId(`abc/prior/${p.path}`));
}

/**
 * One draw of the joint prior for proposal `proposal` of generation `generation`: parameter k
 * comes from keyedStream(seed, priorStreams[k], proposal, generation), so each component is
 * independent of the others and of how many parameters there are.
 */
export function drawPrior(
  parameters: readonly CalibrationParameter[],
  streams: readonly number[],
  seed: number,
  proposal: number,
  generation: number,
): Float64Array {
  const theta = new Float64Array(parameters.length);
  for (let k = 0; k < parameters.length; k++) {
    theta[k] = drawDistribution(parameters[k].prior, keyedStream(seed, streams[k], proposal, generation));
  }
  return theta;
}

/** Log joint prior density (sum over components, in order); −Infinity outside the support. */
export function logPrior(parameters: readonly CalibrationParameter[], theta: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < parameters.length; k++) {
    s += distributionLogDensity(parameters[k].prior, theta[k]);
    if (s === -Infinity) return s;
  }
  return s;
}

/** Number of midpoint nodes of the quantile-function quadrature for truncated variances. */
const QUADRATURE_NODES = 4096;

/**
 * Prior standard deviation: exact for uniform, triangular, beta, choice and the untruncated
 * normal and lognormal; for truncated normals and lognormals the midpoint rule on the quantile
 * function, Var = integral over p of (Q(p) - mean)^2, with 4096 nodes (display only).
 */
export function priorSd(parameter: CalibrationParameter): number {
  const spec = parameter.prior;
  switch (spec.dist) {
    case "uniform":
      return (spec.max - spec.min) / Math.sqrt(12);
    case "triangular": {
      const { min: a, mode: c, max: b } = spec;
      return Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18);
    }
    case "beta": {
      const { alpha: a, beta: b } = spec;
      const width = (spec.max ?? 1) - (spec.min ?? 0);
      return width * Math.sqrt((a * b) / ((a + b) * (a + b) * (a + b + 1)));
    }
    case "choice": {
      const m = distributionMean(spec);
      let s = 0;
      let sw = 0;
      spec.values.forEach((v, i) => {
        const w = spec.weights === undefined ? 1 : spec.weights[i];
        s += w * (v - m) * (v - m);
        sw += w;
      });
      return Math.sqrt(s / sw);
    }
    case "normal":
      if (spec.min === undefined && spec.max === undefined) return spec.sd;
      break;
    case "lognormal":
      if (spec.min === undefined && spec.max === undefined) {
        const s2 = spec.sdlog * spec.sdlog;
        return Math.sqrt(exp(s2) - 1) * exp(spec.meanlog + 0.5 * s2);
      }
      break;
  }
  const m = distributionMean(spec);
  let s = 0;
  for (let i = 0; i < QUADRATURE_NODES; i++) {
    const d = distributionQuantile(spec, (i + 0.5) / QUADRATURE_NODES) - m;
    s += d * d;
  }
  return Math.sqrt(s / QUADRATURE_NODES);
}

/** Prior mean, sd and 5/50/95% quantiles of one parameter (analytic; sd as in priorSd). */
export function priorSummary(parameter: CalibrationParameter): Summary {
  const spec = parameter.prior;
  return {
    mean: distributionMean(spec),
    sd: priorSd(parameter),
    p5: distributionQuantile(spec, 0.05),
    p50: distributionQuantile(spec, 0.5),
    p95: distributionQuantile(spec, 0.95),
  };
}

/** A monotone map of a parameter to an unbounded working scale and back. */
export interface WorkingScale {
  /** to the working scale (non-finite at the support's bounds) */
  forward(x: number): number;
  /** back to the parameter's scale */
  back(y: number): number;
}

/**
 * Working scale of a parameter for regression adjustment, from its prior's support [lo, hi]:
 * logit((x - lo)/(hi - lo)) when both bounds are finite, ln(x - lo) or -ln(hi - x) when one
 * is, the identity when none is; null for `choice` parameters and degenerate supports (they
 * are not adjusted).
 */
export function workingScale(parameter: CalibrationParameter): WorkingScale | null {
  const spec = parameter.prior;
  if (spec.dist === "choice") return null;
  const [lo, hi] = distributionSupport(spec);
  if (!(hi > lo)) return null;
  if (lo > -Infinity && hi < Infinity) {
    const w = hi - lo;
    return {
      forward: (x) => ln((x - lo) / (hi - x)),
      back: (y) => (y >= 0 ? lo + w / (1 + exp(-y)) : hi - w / (1 + exp(y))),
    };
  }
  if (lo > -Infinity) return { forward: (x) => ln(x - lo), back: (y) => lo + exp(y) };
  if (hi < Infinity) return { forward: (x) => -ln(hi - x), back: (y) => hi - exp(-y) };
  return { forward: (x) => x, back: (y) => y };
}

