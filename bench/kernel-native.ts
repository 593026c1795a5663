/**
 * The native reference kernel: the same per-agent work as the frozen kernel (bench/kernel.ts,
 * read it first), the same agents, passes and constants, with three substitutions that give
 * the runtime's practical limit rather than the model's reproducible math:
 *   - native Math.exp and Math.log1p instead of the pure-JS @stdlib exp and log1p;
 *   - a plain sequential xorshift32 generator (one int32 of state, Marsaglia 13/17/5) instead
 *     of keyed draws: uniforms are (x >>> 0)·2^-32, never 0 or 1 since x is never 0;
 *   - the normal quantile by the same algorithm (Wichura's AS 241) with native Math.log.
 * Draws come in the same places and numbers as in the frozen kernel (a normal per industry and
 * quarter for the market, a normal per agent at the start and per agent-quarter for the shock,
 * a uniform per agent-quarter for exit), so the work per agent-step is the same. Not
 * reproducible across runtimes (native Math), and not meant to be: it only times the loop.
 * Unlike kernel.ts this file is not frozen, but a change to it changes every "ratio to native".
 */
import { mix32 } from "../src/random/seeds.js";
import { allocateKernel, kernelAgentSteps, type KernelStore } from "./kernel.js";

/** Parks and industries of the synthetic district (as in kernel.ts). */
const P = 3;
const I = 8;

/** Per-industry, per-tier, per-park constants and dynamics: copied from kernel.ts (test/bench/kernel-native.test.ts compares the kernels' results). */
const HOME_PARK = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 2]);
const TREND_LN_Q = Float64Array.from([0.02, 0.02, 0.025, 0.03, 0.02, 0.02, 0.025, 0.015]);
const VOL_Q = Float64Array.from([0.03, 0.03, 0.03, 0.05, 0.025, 0.025, 0.025, 0.03]);
const LAND_SHARE = Float64Array.from([0.3, 1, 1, 0.5, 0.2, 0.6, 0.8, 1]);
const MAX_PER_MU_WAN = Float64Array.from([1500, 1000, 1500, 1500, 800, 800, 500, 60]);
const OUTPUT_PER_WORKER_WAN = Float64Array.from([60, 150, 100, 80, 30, 40, 20, 30]);
const EXIT_HAZARD = Float64Array.from([0.06, 0.05, 0.06, 0.08, 0.08, 0.04, 0.06, 0.06]);
const CHAIN = Float64Array.from([0.5, 0.45, 0.4, 0.55, 0.3, 0.35, 0.2, 0.25]);
const TIER_EXIT = Float64Array.from([0.2, 0.4, 1, 2]);
const TIER_SLOT = Uint8Array.from([0, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3]);
const SPILLOVER = Float64Array.from([0.012, 0.004, 0]);
const PERSISTENCE = 0.7;
const SHOCK_VOL_Q = 0.05;
const AGGLOMERATION = 0.15;
const CHAIN_PREMIUM_Q = 0.02 / 4;
const EXIT_SENSITIVITY = 2;
const YOUNG_FACTOR = 2;
const YOUNG_QUARTERS = 12;
const CAPACITY_MEDIAN = 0.5;
const ENTRANT_CAPACITY = 0.3;
const FREE_LAND_PER_AGENT = 0.5;
const TALENT_SLACK = 1.08;
const MARKET_HEADROOM = 1.25;
/** 2^-32. */
const TWO_M32 = 2.3283064365386963e-10;

/** The native kernel's store: the frozen kernel's arrays plus the xorshift32 state (an int32, never 0). */
export interface NativeKernelStore extends KernelStore {
  rng: number;
}

/** Allocates the native kernel's arrays for `agents` agents (once; runs reuse them). */
export function allocateNativeKernel(agents: number): NativeKernelStore {
  return { ...allocateKernel(agents), rng: 1 };
}

/** One xorshift32 step (Marsaglia 2003, shifts 13, 17, 5) of a non-zero int32 state; returns the next state. */
export function xorshift32(x: number): number {
  x ^= x << 13;
  x ^= x >>> 17;
  return x ^ (x << 5);
}

/** The xorshift32 start state of a run with seed `seed` (a non-zero int32). */
export function nativeStartState(seed: number): number {
  return mix32(seed) | 0 || 0x2545f491;
}

