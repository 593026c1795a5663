/**
 * Step 6, the labour market (docs/model.md, "Output and the labour market"). Technology:
 * output = K x ramp x u, u = min(1, (L / L_full)^beta_i), L_full = K x ramp / a_i(t). With
 * labour in efficiency units (persons x pi_i) one wage w clears each market: marginal revenue
 * product = w gives u_i(w) = min(1, (w*_i(t) / w)^(beta_i / (1 - beta_i))), w*_i growing with
 * a_i, so labour goes to its highest marginal product and nothing is cut pro rata. Supply
 * S(w) = N_t (w / w_C,t)^eps. Cleared each quarter by bisection on ln w with a fixed number of
 * halvings, within a bracket that always holds the root.
 */
import { exp, ln } from "../random/index.js";
import type { ModelParams } from "./params.js";
import type { ModelState } from "./model-state.js";

/** Halvings of the bracket (the loop also stops when the midpoint equals an end: floating-point resolution). */
export const BISECTION_STEPS = 64;

/** ln w*_i(t): w*_i(0) x a_i(t) / a_i(0). */
function lnWStar(p: ModelParams, s: ModelState, i: number): number {
  return ln(s.wStar0[i] * (s.productivity[i] / p.industry.outputPerWorker0[i]));
}

/** Efficiency units market m demands at ln wage x (industries at u = 1 hire their full need). */
export function labourDemandAt(p: ModelParams, s: ModelState, m: number, x: number, lnWStars: Float64Array): number {
  let d = 0;
  for (let i = 0; i < s.fullEfficiency.length; i++) {
    if (p.industry.market[i] !== m || s.fullEfficiency[i] <= 0) continue;
    const gap = lnWStars[i] - x;
    d += gap >= 0 ? s.fullEfficiency[i] : s.fullEfficiency[i] * exp(gap / (1 - p.industry.beta[i]));
  }
  return d;
}

/** Efficiency units market m supplies at ln wage x. */
export function labourSupplyAt(p: ModelParams, s: ModelState, m: number, x: number): number {
  return (s.supplyBase[m] + s.supplyAdded[m]) * exp(p.labour.elasticity[m] * (x - ln(s.wageC[m])));
}

/** Clears every market: the wage, each industry's utilisation, demand and supply, and the largest relative residual. */
export function clearLabour(p: ModelParams, s: ModelState, lnWStars: Float64Array): void {
  const I = p.industries.ids.length;
  for (let i = 0; i < I; i++) {
    lnWStars[i] = lnWStar(p, s, i);
    s.fullEfficiency[i] = (s.relativeWage[i] * s.industryPotential[i]) / s.productivity[i];
    s.prevUtilisation[i] = s.utilisation[i];
  }
  s.clearingResidual = 0;
  for (let m = 0; m < s.wage.length; m++) {
    const x = clearMarket(p, s, m, lnWStars);
    s.wage[m] = exp(x);
    s.wageGapLn[m] = x - ln(s.wageC[m]);
    const demand = labourDemandAt(p, s, m, x, lnWStars);
    const supply = labourSupplyAt(p, s, m, x);
    s.labourDemand[m] = demand;
    s.labourSupply[m] = supply;
    if (demand > 0) s.clearingResidual = Math.max(s.clearingResidual, Math.abs(demand - supply) / supply);
  }
  for (let i = 0; i < I; i++) {
    const x = ln(s.wage[p.industry.market[i]]);
    const beta = p.industry.beta[i];
    const gap = lnWStars[i] - x;
    s.utilisation[i] = gap >= 0 ? 1 : exp((beta / (1 - beta)) * gap);
  }
}

/**
 * ln of market m's clearing wage. Demand is at most the full need E (all industries at u = 1),
 * reached for w <= min w*_i; supply is increasing, so the root lies between
 * min(w_hi, min w*_i) and w_hi = w_C (E / N)^(1 / eps), where supply equals E.
 */
function clearMarket(p: ModelParams, s: ModelState, m: number, lnWStars: Float64Array): number {
  let full = 0;
  let minStar = Infinity;
  for (let i = 0; i < s.fullEfficiency.length; i++) {
    if (p.industry.market[i] !== m || s.fullEfficiency[i] <= 0) continue;
    full += s.fullEfficiency[i];
    minStar = Math.min(minStar, lnWStars[i]);
  }
  const lnWC = ln(s.wageC[m]);
  const n = s.supplyBase[m] + s.supplyAdded[m];
  if (full <= 0 || n <= 0) return lnWC;
  let hi = lnWC + ln(full / n) / p.labour.elasticity[m];
  let lo = Math.min(hi, minStar);
  for (let step = 0; step < BISECTION_STEPS; step++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (labourDemandAt(p, s, m, mid, lnWStars) > labourSupplyAt(p, s, m, mid)) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Persons employed per 亿元/yr of potential output in industry i this quarter: u^(1/beta) / a_i(t). */
export function personsPerPotential(p: ModelParams, s: ModelState, i: number): number {
  const u = s.utilisation[i];
  return (u >= 1 ? 1 : exp(ln(u) / p.industry.beta[i])) / s.productivity[i];
}
