/**
 * What the planner-first views read of a paired comparison (a base and one scenario on the same
 * seeds): per target both probabilities with their intervals, the paired change and its cost per
 * point, and the fiscal cost. Built from summary.json and comparison.json objects (as the batch
 * writes them, or as the report reads them back); browser-safe.
 */
import type { NameBook, TargetInfo } from "./targets.js";

/** A probability with its interval and the target value's median run (from summary.json). */
export interface ProbabilityStat {
  probability: number | null;
  low: number | null;
  high: number | null;
  /** the target's value in its year at the median run */
  median: number | null;
}

/** A paired change, scenario minus base, with its interval (probabilities 0-1, money 亿元). */
export interface PairedChange {
  /** null when no run completed */
  baseline: number | null;
  alternative: number | null;
  difference: number;
  low: number;
  high: number;
}

/** A ratio with its interval, null when undefined (no added cost). */
export interface Ratio {
  value: number | null;
  low: number | null;
  high: number | null;
}

/** One target of the comparison. */
export interface PlannerTarget {
  info: TargetInfo;
  base: ProbabilityStat;
  alt: ProbabilityStat;
  /** null when the scenario lacks the target */
  change: PairedChange | null;
  /** change in probability per 亿元 of added cost */
  perYi: Ratio | null;
}

/** The comparison as the planner-first views read it. */
export interface PlannerComparison {
  baseName: string;
  scenarioName: string;
  /** paired runs behind the figures */
  runs: number;
  horizon: { startYear: number; endYear: number };
  targets: PlannerTarget[];
  /** the cost a comparison prices, 亿元: the levers over the horizon plus incentives still owed after it */
  cost: PairedChange;
  /** how that cost is made up and what it nets to after local tax (absent for result files without these headlines) */
  costParts?: CostParts;
  names?: NameBook;
  /** false when the scenario is the base itself (no lever moved) */
  changed: boolean;
  /** who made the changes, when not the reader ("lever-promotion" in the report); the page says "your changes" */
  subject?: string;
}

/** The cost a comparison prices, in its parts, each scenario minus base over the same runs, 亿元. */
export interface CostParts {
  /** the levers' cost over the horizon, incentives as the instalments paid in it */
  levers: PairedChange;
  /** incentive instalments committed in the horizon and still owed after it */
  owedAfter: PairedChange;
  /** local tax on the district's output over the horizon */
  localTax: PairedChange;
  /** cost with commitments less local tax */
  net: PairedChange;
}

/** The headline each cost part is read from (comparison.json's headlines). */
const COST_HEADLINES = { levers: "fiscalCostTotal", owedAfter: "incentivesOutstanding", localTax: "localTax", net: "netFiscalCost" } as const;

/** The summary.json fields read here (one scenario): each target's description and statistics. */
interface SummaryScenarioLike {
  name: string;
  completed: number;
  targets: readonly (TargetInfo & { probability: number | null; low: number | null; high: number | null; quantiles: { readonly [level: string]: number | null } })[];
}

/** The comparison.json fields read here (one alternative). */
interface AlternativeLike {
  name: string;
  pairedRuns: number;
  targets: readonly (PairedChange & { id: string })[];
  fiscalCost: PairedChange;
  headlines?: readonly (PairedChange & { name: string })[];
  perYi: readonly { id: string; value: number | null; low: number | null; high: number | null }[];
}

/** The description fields of a summary target (leaving its statistics). */
function targetInfo(t: TargetInfo): TargetInfo {
  const { id, label, kind, year, threshold, comparison } = t;
  const optional = { thresholds: t.thresholds, parks: t.parks, industries: t.industries, groups: t.groups, unit: t.unit };
  return { id, label, kind, year, threshold, comparison, ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) };
}

const stat = (t: SummaryScenarioLike["targets"][number] | undefined): ProbabilityStat => ({
  probability: t?.probability ?? null,
  low: t?.low ?? null,
  high: t?.high ?? null,
  median: t?.quantiles.p50 ?? null,
});

/** The cost parts from an alternative's headlines; undefined when one is missing. */
function costParts(headlines: AlternativeLike["headlines"]): CostParts | undefined {
  const part = (name: string) => headlines?.find((h) => h.name === name);
  const entries = Object.entries(COST_HEADLINES).map(([k, name]) => [k, part(name)] as const);
  if (entries.some(([, h]) => h === undefined)) return undefined;
  const pick = (h: PairedChange): PairedChange => ({ baseline: h.baseline, alternative: h.alternative, difference: h.difference, low: h.low, high: h.high });
  return Object.fromEntries(entries.map(([k, h]) => [k, pick(h!)])) as unknown as CostParts;
}

/** The planner's comparison from the base's and the scenario's summaries and the scenario's alternative entry of comparison.json. */
export function plannerComparison(
  base: SummaryScenarioLike,
  scenario: SummaryScenarioLike,
  alternative: AlternativeLike,
  options: { horizon: { startYear: number; endYear: number }; names?: NameBook; changed?: boolean; subject?: string },
): PlannerComparison {
  const targets = base.targets.map((t): PlannerTarget => {
    const change = alternative.targets.find((c) => c.id === t.id) ?? null;
    const perYi = alternative.perYi.find((p) => p.id === t.id) ?? null;
    return {
      info: targetInfo(t),
      base: stat(t),
      alt: stat(scenario.targets.find((x) => x.id === t.id)),
      change,
      perYi,
    };
  });
  const parts = costParts(alternative.headlines);
  return {
    baseName: base.name,
    scenarioName: scenario.name,
    runs: alternative.pairedRuns,
    horizon: options.horizon,
    targets,
    cost: alternative.fiscalCost,
    ...(parts ? { costParts: parts } : {}),
    names: options.names,
    changed: options.changed ?? true,
    ...(options.subject ? { subject: options.subject } : {}),
  };
}

/** Whether a change is clear of the noise: its interval excludes zero. */
export function clearGain(c: PairedChange | null): boolean {
  return c !== null && c.low > 0;
}

/** Whether a change is a clear loss. */
export function clearLoss(c: PairedChange | null): boolean {
  return c !== null && c.high < 0;
}

/** Whether no run of either scenario meets the target. */
export function metInNoRun(t: PlannerTarget): boolean {
  return t.base.probability === 0 && t.alt.probability === 0;
}

/**
 * The fiscal cost of one percentage point of a target's probability, 亿元, with its interval;
 * null unless the scenario costs more and the gain is clear.
 */
export function costPerPoint(t: PlannerTarget, cost: PairedChange): { value: number; low: number; high: number } | null {
  const r = t.perYi;
  if (!(cost.difference > 0) || r === null || r.value === null || r.low === null || r.high === null || !(r.low > 0) || !clearGain(t.change)) return null;
  return { value: 1 / (100 * r.value), low: 1 / (100 * r.high), high: 1 / (100 * r.low) };
}
