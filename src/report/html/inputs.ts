/**
 * The shapes the report reads from a results folder (manifest.json, summary.json,
 * comparison.json), as zod schemas: the single source of their types and of their checks.
 * Only the fields the report uses are checked; other fields pass through unread.
 */
import { z } from "zod";

/** A number or null (JSON has no NaN: writers store a missing statistic as null). */
const num = z.number().nullable();

/** manifest.json: provenance of a batch or comparison folder. */
export const ManifestSchema = z.object({
  kind: z.enum(["batch", "comparison"]),
  formatVersion: z.literal(1),
  engineVersion: z.string(),
  buildId: z.string().nullish(),
  gitCommit: z.string().nullish(),
  scenarios: z.array(z.object({ name: z.string(), file: z.string(), hash: z.string() })).min(1),
  baseSeed: z.number(),
  runs: z.number(),
  seeds: z.string().nullish(),
  workers: z.number().nullish(),
  startedAt: z.string().nullish(),
  finishedAt: z.string().nullish(),
  seconds: z.number().nullish(),
});

/** One target's statistics in summary.json. */
export const SummaryTargetSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.string(),
  year: z.number(),
  goal: z.string(),
  runs: z.number(),
  met: z.number(),
  probability: num,
  low: num,
  high: num,
  quantiles: z.object({ p5: num, p25: num, p50: num, p75: num, p95: num }),
  firstYearMet: z.array(z.object({ year: z.string(), runs: z.number(), share: z.number() })),
});

/** summary.json of a batch (also written into a comparison folder). */
export const SummarySchema = z.object({
  kind: z.literal("clustersim-batch-summary"),
  formatVersion: z.literal(1),
  baseSeed: z.number(),
  runs: z.number(),
  note: z.string().nullish(),
  scenarios: z
    .array(
      z.object({
        name: z.string(),
        hash: z.string(),
        runs: z.number(),
        completed: z.number(),
        failed: z.number(),
        targets: z.array(SummaryTargetSchema),
        headlines: z.array(z.object({ name: z.string(), mean: num, low: num, high: num })),
      }),
    )
    .min(1),
});

/** A difference with its 95% interval. */
const interval = { difference: z.number(), low: z.number(), high: z.number() };

/** One alternative against the baseline in comparison.json. */
export const AlternativeSchema = z.object({
  name: z.string(),
  hash: z.string(),
  pairedRuns: z.number(),
  /** probabilities (0-1) and their paired difference; `goal` is optional (summary.json has it) */
  targets: z.array(z.object({ id: z.string(), label: z.string(), year: z.number(), goal: z.string().optional(), baseline: z.number(), alternative: z.number(), ...interval })),
  yearly: z.array(z.object({ metric: z.string(), breakdown: z.string(), label: z.string(), year: z.number(), ...interval })),
  fiscalCost: z.object({ baseline: z.number(), alternative: z.number(), ...interval }),
  perYi: z.array(z.object({ id: z.string(), value: num, low: num, high: num })),
  /** names such as "target:<id>" and "headline:<name>" */
  varianceReduction: z.array(z.object({ name: z.string(), value: num })),
  /** the change in each headline of summary.json (optional) */
  headlines: z.array(z.object({ name: z.string(), ...interval })).optional(),
});

/** comparison.json: every alternative against the baseline, paired on the same seeds. */
export const ComparisonSchema = z.object({
  kind: z.literal("clustersim-comparison"),
  formatVersion: z.literal(1),
  baseline: z.string(),
  baseSeed: z.number(),
  runs: z.number(),
  note: z.string().nullish(),
  alternatives: z.array(AlternativeSchema).min(1),
  ranking: z.array(z.object({ target: z.string(), label: z.string(), alternatives: z.array(z.object({ name: z.string(), ...interval })) })),
});

/** manifest.json as read. */
export type Manifest = z.infer<typeof ManifestSchema>;
/** summary.json as read. */
export type Summary = z.infer<typeof SummarySchema>;
/** One scenario of summary.json. */
export type SummaryScenario = Summary["scenarios"][number];
/** One target of a scenario in summary.json. */
export type SummaryTarget = z.infer<typeof SummaryTargetSchema>;
/** comparison.json as read. */
export type Comparison = z.infer<typeof ComparisonSchema>;
/** One alternative of comparison.json. */
export type Alternative = z.infer<typeof AlternativeSchema>;

/** One row of yearly.csv: a metric's mean (95% interval) and quantiles over the runs in a year. */
export interface YearlyRow {
  scenario: string;
  year: number;
  breakdown: string;
  label: string;
  metric: string;
  mean: number | null;
  meanLow: number | null;
  meanHigh: number | null;
  p5: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p95: number | null;
}
