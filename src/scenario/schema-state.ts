/**
 * The state at the start of the history (the end of the year before it), the known events
 * every run contains, the competitor parks and the national field of the park ranking
 * (docs/model.md, "Time", "Competitors", "Targets").
 */
import { z } from "zod";
import { Id, Quarter, byId } from "./schema-structure.js";
import { num, nonneg, prob } from "./schema-number.js";
import { MAX } from "./schema-limits.js";

/** A block of existing firms of one park, industry and tier. */
export const FirmGroupSchema = z.strictObject({
  park: Id.describe("park of the firms"),
  industry: Id.describe("industry of the firms"),
  tier: Id.describe("tier of the firms"),
  count: num({ min: 0, max: MAX.firmsPerGroup, int: true }, "number of producing firms"),
  output: num({ min: 0, max: MAX.outputYi }, "their combined annual output, 亿元/yr (split among them with the tier's lognormal spread)"),
}).meta({ id: "FirmGroup" });

/** A block of existing institutions of one kind in one park. */
export const InstitutionGroupSchema = z.strictObject({
  park: Id.describe("park of the institutions"),
  kind: Id.describe("institution kind"),
  count: num({ min: 0, max: MAX.institutionsPerGroup, int: true }, "number of open institutions"),
}).meta({ id: "InstitutionGroup" });

/** A project signed or building at the start. */
export const ProjectSchema = z.strictObject({
  name: z.string().describe("name of the project"),
  park: Id.describe("park of the project"),
  industry: Id.describe("industry of the project"),
  tier: Id.describe("tier of the project's group"),
  investment: num({ min: 0, positive: true, max: MAX.investment }, "signed investment, 亿元"),
  capacity: num({ min: 0, positive: true, max: MAX.outputYi }, "capacity at full output, 亿元/yr"),
  landMu: num({ min: 0, max: MAX.landMu }, "land already held, 亩"),
  stage: z.enum(["signed", "building"]).describe("signed: waits for land and approval; building: under construction"),
  remainingBuildQuarters: num({ min: 0, max: 80, int: true }, "quarters of construction left at the start (building projects)"),
}).meta({ id: "Project" });

/** Per-park land stocks at the start. */
export const ParkStateSchema = z.strictObject({
  landFreeMu: num({ min: 0, max: MAX.landMu }, "serviced industrial land available and unused, 亩 (judgement start stock)"),
  landUsedMu: num({ min: 0, max: MAX.landMu }, "land in use by firms, 亩 (raised to what the initial firms need at maximum 亩均 output if lower)"),
}).meta({ id: "ParkState" });

/** Everything that exists at the start of the history. */
export const InitialStateSchema = z.strictObject({
  firms: z.array(FirmGroupSchema).describe("producing firms by park, industry and tier"),
  institutions: z.array(InstitutionGroupSchema).describe("open institutions"),
  projects: z.array(ProjectSchema).default([]).describe("projects signed or building"),
  parks: byId(ParkStateSchema).describe("land stocks per park"),
}).meta({ id: "InitialState" });

/** A known signing that occurs in every run (kelun-park, wuxi-park). */
export const EventSchema = z.strictObject({
  name: z.string().describe("name of the project"),
  quarter: Quarter.describe("quarter of signing"),
  industry: Id.describe("industry of the project (it locates in the industry's home park)"),
  tier: Id.describe("tier of the project's group"),
  investment: num({ min: 0, positive: true, max: MAX.investment }, "signed investment, 亿元"),
  landMu: nonneg("land the project takes, 亩 (absent: what its capacity needs at maximum 亩均 output)").optional(),
  groundBreaking: Quarter.optional().describe("quarter construction starts, land served outside the queue (it happened); absent: the project queues for land and approval like any signing"),
  buildQuarters: num({ min: 1, max: 80, int: true }, "construction, quarters (absent: drawn from the industry's lag)").optional(),
}).meta({ id: "Event" });

/** A competitor park: an aggregate agent valued with the district's utility terms. */
export const CompetitorSchema = z.strictObject({
  name: z.string().describe("English name of the park"),
  nameZh: z.string().optional().describe("Chinese name of the park"),
  nest: Id.describe("nest of the location choice (an id of choice.nests)"),
  output: num({ min: 0, positive: true, max: MAX.outputYi }, "health/biomedical output at the end of the year before the history, 亿元/yr"),
  growth: num({ min: -0.5, max: 1 }, "mean growth of its base output path, share per year"),
  volatility: num({ min: 0, max: 1 }, "volatility of its base output path, sd of log growth per year"),
  industryShare: byId(num({ min: 0, max: 1 }, "share of its output in the industry")).describe("share of its output per industry (missing: 0)"),
  anchorIndustries: z.array(Id).describe("industries in which it hosts an anchor group at the start"),
  anchors: num({ min: 0, max: 1e5, int: true }, "anchor groups present at the start (for the rank)"),
  firms: num({ min: 0, max: MAX.firmsPerGroup }, "firms at the start (for the rank; they grow with its base output)"),
  chainCompleteness: prob("chain completeness in [0, 1]"),
  wageRatio: num({ min: 0, positive: true, max: 10 }, "its wage relative to its metropolitan wage (the utility's ln(w / w_C) term)"),
  landReadiness: num({ min: -1, max: 1 }, "land readiness in [-1, 1]"),
  infrastructure: prob("infrastructure index in [0, 1]"),
  services: prob("services index in [0, 1]"),
  incentiveShare: prob("incentive it offers, share of investment"),
  landCost: num({ min: 0, max: 100 }, "land cost index (district 2017 = 1)"),
}).meta({ id: "Competitor" });

/** The national field of the park ranking: the named competitors plus synthetic parks. */
export const RankFieldSchema = z.strictObject({
  size: num({ min: 11, max: MAX.rankField, int: true }, "parks ranked, the district's park included (ranking row: about 200)"),
  syntheticOutputMedian: num({ min: 0, positive: true, max: MAX.outputYi }, "median output of a synthetic park in the year before the history, 亿元/yr (lognormal)"),
  syntheticOutputSdlog: num({ min: 0, max: 5 }, "sd of ln output of the synthetic parks"),
  syntheticGrowthMean: num({ min: -0.5, max: 1 }, "mean growth of a synthetic park, share per year"),
  syntheticGrowthSd: num({ min: 0, max: 1 }, "sd of the synthetic parks' growth across parks, share per year"),
  weights: z.strictObject({
    output: num({ min: 0, max: 100 }, "weight of ln(1 + output)"),
    firms: num({ min: 0, max: 100 }, "weight of ln(1 + firms)"),
    growth: num({ min: 0, max: 100 }, "weight of yearly output growth"),
    anchors: num({ min: 0, max: 100 }, "weight of ln(1 + anchor groups present)"),
  }).describe("weights of the composite index, one function of every park's state"),
}).meta({ id: "RankField" });