// Wichura (1988), Algorithm AS 241 (PPND16), as in src/random/math.ts normalQuantile.
const AS_A = [3.38713287279636661, 133.141667891784377, 1971.59095030655144, 13731.6937655094611, 45921.9539315498715, 67265.7709270087009, 33430.5755835881281, 2509.08092873012267];
const AS_B = [1, 42.3133307016009113, 687.187007492057908, 5394.19602142475111, 21213.7943015865959, 39307.8958000927106, 28729.0857357219427, 5226.49527885285456];
const AS_C = [1.42343711074968358, 4.6303378461565453, 5.76949722146069141, 3.64784832476320461, 1.27045825245236838, 0.241780725177450612, 0.0227238449892691846, 7.74545014278341408e-4];
const AS_D = [1, 2.05319162663775882, 1.67638483018380385, 0.689767334985100005, 0.148103976427480075, 0.0151986665636164572, 5.47593808499534495e-4, 1.05075007164441684e-9];
const AS_E = [6.65790464350110378, 5.46378491116411437, 1.78482653991729133, 0.296560571828504891, 0.026532189526576123, 0.00124266094738807844, 2.71155556874348758e-5, 2.01033439929228813e-7];
const AS_F = [1, 0.599832206555887938, 0.136929880922735805, 0.0148753612908506149, 7.86869131145613259e-4, 1.84631831751005468e-5, 1.42151175831644589e-7, 2.04426310338993979e-15];

/** Degree-7 polynomial by Horner's rule (coefficients lowest power first). */
function poly7(c: readonly number[], r: number): number {
  return ((((((c[7] * r + c[6]) * r + c[5]) * r + c[4]) * r + c[3]) * r + c[2]) * r + c[1]) * r + c[0];
}

/** Standard normal quantile of p in (0, 1): AS 241 with native Math.log. */
export function nativeNormalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly7(AS_A, r)) / poly7(AS_B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val = poly7(AS_C, r) / poly7(AS_D, r);
  } else {
    r -= 5;
    val = poly7(AS_E, r) / poly7(AS_F, r);
  }
  return q < 0 ? -val : val;
}

/** Land a firm of `capacity` 亿元/yr needs in industry i at full 亩均 output, 亩. */
function landNeed(i: number, capacity: number): number {
  return (capacity * 1e4 * LAND_SHARE[i]) / MAX_PER_MU_WAN[i];
}

/** Fills the store with the start state of a run with seed `seed`: the frozen kernel's layout, capacities drawn from xorshift32. */
export function initNativeKernel(st: NativeKernelStore, seed: number): void {
  const n = st.agents;
  let x = nativeStartState(seed);
  st.talentDemand.fill(0);
  st.industryOutput.fill(0);
  st.cellOutput.fill(0);
  for (let k = 0; k < n; k++) {
    const i = k % I;
    const park = HOME_PARK[i];
    st.key[k] = k;
    st.industry[k] = i;
    st.park[k] = park;
    st.tier[k] = TIER_SLOT[(k >>> 3) & 15];
    st.entryQuarter[k] = -1000;
    x = xorshift32(x);
    const cap = CAPACITY_MEDIAN * Math.exp(0.7 * nativeNormalQuantile((x >>> 0) * TWO_M32));
    st.capacity[k] = cap;
    st.ramp[k] = 1;
    st.shock[k] = 0;
    st.landMu[k] = landNeed(i, cap);
    st.output[k] = cap;
    st.talentDemand[park] += (cap * 1e4) / OUTPUT_PER_WORKER_WAN[i];
    st.industryOutput[i] += cap;
    st.cellOutput[park * I + i] += cap;
  }
  st.rng = x;
  st.born = n;
  for (let p = 0; p < P; p++) {
    st.landFree[p] = FREE_LAND_PER_AGENT * (n / P);
    st.talentPool[p] = st.talentDemand[p] * TALENT_SLACK;
  }
  for (let i = 0; i < I; i++) {
    st.marketIndex[i] = 1;
    st.marketCap0[i] = st.industryOutput[i] * MARKET_HEADROOM;
  }
  st.cellOutputPrev.set(st.cellOutput);
}

