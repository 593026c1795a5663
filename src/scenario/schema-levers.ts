/**
 * Policy levers, their fiscal costs, and the location-choice coefficients
 * (MODEL.md: "One quarter" steps 2 to 4, "Levers and their cost"). Schedules are keyed by the
 * first year a value holds.
 */
import { z } from "zod";
import { Id, byId, schedule } from "./schema-structure.js";
import { num, nonneg, prob } from "./schema-number.js";

/** Attraction levers of the district government (招商引资). */
export const AttractionSchema = z.strictObject({
  /** investment-promotion teams working, by year */
  promotionTeams: schedule(num({ min: 0 })),
  /** firm leads one team generates per quarter at market index 1 */
  leadsPerTeamQuarter: nonneg(),
  /** relative weight of each industry in promotion (normalised over industries) */
  targeting: byId(nonneg()),
  /** multiplier on the tiers' incentive shares, by year (1 = the 2016-17 policy) */
  incentiveLevel: schedule(nonneg()),
  /** incentive budget, 亿元 per year, by year */
  incentiveBudget: schedule(nonneg()),
  /** what happens to budget unspent at the end of a year */
  unspentBudget: z.enum(["carry-over", "lapse"]),
  /** years over which a committed incentive is paid */
  incentivePaymentYears: num({ min: 1, int: true }),
  /** supplier leads per producing inducing firm (anchor) per quarter, spread over supplier industries by A */
  supplierLeadsPerAnchorQuarter: nonneg(),
  /** multiplier on supplier leads for chain-targeted attraction (强链补链), by year */
  chainTargeting: schedule(nonneg()),
}).meta({ id: "Attraction" });

/** Factor-supply levers (要素供给): land, talent, capital, infrastructure, services, approvals. */
export const FactorsSchema = z.strictObject({
  /** serviced industrial land released per park, 亩 per year, by year */
  landQuotaMu: byId(schedule(nonneg())),
  /** net talent migration into each park, persons per year, by year */
  talentMigration: byId(schedule(num())),
  /** persons brought in by talent programmes per year, by year (district-wide, split by park talent pool) */
  talentProgrammePersons: schedule(nonneg()),
  /** housing capacity added per park, persons per year, by year */
  housingAdded: byId(schedule(nonneg())),
  /** guidance-fund capital committed, 亿元 per year, by year */
  guidanceFund: schedule(nonneg()),
  /** start-ups per 亿元 of guidance-fund capital */
  startupsPerFundYi: nonneg(),
  /** start-ups per 10,000 persons of talent pool per year */
  startupsPerTenThousandTalent: nonneg(),
  /** infrastructure index per park in [0, 1], by year */
  infrastructure: byId(schedule(prob())),
  /** producer and living services index per park in [0, 1], by year */
  services: byId(schedule(prob())),
  /** approval speed (1 = 2017; 1.25 makes construction lags 20% shorter), by year */
  approvalSpeed: schedule(num({ min: 0.1, max: 10 })),
  /** land cost index charged to investors (district 2017 = 1), by year */
  landCost: schedule(nonneg()),
}).meta({ id: "Factors" });

/** Fiscal cost of each lever, 亿元 (100 million yuan). */
export const CostsSchema = z.strictObject({
  /** per promotion team-year, 亿元 */
  perTeamYear: nonneg(),
  /** per serviced 亩 of land released, 亿元 */
  perServicedMu: nonneg(),
  /** per person brought by a talent programme, 亿元 */
  perProgrammePerson: nonneg(),
  /** share of guidance-fund capital lost net of returns */
  guidanceFundNetLoss: prob(),
  /** per unit of infrastructure index raised per park-year, 亿元 */
  perInfrastructurePoint: nonneg(),
  /** per unit of services index raised per park-year, 亿元 */
  perServicesPoint: nonneg(),
  /** per housing place added, 亿元 */
  perHousingPlace: nonneg(),
}).meta({ id: "Costs" });

/** Coefficients of the location-choice utility (multinomial logit; staying out has utility 0). */
export const ChoiceSchema = z.strictObject({
  /** utility constant of every location against staying out, for firm leads */
  locationConstant: num(),
  chainCompleteness: num(),
  /** per unit of ln(1 + same-industry output in 亿元/yr) */
  agglomeration: num(),
  /** an anchor firm producing in the same industry */
  anchorPresent: num(),
  talentSlack: num(),
  landReadiness: num(),
  infrastructure: num(),
  services: num(),
  /** per unit of incentive as a share of investment */
  incentive: num(),
  /** per unit of land cost index */
  landCost: num(),
  /** district-specific constant (unobserved attractiveness against competitors) */
  districtConstant: num(),
}).meta({ id: "ChoiceCoefficients" });

/** Targets' common fields. */
const TargetBase = { label: z.string(), year: z.number().int().min(2000).max(2100) };

/** Distinct groups of a tier (or institutions of a kind) newly signed since the start. */
export const AttractedTargetSchema = z.strictObject({
  ...TargetBase,
  kind: z.literal("attracted"),
  /** firm tiers or institution kinds that count */
  groups: z.array(Id).min(1),
  threshold: num({ min: 0, int: true }),
}).meta({ id: "AttractedTarget" });

/** Annual output of a set of parks (a cluster) in the target year, 亿元/yr. */
export const OutputTargetSchema = z.strictObject({
  ...TargetBase,
  kind: z.literal("output"),
  parks: z.array(Id).min(1),
  threshold: nonneg(),
}).meta({ id: "OutputTarget" });

/** Order statistic: the k-th largest park output >= each threshold (e.g. [1000, 500, 500]). */
export const ClusterOrderTargetSchema = z.strictObject({
  ...TargetBase,
  kind: z.literal("cluster-order"),
  /** thresholds in descending order; met when the i-th largest park reaches the i-th threshold */
  thresholds: z.array(nonneg()).min(1),
}).meta({ id: "ClusterOrderTarget" });

/** Rank of a home park on the composite index among the district's parks and the competitors. */
export const RankTargetSchema = z.strictObject({
  ...TargetBase,
  kind: z.literal("rank"),
  park: Id,
  /** met when the park ranks at or above this place */
  topN: num({ min: 1, int: true }),
  /** competitor ids forming the field with the park ("all" for every competitor) */
  field: z.union([z.literal("all"), z.array(Id)]),
  /** weights of the composite index: ln output, ln firms, output growth, anchors */
  weights: z.strictObject({ output: num(), firms: num(), growth: num(), anchors: num() }),
}).meta({ id: "RankTarget" });

/** Any target (MODEL.md, "Targets"). */
export const TargetSchema = z.discriminatedUnion("kind", [
  AttractedTargetSchema,
  OutputTargetSchema,
  ClusterOrderTargetSchema,
  RankTargetSchema,
]).meta({ id: "Target" });

export { Id };
