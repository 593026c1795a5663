/**
 * The district's structure in a scenario: horizon and history, parks, labour markets,
 * industries and their supply chain, firm tiers and institution kinds (docs/model.md,
 * "Time", "Industries and agents"). Money in 亿元 (100 million yuan), land in 亩 (mu, 1/15 ha),
 * time in years or quarters as each field says.
 */
import { z } from "zod";
import { num, nonneg, prob } from "./schema-number.js";
import { MAX } from "./schema-limits.js";

/** Identifier of a park, industry, tier, institution kind, competitor or target. */
export const Id = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, "an id: lower-case letters, digits and '-', starting with a letter")
  .meta({ id: "Id" });

/** An object keyed by id (the model iterates ids in sorted order). */
export const byId = <T extends z.ZodType>(value: T) => z.record(Id, value);

/** A four-digit calendar year as an object key. */
export const YearKey = z
  .string()
  .regex(/^\d{4}$/, "a four-digit year such as \"2018\"")
  .meta({ id: "YearKey" });

/** A yearly schedule: each key is the first year a value holds; it holds until the next key. */
export const schedule = <T extends z.ZodType>(value: T) => z.record(YearKey, value);

/** A calendar quarter written "2018Q3". */
export const Quarter = z
  .string()
  .regex(/^\d{4}Q[1-4]$/, 'a quarter such as "2018Q3"')
  .meta({ id: "Quarter" });

/** A calendar year. */
const year = (doc: string) => z.number().int().min(2000).max(2100).describe(doc);

/** First and last calendar years of the projection; quarters run from startYear Q1 to endYear Q4. */
export const HorizonSchema = z.strictObject({
  startYear: year("first year of the projection under the scenario's policy (the plan starts in 2018); the history runs before it"),
  endYear: year("last simulated year (the model is built for horizons up to 2035)"),
}).meta({ id: "Horizon" });

/** The history every run simulates before the projection (docs/model.md, "Time"). */
export const HistorySchema = z.strictObject({
  startYear: year("first year of the history; the initial state is the district at the end of the year before (e.g. 2016: the end-2015 state)"),
  anchorLeadsFrom: Quarter.describe(
    "first quarter in which anchor leads are drawn; before it the known events are the only anchor signings and the anchor process only sums its expected count (the calibration scores it)",
  ),
}).meta({ id: "History" });

/** One park of the district. */
export const ParkSchema = z.strictObject({
  name: z.string().describe("English name of the park"),
  nameZh: z.string().optional().describe("Chinese name of the park"),
  areaKm2: nonneg("planned area, km² (descriptive only)").optional(),
}).meta({ id: "Park" });

/** A labour market (one per industry group): the Chengdu metropolitan supply the district draws on. */
export const LabourMarketSchema = z.strictObject({
  name: z.string().describe("what the market covers"),
  wageStart: num({ min: 0, positive: true, max: MAX.wage }, "Chengdu metropolitan wage w_C at the end of the year before the history, 万元 per person-year; only sets the unit of the reported wage"),
  wageTrend: num({ min: -0.5, max: 1 }, "nominal growth of the metropolitan wage w_C, share per year"),
  supplyElasticity: num({ min: 0, positive: true, max: 20 }, "elasticity eps of commuting and migration: supply = N x (w / w_C)^eps"),
  labourForceTrend: num({ min: -0.5, max: 1 }, "growth of the metropolitan labour force N, share per year"),
  graduateStayShare: prob("share of institutions' graduates who stay and join the supply"),
  housingOccupancy: prob("persons housed per talent-housing place added"),
  attrition: prob("share per year of the persons added by programmes, housing and graduates who leave again"),
}).meta({ id: "LabourMarket" });

/** One of the eight industries (docs/model.md, "Industries and agents"). */
export const IndustrySchema = z.strictObject({
  name: z.string().describe("English name of the industry"),
  nameZh: z.string().optional().describe("Chinese name of the industry"),
  homePark: Id.describe("park whose ecosystem hosts this industry; its new firms locate there"),
  labourMarket: Id.describe("labour market (an id of labourMarkets) the industry hires from"),
  healthService: z.boolean().default(false).describe("a health service: its demand growth includes the growth of institutions' health demand"),
  marketTrend: num({ min: -0.5, max: 1 }, "mean growth of the national market, share per year (e.g. 0.072)"),
  marketVolatility: num({ min: 0, max: 1 }, "volatility of the national market, sd of log growth per year"),
  nationalMarket: num({ min: 0, positive: true, max: MAX.outputYi }, "national market at the end of the year before the history, 亿元/yr (for the reported national shares)"),
  outputPerWorker: num({ min: 0, positive: true, max: 1e5 }, "output per worker at full capacity a_i at the start, 万元 per person-year"),
  productivityTrend: num({ min: -0.5, max: 1 }, "growth of output per worker a_i, share per year"),
  labourShare: num({ min: 0, positive: true, max: 0.95 }, "beta_i, labour's share of value added (the output elasticity of labour; < 1)"),
  maxOutputPerMu: num({ min: 0, positive: true, max: 1e6 }, "maximum output per 亩 at full capacity (亩均), 万元 per 亩-year"),
  landNeedShare: prob("share of a firm's capacity that needs industrial land (0 for offices and labs)"),
  constructionLagQuarters: z.strictObject({
    min: num({ min: 0, max: 80 }, "shortest construction, quarters"),
    mode: num({ min: 0, max: 80 }, "most likely construction, quarters"),
    max: num({ min: 0, max: 80 }, "longest construction, quarters"),
  }).describe("construction from ground-breaking to first output, quarters: triangular(min, mode, max) per project"),
  rampQuarters: num({ min: 1, max: 40, int: true }, "quarters from first output to full capacity"),
  exitHazard: prob("exit hazard per year of a mature firm at target utilisation, before tier and age factors"),
  valueAddedRatio: prob("value added / output"),
  taxRatio: prob("taxes / output (all levels of government)"),
}).meta({ id: "Industry" });

