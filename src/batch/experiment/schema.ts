/**
 * The experiment file format (issue 13), as a zod schema: the single definition of what an
 * experiment file may hold (experiments/experiment.schema.json is generated from it). An
 * experiment names a model (a scenario file relative to the experiment file, or an analytic
 * test function), the factors (JSON paths of the scenario with a range, levels or a
 * distribution, and how each applies), the design, replications per point, the outcomes and
 * the base seed. Checks that need the scenario (paths exist, targets and labels) are in
 * factors.ts and outcomes.ts. A "$comment" string may stand in any object (removed before the
 * schema checks the file, as in scenario files).
 */
import { z } from "zod";
import { DistributionSchema } from "../../scenario/schema-number.js";

/** A name used as a CSV column: letters, digits, '_', '.', '-', starting with a letter. */
export const ColumnName = z
  .string()
  .max(120)
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, "a name of letters, digits, '_', '.' and '-', starting with a letter (it becomes a CSV column)");

/** Normal noise added to a test function's value in each run. */
const noise = z.number().min(0).optional().describe("a number >= 0: the standard deviation of normal noise added to each run's value, drawn from the run seed and the point (default 0: deterministic)");

/** A built-in analytic test problem instead of a scenario. */
export const TestModelSchema = z.discriminatedUnion("testFunction", [
  z.strictObject({ testFunction: z.literal("ishigami"), a: z.number().optional().describe("default 7"), b: z.number().optional().describe("default 0.1"), noise }).describe("Ishigami and Homma (1990) on [-pi, pi]^3"),
  z.strictObject({ testFunction: z.literal("sobol-g"), a: z.array(z.number().min(0)).min(1).max(128).describe("a list of numbers >= 0, one coefficient per input (a small a_i makes an influential input)"), noise }).describe("Sobol' G on [0, 1]^k"),
  z
    .strictObject({
            testFunction: z.literal("box"),
      dimensions: z.number().int().min(1).max(128).describe("a whole number from 1 to 128: the inputs x1..xk, each on [0, 1]"),
      box: z.array(z.tuple([z.number(), z.number()])).min(1).describe("[low, high] of the first inputs: the value is 1 inside the box, 0 outside"),
      noise,
    })
    .describe("a planted box on [0, 1]^k, for scenario discovery"),
]);

/** A design's own seed. */
const designSeed = z.number().int().min(0).max(4294967295).optional().describe("a whole number from 0 to 4294967295: the design's seed (default: the experiment's seed)");

/** The factor domain keys: exactly one of them. */
const DOMAINS = ["range", "levels", "distribution"] as const;

/** One factor, or a group of factors taken from the scenario's uncertain parameters. */
export const FactorSchema = z
  .strictObject({
        name: ColumnName.optional().describe("the factor's column in design.csv (default: its path, e.g. attraction.promotionTeams)"),
    path: z
      .union([z.string(), z.array(z.string()).min(1)])
      .optional()
      .describe('a JSON path of the scenario, e.g. "$.attraction.promotionTeams", or several moved together by the same value'),
    apply: z.enum(["set", "scale", "shift"]).optional().describe("set the number at the path (default); scale (multiply) or shift (add to) every number under it, e.g. every year of a schedule"),
    range: z.tuple([z.number(), z.number()]).optional().describe("[min, max]: values spread uniformly"),
    levels: z.array(z.number()).min(1).optional().describe("the values it takes"),
    distribution: z
      .union([z.literal("scenario"), DistributionSchema])
      .optional()
      .describe('a distribution sampled by its quantiles, or "scenario": the one the scenario draws the path from (the posterior marginal for a calibrated parameter)'),
    uncertain: z.enum(["all", "posterior"]).optional().describe('instead of a path: one factor per uncertain parameter of the scenario ("all": every distribution and posterior parameter; "posterior": the calibrated ones), each with distribution "scenario"'),
    exclude: z.array(z.string()).optional().describe("with uncertain: paths to leave out"),
  })
  .superRefine((f, ctx) => {
    const bad = (message: string, path: string[] = []) => ctx.addIssue({ code: "custom", message, path });
    const given = DOMAINS.filter((d) => f[d] !== undefined);
    if (f.uncertain !== undefined) {
      for (const key of ["name", "path", "apply", ...DOMAINS] as const) if (f[key] !== undefined) bad(`"${key}" does not go with "uncertain" (it makes its own factors)`, [key]);
      return;
    }
    if (f.exclude !== undefined) bad('"exclude" goes with "uncertain" only', ["exclude"]);
    if (given.length !== 1) bad(given.length === 0 ? 'a factor needs one of "range", "levels" or "distribution"' : `a factor takes one of "range", "levels" or "distribution", not ${given.join(" and ")}`);
    if (f.range && !(f.range[0] <= f.range[1])) bad(`range needs min <= max (got ${f.range[0]} > ${f.range[1]})`, ["range"]);
    if (f.distribution === "scenario" && (f.apply ?? "set") !== "set") bad('distribution "scenario" sets the parameter: it does not go with apply "scale" or "shift"', ["apply"]);
  });

