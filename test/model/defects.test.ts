/**
 * Each defect issue 9 found in model version 1, with a test that would have caught it (the
 * paired and sensitivity ones are in defects.slow.test.ts).
 */
import { describe, expect, it } from "vitest";
import { runScenario } from "../../src/model/run.js";
import { poolLeadRate, supplierLeadRate } from "../../src/model/leads.js";
import { institutionLeadRate } from "../../src/model/institutions.js";
import { describeTarget } from "../../src/model/target-description.js";
import { Lever } from "../../src/model/state.js";
import { clone, model, scenario } from "./fixtures.js";

describe("levers have costs and effects", () => {
  it("a larger anchor share is not free: it takes team time from the other pools", async () => {
    const sc = await scenario("baseline.json");
    const base = model(sc, 2);
    const more = model(sc, 2, (p) => {
      const G = p.tiers.ids.length + p.kinds.ids.length;
      const anchor = p.tiers.index.get("anchor")!;
      for (let y = 0; y < p.years; y++) p.schedule.effort[y * G + anchor] *= 3;
    });
    for (const m of [base, more]) m.s.quarter = 12;
    const rate = (m: typeof base, tier: string) => {
      const t = m.p.tiers.index.get(tier)!;
      return m.p.industries.ids.reduce((sum, _, i) => sum + poolLeadRate(m.p, m.s, t, i), 0);
    };
    expect(rate(more, "anchor")).toBeGreaterThan(rate(base, "anchor"));
    expect(rate(more, "leader")).toBeLessThan(rate(base, "leader"));
    expect(rate(more, "mid")).toBeLessThan(rate(base, "mid"));
    expect(institutionLeadRate(more.p, more.s, 0)).toBeLessThan(institutionLeadRate(base.p, base.s, 0));
  });

  it("chain targeting has an effect: chain work raises supplier leads around anchors and costs the other pools team time", async () => {
    const sc = clone(await scenario("baseline.json"));
    const low = model(sc, 3, (p) => p.schedule.chainShare.fill(0.05));
    const high = model(sc, 3, (p) => p.schedule.chainShare.fill(0.5));
    for (const m of [low, high]) {
      m.s.quarter = 12;
      m.s.cellAnchorsActive.fill(2);
    }
    let more = 0;
    for (let i = 0; i < low.p.industries.ids.length; i++) {
      expect(supplierLeadRate(high.p, high.s, i)).toBeGreaterThanOrEqual(supplierLeadRate(low.p, low.s, i));
      if (supplierLeadRate(high.p, high.s, i) > supplierLeadRate(low.p, low.s, i)) more += 1;
    }
    expect(more).toBeGreaterThan(0);
    const mid = low.p.tiers.index.get("mid")!;
    expect(poolLeadRate(high.p, high.s, mid, 0)).toBeLessThan(poolLeadRate(low.p, low.s, mid, 0));
  });

  it("targeting is zero-sum team time: more weight on one industry lowers the others' leads", async () => {
    const sc = await scenario("baseline.json");
    const base = model(sc, 4);
    const aimed = model(sc, 4, (p) => {
      const I = p.industries.ids.length;
      const bio = p.industries.index.get("biopharma")!;
      for (let y = 0; y < p.years; y++) p.schedule.targeting[y * I + bio] *= 4;
    });
    for (const m of [base, aimed]) m.s.quarter = 12;
    const mid = base.p.tiers.index.get("mid")!;
    const bio = base.p.industries.index.get("biopharma")!;
    const devices = base.p.industries.index.get("devices")!;
    expect(poolLeadRate(aimed.p, aimed.s, mid, bio)).toBeGreaterThan(poolLeadRate(base.p, base.s, mid, bio));
    expect(poolLeadRate(aimed.p, aimed.s, mid, devices)).toBeLessThan(poolLeadRate(base.p, base.s, mid, devices));
  });

  it("approval speed costs something; the baseline's faster approvals are paid for every year", async () => {
    const r = runScenario(await scenario("baseline.json"), 1);
    expect(r.fiscalCost.approval).toBeGreaterThan(0);
    const none = runScenario(await scenario("no-plan.json"), 1);
    expect(none.fiscalCost.approval).toBe(0);
  });

  it("the first instalment of an incentive is booked (incentive costs are paid in the run)", async () => {
    const r = runScenario(await scenario("baseline.json"), 2);
    expect(r.fiscalCost.incentives).toBeGreaterThan(0);
    expect(r.fiscal.paid).toBeGreaterThan(0);
  });

  it("commitments owed after the horizon are reported, and net cost subtracts the local tax", async () => {
    const r = runScenario(await scenario("baseline.json"), 3);
    expect(r.fiscal.outstanding).toBeGreaterThan(0);
    expect(r.fiscal.committed).toBeCloseTo(r.fiscal.paid + r.fiscal.cancelled + r.fiscal.outstanding, 9);
    expect(r.fiscal.localTax).toBeGreaterThan(0);
    expect(r.fiscal.netCost).toBeCloseTo(r.fiscal.costs - r.fiscal.localTax, 9);
  });

  it("every lever scenario changes what its name says, and only that, from the baseline", async () => {
    const base = await scenario("baseline.json");
    const changed = (sc: typeof base) => {
      const a = model(base, 1).p.schedule;
      const b = model(sc, 1).p.schedule;
      return Object.keys(a).filter((k) => JSON.stringify(Array.from(a[k as keyof typeof a])) !== JSON.stringify(Array.from(b[k as keyof typeof b])));
    };
    expect(changed(await scenario("lever-promotion.json")).sort()).toEqual(["incentiveBudget", "incentiveLevel", "teams"]);
    expect(changed(await scenario("lever-tight-land.json"))).toEqual(["landQuotaMu"]);
    expect(changed(await scenario("lever-small-fund.json"))).toEqual(["guidanceFund"]);
    expect(changed(await scenario("lever-talent.json")).sort()).toEqual(["housingAdded", "programmePersons"]);
    expect(changed(await scenario("lever-anchor-chain.json")).sort()).toEqual(["chainShare", "effort", "teams"]);
    const tight = model(await scenario("lever-tight-land.json"), 1).p.schedule.landQuotaMu;
    const full = model(base, 1).p.schedule.landQuotaMu;
    for (let j = 12; j < full.length; j++) expect(tight[j]).toBeCloseTo(full[j] / 2, 9);
  });
});

