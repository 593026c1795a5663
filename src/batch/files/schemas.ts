/**
 * The result-file contract: zod schemas of summary.json, comparison.json and manifest.json, the
 * single source of their types (the writers build objects of these types) and of every reader's
 * checks (the report, compare, tests, readResultsFolder). Probabilities are fractions in [0, 1];
 * missing statistics are null (JSON has no NaN); money is in 亿元.
 */
import { z } from "zod";
import { TargetDescriptionSchema } from "../../model/target-description.js";
import { FORMAT_VERSION } from "./format.js";

/** A number or null (a statistic with no runs to compute it from). */
const num = z.number().nullable();
/** A probability as a fraction in [0, 1], or null. */
const fraction = z.number().min(0).max(1).nullable();
/** The format version every result file carries. */
const formatVersion = z.literal(FORMAT_VERSION);

/** Where a batch's seeds came from. */
export const SeedsSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("derived"), baseSeed: z.number().int(), rule: z.string().describe("how run i's seed is made") }),
  z.object({ kind: z.literal("list"), file: z.string(), count: z.number().int().describe("seeds in the file; the batch uses the first `runs`") }),
]);

/** One `--set` change of a scenario. */
export const ChangeSchema = z.object({ path: z.string(), value: z.unknown() });

/** One file of a results folder as manifest.json lists it: its path inside the folder, size and SHA-256. */
export const FolderFileSchema = z.object({
  path: z.string().describe("inside the folder: a result file's name, or scenarios/<name>.json"),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** manifest.json: provenance of a batch or comparison folder; the only file with times and worker counts; written last, it lists every other file with its size and SHA-256. */
export const ManifestSchema = z.object({
  kind: z.enum(["batch", "comparison"]),
  formatVersion,
  engineVersion: z.string(),
  buildId: z.string(),
  gitCommit: z.string().nullable(),
  scenarios: z
    .array(
      z.object({
        name: z.string(),
        file: z.string().describe("the file as named on the command line (provenance only)"),
        hash: z.string(),
        set: z.array(ChangeSchema),
        resolved: z.string().describe("the resolved scenario that ran, inside the folder (scenarios/<name>.json)"),
      }),
    )
    .min(1),
  seeds: SeedsSchema,
  /** the base seed of derived seeds, null for an explicit list */
  baseSeed: z.number().nullable(),
  runs: z.number().int(),
  series: z.boolean().describe("whether series.csv.gz was written"),
  workers: z.number().int(),
  queue: z.string().optional().describe("the queue the shards ran on (--queue), its URL with the password as ***; absent for a local batch"),
  startedAt: z.string(),
  finishedAt: z.string(),
  seconds: z.number(),
  files: z.array(FolderFileSchema).describe("every other file of the folder, in the order written"),
});

/** One target's statistics in summary.json: its description and how often it was met. */
export const SummaryTargetSchema = TargetDescriptionSchema.extend({
  runs: z.number().int().describe("completed runs"),
  met: z.number().int().describe("runs in which it was met"),
  probability: fraction.describe("met / runs"),
  low: fraction.describe("95% Wilson interval, low end"),
  high: fraction.describe("95% Wilson interval, high end"),
  quantiles: z.object({ p5: num, p25: num, p50: num, p75: num, p95: num }).describe("quantiles of the value in the target's year (see quantileMethod)"),
  quantileMethod: z
    .enum(["exact-type7", "sketch"])
    .default("exact-type7")
    .describe("exact-type7: every value kept (up to 100,000 completed runs); sketch: a log-bucket quantile sketch with 0.5% relative accuracy (more runs); absent in older files: exact-type7"),
  firstYearMet: z.array(z.object({ year: z.number().int().nullable().describe("null: not met by the horizon"), runs: z.number().int(), share: z.number() })).describe("the first year the target was met, over the runs"),
});

/** One headline's mean over the runs with its 95% t-interval. */
export const HeadlineStatSchema = z.object({ name: z.string(), unit: z.string(), mean: num, low: num, high: num });

/** One scenario of summary.json. */
export const SummaryScenarioSchema = z.object({
  name: z.string(),
  hash: z.string(),
  runs: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
  failures: z.array(z.object({ run: z.number().int(), seed: z.number().int(), message: z.string() })).describe("the first 50 failed runs"),
  targets: z.array(SummaryTargetSchema),
  headlines: z.array(HeadlineStatSchema),
});

/** summary.json of a batch (also written into a comparison folder). */
export const SummarySchema = z.object({
  kind: z.literal("clustersim-batch-summary"),
  formatVersion,
  baseSeed: z.number().nullable(),
  runs: z.number().int(),
  horizon: z.object({ startYear: z.number().int(), endYear: z.number().int() }).describe("the first scenario's simulated years"),
  note: z.string(),
  scenarios: z.array(SummaryScenarioSchema).min(1),
});

/** A difference (alternative minus baseline) with its 95% interval. */
const interval = { difference: z.number(), low: z.number(), high: z.number() };
/** Both levels beside a difference. */
const levels = { baseline: num, alternative: num };

/** One alternative against the baseline in comparison.json. */
export const AlternativeSchema = z.object({
  name: z.string(),
  hash: z.string(),
  pairedRuns: z.number().int(),
  targets: z.array(TargetDescriptionSchema.pick({ id: true, label: true, kind: true, year: true, goal: true }).extend({ ...levels, ...interval }).describe("probabilities (fractions) and their paired difference, Newcombe's interval")),
  yearly: z.array(z.object({ metric: z.string(), breakdown: z.string(), label: z.string(), year: z.number().int(), unit: z.string(), ...levels, ...interval })),
  headlines: z.array(
    z.object({
      name: z.string(),
      unit: z.string(),
      ...levels,
      ...interval,
      unpaired: z.object({ low: z.number(), high: z.number() }).describe("the interval the difference would have without pairing (Welch-style), for comparison"),
      varianceReduction: num.describe("1 - Var(a - b) / (Var a + Var b): what pairing bought"),
    }),
  ),
  fiscalCost: z.object({ unit: z.string(), ...levels, ...interval }),
  perYi: z.array(z.object({ id: z.string(), value: num, low: num, high: num }).describe("change in probability (a fraction) per 亿元 of added fiscal cost; null when the cost does not change")),
  varianceReduction: z.array(z.object({ name: z.string(), value: num }).describe("names target:<id> and headline:<name>")),
});

/** comparison.json: every alternative against the baseline, paired on the same seeds. */
export const ComparisonSchema = z.object({
  kind: z.literal("clustersim-comparison"),
  formatVersion,
  baseline: z.string(),
  baseSeed: z.number().nullable(),
  runs: z.number().int(),
  note: z.string(),
  alternatives: z.array(AlternativeSchema).min(1),
  ranking: z.array(z.object({ target: z.string(), label: z.string(), alternatives: z.array(z.object({ name: z.string(), ...interval })) })),
});

/** manifest.json. */
export type Manifest = z.infer<typeof ManifestSchema>;
/** One file listed in manifest.json. */
export type FolderFile = z.infer<typeof FolderFileSchema>;
/** summary.json. */
export type Summary = z.infer<typeof SummarySchema>;
/** One scenario of summary.json. */
export type SummaryScenario = z.infer<typeof SummaryScenarioSchema>;
/** One target of a scenario in summary.json. */
export type SummaryTarget = z.infer<typeof SummaryTargetSchema>;
/** comparison.json. */
export type Comparison = z.infer<typeof ComparisonSchema>;
/** One alternative of comparison.json. */
export type Alternative = z.infer<typeof AlternativeSchema>;
