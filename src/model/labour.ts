/**
 * Step 6b, output: potential output (capacity x ramp) is cut pro rata in a park whose talent
 * demand exceeds its pool, then pro rata in an industry whose district output would exceed its
 * cap (a share of the national market plus institutions' health demand). Employment therefore
 * never exceeds the pool (MODEL.md "Output, capacity, land and talent").
 */
import type { ModelParams } from "./params.js";
import { Stage, type ModelState } from "./state.js";

/** Cap on the district's output of industry i this quarter, 亿元/yr. */
export function marketCap(p: ModelParams, s: ModelState, industry: number, healthDemandPerIndustry: number): number {
  return p.industry.maxShare[industry] * p.industry.nationalMarket0[industry] * s.marketIndex[industry] + healthDemandPerIndustry;
}

/** Sets every firm's output this quarter (亿元/yr) and each park's talent demand (persons); `capScratch` holds P + I values. */
export function stepLabour(p: ModelParams, s: ModelState, capScratch: Float64Array): void {
  const f = s.firms;
  const P = p.parks.ids.length;
  const I = p.industries.ids.length;
  const opw = p.industry.outputPerWorkerWan;
  s.talentDemand.fill(0);
  for (let k = 0; k < f.count; k++) {
    f.prevOutput[k] = f.output[k];
    const stage = f.stage[k];
    if (stage !== Stage.producing && stage !== Stage.ramping) {
      f.output[k] = 0;
      continue;
    }
    const potential = f.capacity[k] * f.ramp[k];
    f.output[k] = potential;
    s.talentDemand[f.park[k]] += (potential * 1e4) / opw[f.industry[k]];
  }
  // Health demand of a park's institutions goes to the industries hosted in that park, equally.
  const hosted = capScratch;
  hosted.fill(0);
  for (let i = 0; i < I; i++) hosted[p.industry.homePark[i]] += 1;
  s.industryOutput.fill(0);
  for (let k = 0; k < f.count; k++) {
    if (f.output[k] === 0) continue;
    const park = f.park[k];
    const demand = s.talentDemand[park];
    if (demand > s.talentPool[park]) f.output[k] *= s.talentPool[park] / demand;
    s.industryOutput[f.industry[k]] += f.output[k];
  }
  for (let i = 0; i < I; i++) {
    const home = p.industry.homePark[i];
    const cap = marketCap(p, s, i, s.parkHealthDemand[home] / hosted[home]);
    capScratch[P + i] = s.industryOutput[i] > cap ? cap / s.industryOutput[i] : 1;
  }
  for (let k = 0; k < f.count; k++) {
    if (f.output[k] !== 0) f.output[k] *= capScratch[P + f.industry[k]];
  }
}

/** Employment of firm k this quarter, persons. */
export function employment(p: ModelParams, s: ModelState, k: number): number {
  return (s.firms.output[k] * 1e4) / p.industry.outputPerWorkerWan[s.firms.industry[k]];
}
