/**
 * Parameter distributions as scenario data: the JSON spec types (structurally the same as the
 * zod schema in src/scenario), their checks, sampler, static support and mean.
 */
import { exp, ln, normalMass, normalPdf } from "./math.js";
import { beta, choice, lognormal, normal, triangular, truncatedLognormal, truncatedNormal, uniform } from "./samplers.js";
import { parameterStream, type RandomStream } from "./streams.js";

/** Uniform on [min, max]. */
export interface UniformSpec { dist: "uniform"; min: number; max: number }
/** Normal(mean, sd), truncated to [min, max] when either bound is given. */
export interface NormalSpec { dist: "normal"; mean: number; sd: number; min?: number; max?: number }
/** Lognormal: exp of Normal(meanlog, sdlog), truncated to [min, max] when either bound is given. */
export interface LognormalSpec { dist: "lognormal"; meanlog: number; sdlog: number; min?: number; max?: number }
/** Triangular on [min, max] with peak at mode. */
export interface TriangularSpec { dist: "triangular"; min: number; mode: number; max: number }
/** Beta(alpha, beta) scaled to [min, max] (default [0, 1]). */
export interface BetaSpec { dist: "beta"; alpha: number; beta: number; min?: number; max?: number }
/** One of values, with probabilities proportional to weights (equal when absent). */
export interface ChoiceSpec { dist: "choice"; values: number[]; weights?: number[] }

/** A parameter distribution as written in a scenario file. */
export type DistributionSpec = UniformSpec | NormalSpec | LognormalSpec | TriangularSpec | BetaSpec | ChoiceSpec;
/** A numeric scenario parameter: a fixed number or a distribution drawn once per run. */
export type NumberOrDistribution = number | DistributionSpec;

const DIST_NAMES = new Set(["uniform", "normal", "lognormal", "triangular", "beta", "choice"]);

/** True when v looks like a DistributionSpec (an object whose `dist` is a known name); no deep check. */
export function isDistributionSpec(v: unknown): v is DistributionSpec {
  return typeof v === "object" && v !== null && DIST_NAMES.has((v as { dist?: unknown }).dist as string);
}

/**
 * Choice weights with a finite sum: as given, or, when their sum overflows (weights near 1e308),
 * divided by the largest weight, which keeps their proportions. Weights that do not overflow
 * are returned unchanged, so their draws stay bit-identical.
 */
function finiteSumWeights(weights: readonly number[]): readonly number[] {
  let total = 0;
  let max = 0;
  for (const w of weights) {
    total += w;
    max = Math.max(max, w);
  }
  return Number.isFinite(total) || !(max > 0 && Number.isFinite(max)) ? weights : weights.map((w) => w / max);
}

/** Pushes a message when x is not a finite number. */
function finite(issues: string[], name: string, x: number | undefined, optional = false): void {
  if (x === undefined && optional) return;
  if (typeof x !== "number" || !Number.isFinite(x)) issues.push(`${name} must be a finite number`);
}

/** Problems with a spec's parameters as human-readable messages (empty when it is valid). */
export function distributionIssues(spec: DistributionSpec): string[] {
  const issues: string[] = [];
  switch (spec.dist) {
    case "uniform":
      finite(issues, "min", spec.min);
      finite(issues, "max", spec.max);
      if (spec.min > spec.max) issues.push("min must be <= max");
      break;
    case "normal":
    case "lognormal": {
      const [m, s] = spec.dist === "normal" ? [spec.mean, spec.sd] : [spec.meanlog, spec.sdlog];
      const [mName, sName] = spec.dist === "normal" ? ["mean", "sd"] : ["meanlog", "sdlog"];
      finite(issues, mName, m);
      finite(issues, sName, s);
      if (s < 0) issues.push(`${sName} must be >= 0`);
      finite(issues, "min", spec.min, true);
      finite(issues, "max", spec.max, true);
      if (spec.min !== undefined && spec.max !== undefined && spec.min > spec.max) issues.push("min must be <= max");
      if (spec.dist === "lognormal" && spec.max !== undefined && spec.max <= 0) issues.push("max must be > 0 for a lognormal");
      break;
    }
    case "triangular":
      finite(issues, "min", spec.min);
      finite(issues, "mode", spec.mode);
      finite(issues, "max", spec.max);
      if (!(spec.min <= spec.mode && spec.mode <= spec.max)) issues.push("need min <= mode <= max");
      break;
    case "beta":
      finite(issues, "alpha", spec.alpha);
      finite(issues, "beta", spec.beta);
      if (!(spec.alpha > 0) || !(spec.beta > 0)) issues.push("alpha and beta must be > 0");
      finite(issues, "min", spec.min, true);
      finite(issues, "max", spec.max, true);
      if ((spec.min ?? 0) > (spec.max ?? 1)) issues.push("min must be <= max");
      break;
    case "choice":
      if (!Array.isArray(spec.values) || spec.values.length === 0) issues.push("values must be a non-empty array");
      else spec.values.forEach((v, i) => finite(issues, `values[${i}]`, v));
      if (spec.weights !== undefined) {
        if (!Array.isArray(spec.weights) || spec.weights.length !== spec.values?.length) {
          issues.push("weights must have one entry per value");
        } else {
          spec.weights.forEach((w, i) => {
            if (!(w >= 0) || !Number.isFinite(w)) issues.push(`weights[${i}] must be finite and >= 0`);
          });
          if (!(finiteSumWeights(spec.weights).reduce((a, b) => a + b, 0) > 0)) issues.push("weights must have a positive sum");
        }
      }
      break;
    default:
      issues.push(`unknown distribution "${(spec as { dist?: unknown }).dist}"`);
  }
  return issues;
}

