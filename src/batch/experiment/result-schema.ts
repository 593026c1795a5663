/**
 * The JSON files of an experiment folder as zod schemas, the single source of their types (the
 * writer builds objects of these types, the report's reader checks them): experiment.json (the
 * design, factors, outcomes with their replication noise, index notes and PRIM boxes, failures)
 * and manifest.json (provenance, times and workers, and the other files with their sizes and
 * SHA-256; kind "experiment"). No times in
 * experiment.json, so it is byte-identical whatever the worker count or a resume.
 */
import { z } from "zod";
import { FORMAT_VERSION } from "../files/format.js";
import { ChangeSchema, FolderFileSchema, SeedsSchema } from "../files/schemas.js";

const num = z.number().nullable();
const formatVersion = z.literal(FORMAT_VERSION);

/** One box of a PRIM result: limits of the restricted factors, coverage, density, mass. */
const BoxSchema = z.object({
  coverage: z.number(),
  density: z.number(),
  mass: z.number(),
  runs: z.number().int(),
  restricted: z.number().int(),
  limits: z.array(z.object({ factor: z.string(), low: z.number(), high: z.number(), restricted: z.boolean() })),
});

/** An outcome's analysis in experiment.json. */
export const OutcomeSummarySchema = z.object({
  name: z.string(),
  unit: z.string(),
  description: z.string(),
  binary: z.boolean().describe("met / not met per run: its statistic is a probability"),
  statistic: z.string().describe('"mean" or "quantile q"'),
  source: z.record(z.string(), z.unknown()).describe("where a run's value comes from (target, metric, headline, output) and its threshold"),
  points: z.object({ min: num, max: num }).describe("the range of the statistic over the points"),
  noise: z.object({ share: num, betweenVariance: z.number(), noiseVariance: z.number() }).nullable().describe("replication noise (noise.csv)"),
  noiseNote: z.string().nullable().describe("why the noise share is missing"),
  indicesNote: z.string().nullable().describe("why indices.csv has no rows for it"),
  prim: z
    .object({
      threshold: z.number(),
      cases: z.number().int().describe("runs PRIM looked at"),
      met: z.number().int().describe("of which met the outcome"),
      box: BoxSchema.describe("the chosen box after pasting (boxes.csv)"),
      meetsThreshold: z.boolean(),
      chosen: z.number().int().describe("index of the chosen box in the peeling trajectory"),
      pastes: z.number().int(),
      trajectory: z.array(BoxSchema.omit({ limits: true })).describe("the peeling trajectory: coverage against density"),
    })
    .nullable(),
  primNote: z.string().nullable().describe("why there is no box (an outcome that is not met/not met, or never met)"),
});

/** experiment.json: what an experiment did and found, besides the CSVs. */
export const ExperimentSummarySchema = z.object({
  kind: z.literal("clustersim-experiment"),
  formatVersion,
  name: z.string(),
  description: z.string(),
  hash: z.string().describe("SHA-256 of what decides the runs (model, factors, design, replications, outcomes, seed)"),
  model: z.union([
    z.object({ kind: z.literal("scenario"), name: z.string(), file: z.string(), hash: z.string() }),
    z.object({ kind: z.literal("test-function"), testFunction: z.string(), parameters: z.record(z.string(), z.unknown()), noise: z.number() }),
  ]),
  design: z.object({ method: z.string(), points: z.number().int(), seed: z.number().int(), spec: z.record(z.string(), z.unknown()), layout: z.record(z.string(), z.unknown()).describe("Saltelli: n, secondOrder; Morris: trajectories, levels, delta") }),
  replications: z.number().int(),
  seed: z.number().int(),
  runs: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
  failures: z.array(z.object({ run: z.number().int(), point: z.number().int(), replication: z.number().int(), seed: z.number().int(), message: z.string() })).describe("the first 50 failed runs"),
  factors: z.array(z.object({ name: z.string(), paths: z.array(z.string()), apply: z.string(), source: z.string(), domain: z.record(z.string(), z.unknown()), min: z.number(), max: z.number() })),
  outcomes: z.array(OutcomeSummarySchema),
  analysis: z.object({ resamples: z.number().int(), bootstrapSeed: z.number().int(), prim: z.record(z.string(), z.unknown()) }),
  files: z.array(z.string()).describe("the CSV files written"),
  note: z.string(),
});

/** manifest.json of an experiment folder. */
export const ExperimentManifestSchema = z.object({
  kind: z.literal("experiment"),
  formatVersion,
  engineVersion: z.string(),
  buildId: z.string(),
  gitCommit: z.string().nullable(),
  experiment: z.object({ name: z.string(), file: z.string(), hash: z.string(), set: z.array(ChangeSchema) }),
  scenario: z.object({ name: z.string(), file: z.string(), hash: z.string() }).nullable(),
  seeds: SeedsSchema,
  replications: z.number().int(),
  points: z.number().int(),
  runs: z.number().int(),
  workers: z.number().int(),
  queue: z.string().optional().describe("the queue the shards ran on (--queue), its URL with the password as ***; absent for a local run"),
  startedAt: z.string(),
  finishedAt: z.string(),
  seconds: z.number(),
  files: z.array(FolderFileSchema).describe("every other file of the folder, in the order written, with its size and SHA-256"),
});

/** experiment.json. */
export type ExperimentSummary = z.infer<typeof ExperimentSummarySchema>;
/** One outcome of experiment.json. */
export type OutcomeSummary = z.infer<typeof OutcomeSummarySchema>;
/** manifest.json of an experiment. */
export type ExperimentManifest = z.infer<typeof ExperimentManifestSchema>;
