import { beforeAll, describe, expect, it } from "vitest";
import { stepLabour } from "../../src/model/labour.js";
import { stepPipeline } from "../../src/model/pipeline.js";
import { annualHazard, stepExit } from "../../src/model/exit.js";
import { stepMarket } from "../../src/model/market.js";
import { stepFactors } from "../../src/model/factors.js";
import { landLimitedCapacity } from "../../src/model/growth.js";
import { Choice, districtProbability, districtUtility, outsideChoice, refreshCompetitorUtility, talentSlack } from "../../src/model/choice.js";
import { projectCapacity, signProject } from "../../src/model/leads.js";
import { FirmStore, Stage, LossReason } from "../../src/model/state.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { model, scenario } from "./fixtures.js";

let example: Scenario;
beforeAll(async () => {
  example = await scenario("example.json");
});

/** A model of the example scenario whose firm store is emptied, for hand-made states. */
function emptyModel() {
  const m = model(example, 1);
  m.s.firms = new FirmStore(16);
  m.s.institutions.count = 0;
  return m;
}

describe("labour and market caps", () => {
  it("cuts every firm of a park pro rata when talent demand exceeds the pool", () => {
    const { p, s } = emptyModel();
    const a = s.firms.add(0, 0, 0, Stage.producing, 1, -100);
    const b = s.firms.add(0, 0, 0, Stage.producing, 2, -100);
    s.firms.capacity[a] = 10;
    s.firms.capacity[b] = 30;
    s.firms.ramp[a] = s.firms.ramp[b] = 1;
    const perWorker = p.industry.outputPerWorkerWan[0];
    const demand = (40 * 1e4) / perWorker;
    s.talentPool[0] = demand / 2;
    p.industry.maxShare[0] = 1;
    stepLabour(p, s, new Float64Array(p.parks.ids.length + p.industries.ids.length));
    expect(s.firms.output[a]).toBeCloseTo(5, 9);
    expect(s.firms.output[b]).toBeCloseTo(15, 9);
    expect(s.talentDemand[0]).toBeCloseTo(demand, 6);
  });

  it("caps an industry's output at its share of the national market", () => {
    const { p, s } = emptyModel();
    const a = s.firms.add(0, 0, 0, Stage.producing, 1, -100);
    s.firms.capacity[a] = 100;
    s.firms.ramp[a] = 1;
    s.talentPool[0] = 1e12;
    s.parkHealthDemand.fill(0);
    p.industry.nationalMarket0[0] = 50 / p.industry.maxShare[0];
    stepLabour(p, s, new Float64Array(p.parks.ids.length + p.industries.ids.length));
    expect(s.firms.output[a]).toBeCloseTo(50, 9);
  });
});

describe("pipeline", () => {
  it("a project waits for land, then builds for its lag, ramps, and produces", () => {
    const { p, s } = emptyModel();
    const k = signProject(p, s, 0, 0, 123, 10);
    const need = s.firms.landNeedMu[k];
    expect(need).toBeGreaterThan(0);
    const park = s.firms.park[k];
    s.landFreeMu[park] = need / 2;
    stepPipeline(p, s, 1);
    expect(s.firms.stage[k]).toBe(Stage.waitingLand);
    s.landFreeMu[park] = need;
    stepPipeline(p, s, 1);
    expect(s.firms.stage[k]).toBe(Stage.building);
    expect(s.landFreeMu[park]).toBeCloseTo(0, 9);
    const lag = s.firms.buildLeft[k];
    expect(lag).toBeGreaterThanOrEqual(1);
    for (let q = 0; q < lag; q++) stepPipeline(p, s, 1);
    expect(s.firms.stage[k]).toBe(Stage.ramping);
    for (let q = 0; q < p.industry.rampQuarters[0]; q++) stepPipeline(p, s, 1);
    expect(s.firms.stage[k]).toBe(Stage.producing);
    expect(s.firms.realised[k]).toBeGreaterThan(0);
    expect(s.firms.realised[k]).toBeLessThanOrEqual(10 * p.dynamics.realisedInvestmentRatio + 1e-12);
  });

  it("a project whose patience runs out is lost to land", () => {
    const { p, s } = emptyModel();
    const k = signProject(p, s, 0, 0, 5, 10);
    s.landFreeMu.fill(0);
    for (let q = 0; q <= p.tier.landPatience[0]; q++) stepPipeline(p, s, 1);
    expect(s.firms.stage[k]).toBe(Stage.lostToLand);
    expect(s.leadsLost[LossReason.land]).toBe(1);
  });

  it("faster approvals shorten the construction lag", () => {
    const slow = emptyModel();
    const fast = emptyModel();
    fast.p.schedule.approvalSpeed.fill(2);
    const lags = [slow, fast].map(({ p, s }) => {
      const k = signProject(p, s, 0, 0, 77, 10);
      s.landFreeMu.fill(1e9);
      stepPipeline(p, s, 1);
      return s.firms.buildLeft[k];
    });
    expect(lags[1]).toBeLessThan(lags[0]);
  });
});