/** Advances the native kernel by quarter q: the frozen kernel's stepKernel with native math and xorshift32 draws. */
export function stepNativeKernel(st: NativeKernelStore, q: number): void {
  const n = st.agents;
  const { key, industry, park, tier, entryQuarter, capacity, ramp, shock, landMu, output } = st;
  const { landFree, talentPool, talentDemand, marketGrowth, industryOutput, capFactor, cellOutput, cellGrowth } = st;
  let x = st.rng;
  for (let i = 0; i < I; i++) {
    x = xorshift32(x);
    const d = TREND_LN_Q[i] + VOL_Q[i] * nativeNormalQuantile((x >>> 0) * TWO_M32);
    marketGrowth[i] = d;
    st.marketIndex[i] *= Math.exp(d);
  }
  for (let c = 0; c < P * I; c++) cellGrowth[c] = Math.log1p(cellOutput[c]) - Math.log1p(st.cellOutputPrev[c]);
  st.cellOutputPrev.set(cellOutput);
  talentDemand.fill(0);
  // Pass 1: growth (shock, d ln K, exp, land cap), potential output and the park's talent demand.
  for (let k = 0; k < n; k++) {
    const i = industry[k];
    const p = park[k];
    x = xorshift32(x);
    const e = PERSISTENCE * shock[k] + SHOCK_VOL_Q * nativeNormalQuantile((x >>> 0) * TWO_M32);
    shock[k] = e;
    const dlnK = marketGrowth[i] + AGGLOMERATION * cellGrowth[p * I + i] + CHAIN_PREMIUM_Q * CHAIN[i] + SPILLOVER[p] / 4 + e;
    const old = capacity[k];
    let cap = old * Math.exp(dlnK);
    const share = LAND_SHARE[i];
    if (share > 0 && cap > old) {
      const perMu = MAX_PER_MU_WAN[i] / 1e4 / share;
      const needed = cap / perMu - landMu[k];
      if (needed > 0) {
        const grant = Math.min(needed, landFree[p]);
        landFree[p] -= grant;
        landMu[k] += grant;
      }
      cap = Math.min(cap, Math.max(old, landMu[k] * perMu));
    }
    capacity[k] = cap;
    const potential = cap * ramp[k];
    output[k] = potential;
    talentDemand[p] += (potential * 1e4) / OUTPUT_PER_WORKER_WAN[i];
  }
  // Pass 2: pro rata cut to the park's talent pool; the industry's output.
  industryOutput.fill(0);
  for (let k = 0; k < n; k++) {
    const p = park[k];
    const demand = talentDemand[p];
    if (demand > talentPool[p]) output[k] *= talentPool[p] / demand;
    industryOutput[industry[k]] += output[k];
  }
  for (let i = 0; i < I; i++) {
    const cap = st.marketCap0[i] * st.marketIndex[i];
    capFactor[i] = industryOutput[i] > cap ? cap / industryOutput[i] : 1;
  }
  // Pass 3: pro rata cut to the market cap, the cell totals, and exit (a new entrant takes the slot).
  cellOutput.fill(0);
  for (let k = 0; k < n; k++) {
    const i = industry[k];
    const p = park[k];
    const out = output[k] * capFactor[i];
    output[k] = out;
    cellOutput[p * I + i] += out;
    const young = q - entryQuarter[k] < YOUNG_QUARTERS ? YOUNG_FACTOR : 1;
    const h = Math.min(1, EXIT_HAZARD[i] * TIER_EXIT[tier[k]] * young * (1 + EXIT_SENSITIVITY * Math.max(0, -shock[k])));
    const hq = 1 - Math.sqrt(Math.sqrt(1 - h));
    x = xorshift32(x);
    if ((x >>> 0) * TWO_M32 < hq) {
      landFree[p] += landMu[k];
      landMu[k] = 0;
      key[k] = st.born++;
      entryQuarter[k] = q;
      capacity[k] = ENTRANT_CAPACITY;
      shock[k] = 0;
    }
  }
  st.rng = x;
  for (let p = 0; p < P; p++) talentPool[p] *= 1.005;
}

/** One native kernel run: initialise with `seed`, step `quarters` quarters; returns a checksum (total output). */
export function runNativeKernel(st: NativeKernelStore, seed: number, quarters: number): number {
  initNativeKernel(st, seed);
  for (let q = 0; q < quarters; q++) stepNativeKernel(st, q);
  let sum = 0;
  for (let i = 0; i < I; i++) sum += st.industryOutput[i];
  return sum;
}

/** Agent-steps of one native kernel run: the frozen kernel's count (agents x quarters). */
export const nativeKernelAgentSteps = kernelAgentSteps;
