/**
 * Face validity of the model (a check, not a calibration): no-plan against the baseline, the
 * elasticity of signings to incentives, 亩均 revenue against the data rows, and the implied
 * value added against district GDP, each over paired seeds (common random numbers).
 */
import { quantile } from "simple-statistics";
import { runScenario, signedLeads, type RunResult } from "../model/run.js";
import { deriveSeed } from "../random/index.js";
import type { MetricKey } from "../model/metrics.js";
import { yearlyMeans } from "../model/yearly.js";
import type { Scenario } from "../scenario/schema.js";

/** One face-validity measure: the model's mean and 5-95% range, with its reference value. */
export interface FaceMeasure {
  measure: string;
  mean: number;
  p5: number;
  p95: number;
  reference: string;
}

const signed = signedLeads;
const lastYearTotal = (r: RunResult, key: MetricKey) => yearlyMeans(r, key).values.reduce((s, row) => s + row[r.years - 1], 0);
const firstYear = (r: RunResult, key: MetricKey, label: string) => {
  const y = yearlyMeans(r, key);
  return y.values[y.labels.indexOf(label)][0];
};

function measure(name: string, xs: number[], reference: string): FaceMeasure {
  const finite = xs.filter(Number.isFinite);
  return { measure: name, mean: finite.reduce((a, b) => a + b, 0) / finite.length, p5: quantile(finite, 0.05), p95: quantile(finite, 0.95), reference };
}

/** Face-validity measures over `runs` paired seeds from `baseSeed`; `park` is the park whose 亩均 revenue is compared. */
export function faceValidity(noPlan: Scenario, baseline: Scenario, runs: number, baseSeed: number, park: string, gdp: number): FaceMeasure[] {
  const moreIncentive = structuredClone(baseline);
  const level = moreIncentive.attraction.incentiveLevel;
  for (const y of Object.keys(level)) level[y] = (level[y] as number) * 1.2;
  const rows = Array.from({ length: runs }, (_, i) => {
    const seed = deriveSeed(baseSeed, i);
    const a = runScenario(noPlan, seed);
    const b = runScenario(baseline, seed);
    const c = runScenario(moreIncentive, seed);
    return {
      outNoPlan: lastYearTotal(a, "output/park"),
      outBaseline: lastYearTotal(b, "output/park"),
      signedRatio: signed(a) > 0 ? signed(b) / signed(a) : NaN,
      elasticity: signed(b) > 0 ? (signed(c) / signed(b) - 1) / 0.2 : NaN,
      revenuePerMu: firstYear(b, "revenuePerMu/park", park),
      vaShare: yearlyMeans(b, "valueAdded/park").values.reduce((s, row) => s + row[0], 0) / gdp,
    };
  });
  const col = (k: keyof (typeof rows)[number]) => rows.map((r) => r[k]);
  const end = baseline.horizon.endYear;
  return [
    measure(`district output ${end}, no-plan, 亿元/yr`, col("outNoPlan"), "-"),
    measure(`district output ${end}, baseline, 亿元/yr`, col("outBaseline"), "above no-plan"),
    measure("signings, baseline / no-plan", col("signedRatio"), "> 1"),
    measure("elasticity of signings to the incentive level (+20%)", col("elasticity"), "small and positive (incentive studies: mostly deadweight)"),
    measure(`${park} 亩均 revenue ${baseline.horizon.startYear}, 万元/亩/yr`, col("revenuePerMu"), "mu-output-b 670 to mu-output-a 1,500 at full capacity"),
    measure(`district value added ${baseline.horizon.startYear} / GDP 2016`, col("vaShare"), `a share of gdp-2016 (${gdp} 亿元), well below 1`),
  ];
}