describe("targets count what they say", () => {
  it("top pharma counts anchor groups signed from 2018, which exist only in the eligible industries, and reports realised and present beside", async () => {
    const sc = await scenario("baseline.json");
    const r = runScenario(sc, 4);
    const t = r.targets.find((x) => x.id === "pharma-top-2022")!;
    expect(t.realised).toBeLessThanOrEqual(t.value);
    expect(t.present).toBeLessThanOrEqual(t.realised!);
    const anchor = sc.tiers.anchor;
    expect(anchor.industries).toEqual(["medical-rd", "biopharma", "devices", "precision-medicine"]);
  });

  it("cluster targets state their scope and measure, and report the value over the threshold", async () => {
    const sc = await scenario("baseline.json");
    expect(describeTarget("cluster-1000-2022", sc.targets["cluster-1000-2022"])).toMatchObject({
      kind: "output", scope: "parks", parks: ["medical-city"], measure: "revenue", threshold: 1000, unit: "亿元/yr", year: 2022,
    });
    expect(describeTarget("clusters-2022", sc.targets["clusters-2022"])).toMatchObject({ kind: "cluster-order", scope: "parks", measure: "revenue", thresholds: [1000, 500, 500] });
    const r = runScenario(sc, 5);
    const fixed = r.targets.find((x) => x.id === "cluster-1000-2022")!;
    expect(fixed.ratio).toBeCloseTo(fixed.value / 1000, 12);
    const allIn = clone(sc);
    allIn.targets["cluster-1000-2022"] = { ...sc.targets["cluster-1000-2022"], measure: "all-in", allInMultiplier: 2 } as typeof sc.targets[string];
    const doubled = runScenario(allIn, 5).targets.find((x) => x.id === "cluster-1000-2022")!;
    expect(doubled.value).toBeCloseTo(2 * fixed.value, 9);
  });

  it("the rank scores every park on the same units (anchor groups present) in a field of 200", async () => {
    const sc = await scenario("baseline.json");
    const { p } = model(sc, 1);
    expect(1 + p.competitors.ids.length + p.rank.synthetic.output0.length).toBe(200);
    const r = runScenario(sc, 1);
    const rank = r.targets.find((x) => x.id === "top-ten-2022")!;
    expect(rank.value).toBeGreaterThanOrEqual(1);
    expect(rank.value).toBeLessThanOrEqual(200);
  });
});

describe("the incentive lever in the cost account", () => {
  it("costs are booked per lever, the incentive where its instalments are paid", async () => {
    const r = runScenario(await scenario("lever-promotion.json"), 6);
    expect(Object.keys(r.fiscalCost)).toHaveLength(Object.keys(Lever).length);
    expect(r.fiscalCost.incentives).toBeGreaterThan(0);
  });
});
