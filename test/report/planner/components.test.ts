/** The planner-first components shared by the page and the report: verdict sentences, probability bars, cost per point, target names. */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { loadScenario } from "../../../src/scenario/index.js";
import { describeTarget } from "../../../src/model/target-description.js";
import type { Target } from "../../../src/scenario/schema.js";
import { plannerComparison, type PairedChange, type PlannerComparison, type PlannerTarget } from "../../../src/report/planner/comparison.js";
import { costSummary } from "../../../src/report/planner/cost.js";
import { points, pct, yi } from "../../../src/report/planner/lang.js";
import { probabilityBars } from "../../../src/report/planner/probability-bars.js";
import { outOfReach, targetName, targetThreshold, type TargetInfo } from "../../../src/report/planner/targets.js";
import { verdicts } from "../../../src/report/planner/verdict.js";
import { inProcessExecutor } from "../../../src/batch/executor.js";
import { MemoryStore } from "../../../src/batch/memory-store.js";
import { derivedPlan } from "../../../src/batch/plan.js";
import { runBatch } from "../../../src/batch/run-batch.js";
import { MemorySink } from "../../../src/batch/files/sink.js";
import { writeBatchFiles } from "../../../src/batch/write-batch.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");

/** Target definitions as the scenario schema (model v2) gives them, defaults filled (describeTarget reads them as the batch does). */
const defs: Record<string, Target> = {
  "pharma-2020": { label: "top pharma by 2020", year: 2020, kind: "attracted", groups: ["anchor"], threshold: 8, unit: "groups" },
  "leaders-2020": { label: "leaders by 2020", year: 2020, kind: "attracted", groups: ["leader"], threshold: 10, unit: "groups" },
  "cluster-2022": { label: "Medical City >= 1,000 亿 in 2022", year: 2022, kind: "output", scope: "parks", measure: "revenue", unit: "亿元/yr", parks: ["medical-city"], industries: [], threshold: 1000 },
  "clusters-2022": { label: "one 1,000 and two 500 in 2022", year: 2022, kind: "cluster-order", scope: "parks", measure: "revenue", unit: "亿元/yr", thresholds: [1000, 500, 500] },
  "top-ten-2022": { label: "top ten in 2022", year: 2022, kind: "rank", park: "medical-city", topN: 10, unit: "rank" },
};
const names = {
  parks: { "medical-city": { name: "Chengdu Medical City", nameZh: "成都医学城" } },
  tiers: { anchor: { name: "Anchor", nameZh: "龙头" }, leader: { name: "Leader", nameZh: "细分龙头" } },
} as unknown as PlannerComparison["names"];

const change = (baseline: number, alternative: number, low: number, high: number): PairedChange => ({ baseline, alternative, difference: alternative - baseline, low, high });
const target = (id: string, base: number, alt: number, c: PairedChange, median: number, perYi: number | null = null): PlannerTarget => ({
  info: describeTarget(id, defs[id]),
  base: { probability: base, low: Math.max(0, base - 0.05), high: Math.min(1, base + 0.05), median },
  alt: { probability: alt, low: Math.max(0, alt - 0.05), high: Math.min(1, alt + 0.05), median },
  change: c,
  perYi: perYi === null ? { value: null, low: null, high: null } : { value: perYi, low: perYi / 2, high: perYi * 2 },
});

function comparison(over: Partial<PlannerComparison> = {}): PlannerComparison {
  return {
    baseName: "baseline",
    scenarioName: "baseline-planner",
    runs: 400,
    horizon: { startYear: 2018, endYear: 2022 },
    targets: [
      target("pharma-2020", 0.3, 0.5, change(0.3, 0.5, 0.12, 0.28), 7, 0.01),
      target("leaders-2020", 0.6, 0.62, change(0.6, 0.62, -0.03, 0.07), 11, 0.001),
      target("cluster-2022", 0, 0, change(0, 0, 0, 0), 315),
      target("clusters-2022", 0, 0, change(0, 0, 0, 0), 0),
      target("top-ten-2022", 0.2, 0.1, change(0.2, 0.1, -0.15, -0.05), 13),
    ],
    cost: { baseline: 150, alternative: 170, difference: 20, low: 18, high: 22 },
    names,
    changed: true,
    ...over,
  };
}

