/**
 * Public API of src/random: cross-runtime math, seeds, keyed (counter-based) draws, named
 * sequential streams, samplers and parameter distributions.
 */
export { exp, ln, log1p, expm1, pow, lnGamma, normalPdf, normalCdf, normalMass, normalQuantile, growthPerQuarter } from "./math.js";
export { mix32, absorb32, deriveSeed, hashString32, GOLDEN32 } from "./seeds.js";
export { KeyedPass, keyedUniform, keyedHash32, keyedStream, streamId, combineKeys } from "./keyed.js";
export { type RandomStream, aleaStream, runStream, parameterStream } from "./streams.js";
export {
  uniform,
  bernoulli,
  exponential,
  normal,
  lognormal,
  truncatedNormal,
  truncatedLognormal,
  triangular,
  choice,
  poisson,
  POISSON_SEQUENTIAL_MAX_RATE,
  lnGammaVariate,
  gammaVariate,
  beta,
} from "./samplers.js";
export {
  type UniformSpec,
  type NormalSpec,
  type LognormalSpec,
  type TriangularSpec,
  type BetaSpec,
  type ChoiceSpec,
  type DistributionSpec,
  type NumberOrDistribution,
  isDistributionSpec,
  distributionIssues,
  drawDistribution,
  drawParameter,
  distributionSupport,
  distributionMean,
} from "./distribution.js";
export { betaCdf, distributionQuantile } from "./quantile.js";
