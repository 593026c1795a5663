/**
 * Property 6 (docs/model.md, "Properties"): in the baseline, potential output <= output x
 * (1/u* + 0.15) in every year (capacity follows what can be staffed).
 *
 * FAILS HONESTLY under the uncalibrated prior (measured when written: 14 of 1,400 run-years above
 * the bound, worst 1.06 x the bound, all in 2021-22 in runs with a weak accelerator and fast
 * entry), and still under the shipped ABC-SMC posterior (scenarios/wenjiang-2017.json: 26 of
 * 1,400 run-years, worst 1.103 x the bound, 2022). The test asserts the property and is marked `it.fails`, so the slow suite reports the
 * failure without blocking; when the property holds (e.g. after the calibration), this test fails
 * and the marker must be removed. Prior and bound are not loosened.
 */
import { describe, expect, it } from "vitest";
import { runScenario } from "../../../src/model/run.js";
import { yearlyMeans } from "../../../src/model/yearly.js";
import { scenario } from "../fixtures.js";

const RUNS = 200;

describe("property 6: idle capacity stays bounded", () => {
  it.fails("[fails honestly under the prior and the shipped posterior] baseline, 200 runs: potential output <= output x (1/u* + 0.15) every year", async () => {
    const sc = await scenario("baseline.json");
    let violations = 0;
    let worst = { ratio: 0, at: "" };
    for (let i = 0; i < RUNS; i++) {
      const r = runScenario(sc, 80_000 + i);
      const uStar = r.drawn.find((d) => d.path === "$.dynamics.targetUtilisation")!.value;
      const pot = yearlyMeans(r, "potentialOutput/park").values;
      const out = yearlyMeans(r, "output/park").values;
      for (let y = 0; y < r.years; y++) {
        const p = pot.reduce((s, row) => s + row[y], 0);
        const o = out.reduce((s, row) => s + row[y], 0);
        const ratio = p / (o * (1 / uStar + 0.15));
        if (ratio > 1) violations += 1;
        if (ratio > worst.ratio) worst = { ratio, at: `run ${i}, ${r.startYear + y}: potential ${p.toFixed(0)}, output ${o.toFixed(0)}, u* ${uStar.toFixed(3)}` };
      }
    }
    console.log(`property 6: ${violations} of ${RUNS * 7} run-years above the bound; worst potential / bound ${worst.ratio.toFixed(3)} (${worst.at})`);
    expect(violations).toBe(0);
  });
});
