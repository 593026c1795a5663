/** Unit tests of single mechanisms on hand-made states: the land queue, void signings, the pipeline, the nested logit. */
import { beforeAll, describe, expect, it } from "vitest";
import { enqueueLand, serveLandQueues } from "../../src/model/land.js";
import { pipelinePass } from "../../src/model/pipeline.js";
import { requestSite, signProject } from "../../src/model/signing.js";
import { districtProbability, outsideChoice, refreshChoice } from "../../src/model/choice.js";
import { FirmStore, IndexList, LossReason, Stage } from "../../src/model/state.js";
import { logDriftQ } from "../../src/model/params.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { model, scenario } from "./fixtures.js";

let prior: Scenario;
beforeAll(async () => {
  prior = await scenario("baseline.json");
});

/** A model of the baseline whose firm store and queues are emptied, for hand-made states. */
function emptyModel(seed = 1) {
  const m = model(prior, seed);
  m.s.firms = new FirmStore(16);
  m.s.live = new IndexList(16);
  m.s.queues = m.p.parks.ids.map(() => new IndexList(4));
  m.s.landQueueMu.fill(0);
  m.s.passes.reset(seed, 0);
  return m;
}

describe("the land queue", () => {
  it("serves first come first served; the head blocks those behind it; a request past its patience lapses", () => {
    const { p, s } = emptyModel();
    const f = s.firms;
    const a = f.add(0, 0, 1, Stage.waitingLand, 1, 0);
    const b = f.add(0, 0, 1, Stage.waitingLand, 2, 0);
    s.live.push(a);
    s.live.push(b);
    enqueueLand(s, a, 100);
    enqueueLand(s, b, 10);
    s.landFreeMu[0] = 50;
    serveLandQueues(p, s);
    expect([f.stage[a], f.stage[b]]).toEqual([Stage.waitingLand, Stage.waitingLand]); // b fits but waits behind a
    expect(s.landQueueMu[0]).toBe(110);
    s.landFreeMu[0] = 105;
    serveLandQueues(p, s);
    expect(f.stage[a]).toBe(Stage.approval);
    expect(f.stage[b]).toBe(Stage.waitingLand);
    expect(f.landMu[a]).toBe(100);
    for (let q = 0; q <= p.tier.landPatience[1]; q++) serveLandQueues(p, s);
    expect(f.stage[b]).toBe(Stage.lostToLand);
    expect(s.leadsLost[LossReason.land]).toBe(1);
    expect(s.landQueueRequests[0]).toBe(0);
  });

  it("a void signing takes no land and joins neither the live firms nor the queue", () => {
    const { p, s } = emptyModel();
    p.dynamics.voidShare = 1;
    const k = signProject(p, s, 2, 0, 0, 1234, 5, 0.5, true);
    requestSite(p, s, k);
    expect(s.firms.stage[k]).toBe(Stage.void);
    expect(s.live.length).toBe(0);
    expect(s.queues[0].length).toBe(0);
    expect(s.firms.cancelled[k]).toBe(0.5);
  });
});

describe("the pipeline", () => {
  it("approval, building for the drawn lag with even spending, ramp-up, production", () => {
    const { p, s } = emptyModel();
    p.dynamics.voidShare = 0;
    const k = signProject(p, s, 2, 0, 0, 99, 10, 0, true);
    s.landFreeMu[0] = 1e6;
    requestSite(p, s, k);
    serveLandQueues(p, s);
    expect(s.firms.stage[k]).toBe(Stage.approval);
    let quarters = 0;
    while (s.firms.stage[k] !== Stage.producing && quarters < 100) {
      pipelinePass(p, s);
      quarters += 1;
    }
    expect(s.firms.stage[k]).toBe(Stage.producing);
    expect(s.firms.spent[k]).toBeCloseTo(10 * p.dynamics.realisedRatio, 9);
    expect(quarters).toBeGreaterThanOrEqual(p.dynamics.approvalLag + p.industry.lagMin[0] + p.industry.rampQuarters[0] - 2);
  });
});

describe("the nested logit", () => {
  it("P(district) rises with its utility, and with one-member nests and dissimilarity 1 it is the plain logit", () => {
    const { p, s } = emptyModel();
    s.quarter = 4;
    p.choice.lambda.fill(1);
    refreshChoice(p, s);
    const i = 0;
    const I = p.industries.ids.length;
    let total = 1;
    for (let c = 0; c < p.competitors.ids.length; c++) total += Math.exp(s.competitorUtility[c * I + i]);
    expect(districtProbability(p, s, i, 0.3)).toBeCloseTo(Math.exp(0.3) / (Math.exp(0.3) + total), 12);
    expect(districtProbability(p, s, i, 1)).toBeGreaterThan(districtProbability(p, s, i, 0.5));
  });

  it("inverse transform above P(district): competitors in nest order, staying out last, shares matching the model", () => {
    const { p, s } = emptyModel();
    s.quarter = 4;
    refreshChoice(p, s);
    const i = 0;
    const v = -1;
    const pd = districtProbability(p, s, i, v);
    const n = 20000;
    let stayOut = 0;
    for (let j = 0; j < n; j++) {
      const u = pd + ((1 - pd) * (j + 0.5)) / n;
      if (outsideChoice(p, s, i, v, u) < 0) stayOut += 1;
    }
    const d = p.choice.districtNest;
    const I = p.industries.ids.length;
    const e = Math.exp(v / p.choice.lambda[d]);
    const inclusive = e + s.nestSum[d * I + i];
    const den = 1 + s.otherNests[i] + Math.pow(inclusive, p.choice.lambda[d]);
    expect(stayOut / n).toBeCloseTo(1 / den / (1 - pd), 3);
  });
});

describe("exact rate conversions", () => {
  it("an index with mean growth g and volatility s has log drift ln(1+g)/4 - s^2/8", () => {
    expect(logDriftQ(0.1, 0.2)).toBeCloseTo(Math.log(1.1) / 4 - 0.04 / 8, 15);
    expect(logDriftQ(0.072, 0)).toBeCloseTo(Math.log(1.072) / 4, 15);
  });
});
