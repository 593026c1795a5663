/**
 * Step 7, investment: the flexible accelerator (docs/model.md, "Capacity, shocks and land"),
 * per quarter d ln K* = max(-delta, g_e + lambda ln(u_bar / u*) + b_agg d ln(1 + Q_park,industry)
 * + c x chain completeness + spill-over) + e - j(age), rates per year taken over four quarters;
 * g_e the industry's demand growth over the past year, u_bar its utilisation over the past year,
 * the cell term the last quarter's change. A plant that cannot be staffed (u_bar below u*) stops
 * growing. The capacity a firm uses is K* capped by what its land allows; short of land it
 * queues an expansion request. Also the exit hazards of the quarter (step 8).
 */
import { exp, ln } from "../random/index.js";
import type { ModelParams } from "./params.js";
import type { ModelState } from "./model-state.js";
import { enqueueRequest } from "./land.js";

/** Precomputes the quarter's capacity growth per cell before the firm's shock (s.growthBase) and the exit probabilities (s.exitQ). */
export function prepareInvestment(p: ModelParams, s: ModelState): void {
  const I = p.industries.ids.length;
  const P = p.parks.ids.length;
  const T = p.tiers.ids.length;
  const d = p.dynamics;
  for (let i = 0; i < I; i++) {
    const underuse = ln(s.uBar[i] / d.uStar);
    const industryTerm = s.demandGrowthLn[i] / 4 + d.lambdaQ * underuse + d.chainQ * s.chainCompleteness[i];
    for (let park = 0; park < P; park++) {
      const cell = park * I + i;
      s.growthBase[cell] = Math.max(-d.deltaQ, industryTerm + d.bAgg * s.cellGrowthLn[cell] + s.spillover[park] / 4);
    }
    const raise = 1 + d.exitUnderuse * Math.max(0, -underuse);
    for (let t = 0; t < T; t++)
      for (let young = 0; young < 2; young++) {
        const h = Math.min(1, p.industry.exitHazard[i] * p.tier.exitHazardFactor[t] * (young ? d.youngExitFactor : 1) * raise);
        s.exitQ[(i * T + t) * 2 + young] = 1 - Math.sqrt(Math.sqrt(1 - h)); // 1 - (1 - h)^(1/4), exact in every runtime
      }
  }
}

/** Invests for producing firm k this quarter (growth: its cell's s.growthBase), drawing its shock's normal here (see investWith). */
export function invest(p: ModelParams, s: ModelState, k: number, growth: number): void {
  investWith(p, s, k, growth, s.passes.shock.normal(s.firms.key[k], 0));
}

/**
 * Invests for producing firm k this quarter (growth: its cell's s.growthBase; z: the standard
 * normal of its shock, s.passes.shock.normal(key, 0), drawn by the caller in a loop of its own so
 * that this stays small enough for V8 to inline): its shock, desired capacity, land-limited
 * capacity, land request.
 */
export function investWith(p: ModelParams, s: ModelState, k: number, growth: number, z: number): void {
  const f = s.firms;
  const d = p.dynamics;
  const e = d.rho * f.shock[k] + d.sEta * z;
  f.shock[k] = e;
  const age = Math.min(s.quarter - f.prodQ[k], d.jTable.length - 1);
  const desired = f.desired[k] * exp(growth + e - d.jTable[age]);
  f.desired[k] = desired;
  const perMu = p.industry.capacityPerMu[f.industry[k]];
  if (perMu === Infinity) {
    f.capacity[k] = desired;
    return;
  }
  const allowed = f.landMu[k] * perMu;
  if (desired <= allowed) {
    f.capacity[k] = desired;
    return;
  }
  f.capacity[k] = allowed;
  if (f.queued[k] === 0) {
    f.requestMu[k] = (desired - allowed) / perMu;
    enqueueRequest(s, k);
  }
}
