/**
 * Step 7, exit: a producing or ramping firm exits with a quarterly hazard from its industry's
 * annual hazard x its tier's factor x a young-firm factor, raised by a bad shock
 * (x (1 + sensitivity x max(0, -shock))). Its land returns to the park's free land
 * (MODEL.md "One quarter" 7). An exiting firm's output counts from the next quarter as nil.
 */
import { keyedUniform } from "../random/index.js";
import type { ModelParams } from "./params.js";
import { Stage, type ModelState } from "./state.js";
import { STREAM } from "./streams.js";

/** Annual exit hazard of firm k this quarter, in [0, 1]. */
export function annualHazard(p: ModelParams, s: ModelState, k: number): number {
  const f = s.firms;
  const d = p.dynamics;
  const age = s.quarter - f.entryQuarter[k];
  const young = age < d.youngAgeQuarters ? d.youngExitFactor : 1;
  const h = p.industry.exitHazard[f.industry[k]] * p.tier.exitHazardFactor[f.tier[k]] * young * (1 + d.exitShockSensitivity * Math.max(0, -f.shock[k]));
  return Math.min(1, h);
}

/** Draws exits for this quarter. */
export function stepExit(p: ModelParams, s: ModelState, seed: number): void {
  const f = s.firms;
  for (let k = 0; k < f.count; k++) {
    const stage = f.stage[k];
    if (stage !== Stage.producing && stage !== Stage.ramping) continue;
    const h = annualHazard(p, s, k);
    if (h <= 0) continue;
    const hq = 1 - Math.sqrt(Math.sqrt(1 - h)); // 1 - (1 - h)^(1/4), exact in every runtime
    if (keyedUniform(seed, STREAM.exit, f.key[k], s.quarter, 0) < hq) {
      f.stage[k] = Stage.exited;
      s.firmsExited += 1;
      const park = f.park[k];
      s.landFreeMu[park] += f.landMu[k];
      s.landUsedMu[park] -= f.landMu[k];
      f.landMu[k] = 0;
      f.output[k] = 0;
    }
  }
}