/** The supply-chain matrix A: a[i][j] = share of industry j's local inputs from industry i. */
export const ChainSchema = z.strictObject({
  order: z.array(Id).describe("industry ids giving the order of the matrix's rows and columns"),
  matrix: z
    .array(z.array(num({ min: 0, max: 1 }, "a_ij, share of industry j's local inputs from industry i")))
    .describe("rows = supplier industry i, columns = customer industry j; each column sums to <= 1"),
}).meta({ id: "Chain" });

/** A prospect pool's search: how many groups look for a site and how promotion reaches them. */
const poolFields = {
  searchRate: prob("share of a pool's groups that look for a new site in a year, at market index 1"),
  effortScale: num({ min: 0, positive: true, max: MAX.teams }, "team-years a year at which promotion reaches 63% (1 - 1/e) of a pool's searching groups"),
};

/** A firm tier (docs/model.md, "Industries and agents"): fixed at entry by the firm's group. */
export const TierSchema = z.strictObject({
  name: z.string().describe("English name of the tier"),
  nameZh: z.string().optional().describe("Chinese name of the tier"),
  industries: z.array(Id).optional().describe("industries in which firms of this tier exist (anchors: the pharma groups' industries); absent: every industry"),
  pool: byId(num({ min: 0, max: MAX.pool, int: true }, "groups of this tier in the national prospect pool for the industry, not yet in the district at the start"))
    .default({})
    .describe("prospect pool per industry (missing industries: none)"),
  ...poolFields,
  investmentMedian: num({ min: 0, positive: true, max: MAX.investment }, "median signed investment of one project, 亿元 (lognormal)"),
  investmentSdlog: num({ min: 0, max: 5 }, "sd of ln signed investment per project"),
  capacityMax: num({ min: 0, positive: true, max: MAX.outputYi }, "cap on a new plant's capacity, 亿元/yr (plant-size: a plant is never the group's revenue)"),
  exitHazardFactor: num({ min: 0, max: 100 }, "multiplier on the industry's exit hazard"),
  landPatienceQuarters: num({ min: 0, max: 80, int: true }, "quarters a land request waits before it lapses (a project is then lost to land)"),
  incentiveShare: prob("incentive offered as a share of signed investment at incentive level 1"),
  inducesSuppliers: z.boolean().describe("building or producing firms of this tier induce supplier leads (anchors)"),
  supplierShare: nonneg("weight of this tier among supplier leads (normalised over tiers)").default(0),
  isStartupTier: z.boolean().default(false).describe("local start-ups enter in this tier (the first such tier)"),
}).meta({ id: "Tier" });

/** An institution kind: schools, top medical institutions, platforms. */
export const InstitutionKindSchema = z.strictObject({
  name: z.string().describe("English name of the kind"),
  nameZh: z.string().optional().describe("Chinese name of the kind"),
  pool: num({ min: 0, max: MAX.pool, int: true }, "institutions of this kind in the prospect pool"),
  ...poolFields,
  graduatesPerYear: num({ min: 0, max: 1e6 }, "graduates per open institution, persons per year"),
  spilloverPerYear: num({ min: 0, max: 1 }, "spill-over s_k of an open institution on its park's capacity growth, log points per year (bounded by dynamics.spilloverMax)"),
  startupsPerYear: num({ min: 0, max: 1e4 }, "start-ups formed per open institution per year"),
  healthDemand: num({ min: 0, max: MAX.outputYi }, "local health-service demand per open institution, 亿元/yr"),
  openingLagQuarters: num({ min: 0, max: 80, int: true }, "quarters from signing to opening"),
  utilityConstant: num({}, "utility of the district for this kind of lead against elsewhere (binary logit)"),
  homePark: Id.describe("park where institutions of this kind locate"),
}).meta({ id: "InstitutionKind" });