describe("verdict sentences", () => {
  it("one per family: output out of reach with the closest median, attraction gains with cost per point, ranking a loss", () => {
    const v = verdicts(comparison(), "en");
    expect(v.map((x) => [x.family, x.tone])).toEqual([["output", "out-of-reach"], ["attraction", "gain"], ["rank", "loss"]]);
    expect(v[0].text).toContain("no run meets any of these 2 targets");
    expect(v[0].text).toContain("median 315 of 1,000 亿元");
    expect(v[1].text).toBe("Your changes clearly raise the chance of 1 of 2 targets, most for “top pharma by 2020” (30% → 50%, +20 points), for 20.0 亿元 more in fiscal cost (incentives owed after 2022 included), about 1.00 亿元 per point.");
    expect(v[2].text).toBe("Your changes clearly lower the chance of “top ten in 2022” (20% → 10%, −10 points), for 20.0 亿元 more in fiscal cost (incentives owed after 2022 included).");
  });

  it("in Chinese with the plan's words, and without a lever moved says so", () => {
    const v = verdicts(comparison(), "zh-CN");
    expect(v[1].text).toContain("“2020年前引进龙头 ≥ 8”上升最多（30% → 50%, +20 个百分点）");
    expect(v[1].text).toContain("财政成本（含2022年后仍需兑付的激励）增加 20.0 亿元");
    const none = verdicts(comparison({ changed: false }), "en");
    expect(none[1].text).toMatch(/^No lever moved yet/);
    expect(none[0].tone).toBe("out-of-reach");
  });

  it("names the alternative instead of “your changes” when it is not the reader's (the report)", () => {
    const v = verdicts(comparison({ subject: "lever-promotion" }), "en");
    expect(v[1].text).toMatch(/^lever-promotion clearly raises the chance of 1 of 2 targets/);
    expect(v[2].text).toMatch(/^lever-promotion clearly lowers the chance of/);
    expect(costSummary(comparison({ subject: "lever-promotion" }), "en")).toContain("for targets lever-promotion clearly improves");
    expect(probabilityBars(comparison({ subject: "lever-promotion" }), "en")).toContain('<i class="pb-key alt"></i>lever-promotion');
  });

  it("calls changes within the noise no clear change, and a saving a saving", () => {
    const c = comparison({ cost: { baseline: 150, alternative: 140, difference: -10, low: -11, high: -9 } });
    c.targets[0] = target("pharma-2020", 0.3, 0.33, change(0.3, 0.33, -0.01, 0.07), 7);
    const v = verdicts(c, "en");
    expect(v[1].tone).toBe("none");
    expect(v[1].text).toContain("within the simulation's noise");
    expect(v[1].text).toContain("while saving 10.0 亿元");
  });
});

describe("probability bars and cost", () => {
  it("draws bars for reachable targets and “out of reach” for targets no run meets, last in their family", () => {
    const html = probabilityBars(comparison(), "en");
    const rows = [...html.matchAll(/class="pb-row ([a-z ]+)" data-target="([^"]+)"/g)].map((m) => [m[2], m[1]]);
    // family, then year, then label; targets no run meets last in their family
    expect(rows).toEqual([["cluster-2022", "out"], ["clusters-2022", "out"], ["leaders-2020", "none"], ["pharma-2020", "gain"], ["top-ten-2022", "loss"]]);
    expect(html).toContain("out of reach: median 315 of 1,000 亿元");
    expect(html).toContain("out of reach: median 0 of 3 clusters");
    expect(html).toContain('style="width:50.00%"');
  });

  it("gives the cost per point only for clear gains, in 亿元 per point", () => {
    const html = costSummary(comparison(), "en");
    expect(html).toContain('data-target="pharma-2020"');
    expect(html).not.toContain('data-target="leaders-2020"');
    expect(html).toContain("<b>1.00</b> 亿元 per point");
    expect(html).toContain("+20.0 亿元");
    const cheaper = costSummary(comparison({ cost: { baseline: 150, alternative: 140, difference: -10, low: -11, high: -9 } }), "zh-CN");
    expect(cheaper).toContain("成本不高于基准");
  });

  it("lays out the cost with commitments after the horizon and the net cost after local tax, base against scenario", () => {
    const costParts = {
      levers: { baseline: 120, alternative: 135, difference: 15, low: 14, high: 16 },
      owedAfter: { baseline: 30, alternative: 35, difference: 5, low: 4, high: 6 },
      localTax: { baseline: 200, alternative: 212, difference: 12, low: 10, high: 14 },
      net: { baseline: -50, alternative: -42, difference: 8, low: 5, high: 11 },
    };
    const rowsOf = (html: string) => [...html.matchAll(/<tr(?: class="pc-total")?><th>([^<]*)<\/th><td class="num">([^<]*)<\/td><td class="num">([^<]*)<\/td><td class="num"><b>([^<]*)<\/b>/g)].map((m) => m.slice(1));
    expect(rowsOf(costSummary(comparison({ costParts }), "en"))).toEqual([
      ["levers, 2018–2022", "120 亿元", "135 亿元", "+15.0 亿元"],
      ["+ incentives still owed after 2022", "30.0 亿元", "35.0 亿元", "+5.00 亿元"],
      ["= cost with commitments", "150 亿元", "170 亿元", "+20.0 亿元"],
      ["− local tax, 2018–2022", "200 亿元", "212 亿元", "+12.0 亿元"],
      ["= net fiscal cost", "−50.0 亿元", "−42.0 亿元", "+8.00 亿元"],
    ]);
    expect(costSummary(comparison({ costParts }), "zh-CN")).toContain("= 净财政成本");
    // without the parts (result files that lack these headlines) only the priced cost is shown
    expect(rowsOf(costSummary(comparison(), "en")).map((r) => r[0])).toEqual(["cost with commitments"]);
  });
});

