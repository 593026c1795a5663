/**
 * Policy levers, their fiscal costs, and the location choice (docs/model.md, "Leads and
 * location choice", "Levers and their cost"). The levers a planner moves are yearly schedules
 * keyed by the first year a value holds; their ranges are the schema's (a planner page builds
 * sliders from them).
 */
import { z } from "zod";
import { Id, byId, schedule } from "./schema-structure.js";
import { num, nonneg, prob } from "./schema-number.js";
import { MAX } from "./schema-limits.js";

/** Attraction levers of the district government (招商引资). */
export const AttractionSchema = z.strictObject({
  promotionTeams: schedule(num({ min: 0, max: MAX.teams }, "investment-promotion teams working, team-years per year"))
    .describe("promotion teams by year (lever)"),
  effort: byId(schedule(num({ min: 0, max: 1000 }, "weight of the tier or institution kind in the teams' time")))
    .describe("split of the teams' time (less chain work) over firm tiers and institution kinds by year, normalised: zero-sum (lever)"),
  targeting: byId(schedule(num({ min: 0, max: 1000 }, "weight of the industry in a tier's team time")))
    .describe("split of each tier's team time over industries by year, normalised over the tier's industries: zero-sum (lever)"),
  chainTargeting: schedule(num({ min: 0, max: 0.9 }, "share of the teams' time spent on chain work around anchors (强链补链)"))
    .describe("chain work by year, taken from the other pools' time (lever)"),
  chainEffortScale: num({ min: 0, positive: true, max: MAX.teams }, "team-years a year of chain work at which 63% of the anchors' supplier searches are reached (E_c)"),
  supplierSearchesPerAnchorYear: num({ min: 0, max: 1000 }, "supplier searches per anchor building or producing in the district, per year (spread over supplier industries by the chain matrix)"),
  incentiveLevel: schedule(num({ min: 0, max: 5 }, "multiplier on the tiers' incentive shares (1 = the 2016-17 policy)"))
    .describe("incentive level by year (lever)"),
  incentiveBudget: schedule(num({ min: 0, max: MAX.moneyPerYear }, "incentives that may be committed in the year, 亿元"))
    .describe("incentive budget by year (lever)"),
  unspentBudget: z.enum(["carry-over", "lapse"]).describe("what happens to budget uncommitted at the end of a year"),
  incentivePaymentYears: num({ min: 1, max: 20, int: true }, "years over which an incentive is paid from the quarter its project starts spending"),
  clawback: z.boolean().default(true).describe("instalments of a project that exits are cancelled (true) or still paid (false)"),
}).meta({ id: "Attraction" });

const byPark = <T extends z.ZodType>(value: T) => byId(schedule(value));

/** Factor-supply levers (要素供给): land, talent, capital, infrastructure, services, approvals. */
export const FactorsSchema = z.strictObject({
  landQuotaMu: byPark(num({ min: 0, max: MAX.landMu }, "serviced industrial land released, 亩 per year"))
    .describe("land quota per park by year (lever)"),
  talentProgrammePersons: schedule(num({ min: 0, max: MAX.personsPerYear }, "persons brought in by talent programmes, per year"))
    .describe("talent programmes by year (lever)"),
  housingAdded: byPark(num({ min: 0, max: MAX.personsPerYear }, "talent-housing places added, per year"))
    .describe("talent housing per park by year (lever)"),
  guidanceFund: schedule(num({ min: 0, max: MAX.moneyPerYear }, "guidance-fund capital committed, 亿元 per year"))
    .describe("guidance fund by year (lever)"),
  startupsPerFundYi: num({ min: 0, max: 1000 }, "start-ups per 亿元 of guidance-fund capital"),
  infrastructure: byPark(prob("infrastructure index in [0, 1]")).describe("infrastructure per park by year (lever)"),
  services: byPark(prob("producer and living services index in [0, 1]")).describe("services per park by year (lever)"),
  approvalSpeed: schedule(num({ min: 0.25, max: 4 }, "approval speed (1 = 2017; 1.25 makes approvals 20% shorter)"))
    .describe("approval speed by year (lever)"),
  landCost: schedule(num({ min: 0, max: 100 }, "land cost index charged to investors (district 2017 = 1)")).describe("land cost by year"),
}).meta({ id: "Factors" });

/** Fiscal cost of each lever and the district's tax take, 亿元 (100 million yuan). */
export const CostsSchema = z.strictObject({
  perTeamYear: nonneg("cost of one promotion team for a year, 亿元"),
  perServicedMu: nonneg("cost of servicing one 亩 of released land, 亿元"),
  perProgrammePerson: nonneg("cost of one talent-programme person, 亿元"),
  perHousingPlace: nonneg("cost of one talent-housing place, 亿元"),
  perInfrastructurePoint: nonneg("cost per unit of infrastructure index above its last history-year level, per park-year, 亿元"),
  perServicesPoint: nonneg("cost per unit of services index above its last history-year level, per park-year, 亿元"),
  perApprovalPointYear: nonneg("cost per unit of approval speed above 1, per year, 亿元"),
  guidanceFundNetLoss: prob("share of guidance-fund capital lost net of returns"),
  localTaxShare: prob("share of the taxes on the district's output that the district keeps (local tax = output x tax ratio x this)"),
}).meta({ id: "Costs" });

/** A nest of the location choice. */
export const NestSchema = z.strictObject({
  name: z.string().describe("what the nest groups"),
  dissimilarity: num({ min: 0, positive: true, max: 1 }, "dissimilarity (0, 1] of the nest: 1 is the plain logit"),
}).meta({ id: "Nest" });

/** Coefficients of the location-choice utility (nested logit; staying out has utility 0). */
export const ChoiceSchema = z.strictObject({
  nests: byId(NestSchema).describe("nests of the parks (the district's and its Chengdu rivals, other named parks); staying out is its own nest"),
  districtNest: Id.describe("nest of the district's parks"),
  locationConstant: num({}, "utility constant of every park against staying out, for firm leads"),
  districtConstant: num({}, "district-specific constant (unobserved attractiveness against competitors)"),
  chainCompleteness: num({}, "per unit of chain completeness"),
  agglomeration: num({}, "per unit of ln(1 + same-industry output in 亿元/yr)"),
  anchorPresent: num({}, "an anchor group building or producing in the same industry"),
  wage: num({}, "per unit of ln(w / w_C), the park's wage against its metropolitan wage"),
  landReadiness: num({}, "per unit of land readiness, (free land - queue) / need, at most 1"),
  infrastructure: num({}, "per unit of infrastructure index"),
  services: num({}, "per unit of services index"),
  incentive: num({}, "per unit of incentive as a share of investment"),
  landCost: num({}, "per unit of land cost index"),
}).meta({ id: "ChoiceCoefficients" });
