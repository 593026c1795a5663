/**
 * What a scenario's target asks, as structured data for result files and reports: its kind,
 * scope, the parks, industries or groups it counts, the threshold and unit, the year, and what
 * its value means. Taken from the scenario's own target definition, so no reader needs to parse
 * labels or goal texts. Fields that a kind of target does not have are left out; `scope` and
 * `measure` are optional for the targets that carry them (a park or an industry; revenue or
 * all-in output). Fields are read defensively, so a target kind this file does not know still
 * gets a description (kind, label, year; threshold when it has a numeric one).
 */
import { z } from "zod";

/** A target's description (summary.json, comparison.json, the report). */
export const TargetDescriptionSchema = z.object({
  id: z.string(),
  label: z.string().describe("the plan's words for the target"),
  kind: z.string().describe("attracted, output, cluster-order, rank, or another kind of the model"),
  year: z.number().int().describe("the calendar year the target is judged in"),
  goal: z.string().describe("what meeting it takes, in words, e.g. \">= 1000 亿元/yr\""),
  value: z.string().describe("what the target's value per run is"),
  unit: z.string().describe("unit of the value and the threshold"),
  comparison: z.enum(["at-least", "at-most"]).describe("met when the value is >= (at-least) or <= (at-most) the threshold"),
  threshold: z.number().nullable().describe("the value that meets it; null when it is drawn per run"),
  thresholds: z.array(z.number().nullable()).optional().describe("cluster-order: the i-th largest park must reach the i-th threshold, 亿元/yr"),
  scope: z.enum(["park", "industry"]).optional().describe("whether the target counts parks or industries"),
  measure: z.enum(["revenue", "all-in"]).optional().describe("revenue (operating revenue) or all-in output"),
  parks: z.array(z.string()).optional().describe("the parks whose figures it counts or ranks"),
  industries: z.array(z.string()).optional().describe("the industries whose figures it counts"),
  groups: z.array(z.string()).optional().describe("attracted: the firm tiers or institution kinds that count"),
  competitors: z.union([z.literal("all"), z.array(z.string())]).optional().describe("rank: the competitor parks it is ranked among"),
});

/** A target's description. */
export type TargetDescription = z.infer<typeof TargetDescriptionSchema>;

/** A number, or null when the scenario gives a distribution (drawn per run) or anything else. */
const numberOrNull = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
/** A list of strings, or undefined. */
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === "string") ? [...v] : undefined);
/** ">= 1000" or ">= (drawn per run)". */
const bound = (op: string, x: number | null) => `${op} ${x === null ? "(drawn per run)" : x}`;

/** The optional scope and measure of a target, when it carries them. */
function scopeAndMeasure(t: Record<string, unknown>): Pick<TargetDescription, "scope" | "measure"> {
  const out: Pick<TargetDescription, "scope" | "measure"> = {};
  if (t.scope === "park" || t.scope === "industry") out.scope = t.scope;
  if (t.measure === "revenue" || t.measure === "all-in") out.measure = t.measure;
  return out;
}

/** Describes target `id` of a scenario from its definition (scenario.targets[id]). */
export function describeTarget(id: string, target: object): TargetDescription {
  const t = target as Record<string, unknown>;
  const base = { id, label: String(t.label ?? id), kind: String(t.kind), year: Number(t.year), ...scopeAndMeasure(t) };
  const parks = strings(t.parks) ?? (typeof t.park === "string" ? [t.park] : undefined);
  const industries = strings(t.industries) ?? (typeof t.industry === "string" ? [t.industry] : undefined);
  const where = { ...(parks ? { parks } : {}), ...(industries ? { industries } : {}) };
  switch (t.kind) {
    case "attracted": {
      const threshold = numberOrNull(t.threshold);
      return { ...base, goal: `${bound(">=", threshold)} signed`, value: "distinct groups of the listed tiers and institutions of the listed kinds newly signed since the start, by the end of the year", unit: "groups", comparison: "at-least", threshold, groups: strings(t.groups) ?? [] };
    }
    case "output": {
      const threshold = numberOrNull(t.threshold);
      const of = industries && !parks ? "industries" : "parks";
      return { ...base, ...where, goal: `${bound(">=", threshold)} 亿元/yr`, value: `the year's output of the listed ${of} together (a year is the mean of its four annualised quarters)`, unit: "亿元/yr", comparison: "at-least", threshold };
    }
    case "cluster-order": {
      const thresholds = Array.isArray(t.thresholds) ? t.thresholds.map(numberOrNull) : [];
      const n = thresholds.length;
      return { ...base, ...where, goal: `parks >= ${thresholds.map((x) => x ?? "(drawn)").join(", ")} 亿元/yr (${n} of ${n})`, value: `how many of the ${n} thresholds the parks reach in order: the largest park's output against the first, the second largest against the second... (0 to ${n}); met at ${n}`, unit: "thresholds reached", comparison: "at-least", threshold: n, thresholds };
    }
    case "rank": {
      const threshold = numberOrNull(t.topN);
      const competitors = t.field === "all" ? ("all" as const) : strings(t.field);
      return { ...base, ...where, goal: `rank <= ${threshold ?? "(drawn per run)"}`, value: "the park's place on the composite index among itself and the competitor parks (1 = first)", unit: "rank", comparison: "at-most", threshold, ...(competitors ? { competitors } : {}) };
    }
    default: {
      const threshold = numberOrNull(t.threshold);
      return { ...base, ...where, goal: threshold === null ? "see the scenario" : `>= ${threshold}`, value: "the target's value in its year", unit: typeof t.unit === "string" ? t.unit : "", comparison: "at-least", threshold };
    }
  }
}
