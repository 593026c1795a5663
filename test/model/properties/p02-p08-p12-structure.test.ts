/**
 * Properties 2, 8 and 12 (docs/model.md, "Properties"): adding leads in one (tier, industry,
 * quarter) changes no other agent's draws; spill-overs stay below S_max with 1,000
 * institutions, anchors signed never exceed the eligible pool and appear only in eligible
 * industries, and doubling the teams less than doubles each tier's expected leads; any park
 * given the district's state gets its index, the field has >= 200 parks, and more district
 * output, all else equal, never worsens its rank.
 */
import { describe, expect, it } from "vitest";
import { step } from "../../../src/model/step.js";
import { boundedSpillover } from "../../../src/model/institutions.js";
import { poolLeadRate } from "../../../src/model/leads.js";
import { fieldSize, rankIndex, rankOf, type ParkState } from "../../../src/model/rank.js";
import { Stage } from "../../../src/model/state.js";
import type { ModelState } from "../../../src/model/model-state.js";
import { clone, model, scenario, stepped } from "../fixtures.js";

/** Key -> (investment, production start, shock) of every firm ever signed in a run. */
function firmsByKey(s: ModelState) {
  const out = new Map<number, { investment: number; prodQ: number; stage: number; shock: number; quarter: number }>();
  const f = s.firms;
  for (let k = 0; k < f.count; k++) out.set(f.key[k], { investment: f.investment[k], prodQ: f.prodQ[k], stage: f.stage[k], shock: f.shock[k], quarter: f.signedQ[k] });
  return out;
}

describe("property 2: common random numbers are keyed by agent", () => {
  it("extra leads of one (tier, industry, quarter) leave every other agent's draws unchanged", async () => {
    const sc = await scenario("baseline.json");
    const q0 = 10;
    const t = 1; // leader
    const i = 0;
    const a = stepped(sc, 21, 28);
    const b = stepped(sc, 21, 28);
    // the same run twice is the same; now the run with the extra leads at q0
    const c = (() => {
      const sim = stepped(sc, 21, q0);
      const I = sim.p.industries.ids.length;
      const keep = sim.p.tier.pool[t * I + i];
      sim.p.tier.pool[t * I + i] = keep * 50;
      step(sim.p, sim.s, sim.series, sim.scratch);
      sim.p.tier.pool[t * I + i] = keep;
      for (let q = q0 + 1; q < 28; q++) step(sim.p, sim.s, sim.series, sim.scratch);
      return sim;
    })();
    const before = firmsByKey(a.s);
    const after = firmsByKey(c.s);
    expect(firmsByKey(b.s)).toEqual(before);
    let extraSigned = 0;
    let compared = 0;
    for (const [key, x] of after) {
      const y = before.get(key);
      if (y === undefined) {
        if (x.quarter === q0) extraSigned += 1;
        continue;
      }
      compared += 1;
      expect(x.investment).toBe(y.investment);
      if (x.prodQ === y.prodQ && x.stage === Stage.producing && y.stage === Stage.producing) expect(x.shock).toBe(y.shock);
    }
    expect(extraSigned).toBeGreaterThan(0);
    expect(compared).toBeGreaterThan(100);
    // before q0 the two runs are the same agents
    for (const [key, x] of before) if (x.quarter < q0 && x.quarter >= 0) expect(after.has(key)).toBe(true);
  });
});