/** The design of the experiment (src/analysis/experiments: buildDesign). */
export const DesignSchema = z.discriminatedUnion("method", [
  z.strictObject({ method: z.literal("grid"), levels: z.number().int().min(1).max(1000).optional().describe("a whole number from 1 to 1000: grid values of range and distribution factors (default 5); a levels factor uses its own") }).describe("full factorial: every combination, the last factor fastest"),
  z.strictObject({ method: z.literal("lhs"), n: z.number().int().min(2).describe("a whole number >= 2: the points"), centred: z.boolean().optional(), seed: designSeed }).describe("Latin hypercube"),
  z.strictObject({ method: z.literal("sobol"), n: z.number().int().min(1).describe("a whole number >= 1: the points (a power of two)"), scramble: z.boolean().optional(), skip: z.number().int().min(0).optional(), seed: designSeed }).describe("Sobol' sequence"),
  z
    .strictObject({
            method: z.literal("saltelli"),
      n: z.number().int().min(2).describe("a whole number >= 2: the base sample N (a power of two); the design has N (k + 2) points, N (2k + 2) with secondOrder"),
      secondOrder: z.boolean().optional().describe("also second-order indices (indices2.csv)"),
      scramble: z.boolean().optional(),
      skip: z.number().int().min(0).optional(),
      seed: designSeed,
    })
    .describe("Saltelli's scheme for Sobol' indices (Saltelli 2010, Jansen)"),
  z
    .strictObject({
            method: z.literal("morris"),
      trajectories: z.number().int().min(2).describe("a whole number >= 2: r trajectories of k + 1 points"),
      levels: z.number().int().min(2).optional().describe("an even whole number >= 2: the grid levels p (default 4)"),
      candidates: z.number().int().min(2).optional().describe("a whole number >= trajectories: draw this many trajectories and keep the r most spread (Campolongo 2007)"),
      seed: designSeed,
    })
    .describe("Morris elementary effects"),
  z.strictObject({ method: z.literal("explicit"), file: z.string().min(1).describe("a CSV file of points (relative to the experiment file): one column per factor name") }).describe("explicit points"),
]);

/** What an outcome's per-point statistic is over the point's replications. */
const Statistic = z.union([z.literal("mean"), z.strictObject({ quantile: z.number().gt(0).lt(1) })]);

/** The keys of an outcome that name its source: exactly one of them. */
const SOURCES = ["target", "targetValue", "metric", "headline", "output"] as const;

