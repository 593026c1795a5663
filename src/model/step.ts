/**
 * One quarter of the model: the mechanisms of MODEL.md "One quarter", called in order. Each
 * lives in its own file; this one only sequences them.
 */
import { refreshAggregates } from "./aggregates.js";
import { stepExit } from "./exit.js";
import { stepFactors } from "./factors.js";
import { stepGrowth } from "./growth.js";
import { stepInstitutions } from "./institutions.js";
import { stepLabour } from "./labour.js";
import { stepLeads } from "./leads.js";
import { stepMarket } from "./market.js";
import { recordMetrics, type MetricSeries } from "./metrics.js";
import type { ModelParams } from "./params.js";
import { stepPipeline } from "./pipeline.js";
import type { ModelState } from "./state.js";

/** Scratch buffers reused by every step of a run (no allocation per step). */
export interface StepScratch {
  /** per industry */
  industry: Float64Array;
  /** parks + industries */
  caps: Float64Array;
}

/** Allocates the scratch buffers of a run. */
export function allocateScratch(p: ModelParams): StepScratch {
  const P = p.parks.ids.length;
  const I = p.industries.ids.length;
  return { industry: new Float64Array(I), caps: new Float64Array(P + I) };
}

/** Advances the state by one quarter and records its metrics. */
export function step(p: ModelParams, s: ModelState, seed: number, series: MetricSeries[], scratch: StepScratch): void {
  s.signedInvestmentQuarter = 0;
  s.realisedInvestmentQuarter = 0;
  stepMarket(p, s, seed); // 1 exogenous markets and competitors
  stepFactors(p, s); // 2 land, talent, indices, budget, lever costs
  stepInstitutions(p, s, seed); // 3-4 institution leads and openings
  stepLeads(p, s, seed, scratch.industry); // 3-4 firm leads, choice, signing, start-ups
  stepPipeline(p, s, seed); // 5 land, construction, ramp-up
  stepGrowth(p, s, seed); // 6 capacity growth
  stepLabour(p, s, scratch.caps); // 6 talent and market caps -> output
  stepExit(p, s, seed); // 7 exit
  s.parkIndustryOutputPrev.set(s.parkIndustryOutput);
  refreshAggregates(p, s);
  recordMetrics(p, s, series); // 8 metrics
  s.quarter += 1;
}
