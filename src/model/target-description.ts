/**
 * What a scenario's target asks, as structured data for result files, reports and run outcomes:
 * its kind, scope and measure, the parks, industries or groups it counts, the threshold(s) and
 * unit, the year, and what its value means. Taken from the scenario's own target definition
 * (src/scenario/schema-targets.ts), so no reader parses labels or goal texts. The one definition
 * of a target's goal text too (describeGoal).
 */
import { z } from "zod";
import type { Target } from "../scenario/schema.js";

/** A target's description (summary.json, comparison.json, the report). */
export const TargetDescriptionSchema = z.object({
  id: z.string(),
  label: z.string().describe("the plan's words for the target"),
  kind: z.enum(["attracted", "output", "cluster-order", "rank"]).describe("attracted groups, output of a fixed set of parks or industries, an order statistic over them, or a national rank"),
  year: z.number().int().describe("the calendar year the target is judged in"),
  goal: z.string().describe("what meeting it takes, in words, e.g. \">= 1000 亿元/yr\""),
  value: z.string().describe("what the target's value per run is"),
  unit: z.string().describe("unit of the value and the threshold"),
  comparison: z.enum(["at-least", "at-most"]).describe("met when the value is >= (at-least) or <= (at-most) the threshold"),
  threshold: z.number().nullable().describe("the value that meets it; null when it is drawn per run"),
  thresholds: z.array(z.number().nullable()).optional().describe("cluster-order: the i-th largest unit must reach the i-th threshold, 亿元/yr"),
  scope: z.enum(["parks", "industries"]).optional().describe("output and cluster targets: whether they count park ecosystems or industry ecosystems"),
  measure: z.enum(["revenue", "all-in"]).optional().describe("output and cluster targets: operating revenue (营业收入) or all-in output = revenue x allInMultiplier"),
  allInMultiplier: z.number().nullable().optional().describe("all-in output per unit of revenue (measure all-in; null when drawn per run)"),
  parks: z.array(z.string()).optional().describe("the parks whose figures it counts (output) or the park it ranks (rank)"),
  industries: z.array(z.string()).optional().describe("the industries whose figures it counts (output, scope industries)"),
  groups: z.array(z.string()).optional().describe("attracted: the firm tiers or institution kinds that count"),
});

/** A target's description. */
export type TargetDescription = z.infer<typeof TargetDescriptionSchema>;

/** A number, or null when the scenario gives a distribution (drawn per run). */
const numberOrNull = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
/** A threshold in words. */
const shown = (x: number | null) => (x === null ? "(drawn per run)" : String(x));

/** What meeting target t takes, in words, e.g. ">= 1000 亿元/yr" or "parks >= 1000, 500, 500 亿元/yr all-in (3 of 3)". */
export function describeGoal(t: Target): string {
  switch (t.kind) {
    case "attracted": return `>= ${shown(numberOrNull(t.threshold))} signed`;
    case "output": return `>= ${shown(numberOrNull(t.threshold))} 亿元/yr${t.measure === "all-in" ? " all-in" : ""}`;
    case "cluster-order": {
      const n = t.thresholds.length;
      return `${t.scope} >= ${t.thresholds.map((x) => shown(numberOrNull(x))).join(", ")} 亿元/yr${t.measure === "all-in" ? " all-in" : ""} (${n} of ${n})`;
    }
    case "rank": return `rank <= ${shown(numberOrNull(t.topN))}`;
  }
}

/** Describes target `id` of a scenario from its definition (scenario.targets[id]). */
export function describeTarget(id: string, t: Target): TargetDescription {
  const base = { id, label: t.label, kind: t.kind, year: t.year, goal: describeGoal(t) };
  switch (t.kind) {
    case "attracted":
      return { ...base, value: "distinct groups of the listed tiers and institutions of the listed kinds signed from the projection's first quarter, by the end of the year", unit: t.unit, comparison: "at-least", threshold: numberOrNull(t.threshold), groups: [...t.groups] };
    case "output":
    case "cluster-order": {
      const units = t.scope === "parks" ? { parks: [...(t.kind === "output" ? t.parks : [])] } : { industries: [...(t.kind === "output" ? t.industries : [])] };
      const cluster = { scope: t.scope, measure: t.measure, ...(t.measure === "all-in" ? { allInMultiplier: numberOrNull(t.allInMultiplier) } : {}) };
      const measure = t.measure === "all-in" ? "all-in output (revenue x the all-in multiplier)" : "operating revenue";
      if (t.kind === "output")
        return { ...base, ...cluster, ...units, value: `the year's ${measure} of the listed ${t.scope} together (a year is the mean of its four annualised quarters)`, unit: t.unit, comparison: "at-least", threshold: numberOrNull(t.threshold) };
      const n = t.thresholds.length;
      return { ...base, ...cluster, value: `how many of the ${n} thresholds the ${t.scope} reach in order: the largest one's ${measure} against the first, the second largest against the second... (0 to ${n}); met at ${n}`, unit: "thresholds reached", comparison: "at-least", threshold: n, thresholds: t.thresholds.map(numberOrNull) };
    }
    case "rank":
      return { ...base, parks: [t.park], value: "the park's place on the national composite index among the whole field of parks (1 = first)", unit: t.unit, comparison: "at-most", threshold: numberOrNull(t.topN) };
  }
}