describe("targets and numbers", () => {
  it("names targets in Chinese from their descriptions, with 千亿 and 五百亿", () => {
    const info = (id: string) => describeTarget(id, defs[id]);
    expect(targetName(info("cluster-2022"), "zh-CN", names)).toBe("2022年成都医学城产值 ≥ 1,000 亿元（千亿）");
    expect(targetName(info("clusters-2022"), "zh-CN", names)).toBe("2022年形成一个千亿园区、两个五百亿园区");
    expect(targetName(info("top-ten-2022"), "zh-CN", names)).toBe("2022年成都医学城进入全国前10");
    expect(targetName(info("pharma-2020"), "zh-CN", names)).toBe("2020年前引进龙头 ≥ 8");
    expect(targetName(info("cluster-2022"), "en", names)).toBe("Medical City ≥ 1,000 亿 in 2022");
    expect(targetName({ ...info("cluster-2022"), kind: "a-new-kind" } as unknown as TargetInfo, "zh-CN", names)).toBe("Medical City ≥ 1,000 亿 in 2022");
  });

  it("tells how far a target out of reach falls short, in its own terms", () => {
    const info = (id: string) => describeTarget(id, defs[id]);
    expect(targetThreshold(info("top-ten-2022"))).toEqual({ value: 10, atMost: true, unit: "rank" });
    expect(targetThreshold(info("clusters-2022"))).toEqual({ value: 3, atMost: false, unit: "clusters" });
    expect(outOfReach(info("top-ten-2022"), 14, "en")).toBe("out of reach: median rank 14, needs top 10");
    expect(outOfReach(info("pharma-2020"), 3, "zh-CN")).toBe("无法达到：中位数 3，目标 8");
    expect(outOfReach({ ...info("cluster-2022"), threshold: null }, 300, "en")).toBe("out of reach");
  });

  it("formats percentages, points and 亿元", () => {
    expect([pct(0), pct(0.004), pct(0.5), pct(0.996), pct(1), pct(null)]).toEqual(["0%", "<1%", "50%", ">99%", "100%", "–"]);
    expect([points(0.123, "en"), points(-0.01, "en"), points(0.001, "en"), points(0.2, "zh-CN")]).toEqual(["+12 points", "−1 point", "±0 points", "+20 个百分点"]);
    expect([yi(1234.5), yi(-3.25, true), yi(20, true)]).toEqual(["1,235 亿元", "−3.25 亿元", "+20.0 亿元"]);
  });
});

describe("from the batch's own result objects", () => {
  it("maps summary.json and comparison.json objects target by target", async () => {
    const a = await loadScenario(join(ROOT, "scenarios", "example.json"));
    const b = await loadScenario(join(ROOT, "scenarios", "example-overlay.json"));
    const plan = derivedPlan([{ name: a.scenario.name, file: "a", hash: a.hash, scenario: a.scenario }, { name: b.scenario.name, file: "b", hash: b.hash, scenario: b.scenario }], 3, 12);
    const store = new MemoryStore(plan);
    await runBatch(plan, inProcessExecutor(plan), store);
    const { summary, comparison: cmp } = await writeBatchFiles(plan, store, new MemorySink(), { kind: "comparison" });
    const c = plannerComparison(summary.scenarios[0], summary.scenarios[1], cmp!.alternatives[0], { horizon: a.scenario.horizon, names: a.scenario });
    expect(c.runs).toBe(12);
    expect(c.targets.map((t) => t.info.id)).toEqual(summary.scenarios[0].targets.map((t) => t.id));
    for (const t of c.targets) {
      expect(describeTarget(t.info.id, a.scenario.targets[t.info.id])).toMatchObject(t.info);
      expect(t.base.probability).toBe(summary.scenarios[0].targets.find((x) => x.id === t.info.id)!.probability);
      expect(t.alt.probability).toBe(summary.scenarios[1].targets.find((x) => x.id === t.info.id)!.probability);
      expect(t.change?.difference).toBe(cmp!.alternatives[0].targets.find((x) => x.id === t.info.id)!.difference);
    }
    expect(c.cost.difference).toBe(cmp!.alternatives[0].fiscalCost.difference);
    const headline = (name: string) => cmp!.alternatives[0].headlines.find((h) => h.name === name)!;
    expect(c.cost.alternative).toBe(headline("costWithCommitments").alternative);
    expect(c.costParts?.levers.difference).toBe(headline("fiscalCostTotal").difference);
    expect(c.costParts?.owedAfter.high).toBe(headline("incentivesOutstanding").high);
    expect(c.costParts?.localTax.baseline).toBe(headline("localTax").baseline);
    expect(c.costParts?.net.low).toBe(headline("netFiscalCost").low);
    expect(verdicts(c, "zh-CN").length).toBeGreaterThan(0);
  }, 60_000);
});
