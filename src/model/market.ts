/**
 * Step 1, exogenous: each industry's national market index moves around its trend, and each
 * competitor park's output grows (MODEL.md "One quarter" 1).
 */
import { exp, keyedUniform, normalQuantile } from "../random/index.js";
import type { ModelParams } from "./params.js";
import type { ModelState } from "./state.js";
import { STREAM } from "./streams.js";

/** Moves the market indices and competitor outputs by one quarter (log-normal steps). */
export function stepMarket(p: ModelParams, s: ModelState, seed: number): void {
  const q = s.quarter;
  const I = p.industries.ids.length;
  for (let i = 0; i < I; i++) {
    const z = normalQuantile(keyedUniform(seed, STREAM.market, i, q, 0));
    const d = p.industry.trendLnQ[i] + p.industry.volatilityQ[i] * z;
    s.marketGrowthLn[i] = d;
    s.marketIndex[i] *= exp(d);
  }
  if (q % 4 === 0) s.competitorOutputYearAgo.set(s.competitorOutput);
  for (let c = 0; c < s.competitorOutput.length; c++) {
    const z = normalQuantile(keyedUniform(seed, STREAM.competitor, c, q, 0));
    s.competitorOutput[c] *= exp(p.competitor.trendLnQ[c] + p.competitor.volatilityQ[c] * z);
  }
}
