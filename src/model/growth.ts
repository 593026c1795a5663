/**
 * Step 6a, capacity growth of ramping and producing firms (MODEL.md "Output, capacity, land
 * and talent"): d ln K = market growth + b_agg x d ln(1 + Q_park,industry) + chain premium x
 * completeness + institutions' spill-over + e, with e an AR(1) firm shock. Capacity beyond the
 * firm's land x the industry's maximum 亩均 output needs more land, taken from the park's free
 * land if there is any, and is capped otherwise.
 */
import { exp, keyedUniform, log1p, normalQuantile } from "../random/index.js";
import type { ModelParams } from "./params.js";
import { Stage, type ModelState } from "./state.js";
import { STREAM } from "./streams.js";

/** Change of ln(1 + output) per park and industry over the last quarter, into s.cellGrowthLn. */
export function refreshCellGrowth(s: ModelState): void {
  for (let c = 0; c < s.cellGrowthLn.length; c++)
    s.cellGrowthLn[c] = log1p(s.parkIndustryOutput[c]) - log1p(s.parkIndustryOutputPrev[c]);
}

/** Grows every ramping or producing firm's capacity by one quarter. */
export function stepGrowth(p: ModelParams, s: ModelState, seed: number): void {
  const f = s.firms;
  const I = p.industries.ids.length;
  const d = p.dynamics;
  const chainQ = d.chainGrowthPremium / 4;
  const q = s.quarter;
  refreshCellGrowth(s);
  for (let k = 0; k < f.count; k++) {
    const stage = f.stage[k];
    if (stage !== Stage.producing && stage !== Stage.ramping) continue;
    const i = f.industry[k];
    const park = f.park[k];
    const shock = d.shockPersistence * f.shock[k] + d.shockVolatilityQ * normalQuantile(keyedUniform(seed, STREAM.shock, f.key[k], q, 0));
    f.shock[k] = shock;
    const dlnK =
      s.marketGrowthLn[i] +
      d.agglomerationElasticity * s.cellGrowthLn[park * I + i] +
      chainQ * s.chainCompleteness[i] +
      s.parkSpilloverPerYear[park] / 4 +
      shock;
    const wanted = f.capacity[k] * exp(dlnK);
    f.capacity[k] = landLimitedCapacity(p, s, k, wanted);
  }
}

/** Capacity firm k can reach (亿元/yr) given its land; takes extra land from the park when it grows beyond it. */
export function landLimitedCapacity(p: ModelParams, s: ModelState, k: number, wanted: number): number {
  const f = s.firms;
  const i = f.industry[k];
  const share = p.industry.landNeedShare[i];
  if (share <= 0 || wanted <= f.capacity[k]) return wanted;
  const perMu = p.industry.maxOutputPerMuWan[i] / 1e4 / share;
  const needed = wanted / perMu - f.landMu[k];
  if (needed > 0) {
    const park = f.park[k];
    const grant = Math.min(needed, s.landFreeMu[park]);
    s.landFreeMu[park] -= grant;
    s.landUsedMu[park] += grant;
    f.landMu[k] += grant;
  }
  return Math.min(wanted, Math.max(f.capacity[k], f.landMu[k] * perMu));
}
