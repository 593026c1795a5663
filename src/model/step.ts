/**
 * One quarter of the model: the mechanisms of docs/model.md "One quarter", called in order.
 * Each lives in its own file; this one only sequences them. Two passes over the live firms: the
 * pipeline (step 5) and production with investment and exit (steps 6 to 8).
 */
import { refreshAggregates } from "./aggregates.js";
import { refreshChoice } from "./choice.js";
import { stepEvents } from "./events.js";
import { stepFactors } from "./factors.js";
import { stepInstitutions } from "./institutions.js";
import { clearLabour } from "./labour.js";
import { serveLandQueues } from "./land.js";
import { allocateLeadDraws, stepLeads, type LeadDraws } from "./leads.js";
import { recordMetrics, type MetricSeries } from "./metrics.js";
import type { ModelParams } from "./params.js";
import type { ModelState } from "./model-state.js";
import { pipelinePass } from "./pipeline.js";
import { allocateFirmDraws, productionPass, type FirmDraws } from "./production.js";
import { stepStartups } from "./startups.js";
import { stepWorld } from "./world.js";

/** Scratch buffers reused by every step of a run (no allocation per step). */
export interface StepScratch {
  /** one value per industry */
  industry: Float64Array;
  /** one value per park x industry cell */
  cells: Float64Array;
  /** the production pass's per-firm draws */
  draws: FirmDraws;
  /** the draws of a group of leads or start-ups */
  leads: LeadDraws;
}

/** Allocates the scratch buffers of a run (taking over a finished run's draw buffers when given). */
export function allocateScratch(p: ModelParams, draws: FirmDraws = allocateFirmDraws(0)): StepScratch {
  const I = p.industries.ids.length;
  return { industry: new Float64Array(I), cells: new Float64Array(p.parks.ids.length * I), draws, leads: allocateLeadDraws() };
}

/** The seed of quarter q's keyed draws: the history seed before the projection, then the projection seed. */
export function seedOf(p: ModelParams, s: ModelState, q: number): number {
  return q < p.historyQuarters ? p.historySeed : s.projectionSeed;
}

/** Advances the state by one quarter and records its metrics. */
export function step(p: ModelParams, s: ModelState, series: MetricSeries[], scratch: StepScratch): void {
  s.passes.reset(seedOf(p, s, s.quarter), s.quarter);
  stepWorld(p, s); // 1 markets, productivity, metropolitan wage, competitors
  stepFactors(p, s); // 2 land quota, supply shifters, indices, budget, lever costs
  stepInstitutions(p, s); // 3-4 institution leads and openings
  refreshChoice(p, s); // competitors' utilities, once a quarter
  stepEvents(p, s); // known signings
  stepLeads(p, s, scratch.leads); // 3-4 firm leads, choice, signing, commitments, competitor wins
  stepStartups(p, s, scratch.cells, scratch.leads); // local start-ups
  serveLandQueues(p, s); // 5 land queues
  pipelinePass(p, s); // 5 approval, building and spending, instalments, ramp
  clearLabour(p, s, scratch.industry); // 6 the clearing wage, utilisation
  productionPass(p, s, scratch.industry, scratch.draws); // 6-8 output, decomposition, investment, land requests, exit
  refreshAggregates(p, s); // 9 aggregates
  recordMetrics(p, s, series);
  s.cellOutputPrev.set(s.cellOutput);
  s.quarter += 1;
}
