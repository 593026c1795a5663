/**
 * Calibration data of a scenario (MODEL.md "Calibration and honesty"): the observations a
 * calibration run must reproduce, and the posterior (accepted joint prior draws) that runs use.
 */
import { z } from "zod";
import { Id } from "./schema-structure.js";

/** One observed statistic: a metric of one label in a year, its level or growth, within [min, max]. */
export const ObservationSchema = z.strictObject({
  label: z.string(),
  /** metric key, e.g. "output/park" or "firms/park" (see README, Metrics) */
  metric: z.string().regex(/^[a-zA-Z]+\/[a-z]+$/, 'a metric key such as "output/park"'),
  /** the breakdown label, e.g. a park id */
  of: Id,
  year: z.number().int().min(2000).max(2100),
  /** 1-4: the value at the end of that quarter; absent: the mean over the year */
  quarter: z.number().int().min(1).max(4).optional(),
  /** level (default) or growth on the previous year */
  measure: z.enum(["level", "growth"]).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** data/ row ids the observation comes from */
  source: z.string(),
});

/** Observations for `clustersim calibrate`, keyed by id. */
export const CalibrationSchema = z.strictObject({
  observations: z.record(Id, ObservationSchema),
  /** JSON paths of distributions not to calibrate (calibration-only priors such as a start level) */
  exclude: z.array(z.string()).default([]),
});

/** The accepted joint draws of a calibration: each run picks one row for these parameters. */
export const PosteriorSchema = z.strictObject({
  /** JSON paths of the calibrated parameters, written as the engine writes them, e.g. "$.attraction.leadsPerTeamQuarter" or '$.industries["health-management"].marketTrend' (checked in schema.ts) */
  parameters: z.array(z.string()).min(1),
  /** one row per accepted draw, one column per parameter */
  draws: z.array(z.array(z.number())).min(1),
  /** how the posterior was made: command, calibration scenario, draws, acceptance */
  source: z.string(),
});
