/**
 * The district's structure in a scenario: horizon, parks, industries and their supply chain,
 * firm tiers and institution kinds (MODEL.md: "Time and space", "Industries and the chain",
 * "Agents"). Money in 亿元 (100 million yuan), land in 亩 (mu, 1/15 ha), time in years or quarters
 * as each field says.
 */
import { z } from "zod";
import { num, nonneg, positive, prob } from "./schema-number.js";

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

/** First and last simulated calendar years; quarters run from startYear Q1 to endYear Q4. */
export const HorizonSchema = z.strictObject({
  startYear: z.number().int().min(2000).max(2100),
  endYear: z.number().int().min(2000).max(2100),
}).meta({ id: "Horizon" });

/** One park of the district. */
export const ParkSchema = z.strictObject({
  name: z.string(),
  nameZh: z.string().optional(),
  /** planned area in km² (descriptive) */
  areaKm2: nonneg().optional(),
}).meta({ id: "Park" });

/** One of the eight industries (MODEL.md, "Industries and the chain"). */
export const IndustrySchema = z.strictObject({
  name: z.string(),
  nameZh: z.string().optional(),
  /** park whose ecosystem hosts this industry; new firms of the industry locate there */
  homePark: Id,
  /** national market growth, share per year (e.g. 0.072) */
  marketTrend: num({ min: -0.5, max: 1 }),
  /** national market volatility, standard deviation of log growth per year */
  marketVolatility: num({ min: 0, max: 1 }),
  /** national market size in the year before startYear, 亿元/yr */
  nationalMarket: positive(),
  /** cap on the district's output as a share of the national market */
  maxDistrictShare: prob(),
  /** annual output per worker, 万元 per person per year */
  outputPerWorker: positive(),
  /** maximum annual output per 亩 of land at full capacity, 万元 per 亩 per year */
  maxOutputPerMu: positive(),
  /** share of a firm's capacity that needs industrial land (0 for offices and labs) */
  landNeedShare: prob(),
  /** construction lag from land to first output, quarters: triangular(min, mode, max) per project */
  constructionLagQuarters: z.strictObject({
    min: num({ min: 0 }),
    mode: num({ min: 0 }),
    max: num({ min: 0 }),
  }),
  /** quarters from first output to full capacity */
  rampQuarters: num({ min: 1, int: true }),
  /** exit hazard per year for a mature firm of the industry, before tier and age factors */
  exitHazard: prob(),
  /** value added / output */
  valueAddedRatio: prob(),
  /** local tax / output */
  taxRatio: prob(),
}).meta({ id: "Industry" });

/** The supply-chain matrix A: a[i][j] = share of industry j's local inputs from industry i. */
export const ChainSchema = z.strictObject({
  /** industry ids giving the order of the matrix's rows and columns */
  order: z.array(Id),
  /** rows = supplier industry i, columns = customer industry j; each column sums to <= 1 */
  matrix: z.array(z.array(num({ min: 0, max: 1 }))),
}).meta({ id: "Chain" });

/** A firm tier (MODEL.md, "Agents"): fixed at entry by the firm's group. */
export const TierSchema = z.strictObject({
  name: z.string(),
  nameZh: z.string().optional(),
  /** signed investment of one project, 亿元: lognormal with this median and sdlog per project */
  investmentMedian: positive(),
  investmentSdlog: nonneg(),
  /** cap on a local plant's capacity, 亿元/yr (a plant is never the group's revenue) */
  capacityMax: positive(),
  /** multiplier on the industry's exit hazard */
  exitHazardFactor: nonneg(),
  /** quarters a signed project waits for land before it is abandoned */
  landPatienceQuarters: num({ min: 0, int: true }),
  /** incentive offered as a share of signed investment (before the budget check) */
  incentiveShare: prob(),
  /** a producing firm of this tier induces supplier leads (an anchor, MODEL.md "Lead generation") */
  inducesSuppliers: z.boolean(),
  /** share of promotion leads that are of this tier (normalised over tiers) */
  leadShare: nonneg(),
  /** whether start-ups enter in this tier */
  isStartupTier: z.boolean().default(false),
}).meta({ id: "Tier" });

/** An institution kind: schools, top medical institutions, platforms. */
export const InstitutionKindSchema = z.strictObject({
  name: z.string(),
  nameZh: z.string().optional(),
  /** graduates added to the park's talent pool per institution, persons per year */
  graduatesPerYear: nonneg(),
  /** addition to the park's capacity growth per institution, log points per year */
  spilloverPerYear: nonneg(),
  /** start-ups formed per institution per year */
  startupsPerYear: nonneg(),
  /** extra local health-service demand per institution, 亿元/yr added to health-service caps */
  healthDemand: nonneg(),
  /** promotion leads for this kind per team-quarter */
  leadsPerTeamQuarter: nonneg(),
  /** quarters from signing to opening */
  openingLagQuarters: num({ min: 0, int: true }),
  /** utility constant of the district for this kind of lead (against competitors and staying out) */
  utilityConstant: num(),
  /** park where institutions of this kind locate */
  homePark: Id,
}).meta({ id: "InstitutionKind" });

/** Model dynamics that are not tied to one industry (MODEL.md, "One quarter", step 6 and 7). */
export const DynamicsSchema = z.strictObject({
  /** elasticity of firm capacity growth to the growth of its park-industry output (< 1) */
  agglomerationElasticity: num({ min: 0, max: 0.99 }),
  /** capacity growth per year per unit of chain completeness, log points */
  chainGrowthPremium: nonneg(),
  /** AR(1) coefficient of the firm shock, per quarter */
  shockPersistence: num({ min: 0, max: 0.99 }),
  /** standard deviation of the firm shock innovation, log points per year (engine uses sd/2 per quarter) */
  shockVolatility: nonneg(),
  /** rise of the exit hazard per unit of negative shock (hazard x (1 + s x max(0, -shock))) */
  exitShockSensitivity: nonneg(),
  /** exit hazard multiplier for firms younger than youngAgeQuarters */
  youngExitFactor: nonneg(),
  youngAgeQuarters: num({ min: 0, int: true }),
  /** realised share of signed investment actually spent */
  realisedInvestmentRatio: prob(),
  /** share of a project's realised investment spent per year while it builds */
  spendRatePerYear: num({ min: 0, max: 1, positive: true }),
  /** annual output at full capacity per 亿元 of realised investment */
  capitalTurnover: positive(),
  /** talent pool attrition per year (leavers / pool) */
  talentAttrition: prob(),
  /** share of a park's excess talent demand (demand - pool) recruited from outside the district per year, within housing */
  talentMarketPull: prob(),
}).meta({ id: "Dynamics" });
