/**
 * Property 7, second part (docs/model.md, "Properties"): the baseline with half the land quota
 * has a queue before 2021 in at least half of the runs, longer waits, more land losses and
 * about half the land cost (paired runs).
 */
import { describe, expect, it } from "vitest";
import { runScenario, type RunResult } from "../../../src/model/run.js";
import { METRIC_INDEX } from "../../../src/model/metrics.js";
import { scenario, summary } from "../fixtures.js";

const PAIRS = 200;

/** Whether any park's queue held a request at the end of a quarter before 2021. */
function queuedBefore2021(r: RunResult): boolean {
  const q = r.metrics[METRIC_INDEX["landQueueRequests/park"]];
  const L = q.labels.length;
  const end = (2021 - r.startYear) * 4;
  for (let k = 0; k < end * L; k++) if (q.values[k] > 0) return true;
  return false;
}

/** Request-quarters waited in the land queues over the run. */
function waits(r: RunResult): number {
  const w = r.metrics[METRIC_INDEX["landWait/park"]];
  let sum = 0;
  for (let l = 0; l < w.labels.length; l++) sum += w.values[(r.quarters - 1) * w.labels.length + l];
  return sum;
}

describe("property 7: land binds when the quota is halved", () => {
  it("half the quota: a queue before 2021 in >= 50% of runs, longer waits, more land losses, about half the land cost", async () => {
    const base = await scenario("baseline.json");
    const tight = await scenario("lever-tight-land.json");
    let queued = 0;
    const waitDiff: number[] = [];
    const lossDiff: number[] = [];
    const costRatio: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const a = runScenario(base, 40_000 + i);
      const b = runScenario(tight, 40_000 + i);
      if (queuedBefore2021(b)) queued += 1;
      waitDiff.push(waits(b) - waits(a));
      lossDiff.push(b.leadsLost.land - a.leadsLost.land);
      costRatio.push(b.fiscalCost.land / a.fiscalCost.land);
    }
    const w = summary(waitDiff);
    const l = summary(lossDiff);
    const c = summary(costRatio);
    console.log(`queue before 2021 in ${((100 * queued) / PAIRS).toFixed(1)}% of runs; waits +${w.mean.toFixed(1)} request-quarters (se ${w.se.toFixed(1)}); land losses +${l.mean.toFixed(2)} (se ${l.se.toFixed(2)}); land cost ratio ${c.mean.toFixed(3)}`);
    expect(queued / PAIRS).toBeGreaterThanOrEqual(0.5);
    expect(w.mean - 1.96 * w.se).toBeGreaterThan(0);
    expect(l.mean - 1.96 * l.se).toBeGreaterThan(0);
    expect(Math.abs(c.mean - 0.5)).toBeLessThan(0.1);
  });
});
