/**
 * The ABC-SMC perturbation kernel (Beaumont, Cornuet, Marin and Robert 2009): pick a particle
 * of the previous generation by weight and move each continuous component by a Gaussian with
 * twice the population's weighted variance; a `choice` component keeps its value with
 * probability `keep`, else is redrawn from its prior. Proposals outside the prior's support
 * are redrawn (the truncation's constant cancels in the normalised weights). The proposal
 * density is the mixture q(theta) = sum_j w_j prod_k K_k(theta_k | theta_jk).
 */
import { keyedUniform, streamId } from "../../random/keyed.js";
import { exp, ln, normalQuantile } from "../../random/math.js";
import { choice } from "../../random/samplers.js";
import { distributionLogDensity } from "../../random/density.js";
import { logPrior } from "./prior.js";
import type { CalibrationParameter } from "./types.js";
import { cumulativeWeights, pickIndex, weightedVariance } from "./weighted.js";

/** ln(sqrt(2 pi)). */
const LN_SQRT_2PI = 0.91893853320467274178;
/** A component's kernel sd is at least this share of its prior sd (keeps a collapsed population moving). */
const SD_FLOOR = 1e-6;
/** Redraws allowed for one proposal before giving up. */
const MAX_ATTEMPTS = 100_000;

/** A fitted kernel: the previous population and per-component scales. */
export interface Kernel {
  parents: Float64Array[];
  weights: number[];
  cumulative: Float64Array;
  /** Gaussian sd per continuous component (NaN for choice components) */
  sd: Float64Array;
  /** ln w_j per parent (−Infinity for weight 0) */
  logWeights: Float64Array;
  /** −ln sd_k − ln sqrt(2 pi) per continuous component: the Gaussian's log normaliser */
  logNorm: Float64Array;
  /** probability that a choice component keeps its value */
  keep: number;
}

/** Stream ids of the kernel's draws: parent pick, then one per parameter. */
export interface KernelStreams {
  pick: number;
  components: number[];
}

/** Keyed stream ids of the kernel ("abc/kernel/pick", "abc/kernel/<path>"). */
export function kernelStreams(parameters: readonly CalibrationParameter[]): KernelStreams {
  return { pick: streamId("abc/kernel/pick"), components: parameters.map((p) => streamId(`abc/kernel/${p.path}`)) };
}

/**
 * Fits the kernel to a weighted population: sd_k = sqrt(2 x weighted variance of component k),
 * at least 1e-6 x its prior sd (`priorSds`).
 */
export function fitKernel(
  parameters: readonly CalibrationParameter[],
  parents: Float64Array[],
  weights: number[],
  priorSds: readonly number[],
  keep: number,
): Kernel {
  const sd = new Float64Array(parameters.length);
  for (let k = 0; k < parameters.length; k++) {
    if (parameters[k].prior.dist === "choice") {
      sd[k] = NaN;
      continue;
    }
    const column = parents.map((t) => t[k]);
    sd[k] = Math.max(Math.sqrt(2 * weightedVariance(column, weights)), SD_FLOOR * priorSds[k]);
  }
  const logWeights = Float64Array.from(weights, (w) => (w > 0 ? ln(w) : -Infinity));
  const logNorm = Float64Array.from(sd, (x) => -ln(x) - LN_SQRT_2PI);
  return { parents, weights, cumulative: cumulativeWeights(weights), sd, logWeights, logNorm, keep };
}

/**
 * A proposal from the kernel for proposal `proposal` of generation `generation`; attempt a uses
 * keyedUniform(seed, stream, proposal, generation, a) (choice components: indices 2a, 2a + 1).
 * Redraws until the prior density is positive.
 */
export function perturb(
  kernel: Kernel,
  parameters: readonly CalibrationParameter[],
  streams: KernelStreams,
  seed: number,
  proposal: number,
  generation: number,
): Float64Array {
  const p = parameters.length;
  const theta = new Float64Array(p);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const parent = kernel.parents[pickIndex(kernel.cumulative, keyedUniform(seed, streams.pick, proposal, generation, attempt))];
    for (let k = 0; k < p; k++) {
      const spec = parameters[k].prior;
      const stream = streams.components[k];
      if (spec.dist === "choice") {
        const stay = keyedUniform(seed, stream, proposal, generation, 2 * attempt) < kernel.keep;
        theta[k] = stay ? parent[k] : choice(spec.values, spec.weights, keyedUniform(seed, stream, proposal, generation, 2 * attempt + 1));
      } else {
        theta[k] = parent[k] + kernel.sd[k] * normalQuantile(keyedUniform(seed, stream, proposal, generation, attempt));
      }
    }
    if (logPrior(parameters, theta) > -Infinity) return theta;
  }
  throw new RangeError(`ABC-SMC kernel: no proposal inside the prior's support after ${MAX_ATTEMPTS} attempts`);
}

/** Log kernel density of component k moving from `from` to `to` (given its log prior at `to`). */
function logComponent(kernel: Kernel, parameter: CalibrationParameter, k: number, from: number, to: number, logPriorTo: number): number {
  if (parameter.prior.dist === "choice") {
    return ln((from === to ? kernel.keep : 0) + (1 - kernel.keep) * exp(logPriorTo));
  }
  const z = (to - from) / kernel.sd[k];
  return kernel.logNorm[k] - 0.5 * z * z;
}

/**
 * Log of the (untruncated) proposal density sum_j w_j prod_k K_k(theta_k | parent_jk), by a
 * running log-sum-exp over the parents in index order.
 */
export function logProposal(kernel: Kernel, parameters: readonly CalibrationParameter[], theta: Float64Array): number {
  const p = parameters.length;
  const choicePrior = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    if (parameters[k].prior.dist === "choice") choicePrior[k] = distributionLogDensity(parameters[k].prior, theta[k]);
  }
  let max = -Infinity;
  let sum = 0;
  for (let j = 0; j < kernel.parents.length; j++) {
    let a = kernel.logWeights[j];
    if (a === -Infinity) continue;
    const parent = kernel.parents[j];
    for (let k = 0; k < p; k++) a += logComponent(kernel, parameters[k], k, parent[k], theta[k], choicePrior[k]);
    if (a === -Infinity) continue;
    if (a > max) {
      sum = sum * exp(max - a) + 1;
      max = a;
    } else {
      sum += exp(a - max);
    }
  }
  return max + ln(sum);
}
