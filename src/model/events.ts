/**
 * Known events (docs/model.md, "Time"): signings that occur in every run at their quarter
 * (kelun-park 2016Q4, wuxi-park 2018Q1). They are never void; one that broke ground gets its land
 * outside the queue at ground-breaking and builds for its stated quarters; one without a
 * ground-breaking quarter queues for land and approval like any signing.
 */
import type { ModelParams } from "./params.js";
import type { ModelState } from "./model-state.js";
import { Stage } from "./state.js";
import { SOURCE, agentKey } from "./streams.js";
import { signProject } from "./signing.js";
import { enqueueLand, landNeedMu } from "./land.js";
import { yearOf } from "./factors.js";

/** Signs this quarter's known events. */
export function stepEvents(p: ModelParams, s: ModelState): void {
  p.events.forEach((e, j) => {
    if (e.q !== s.quarter) return;
    const share = p.tier.incentiveShare[e.tier] * p.schedule.incentiveLevel[yearOf(s.quarter)];
    const cost = share * e.investment;
    const incentive = cost > 0 && cost <= s.budgetLeft ? cost : 0;
    s.firms.reserve(1);
    const k = signProject(p, s, e.tier, e.industry, e.park, agentKey(SOURCE.event, e.tier, e.industry, s.quarter, j), e.investment, incentive, false);
    const f = s.firms;
    const need = Number.isNaN(e.landMu) ? landNeedMu(p, e.industry, f.capacity[k]) : e.landMu;
    f.buildFixed[k] = e.buildQuarters;
    if (e.groundQ >= 0) {
      f.stage[k] = Stage.approval;
      f.timer[k] = e.groundQ - s.quarter;
      f.requestMu[k] = need;
    } else if (need > 0) enqueueLand(s, k, need);
    else f.stage[k] = Stage.approval;
  });
}
