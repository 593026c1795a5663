/**
 * Parameters of the world around the district: competitor parks and the nests of the location
 * choice, the national rank field (named competitors plus synthetic parks drawn once per run
 * from the history seed), and the known events (docs/model.md, "Competitors", "Targets").
 */
import { KeyedPass, exp, ln, normalQuantile } from "../random/index.js";
import type { DrawnScenario } from "./draw.js";
import { at, idIndex, quarterIndex, type IdIndex } from "./schedule.js";
import { logDriftQ } from "./params.js";
import { STREAM } from "./streams.js";

interface Ctx {
  parks: IdIndex;
  industries: IdIndex;
  tiers: IdIndex;
  firstYear: number;
  historySeed: number;
}

/** The synthetic parks of the rank field: base-year outputs (亿元/yr) and yearly growth. */
function syntheticParks(d: DrawnScenario, named: number, historySeed: number) {
  const f = d.rankField;
  const n = Math.max(0, Math.round(f.size) - 1 - named);
  const output0 = new Float64Array(n);
  const growth = new Float64Array(n);
  const pass = new KeyedPass().reset(historySeed, STREAM.syntheticParks, 0);
  for (let k = 0; k < n; k++) {
    output0[k] = f.syntheticOutputMedian * exp(f.syntheticOutputSdlog * normalQuantile(pass.uniform(k, 0)));
    growth[k] = Math.max(-0.5, f.syntheticGrowthMean + f.syntheticGrowthSd * normalQuantile(pass.uniform(k, 1)));
  }
  return { output0, growth, growthLn: Float64Array.from(growth, (g) => ln(1 + g)) };
}

/** Competitors, choice, rank field and events of a run. */
export function buildWorld(d: DrawnScenario, c: Ctx) {
  const competitors = idIndex(d.competitors);
  const nests = idIndex(d.choice.nests);
  const I = c.industries.ids.length;
  const C = competitors.ids.length;
  const list = competitors.ids.map((id) => d.competitors[id]);
  const f64 = (xs: number[]) => Float64Array.from(xs);
  const share = new Float64Array(C * I);
  const anchor = new Float64Array(C * I);
  list.forEach((x, k) => {
    for (const [id, s] of Object.entries(x.industryShare)) share[k * I + at(c.industries, id)] = s;
    for (const id of x.anchorIndustries) anchor[k * I + at(c.industries, id)] = 1;
  });
  const totalOutput = list.reduce((s, x) => s + x.output, 0);
  const ch = d.choice;
  const events = Object.keys(d.events).sort().map((id) => {
    const e = d.events[id];
    const industry = at(c.industries, e.industry);
    return {
      id,
      q: quarterIndex(e.quarter, c.firstYear),
      groundQ: e.groundBreaking === undefined ? -1 : quarterIndex(e.groundBreaking, c.firstYear),
      industry,
      tier: at(c.tiers, e.tier),
      park: at(c.parks, d.industries[e.industry].homePark),
      investment: e.investment,
      landMu: e.landMu ?? NaN,
      buildQuarters: e.buildQuarters === undefined ? 0 : Math.round(e.buildQuarters),
    };
  });
  return {
    competitors,
    competitor: {
      output0: f64(list.map((x) => x.output)),
      driftQ: f64(list.map((x) => logDriftQ(x.growth, x.volatility))),
      volQ: f64(list.map((x) => x.volatility / 2)),
      share,
      anchor,
      anchors0: f64(list.map((x) => Math.round(x.anchors))),
      firms0: f64(list.map((x) => x.firms)),
      chainCompleteness: f64(list.map((x) => x.chainCompleteness)),
      wageLn: f64(list.map((x) => ln(x.wageRatio))),
      landReadiness: f64(list.map((x) => x.landReadiness)),
      infrastructure: f64(list.map((x) => x.infrastructure)),
      services: f64(list.map((x) => x.services)),
      incentiveShare: f64(list.map((x) => x.incentiveShare)),
      landCost: f64(list.map((x) => x.landCost)),
      nest: Int32Array.from(list.map((x) => at(nests, x.nest))),
    },
    choice: {
      nests,
      /** dissimilarity of each nest, in (0, 1] */
      lambda: f64(nests.ids.map((id) => ch.nests[id].dissimilarity)),
      districtNest: at(nests, ch.districtNest),
      locationConstant: ch.locationConstant,
      districtConstant: ch.districtConstant,
      chainCompleteness: ch.chainCompleteness,
      agglomeration: ch.agglomeration,
      anchorPresent: ch.anchorPresent,
      wage: ch.wage,
      landReadiness: ch.landReadiness,
      infrastructure: ch.infrastructure,
      services: ch.services,
      incentive: ch.incentive,
      landCost: ch.landCost,
    },
    rank: {
      size: Math.round(d.rankField.size),
      weights: d.rankField.weights,
      synthetic: syntheticParks(d, C, c.historySeed),
      /** firms and anchor groups per 亿元/yr of output at the named parks (for the synthetic parks) */
      firmsPerOutput: totalOutput > 0 ? list.reduce((s, x) => s + x.firms, 0) / totalOutput : 0,
      anchorsPerOutput: totalOutput > 0 ? list.reduce((s, x) => s + Math.round(x.anchors), 0) / totalOutput : 0,
    },
    events,
  };
}