describe("exit", () => {
  it("the hazard rises for young firms and bad shocks", () => {
    const { p, s } = emptyModel();
    const old = s.firms.add(0, 0, 0, Stage.producing, 1, -100);
    const young = s.firms.add(0, 0, 0, Stage.producing, 2, 0);
    const hit = s.firms.add(0, 0, 0, Stage.producing, 3, -100);
    s.firms.shock[hit] = -0.5;
    expect(annualHazard(p, s, old)).toBeCloseTo(p.industry.exitHazard[0] * p.tier.exitHazardFactor[0], 12);
    expect(annualHazard(p, s, young)).toBeGreaterThanOrEqual(annualHazard(p, s, old));
    expect(annualHazard(p, s, hit)).toBeGreaterThan(annualHazard(p, s, old));
  });

  it("no firm exits at zero hazard, every firm at hazard 1, and land returns to the park", () => {
    const { p, s } = emptyModel();
    for (let k = 0; k < 50; k++) {
      const i = s.firms.add(0, 0, 0, Stage.producing, k, -100);
      s.firms.landMu[i] = 2;
    }
    s.landUsedMu[0] = 100;
    const free = s.landFreeMu[0];
    p.industry.exitHazard.fill(0);
    stepExit(p, s, 1);
    expect(s.firmsExited).toBe(0);
    p.industry.exitHazard.fill(1);
    p.tier.exitHazardFactor.fill(1);
    stepExit(p, s, 1);
    expect(s.firmsExited).toBe(50);
    expect(s.landFreeMu[0]).toBeCloseTo(free + 100, 9);
    expect(s.landUsedMu[0]).toBeCloseTo(0, 9);
  });
});

describe("markets, factors, growth, choice", () => {
  it("without volatility the market index follows (1 + g)^(q/4)", () => {
    const { p, s } = emptyModel();
    p.industry.volatilityQ.fill(0);
    for (let q = 0; q < 8; q++) {
      s.quarter = q;
      stepMarket(p, s, 1);
    }
    // trendLnQ = ln(1 + g) / 4, so eight quarters give (1 + g)^2
    const g = Math.exp(4 * p.industry.trendLnQ[0]) - 1;
    expect(s.marketIndex[0]).toBeCloseTo((1 + g) ** 2, 12);
  });

  it("releases a quarter of the land quota and caps the talent pool at housing", () => {
    const { p, s } = emptyModel();
    const land = s.landFreeMu[0];
    s.housing[0] = s.talentPool[0] + 1;
    stepFactors(p, s);
    expect(s.landFreeMu[0]).toBeCloseTo(land + p.schedule.landQuotaMu[0] / 4, 9);
    expect(s.talentPool[0]).toBeLessThanOrEqual(s.housing[0]);
  });

  it("unmet talent demand pulls recruits in", () => {
    const a = emptyModel();
    const b = emptyModel();
    for (const m of [a, b]) m.s.housing.fill(1e12);
    b.s.talentDemand[0] = b.s.talentPool[0] + 10000;
    stepFactors(a.p, a.s);
    stepFactors(b.p, b.s);
    expect(b.s.talentPool[0] - a.s.talentPool[0]).toBeCloseTo((10000 * a.p.dynamics.talentMarketPull) / 4, 6);
  });

  it("capacity beyond the firm's land takes free land, or is capped without it", () => {
    const { p, s } = emptyModel();
    const i = p.industry.landNeedShare.findIndex((x) => x > 0);
    const k = s.firms.add(0, i, 0, Stage.producing, 1, -100);
    const perMu = p.industry.maxOutputPerMuWan[i] / 1e4 / p.industry.landNeedShare[i];
    s.firms.capacity[k] = 10;
    s.firms.landMu[k] = 10 / perMu;
    s.landFreeMu[0] = 0;
    expect(landLimitedCapacity(p, s, k, 12)).toBeCloseTo(10, 9);
    s.landFreeMu[0] = 1e9;
    expect(landLimitedCapacity(p, s, k, 12)).toBeCloseTo(12, 9);
    expect(s.firms.landMu[k]).toBeCloseTo(12 / perMu, 9);
  });

  it("the district's utility rises with infrastructure, services and talent slack", () => {
    const { p, s } = emptyModel();
    const base = districtUtility(p, s, 0, 10);
    const park = p.industry.homePark[0];
    s.infrastructure[park] += 0.1;
    const better = districtUtility(p, s, 0, 10);
    expect(better - base).toBeCloseTo(0.1 * p.choice.infrastructure, 12);
    s.talentDemand[park] = 0;
    expect(talentSlack(s, park)).toBe(1);
  });

  it("choice follows the logit: P(district) = e^v / (e^v + sum of competitors' e^u + 1)", () => {
    const { p, s } = emptyModel();
    refreshCompetitorUtility(p, s);
    const I = p.industries.ids.length;
    let outside = 1;
    for (let k = 0; k < p.competitors.ids.length; k++) outside += Math.exp(s.competitorUtility[k * I]);
    expect(districtProbability(s, 0, 0.3)).toBeCloseTo(Math.exp(0.3) / (Math.exp(0.3) + outside), 12);
    expect(districtProbability(s, 0, 1)).toBeGreaterThan(districtProbability(s, 0, 0.5));
    // staying out takes 1 / outside of what the district leaves
    let stayOut = 0;
    const n = 20000;
    for (let j = 0; j < n; j++) {
      const u = (j + 0.5) / n;
      const pd = districtProbability(s, 0, 0.3);
      if (u >= pd && outsideChoice(s, 0, pd, u) === Choice.stayOut) stayOut += 1;
    }
    expect(stayOut / n).toBeCloseTo((1 - districtProbability(s, 0, 0.3)) / outside, 3);
  });

  it("a project's capacity comes from signed investment, the realised ratio and turnover, capped", () => {
    const { p } = emptyModel();
    const d = p.dynamics;
    expect(projectCapacity(p, 0, 1)).toBeCloseTo(Math.min(d.realisedInvestmentRatio * d.capitalTurnover, p.tier.capacityMax[0]), 12);
    expect(projectCapacity(p, 0, 1e6)).toBe(p.tier.capacityMax[0]);
  });
});
