/**
 * Properties 7 (first part), 9 and 10 (docs/model.md, "Properties"), checked after every quarter:
 * land used = the sum of the firms' land and free land >= 0; signed >= realised >= present each
 * year, and void projects never take land, spend or get paid; per commitment paid + cancelled +
 * outstanding = committed, the first instalment is paid the quarter spending starts, and nothing
 * is paid after a void draw, a loss to land or an exit (clawback on).
 */
import { describe, expect, it } from "vitest";
import { runScenario } from "../../../src/model/run.js";
import { Stage } from "../../../src/model/state.js";
import { outstandingOf } from "../../../src/model/fiscal.js";
import { METRIC_INDEX } from "../../../src/model/metrics.js";
import type { ModelParams } from "../../../src/model/params.js";
import type { ModelState } from "../../../src/model/model-state.js";
import { clone, scenario } from "../fixtures.js";

/** Per-run memory of each firm: its stage and what it had been paid at the end of the previous quarter. */
class Tracker {
  stage = new Map<number, number>();
  paid = new Map<number, number>();
  firstInstalments = 0;

  check(p: ModelParams, s: ModelState): void {
    const f = s.firms;
    const held = new Float64Array(p.parks.ids.length);
    for (let k = 0; k < f.count; k++) {
      held[f.park[k]] += f.landMu[k];
      const st = f.stage[k];
      const before = this.stage.get(k);
      const paidBefore = this.paid.get(k) ?? 0;
      const committed = f.committed[k];
      expect(Math.abs(f.paid[k] + f.cancelled[k] + outstandingOf(s, k) - committed)).toBeLessThanOrEqual(1e-9 * Math.max(1, committed));
      if (st === Stage.void) expect([f.landMu[k], f.spent[k], f.paid[k]]).toEqual([0, 0, 0]);
      if (st === Stage.lostToLand) expect([f.landMu[k], f.spent[k], f.paid[k]]).toEqual([0, 0, 0]);
      if (before === Stage.exited || before === Stage.void || before === Stage.lostToLand) expect(f.paid[k]).toBe(paidBefore);
      const started = (before === undefined || before <= Stage.approval) && st >= Stage.building && st <= Stage.producing;
      if (started && committed > 0 && f.cancelled[k] < committed) {
        expect(f.paid[k]).toBeGreaterThan(0);
        expect(f.instalmentsLeft[k]).toBe(p.attraction.paymentQuarters - 1);
        this.firstInstalments += 1;
      }
      this.stage.set(k, st);
      this.paid.set(k, f.paid[k]);
    }
    for (let park = 0; park < p.parks.ids.length; park++) {
      expect(Math.abs(s.landUsedMu[park] - held[park])).toBeLessThanOrEqual(1e-6 * Math.max(1, held[park]));
      expect(s.landFreeMu[park]).toBeGreaterThanOrEqual(-1e-9);
      expect(Math.abs(s.landUsedMu[park] + s.landFreeMu[park] - s.landReleasedMu[park])).toBeLessThanOrEqual(1e-6 * s.landReleasedMu[park]);
    }
  }
}

describe("properties 7, 9, 10: land, signings and commitments add up every quarter", () => {
  it.each([["baseline.json", 1], ["lever-tight-land.json", 2], ["lever-promotion.json", 3], ["no-plan.json", 4]])("%s seed %i", async (file, seed) => {
    const tracker = new Tracker();
    const r = runScenario(await scenario(file), seed, { afterStep: (p, s) => tracker.check(p, s) });
    expect(tracker.firstInstalments).toBeGreaterThan(0);
    const signed = r.metrics[METRIC_INDEX["attracted/tier"]];
    const realised = r.metrics[METRIC_INDEX["realised/tier"]];
    const present = r.metrics[METRIC_INDEX["present/tier"]];
    for (let j = 0; j < signed.values.length; j++) {
      expect(signed.values[j]).toBeGreaterThanOrEqual(realised.values[j]);
      expect(realised.values[j]).toBeGreaterThanOrEqual(present.values[j]);
    }
    expect(r.fiscal.committed).toBeGreaterThan(0);
    expect(r.fiscal.paid + r.fiscal.cancelled + r.fiscal.outstanding).toBeCloseTo(r.fiscal.committed, 9);
  });

  it("without clawback an exited project's instalments are still paid, with it they are cancelled", async () => {
    const on = clone(await scenario("baseline.json"));
    const off = clone(on);
    off.attraction.clawback = false;
    const exitedPaid = (sc: typeof on) => {
      let paidAfterExit = 0;
      const seen = new Map<number, number>();
      runScenario(sc, 6, {
        afterStep: (_p, s) => {
          for (let k = 0; k < s.firms.count; k++) {
            if (s.firms.stage[k] !== Stage.exited) continue;
            const was = seen.get(k);
            if (was !== undefined) paidAfterExit += s.firms.paid[k] - was;
            seen.set(k, s.firms.paid[k]);
          }
        },
      });
      return paidAfterExit;
    };
    expect(exitedPaid(on)).toBe(0);
    expect(exitedPaid(off)).toBeGreaterThan(0);
  });
});