describe("property 8: bounded spill-overs, finite pools, concave effort", () => {
  it("the spill-over of 1,000 institutions stays below S_max", async () => {
    const sc = clone(await scenario("baseline.json"));
    sc.initialState.institutions = [{ park: "medical-city", kind: "platform", count: 1000 }];
    const sim = stepped(sc, 1, 4);
    const park = sim.p.parks.index.get("medical-city")!;
    const sMax = sim.p.dynamics.spilloverMax;
    const sum = 1000 * sim.p.kind.spilloverPerYear[sim.p.kinds.index.get("platform")!];
    expect(sum).toBeGreaterThan(10 * sMax);
    // S_max (1 - exp(-sum / S_max)) is below S_max; in floating point it rounds to S_max once sum / S_max > 37
    expect(sim.s.spillover[park]).toBeLessThanOrEqual(sMax);
    expect(sim.s.spillover[park]).toBeGreaterThan(0.99 * sMax);
    expect(boundedSpillover(0.25 * sMax, sMax)).toBeLessThan(0.25 * sMax);
    expect(boundedSpillover(10 * sMax, sMax)).toBeLessThan(sMax);
  });

  it("anchors signed never exceed the eligible pool and appear only in eligible industries", async () => {
    const sc = clone(await scenario("lever-anchor-chain.json"));
    sc.tiers.anchor.pool = { biopharma: 3, devices: 2 };
    sc.attraction.promotionTeams = { "2016": 10, "2018": 500 };
    for (const seed of [1, 2, 3]) {
      const sim = stepped(sc, seed, 28);
      const { p, s } = sim;
      const I = p.industries.ids.length;
      const anchor = p.tiers.index.get("anchor")!;
      const events = p.events.filter((e) => e.tier === anchor).length;
      for (let i = 0; i < I; i++) {
        expect(s.signedGroups[anchor * I + i]).toBeLessThanOrEqual(p.tier.pool[anchor * I + i] + p.events.filter((e) => e.tier === anchor && e.industry === i).length);
        if (p.tier.eligible[anchor * I + i] === 0) expect(s.signedGroups[anchor * I + i]).toBe(0);
      }
      for (let k = 0; k < s.firms.count; k++) if (s.firms.tier[k] === anchor) expect(p.tier.eligible[anchor * I + s.firms.industry[k]]).toBe(1);
      expect(events).toBe(2);
    }
  });

  it("doubling the teams less than doubles each tier's expected leads", async () => {
    const sc = await scenario("baseline.json");
    const one = model(sc, 4);
    const two = model(sc, 4, (p) => p.schedule.teams.forEach((x, y) => (p.schedule.teams[y] = 2 * x)));
    for (const m of [one, two]) m.s.quarter = 12;
    const I = one.p.industries.ids.length;
    for (let t = 0; t < one.p.tiers.ids.length; t++) {
      let a = 0;
      let b = 0;
      for (let i = 0; i < I; i++) {
        a += poolLeadRate(one.p, one.s, t, i);
        b += poolLeadRate(two.p, two.s, t, i);
      }
      if (a === 0) continue;
      expect(b).toBeGreaterThan(a);
      expect(b).toBeLessThan(2 * a);
    }
  });
});

describe("property 12: the rank is one function of every park's state", () => {
  it("any park given the district's state gets its index; the field has at least 200 parks", async () => {
    const { p } = model(await scenario("baseline.json"), 2);
    expect(fieldSize(p)).toBeGreaterThanOrEqual(200);
    const district: ParkState = { output: 180, firms: 300, growth: 0.2, anchors: 3 };
    const twin = { ...district };
    expect(rankIndex(p.rank.weights, twin)).toBe(rankIndex(p.rank.weights, district));
    const others: ParkState[] = p.competitors.ids.map(() => ({ ...district }));
    // ties do not rank above the district
    expect(rankOf(p, district, others, 4)).toBeLessThanOrEqual(1 + p.rank.synthetic.output0.length);
  });

  it("more district output, all else equal, never worsens its rank", async () => {
    const { p } = model(await scenario("baseline.json"), 3);
    const others: ParkState[] = p.competitors.ids.map((_, c) => ({ output: p.competitor.output0[c], firms: p.competitor.firms0[c], growth: 0.1, anchors: p.competitor.anchors0[c] }));
    let last = Infinity;
    for (let output = 10; output <= 1e6; output *= 1.3) {
      const r = rankOf(p, { output, firms: 300, growth: 0.15, anchors: 2 }, others, 6);
      expect(r).toBeLessThanOrEqual(last);
      last = r;
    }
    expect(last).toBe(1);
  });
});