/** One outcome: where each run's value comes from, an optional threshold, and the statistic per point. */
export const OutcomeSchema = z
  .strictObject({
        name: ColumnName.optional().describe("its column in points.csv and its name in indices.csv (default: made from its source)"),
    target: z.string().optional().describe("a target id of the scenario: 1 when met in the run, 0 when not (its mean is the probability)"),
    targetValue: z.string().optional().describe("a target id of the scenario: the target's value in its year (output, groups attracted, rank...)"),
    metric: z.string().optional().describe('a metric key such as "output/park"'),
    label: z.string().optional().describe('with metric: the park, industry... label, e.g. "medical-city"'),
    year: z.number().int().optional().describe("a calendar year (with metric)"),
    headline: z.string().optional().describe("a headline per-run figure, e.g. fiscalCostTotal (亿元 over the horizon) or districtOutputFinalYear"),
    output: z.literal("y").optional().describe("a test function's value"),
    atLeast: z.number().optional().describe("the run's value becomes 1 when it is >= this, else 0 (a 'met' outcome)"),
    atMost: z.number().optional().describe("the run's value becomes 1 when it is <= this, else 0"),
    statistic: Statistic.optional().describe('over a point\'s replications: "mean" (default) or {"quantile": q}'),
  })
  .superRefine((o, ctx) => {
    const bad = (message: string, path: string[] = []) => ctx.addIssue({ code: "custom", message, path });
    const given = SOURCES.filter((k) => o[k] !== undefined);
    if (given.length !== 1) bad(given.length === 0 ? 'an outcome needs one of "target", "targetValue", "metric", "headline" or "output"' : `an outcome takes one of "target", "targetValue", "metric", "headline" or "output", not ${given.join(" and ")}`);
    if (o.metric === undefined) for (const k of ["label", "year"] as const) if (o[k] !== undefined) bad(`"${k}" goes with "metric" only`, [k]);
    if (o.metric !== undefined && o.year === undefined) bad('a metric outcome needs "year"', ["year"]);
    if (o.atLeast !== undefined && o.atMost !== undefined) bad('give "atLeast" or "atMost", not both', ["atMost"]);
    if (o.target !== undefined && (o.atLeast !== undefined || o.atMost !== undefined)) bad("a target outcome is already met or not: no threshold", [o.atLeast !== undefined ? "atLeast" : "atMost"]);
    const binary = o.target !== undefined || o.atLeast !== undefined || o.atMost !== undefined;
    if (binary && o.statistic !== undefined && o.statistic !== "mean") bad("a met/not-met outcome's statistic is its mean (the probability)", ["statistic"]);
  });

/** Options of the analysis after the runs. */
export const AnalysisSchema = z.strictObject({
    resamples: z.number().int().min(0).max(100_000).optional().describe("a whole number from 0 to 100000: bootstrap resamples of the index intervals (default 1000; 0: no intervals)"),
  prim: z
    .strictObject({
            threshold: z.number().gt(0).max(1).optional().describe("a number > 0 and <= 1: the density a box must reach (default 0.8)"),
      peelAlpha: z.number().gt(0).lt(0.5).optional(),
      pasteAlpha: z.number().gt(0).lt(0.5).optional(),
      minMass: z.number().gt(0).max(1).optional(),
    })
    .optional(),
});

/** An experiment file. */
export const ExperimentSchema = z
  .strictObject({
        $schema: z.string().optional().describe('the JSON Schema of this file, e.g. "./experiment.schema.json"'),
    name: ColumnName.describe("the experiment's name"),
    description: z.string().optional(),
    scenario: z.string().min(1).optional().describe("the scenario file, relative to this file"),
    model: TestModelSchema.optional().describe("instead of a scenario: an analytic test function"),
    factors: z.array(FactorSchema).min(1).optional().describe("what varies (a test function's inputs by default)"),
    design: DesignSchema,
    replications: z.number().int().min(1).max(1_000_000).optional().describe("a whole number from 1 to 1000000: runs per point, the same seeds at every point (default 1)"),
    outcomes: z.array(OutcomeSchema).min(1).optional().describe('what is measured (a test function\'s value "y" by default)'),
    seed: z.number().int().min(0).max(4294967295).optional().describe("a whole number from 0 to 4294967295: the base seed (default 1); replication r runs seed deriveSeed(seed, r); the design's seed unless design.seed"),
    analysis: AnalysisSchema.optional(),
  })
  .superRefine((e, ctx) => {
    const bad = (message: string, path: string[] = []) => ctx.addIssue({ code: "custom", message, path });
    if ((e.scenario === undefined) === (e.model === undefined)) bad(e.scenario === undefined ? 'an experiment needs "scenario" (a file) or "model" (a test function)' : 'give "scenario" or "model", not both', e.scenario === undefined ? [] : ["model"]);
    if (e.scenario !== undefined && e.factors === undefined) bad('missing required key "factors" (a scenario experiment varies JSON paths of its scenario)');
    if (e.scenario !== undefined && e.outcomes === undefined) bad('missing required key "outcomes" (targets, metrics or headlines of the scenario)');
  });

/** An experiment file as parsed. */
export type ExperimentFile = z.infer<typeof ExperimentSchema>;
/** One factor entry of an experiment file. */
export type FactorEntry = z.infer<typeof FactorSchema>;
/** One outcome entry of an experiment file. */
export type OutcomeEntry = z.infer<typeof OutcomeSchema>;
/** A test-function model entry. */
export type TestModelEntry = z.infer<typeof TestModelSchema>;
/** A design entry. */
export type DesignEntry = z.infer<typeof DesignSchema>;