/** Throws RangeError listing the spec's issues, if any. */
function assertValid(spec: DistributionSpec): void {
  const issues = distributionIssues(spec);
  if (issues.length > 0) throw new RangeError(`invalid ${spec.dist} distribution: ${issues.join("; ")}`);
}

/** True when a normal or lognormal spec has a truncation bound. */
function isTruncated(spec: NormalSpec | LognormalSpec): boolean {
  return spec.min !== undefined || spec.max !== undefined;
}

/**
 * One draw from the spec (RangeError when the spec is invalid). Uses one uniform of the
 * stream, except beta which uses a variable number (rejection sampling).
 */
export function drawDistribution(spec: DistributionSpec, stream: RandomStream): number {
  assertValid(spec);
  switch (spec.dist) {
    case "uniform":
      return uniform(spec.min, spec.max, stream.next());
    case "normal":
      return isTruncated(spec)
        ? truncatedNormal(spec.mean, spec.sd, spec.min ?? -Infinity, spec.max ?? Infinity, stream.next())
        : normal(spec.mean, spec.sd, stream.next());
    case "lognormal":
      return isTruncated(spec)
        ? truncatedLognormal(spec.meanlog, spec.sdlog, Math.max(0, spec.min ?? 0), spec.max ?? Infinity, stream.next())
        : lognormal(spec.meanlog, spec.sdlog, stream.next());
    case "triangular":
      return triangular(spec.min, spec.mode, spec.max, stream.next());
    case "beta": {
      const lo = spec.min ?? 0;
      return lo + ((spec.max ?? 1) - lo) * beta(spec.alpha, spec.beta, stream);
    }
    case "choice":
      return choice(spec.values, spec.weights && finiteSumWeights(spec.weights), stream.next());
  }
}

/**
 * The run's value of a parameter at `jsonPath` (e.g. "$.industries.biopharma.marketTrend"):
 * the number itself, or one draw from its own parameterStream(runSeed, jsonPath).
 */
export function drawParameter(runSeed: number, jsonPath: string, value: NumberOrDistribution): number {
  return typeof value === "number" ? value : drawDistribution(value, parameterStream(runSeed, jsonPath));
}

/** Static support [lo, hi] of the spec, ±Infinity where unbounded (for range checks in validation). */
export function distributionSupport(spec: DistributionSpec): [number, number] {
  switch (spec.dist) {
    case "uniform":
    case "triangular":
      return [spec.min, spec.max];
    case "normal":
      return [spec.min ?? -Infinity, spec.max ?? Infinity];
    case "lognormal":
      return [Math.max(0, spec.min ?? 0), spec.max ?? Infinity];
    case "beta":
      return [spec.min ?? 0, spec.max ?? 1];
    case "choice": {
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of spec.values) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      return [lo, hi];
    }
  }
}

/** Mean of the standard normal truncated to [a, b] (bound nearest 0 when the mass underflows). */
function truncatedStdNormalMean(a: number, b: number): number {
  const mass = normalMass(a, b);
  if (!(mass > 0)) return a > 0 ? a : b;
  return (normalPdf(a) - normalPdf(b)) / mass;
}

/**
 * Analytic mean of the spec, a "central" value: exact formulas for every case, including
 * the truncated normal (μ + σ(φ(a) − φ(b))/(Φ(b) − Φ(a))) and truncated lognormal
 * (e^(μ+σ²/2)(Φ(β−σ) − Φ(α−σ))/(Φ(β) − Φ(α)) with α, β the standardised log bounds).
 * Weighted mean for choice. RangeError when the spec is invalid.
 */
export function distributionMean(spec: DistributionSpec): number {
  assertValid(spec);
  switch (spec.dist) {
    case "uniform":
      return (spec.min + spec.max) / 2;
    case "triangular":
      return (spec.min + spec.mode + spec.max) / 3;
    case "normal": {
      if (!isTruncated(spec)) return spec.mean;
      const lo = spec.min ?? -Infinity;
      const hi = spec.max ?? Infinity;
      if (spec.sd === 0 || lo === hi) return Math.min(hi, Math.max(lo, spec.mean));
      return spec.mean + spec.sd * truncatedStdNormalMean((lo - spec.mean) / spec.sd, (hi - spec.mean) / spec.sd);
    }
    case "lognormal": {
      const { meanlog: mu, sdlog: s } = spec;
      if (!isTruncated(spec)) return exp(mu + 0.5 * s * s);
      const lo = Math.max(0, spec.min ?? 0);
      const hi = spec.max ?? Infinity;
      if (s === 0 || lo === hi) return Math.min(hi, Math.max(lo, exp(mu)));
      const a = (ln(lo) - mu) / s;
      const b = (ln(hi) - mu) / s;
      const mass = normalMass(a, b);
      if (!(mass > 0)) return a > 0 ? lo : hi;
      return (exp(mu + 0.5 * s * s) * normalMass(a - s, b - s)) / mass;
    }
    case "beta": {
      const lo = spec.min ?? 0;
      return lo + ((spec.max ?? 1) - lo) * (spec.alpha / (spec.alpha + spec.beta));
    }
    case "choice": {
      const { values } = spec;
      const weights = spec.weights && finiteSumWeights(spec.weights);
      let sum = 0;
      let wsum = 0;
      for (let i = 0; i < values.length; i++) {
        const w = weights === undefined ? 1 : weights[i];
        sum += w * values[i];
        wsum += w;
      }
      return sum / wsum;
    }
  }
}
