/**
 * The plan's targets as data (docs/model.md, "Targets"): each states its kind, what it counts
 * (scope, parks or industries, measure), its threshold(s), unit and year.
 */
import { z } from "zod";
import { Id } from "./schema-structure.js";
import { num } from "./schema-number.js";

const year = z.number().int().min(2000).max(2100).describe("the year the target is for (counts at its end, outputs over the year)");
const label = z.string().describe("the target in words");
const threshold = (doc: string) => num({ min: 0, max: 1e9 }, doc);

/** Scope and measure of an output target (the plan's clusters). */
const clusterFields = {
  scope: z.enum(["parks", "industries"]).default("parks").describe("park ecosystems (default) or industry ecosystems"),
  measure: z.enum(["revenue", "all-in"]).default("revenue").describe("营业收入 (default) or a labelled 'all-in' output = revenue x allInMultiplier"),
  allInMultiplier: num({ min: 1, max: 100 }, "all-in output per unit of revenue (judgement); required with measure 'all-in'").optional(),
  unit: z.literal("亿元/yr").default("亿元/yr").describe("unit of the value and thresholds"),
};

/** Distinct groups of a tier (or institutions of a kind) signed from the projection's first quarter. */
export const AttractedTargetSchema = z.strictObject({
  label,
  year,
  kind: z.literal("attracted").describe("groups of tiers or institution kinds signed"),
  groups: z.array(Id).min(1).describe("firm tiers or institution kinds that count (anchors exist only in their eligible industries)"),
  threshold: num({ min: 0, max: 1e7, int: true }, "groups signed from the projection's start"),
  unit: z.literal("groups").default("groups").describe("unit of the value and threshold"),
}).meta({ id: "AttractedTarget" });

/** A fixed mapping: the output of named parks (or industries) in the target year, 亿元/yr. */
export const OutputTargetSchema = z.strictObject({
  label,
  year,
  kind: z.literal("output").describe("a fixed mapping: the output of named parks or industries"),
  ...clusterFields,
  parks: z.array(Id).default([]).describe("parks whose output counts (scope 'parks')"),
  industries: z.array(Id).default([]).describe("industries whose output counts (scope 'industries')"),
  threshold: threshold("output to reach"),
}).meta({ id: "OutputTarget" });

/** Order statistic: the k-th largest park (or industry) output >= the k-th threshold (e.g. [1000, 500, 500]). */
export const ClusterOrderTargetSchema = z.strictObject({
  label,
  year,
  kind: z.literal("cluster-order").describe("an order statistic: the k-th largest unit against the k-th threshold"),
  ...clusterFields,
  thresholds: z.array(threshold("output the k-th largest unit must reach")).min(1).describe("thresholds in descending order"),
}).meta({ id: "ClusterOrderTarget" });

/** Rank of a park on the composite index among the national field (rankField). */
export const RankTargetSchema = z.strictObject({
  label,
  year,
  kind: z.literal("rank").describe("the park's place on the national composite index"),
  park: Id.describe("the district's park that is ranked"),
  topN: num({ min: 1, max: 10000, int: true }, "met when the park ranks at or above this place"),
  unit: z.literal("rank").default("rank").describe("unit of the value"),
}).meta({ id: "RankTarget" });

/** Any target. */
export const TargetSchema = z.discriminatedUnion("kind", [
  AttractedTargetSchema,
  OutputTargetSchema,
  ClusterOrderTargetSchema,
  RankTargetSchema,
]).meta({ id: "Target" });
