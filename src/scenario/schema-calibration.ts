/**
 * Calibration data of a scenario (docs/model.md, "Calibration"): the observations a history
 * must reproduce, with tolerances fixed beforehand, and the posterior that runs use: rows of
 * (parameter values, history seed of an accepted replicate).
 */
import { z } from "zod";
import { Id, Quarter } from "./schema-structure.js";

/** One observed statistic: a metric of one label in a year, its level or growth, within [min, max]. */
export const RangeObservationSchema = z.strictObject({
  kind: z.literal("range").describe("a metric's value within a tolerance"),
  label: z.string().describe("the observation in words"),
  metric: z.string().regex(/^[a-zA-Z]+\/[a-z-]+$/, 'a metric key such as "output/park"').describe("metric key, e.g. \"output/park\" (docs/model.md, Metrics)"),
  of: z.string().describe("the breakdown label, e.g. a park id"),
  year: z.number().int().min(2000).max(2100).describe("calendar year"),
  quarter: z.number().int().min(1).max(4).optional().describe("1-4: the value at the end of that quarter; absent: the year's value by the metric's yearly rule"),
  measure: z.enum(["level", "growth"]).optional().describe("level (default) or growth on the previous year"),
  min: z.number().optional().describe("lowest accepted value (tolerance fixed beforehand)"),
  max: z.number().optional().describe("highest accepted value (tolerance fixed beforehand)"),
  target: z.number().optional().describe("the observed point value when [min, max] is a tolerance around it (enters the regression adjustment); absent when the interval is itself the datum"),
  source: z.string().describe("data/ row ids the observation comes from"),
}).meta({ id: "RangeObservation" });

/** An observed count scored by its Poisson probability given the model's expected count mu. */
export const PoissonObservationSchema = z.strictObject({
  kind: z.literal("poisson").describe("a count scored by its Poisson probability"),
  label: z.string().describe("the observation in words"),
  statistic: z.literal("anchorSignings").describe("the expected count: anchor signings the anchor process expects before history.anchorLeadsFrom"),
  observed: z.number().int().min(0).max(1e6).describe("the observed count (e.g. 2: kelun-park, wuxi-park)"),
  source: z.string().describe("data/ row ids the observation comes from"),
}).meta({ id: "PoissonObservation" });

/** Any observation. */
export const ObservationSchema = z.discriminatedUnion("kind", [RangeObservationSchema, PoissonObservationSchema]);

/** Observations for `clustersim calibrate`, keyed by id. */
export const CalibrationSchema = z.strictObject({
  until: Quarter.describe("last quarter the calibration's history runs to (no later outcome enters), e.g. \"2018Q2\""),
  replicates: z.number().int().min(1).max(1000).default(5).describe("history seeds run per parameter draw"),
  observations: z.record(Id, ObservationSchema).describe("observations by id"),
  parameters: z.array(z.string()).optional().describe("JSON paths of the distributions to calibrate (at most about 10; the rest keep their priors); absent: every distribution not excluded"),
  exclude: z.array(z.string()).default([]).describe("JSON paths of distributions not to calibrate (they keep their priors)"),
});

/** The accepted (parameters, history seed) rows of a calibration: each run picks one row. */
export const PosteriorSchema = z.strictObject({
  parameters: z.array(z.string()).min(1).describe(
    "JSON paths of the calibrated parameters, written as the engine writes them, e.g. \"$.dynamics.accelerator\" or '$.industries[\"health-management\"].marketTrend' (checked in schema.ts)",
  ),
  draws: z.array(z.array(z.number())).min(1).describe("one row per accepted sample, one column per parameter"),
  historySeeds: z.array(z.number().int().min(0).max(0xffffffff)).min(1).describe("the history seed of each row's accepted replicate; a run using the row replays that history bit for bit"),
  source: z.string().describe("how the posterior was made: command, calibration scenario, acceptance"),
});
