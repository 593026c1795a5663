/**
 * Property 13 (MODEL.md; docs/calibration.md, "Real model"):
 * (a) posterior predictive coverage of each observation >= 50% over 400 histories of the shipped
 *     posterior (scenarios/wenjiang-2017.json) with FRESH history seeds (never a posterior row's),
 *     each run to calibration.until with calibration-2016.json's observations; the same rule as
 *     `clustersim calibrate` (ranges: within [min, max]; the Poisson count: mu within the exact
 *     90% interval of the observed count);
 * (b) on 20 synthetic data sets (truth drawn from the calibrated parameters' priors, one history
 *     at the truth, observations centred on its statistics with the real tolerance widths, the
 *     count a Poisson draw of its mu), 90% posterior intervals of a cheaper ABC-SMC cover the
 *     truth >= 70% of the time.
 *
 * One observation FAILS HONESTLY in (a): 三医 revenue growth 2016-17 (the `it.fails` test below, as
 * p06 marks its honest failure): 32.5% when written. A history's growth varies with its seed by
 * about 0.047 (sd, the `historySd` of `clustersim calibrate`) at fixed calibrated parameters,
 * against a tolerance of +-0.03, so even a point posterior centred on 23% would cover it only
 * about 47% of the time (the `ceiling` the command reports). Priors and tolerances are not
 * changed to pass; if a change of the model lifts it to 50%, the expected failure fails and the
 * marker must go. Figures when written (docs/calibration.md, "Real model"): (a) anchors 92.0%,
 * mc-firms-2016 63.2%, sanyi-firms-2018 58.3%, sanyi-growth-2017 32.5%, sanyi-level-2017 65.0%;
 * (b) 89.0% of 200 (data set, parameter) pairs covered. About 4.5 minutes on the shared 2-core
 * machine, most of it (b).
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { syntheticCoverageAsync, type CalibrationObservation, type ObservationsFor } from "../../../src/analysis/calibration/index.js";
import { calibrationSpecOf, simulateHistory } from "../../../src/analysis/calibration/model.js";
import { predictiveCoverage } from "../../../src/analysis/calibration/predictive.js";
import { historyExecutor } from "../../../src/batch/history-pool.js";
import { spawnWorkerThread } from "../../../src/batch/node/worker-threads.js";
import { keyedHash32, poisson, streamId } from "../../../src/random/index.js";
import { loadScenario } from "../../../src/scenario/load.js";
import { SCENARIOS } from "../fixtures.js";

const RUNS = 400;
const SEED = 2017;

/** Coverage per observation from the shipped posterior, fresh history seeds (computed once). */
const coverage = (async () => {
  const cal = (await loadScenario(join(SCENARIOS, "calibration-2016.json"))).scenario;
  const post = (await loadScenario(join(SCENARIOS, "wenjiang-2017.json"))).scenario.posterior;
  if (!post) throw new Error("scenarios/wenjiang-2017.json has no posterior");
  const spec = calibrationSpecOf(cal);
  const used = new Set(post.historySeeds);
  const fresh = streamId("p13/fresh-history");
  const stats: Float64Array[] = [];
  for (let i = 0; i < RUNS; i++) {
    const row = Math.floor((i * post.draws.length) / RUNS);
    let seed = keyedHash32(SEED, fresh, i, 0, 0);
    for (let a = 1; used.has(seed); a++) seed = keyedHash32(SEED, fresh, i, 0, a);
    stats.push(simulateHistory(cal, post.parameters, post.draws[row], seed));
  }
  const result = predictiveCoverage(spec.observations, stats, 0.9, spec.observations.map(() => NaN));
  console.log(`property 13 (a): coverage over ${RUNS} fresh-seed histories of the shipped posterior: ${result.perObservation.map((c) => `${c.observation} ${(100 * c.coverage).toFixed(1)}%`).join(", ")}; all at once ${(100 * result.joint).toFixed(1)}%`);
  return new Map(result.perObservation.map((c) => [c.observation, c.coverage]));
})();

describe("property 13 (a): posterior predictive coverage, 400 fresh-seed histories of the shipped posterior", () => {
  for (const id of ["anchors-2016-2018", "mc-firms-2016", "sanyi-firms-2018", "sanyi-level-2017"]) {
    it(`${id}: coverage >= 50%`, async () => {
      expect((await coverage).get(id)).toBeGreaterThanOrEqual(0.5);
    });
  }

  it.fails("[fails honestly: history noise sd 0.047 vs tolerance +-0.03 caps it near 47%] sanyi-growth-2017: coverage >= 50%", async () => {
    expect((await coverage).get("sanyi-growth-2017")).toBeGreaterThanOrEqual(0.5);
  });
});

/**
 * Observations of a synthetic data set, built as the real ones are: each range centred on the
 * true history's statistic with the real observation's width; the count a Poisson draw of the
 * true history's mu.
 */
function observationsLike(real: readonly CalibrationObservation[]): ObservationsFor {
  return (s, stream) =>
    real.map((o, j): CalibrationObservation => {
      if (o.kind === "poisson") return { id: o.id, kind: "poisson", count: Number.isFinite(s[j]) && s[j] >= 0 ? poisson(s[j], stream.next()) : 0 };
      if (o.min === undefined || o.max === undefined) throw new Error(`${o.id}: a one-sided observation has no width to centre`);
      const half = (o.max - o.min) / 2;
      return { id: o.id, kind: "interval", min: s[j] - half, max: s[j] + half, ...(o.target !== undefined ? { target: s[j] } : {}) };
    });
}

describe("property 13 (b): synthetic data sets", () => {
  it("20 data sets: 90% posterior intervals cover the truth >= 70% of the time", async () => {
    const cal = (await loadScenario(join(SCENARIOS, "calibration-2016.json"))).scenario;
    const spec = calibrationSpecOf(cal);
    const executor = await historyExecutor(cal, spec.parameters.map((p) => p.path), 2, spawnWorkerThread);
    try {
      const check = await syntheticCoverageAsync(
        spec.parameters,
        observationsLike(spec.observations),
        {
          datasets: 20,
          level: 0.9,
          seed: SEED,
          use: "population",
          // Cheaper than the shipped calibration (500 particles x 5, adaptive tolerances): 40 x 3, a fixed schedule to the intervals.
          calibration: { particles: 40, replicates: 3, tolerances: [1, 0.3, 0], maxProposalsPerGeneration: 1000, predictiveDraws: 0 },
        },
        (jobs) => executor.run(jobs),
      );
      const failed = check.datasets.filter((d) => d.error !== undefined).length;
      const atZero = check.datasets.filter((d) => d.finalTolerance === 0).length;
      console.log(
        `property 13 (b): overall ${(100 * check.overall).toFixed(1)}% of ${check.datasets.length * spec.parameters.length} (data set, parameter) pairs covered; ${atZero} data sets reached tolerance 0, ${failed} failed; per parameter: ${check.perParameter.map((p) => `${p.path} ${(100 * p.coverage).toFixed(0)}%`).join(", ")}`,
      );
      expect(check.datasets).toHaveLength(20);
      expect(check.overall).toBeGreaterThanOrEqual(0.7);
    } finally {
      await executor.close();
    }
  });
});
