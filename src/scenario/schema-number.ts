/**
 * Numeric parameters of a scenario: a plain number or a distribution drawn once per run.
 * Every numeric field of the scenario format is built with `num()` so that any of them may carry
 * parameter uncertainty (MODEL.md, "Randomness ... uncertainty").
 */
import { z } from "zod";

/** Uniform on [min, max]. */
const Uniform = z.strictObject({ dist: z.literal("uniform"), min: z.number(), max: z.number() });
/** Normal, truncated to [min, max] when either bound is given. */
const Normal = z.strictObject({
  dist: z.literal("normal"),
  mean: z.number(),
  sd: z.number().nonnegative(),
  min: z.number().optional(),
  max: z.number().optional(),
});
/** Lognormal: ln X ~ Normal(meanlog, sdlog), truncated to [min, max] when given. */
const LogNormal = z.strictObject({
  dist: z.literal("lognormal"),
  meanlog: z.number(),
  sdlog: z.number().nonnegative(),
  min: z.number().optional(),
  max: z.number().optional(),
});
/** Triangular on [min, max] with its mode. */
const Triangular = z.strictObject({
  dist: z.literal("triangular"),
  min: z.number(),
  mode: z.number(),
  max: z.number(),
});
/** Beta(alpha, beta) scaled to [min, max] (default [0, 1]). */
const Beta = z.strictObject({
  dist: z.literal("beta"),
  alpha: z.number().positive(),
  beta: z.number().positive(),
  min: z.number().optional(),
  max: z.number().optional(),
});
/** One of the listed values, with optional weights (normalised). */
const Choice = z.strictObject({
  dist: z.literal("choice"),
  values: z.array(z.number()).min(1),
  weights: z.array(z.number().nonnegative()).optional(),
});

/** Any parameter distribution; the `dist` key selects the family. */
export const DistributionSchema = z
  .discriminatedUnion("dist", [Uniform, Normal, LogNormal, Triangular, Beta, Choice])
  .superRefine((d, ctx) => {
    const bad = (message: string) => ctx.addIssue({ code: "custom", message });
    switch (d.dist) {
      case "uniform":
        if (!(d.min <= d.max)) bad(`uniform needs min <= max (got ${d.min} > ${d.max})`);
        break;
      case "triangular":
        if (!(d.min <= d.mode && d.mode <= d.max))
          bad(`triangular needs min <= mode <= max (got ${d.min}, ${d.mode}, ${d.max})`);
        break;
      case "normal":
      case "lognormal":
      case "beta":
        if (d.min !== undefined && d.max !== undefined && !(d.min < d.max))
          bad(`${d.dist} truncation needs min < max (got ${d.min} >= ${d.max})`);
        break;
      case "choice":
        if (d.weights && d.weights.length !== d.values.length)
          bad(`choice has ${d.values.length} values but ${d.weights.length} weights`);
        if (d.weights && !d.weights.some((w) => w > 0)) bad("choice weights must not all be zero");
        break;
    }
  });

/** A parameter distribution as parsed from a scenario. */
export type Distribution = z.infer<typeof DistributionSchema>;

/** Bounds of a numeric parameter; a distribution's support must lie inside them. */
export interface NumRange {
  min?: number;
  max?: number;
  /** strictly greater than min */
  positive?: boolean;
  /** whole numbers only (distributions are rounded after drawing) */
  int?: boolean;
}

/** Static support [lo, hi] of a distribution (±Infinity where unbounded). */
export function supportOf(d: Distribution): [number, number] {
  switch (d.dist) {
    case "uniform":
    case "triangular":
      return [d.min, d.max];
    case "normal":
      return [d.min ?? -Infinity, d.max ?? Infinity];
    case "lognormal":
      return [Math.max(0, d.min ?? 0), d.max ?? Infinity];
    case "beta":
      return [d.min ?? 0, d.max ?? 1];
    case "choice":
      return [Math.min(...d.values), Math.max(...d.values)];
  }
}

function describeRange(r: NumRange): string {
  const lo = r.min === undefined ? "" : r.positive ? `> ${r.min}` : `>= ${r.min}`;
  const hi = r.max === undefined ? "" : `<= ${r.max}`;
  const kind = r.int ? "a whole number" : "a number";
  return [kind, [lo, hi].filter(Boolean).join(" and ")].filter(Boolean).join(" ");
}

/** A numeric parameter within `range`: a number, or a distribution whose support lies inside it. */
export function num(range: NumRange = {}) {
  let plain = range.int ? z.number().int() : z.number();
  if (range.min !== undefined) plain = range.positive ? plain.gt(range.min) : plain.gte(range.min);
  if (range.max !== undefined) plain = plain.lte(range.max);
  const dist = DistributionSchema.superRefine((d, ctx) => {
    const [lo, hi] = supportOf(d);
    const belowMin = range.min !== undefined && (range.positive ? lo <= range.min : lo < range.min);
    const aboveMax = range.max !== undefined && hi > range.max;
    if (belowMin || aboveMax) {
      ctx.addIssue({
        code: "custom",
        message: `distribution support [${lo}, ${hi}] must lie within the parameter's range (${describeRange(range)}); truncate it with min/max`,
      });
    }
  });
  return z.union([plain, dist]).describe(`${describeRange(range)}, or a distribution`);
}

/** A number or a distribution, as it appears in the scenario type. */
export type Num = number | Distribution;

/** Fraction in [0, 1]. */
export const prob = () => num({ min: 0, max: 1 });
/** Non-negative quantity. */
export const nonneg = () => num({ min: 0 });
/** Strictly positive quantity. */
export const positive = () => num({ min: 0, positive: true });
