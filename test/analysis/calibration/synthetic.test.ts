import { describe, expect, it } from "vitest";
import { syntheticCoverage, type CalibrationObservation, type CalibrationParameter, type ObservationsFor } from "../../../src/analysis/calibration/index.js";
import { poisson } from "../../../src/random/index.js";
import { historyNormal } from "./toys.js";

// A toy shaped like the real calibration: a level and its growth observed within tolerances
// around a point value, a "300+"-style one-sided count, and a Poisson-scored number of events.
const parameters: CalibrationParameter[] = [
  { path: "$.level", prior: { dist: "normal", mean: 10, sd: 2, min: 0 } },
  { path: "$.growth", prior: { dist: "uniform", min: 0, max: 0.4 } },
  { path: "$.rate", prior: { dist: "lognormal", meanlog: 0, sdlog: 0.5 } },
];

function simulate(theta: Float64Array, seed: number): Float64Array {
  const [level, growth, rate] = theta;
  return Float64Array.of(
    level * (1 + growth) + 0.5 * historyNormal(seed, 0),
    growth + 0.03 * historyNormal(seed, 1),
    30 * level + 5 * historyNormal(seed, 2),
    2 * rate * (1 + growth),
  );
}

/** Observations built from a history's statistics as the real ones are, shifted by `bias` level units. */
function observationsFor(bias: number): ObservationsFor {
  return (s, stream) => {
    const level = s[0] + bias;
    const obs: CalibrationObservation[] = [
      { id: "level", kind: "interval", min: level - 0.6, max: level + 0.6, target: level },
      { id: "growth", kind: "interval", min: s[1] - 0.025, max: s[1] + 0.025, target: s[1] },
      { id: "firms", kind: "interval", min: 50 * Math.floor(s[2] / 50) },
      { id: "events", kind: "poisson", count: poisson(s[3], stream.next()) },
    ];
    return obs;
  };
}

const calibration = { particles: 200, replicates: 5, predictiveDraws: 0 };

describe("synthetic-data coverage (property 13 of the model contract, toy model)", () => {
  const check = syntheticCoverage(parameters, simulate, observationsFor(0), { datasets: 20, level: 0.9, seed: 13, calibration });

  it("covers the true parameters with 90% posterior intervals at least 70% of the time", () => {
    expect(check.datasets).toHaveLength(20);
    expect(check.datasets.every((d) => d.error === undefined && d.finalTolerance === 0)).toBe(true);
    expect(new Set(check.datasets.map((d) => d.truth[0])).size).toBe(20);
    expect(check.overall, JSON.stringify(check.perParameter)).toBeGreaterThanOrEqual(0.7);
    for (const p of check.perParameter) expect(p.coverage, p.path).toBeGreaterThanOrEqual(0.6);
  });

  it("records for each data set the truth, its observations and the intervals", () => {
    for (const d of check.datasets) {
      expect(d.intervals).toHaveLength(3);
      d.intervals!.forEach(([lo, hi], k) => {
        expect(lo).toBeLessThanOrEqual(hi);
        expect(d.covered[k]).toBe(d.truth[k] >= lo && d.truth[k] <= hi);
      });
      const stats = simulate(Float64Array.from(d.truth), d.historySeed);
      expect(d.observations[0]).toMatchObject({ target: stats[0] });
    }
    const narrow = check.datasets.map((d) => d.intervals![0][1] - d.intervals![0][0]);
    // The level is learned: its intervals are under 40% of the prior's 90% width (6.6).
    expect(Math.max(...narrow)).toBeLessThan(2.6);
  });

  it("can fail: observations biased by 3 noise sd cover the level far less often", () => {
    const biased = syntheticCoverage(parameters, simulate, observationsFor(1.5), { datasets: 10, level: 0.9, seed: 13, calibration });
    expect(biased.perParameter[0].coverage).toBeLessThan(0.5);
  });
});
