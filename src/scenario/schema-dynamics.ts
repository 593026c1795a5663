/**
 * Model dynamics not tied to one industry (docs/model.md, "Capacity, shocks and land",
 * "Industries and agents") and the thresholds of reported figures. Rates are per year unless
 * a field says quarters.
 */
import { z } from "zod";
import { num, nonneg, positive, prob } from "./schema-number.js";

/** Dynamics of capacity, shocks, spill-overs, signing, building and exit. */
export const DynamicsSchema = z.strictObject({
  targetUtilisation: num({ min: 0, positive: true, max: 1 }, "u*, the utilisation every industry runs at in the initial state and that investment aims for"),
  accelerator: num({ min: 0, max: 20 }, "lambda of the flexible accelerator: capacity growth per unit of ln(past-year utilisation / u*), per year"),
  agglomerationElasticity: num({ min: 0, max: 0.99 }, "b_agg (< 1): elasticity of a firm's capacity growth to the growth of ln(1 + output) of its park and industry"),
  chainGrowthPremium: num({ min: 0, max: 1 }, "c: capacity growth per unit of chain completeness, log points per year"),
  depreciation: num({ min: 0, max: 1 }, "delta: the largest planned contraction of capacity, log points per year"),
  shockPersistence: num({ min: 0, max: 0.99 }, "rho: AR(1) coefficient of the firm shock, per quarter"),
  shockVolatility: num({ min: 0, max: 2 }, "sigma: sd of a firm's annual log capacity growth from the shock (the innovation sd is scaled to give exactly this)"),
  spilloverMax: num({ min: 0, max: 1 }, "S_max: the bound of a park's institution spill-over, log points per year"),
  exitUnderuseSensitivity: num({ min: 0, max: 100 }, "rise of the exit hazard per unit of ln(u* / past-year utilisation) when utilisation is below u*"),
  youngExitFactor: num({ min: 0, max: 100 }, "exit hazard multiplier for firms younger than youngAgeQuarters"),
  youngAgeQuarters: num({ min: 0, max: 80, int: true }, "age below which a firm is young, quarters of production"),
  voidShare: prob("p_void: probability that a signing is paper only (no land, spending or incentive)"),
  realisedInvestmentRatio: prob("r: share of signed investment a non-void project actually invests"),
  capitalTurnover: num({ min: 0, positive: true, max: 100 }, "capacity per 亿元 of realised investment, 亿元/yr per 亿元"),
  approvalLagQuarters: num({ min: 0, max: 40 }, "approval after land is served, quarters at approval speed 1"),
  startupsPerTenThousandWorkers: num({ min: 0, max: 1000 }, "local start-ups per 10,000 workers of a park and industry, per year"),
}).meta({ id: "Dynamics" });

/** Thresholds of reported figures (not behaviour). */
export const ReportingSchema = z.strictObject({
  firmOfSizeOutput: nonneg("output from which a firm counts as 'of size' (规模以上: 2,000 万元 = 0.2 亿元 main-business revenue), 亿元/yr"),
  nationalShareFlag: prob("a district industry's share of the national market above which it is flagged as implausible"),
  gdpReference: positive("district GDP the value added is compared with, 亿元/yr (gdp rows)").optional(),
}).meta({ id: "Reporting" });
