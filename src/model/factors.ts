/**
 * Step 2, factor supply: land released per park, talent inflow (migration, programmes, graduates,
 * and recruits pulled by last quarter's unmet talent demand) capped by housing, infrastructure
 * and service indices, the incentive budget, and the fiscal cost of each of these levers
 * (MODEL.md "One quarter" 2, "Levers and their cost").
 */
import type { ModelParams } from "./params.js";
import { Lever, type ModelState } from "./state.js";

/** Year index (0 = startYear) of quarter q. */
export const yearOf = (q: number): number => Math.floor(q / 4);

/** Applies one quarter of factor supply and books the levers' fiscal cost (亿元). */
export function stepFactors(p: ModelParams, s: ModelState): void {
  const q = s.quarter;
  const y = yearOf(q);
  const P = p.parks.ids.length;
  const sc = p.schedule;
  const cost = s.costQuarter;
  cost.fill(0);
  cost[Lever.promotion] = (sc.teams[y] * p.costs.perTeamYear) / 4;
  const programme = sc.programmePersons[y] / 4;
  cost[Lever.talent] = programme * p.costs.perProgrammePerson;
  let poolTotal = 0;
  for (let k = 0; k < P; k++) poolTotal += s.talentPool[k];
  for (let k = 0; k < P; k++) {
    const cell = y * P + k;
    const landQ = sc.landQuotaMu[cell] / 4;
    s.landFreeMu[k] += landQ;
    cost[Lever.land] += landQ * p.costs.perServicedMu;
    const housingQ = sc.housingAdded[cell] / 4;
    s.housing[k] += housingQ;
    cost[Lever.housing] += housingQ * p.costs.perHousingPlace;
    const programmeShare = poolTotal > 0 ? s.talentPool[k] / poolTotal : 1 / P;
    const pull = (Math.max(0, s.talentDemand[k] - s.talentPool[k]) * p.dynamics.talentMarketPull) / 4;
    const inflow = sc.talentMigration[cell] / 4 + programme * programmeShare + s.parkGraduatesPerYear[k] / 4 + pull;
    const leavers = (s.talentPool[k] * p.dynamics.talentAttrition) / 4;
    s.talentPool[k] = Math.min(s.housing[k], Math.max(0, s.talentPool[k] + inflow - leavers));
    s.infrastructure[k] = sc.infrastructure[cell];
    s.services[k] = sc.services[cell];
    cost[Lever.infrastructure] += (Math.max(0, sc.infrastructure[cell] - sc.infrastructure[k]) * p.costs.perInfrastructurePoint) / 4;
    cost[Lever.services] += (Math.max(0, sc.services[cell] - sc.services[k]) * p.costs.perServicesPoint) / 4;
  }
  cost[Lever.fund] = ((sc.guidanceFund[y] / 4) * p.costs.guidanceFundNetLoss);
  if (q % 4 === 0) s.budgetLeft = (p.attraction.carryOver ? s.budgetLeft : 0) + sc.incentiveBudget[y];
  cost[Lever.incentives] = s.incentivePayments[q];
}
