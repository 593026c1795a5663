/**
 * Numeric parameters of a scenario: a plain number or a distribution drawn once per run.
 * Every numeric field of the scenario format is built with `num()` so that any of them may carry
 * parameter uncertainty (docs/model.md, "Randomness").
 */
import { z } from "zod";
import { distributionSupport } from "../random/distribution.js";

/** Uniform on [min, max]. */
const Uniform = z
  .strictObject({ dist: z.literal("uniform"), min: z.number(), max: z.number() })
  .meta({ id: "DistUniform", description: "uniform on [min, max]" });
/** Normal, truncated to [min, max] when either bound is given. */
const Normal = z
  .strictObject({
    dist: z.literal("normal"),
    mean: z.number(),
    sd: z.number().nonnegative(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .meta({ id: "DistNormal", description: "normal, truncated to [min, max] when either bound is given" });
/** Lognormal: ln X ~ Normal(meanlog, sdlog), truncated to [min, max] when given. */
const LogNormal = z
  .strictObject({
    dist: z.literal("lognormal"),
    meanlog: z.number(),
    sdlog: z.number().nonnegative(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .meta({ id: "DistLogNormal", description: "lognormal: ln X ~ Normal(meanlog, sdlog), truncated to [min, max] when given" });
/** Triangular on [min, max] with its mode. */
const Triangular = z
  .strictObject({
    dist: z.literal("triangular"),
    min: z.number(),
    mode: z.number(),
    max: z.number(),
  })
  .meta({ id: "DistTriangular", description: "triangular on [min, max] with its mode" });
/** Beta(alpha, beta) scaled to [min, max] (default [0, 1]). */
const Beta = z
  .strictObject({
    dist: z.literal("beta"),
    alpha: z.number().positive(),
    beta: z.number().positive(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .meta({ id: "DistBeta", description: "Beta(alpha, beta) scaled to [min, max] (default [0, 1])" });
/** One of the listed values, with optional weights (normalised). */
const Choice = z
  .strictObject({
    dist: z.literal("choice"),
    values: z.array(z.number()).min(1),
    weights: z.array(z.number().nonnegative()).optional(),
  })
  .meta({ id: "DistChoice", description: "one of the listed values, with optional weights (normalised)" });

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
  })
  .meta({ id: "Distribution", description: "a parameter distribution, drawn once per run; `dist` selects the family" });

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

/**
 * What `value` (a drawn value, before a count is rounded) breaks of `range`: the expectation in
 * words (e.g. "a number >= 0 and <= 0.99"), or null when it lies within. Whole-number ranges are
 * checked as bounds only, since drawn counts are rounded after drawing.
 */
export function drawnValueProblem(value: number, range: NumRange): string | null {
  const below = range.min !== undefined && (value < range.min || (range.positive === true && value === range.min));
  const above = range.max !== undefined && value > range.max;
  return Number.isFinite(value) && !below && !above ? null : describeRange({ ...range, int: false });
}

/** Static support [lo, hi] of a distribution (±Infinity where unbounded); the sampler's own definition. */
export function supportOf(d: Distribution): [number, number] {
  return distributionSupport(d);
}

function describeRange(r: NumRange): string {
  const lo = r.min === undefined ? "" : r.positive ? `> ${r.min}` : `>= ${r.min}`;
  const hi = r.max === undefined ? "" : `<= ${r.max}`;
  const kind = r.int ? "a whole number" : "a number";
  return [kind, [lo, hi].filter(Boolean).join(" and ")].filter(Boolean).join(" ");
}

/** Whether a distribution's lower end is open (a lognormal without `min` never reaches 0). */
function lowerIsOpen(d: Distribution): boolean {
  return d.dist === "lognormal" && (d.min === undefined || d.min <= 0);
}

/** Whether a distribution's support [lo, hi] lies inside the parameter's range. */
function supportFits(d: Distribution, range: NumRange): boolean {
  const [lo, hi] = supportOf(d);
  const min = range.min;
  const belowMin = min !== undefined && (lo < min || (range.positive === true && lo === min && !lowerIsOpen(d)));
  const aboveMax = range.max !== undefined && hi > range.max;
  return !belowMin && !aboveMax;
}

/**
 * What a field expects, for problem messages ("expected a number >= 0, or a distribution"), by
 * the schema's definition object: a `.describe()` clone shares the definition, so the meaning a
 * field's description gives (for editors) and what its problems say stay apart.
 */
const EXPECTED = new WeakMap<object, string>();

/** What the schema `s` expects, in words, when it was built by num() (else undefined). */
export function expectedOf(s: z.core.$ZodType): string | undefined {
  return EXPECTED.get(s._zod.def);
}

/** The range of a numeric parameter, by the schema's definition object (as EXPECTED). */
const RANGES = new WeakMap<object, NumRange>();

/** The range of the numeric parameter `s` when it was built by num() (else undefined). */
export function rangeOf(s: z.core.$ZodType): NumRange | undefined {
  return RANGES.get(s._zod.def);
}

/**
 * A numeric parameter within `range`: a number, or a distribution whose support lies inside it.
 * The distribution branch is the one shared `DistributionSchema` (so the JSON Schema defines it
 * once); the range check on a distribution runs after the union has matched. `doc` (meaning and
 * unit) becomes the field's description, followed by the range.
 */
export function num(range: NumRange = {}, doc?: string) {
  const base = numBase(range);
  return doc === undefined ? base : base.describe(`${doc} (${describeRange(range)}, or a distribution)`);
}

function numBase(range: NumRange) {
  let plain = range.int ? z.number().int() : z.number();
  if (range.min !== undefined) plain = range.positive ? plain.gt(range.min) : plain.gte(range.min);
  if (range.max !== undefined) plain = plain.lte(range.max);
  const schema = z
    .union([plain, DistributionSchema])
    .superRefine((v, ctx) => {
      if (typeof v === "number" || supportFits(v, range)) return;
      const [lo, hi] = supportOf(v);
      ctx.addIssue({
        code: "custom",
        message:
          `distribution support [${lo}, ${hi}] must lie within the parameter's range (${describeRange(range)}); ` +
          "truncate it with min/max",
      });
    });
  EXPECTED.set(schema._zod.def, `${describeRange(range)}, or a distribution`);
  RANGES.set(schema._zod.def, range);
  return schema;
}

/** A number or a distribution, as it appears in the scenario type. */
export type Num = number | Distribution;

const PROBABILITY = numBase({ min: 0, max: 1 }).meta({ id: "Probability" });
const NON_NEGATIVE = numBase({ min: 0 }).meta({ id: "NonNegative" });
const POSITIVE = numBase({ min: 0, positive: true }).meta({ id: "Positive" });

const withDoc = <T extends z.ZodType>(s: T, range: string, doc?: string): T => (doc === undefined ? s : s.describe(`${doc} (${range}, or a distribution)`));

/** Fraction in [0, 1] (one shared schema, named "Probability" in the JSON Schema); `doc`: meaning and unit. */
export const prob = (doc?: string) => withDoc(PROBABILITY, "a number >= 0 and <= 1", doc);
/** Non-negative quantity (one shared schema, "NonNegative"); `doc`: meaning and unit. */
export const nonneg = (doc?: string) => withDoc(NON_NEGATIVE, "a number >= 0", doc);
/** Strictly positive quantity (one shared schema, "Positive"); `doc`: meaning and unit. */
export const positive = (doc?: string) => withDoc(POSITIVE, "a number > 0", doc);
