/**
 * Step 2, factor supply (docs/model.md, "One quarter" 2, "Levers and their cost"): the land
 * quota released per park, the labour-supply shifters (the metropolitan labour force on its
 * trend, plus staying graduates, programme persons and talent-housing places x occupancy, less
 * attrition), infrastructure and service indices, the incentive budget, and the fiscal cost of
 * each lever in 亿元 (incentive instalments are booked where they are paid, fiscal.ts).
 */
import { exp } from "../random/index.js";
import type { ModelParams } from "./params.js";
import type { ModelState } from "./model-state.js";
import { Lever } from "./state.js";
import { releaseLand } from "./land.js";

/** Year index (0 = the history's first year) of quarter q. */
export const yearOf = (q: number): number => Math.floor(q / 4);

/** Adds this quarter's persons to each market's supply and moves its base on the labour-force trend. */
function stepSupply(p: ModelParams, s: ModelState, y: number): void {
  const P = p.parks.ids.length;
  const M = p.markets.ids.length;
  let housing = 0;
  let graduates = 0;
  for (let k = 0; k < P; k++) {
    housing += p.schedule.housingAdded[y * P + k] / 4;
    graduates += s.graduates[k] / 4;
  }
  let total = 0;
  for (let m = 0; m < M; m++) total += s.supplyBase[m];
  for (let m = 0; m < M; m++) {
    const share = total > 0 ? s.supplyBase[m] / total : 1 / M;
    const persons = p.schedule.programmePersons[y] / 4 + housing * p.labour.housingOccupancy[m] + graduates * p.labour.graduateStayShare[m];
    s.supplyBase[m] *= exp(p.labour.labourForceLnQ[m]);
    s.supplyAdded[m] = s.supplyAdded[m] * (1 - p.labour.attritionQ[m]) + persons * share * s.efficiencyPerPerson[m];
  }
}

/** Applies one quarter of factor supply and books the levers' fiscal cost (亿元). */
export function stepFactors(p: ModelParams, s: ModelState): void {
  const q = s.quarter;
  const y = yearOf(q);
  const P = p.parks.ids.length;
  const sc = p.schedule;
  const c = p.costs;
  const cost = s.costQuarter;
  cost.fill(0);
  cost[Lever.promotion] = (sc.teams[y] * c.perTeamYear) / 4;
  cost[Lever.talent] = (sc.programmePersons[y] / 4) * c.perProgrammePerson;
  cost[Lever.fund] = (sc.guidanceFund[y] / 4) * c.guidanceFundNetLoss;
  cost[Lever.approval] = (Math.max(0, sc.approvalSpeed[y] - 1) * c.perApprovalPointYear) / 4;
  for (let k = 0; k < P; k++) {
    const cell = y * P + k;
    const landQ = sc.landQuotaMu[cell] / 4;
    releaseLand(s, k, landQ);
    cost[Lever.land] += landQ * c.perServicedMu;
    cost[Lever.housing] += (sc.housingAdded[cell] / 4) * c.perHousingPlace;
    s.infrastructure[k] = sc.infrastructure[cell];
    s.services[k] = sc.services[cell];
    cost[Lever.infrastructure] += (Math.max(0, sc.infrastructure[cell] - s.infrastructureRef[k]) * c.perInfrastructurePoint) / 4;
    cost[Lever.services] += (Math.max(0, sc.services[cell] - s.servicesRef[k]) * c.perServicesPoint) / 4;
  }
  stepSupply(p, s, y);
  if (q % 4 === 0) s.budgetLeft = (p.attraction.carryOver ? Math.max(0, s.budgetLeft) : 0) + sc.incentiveBudget[y];
}
