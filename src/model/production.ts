/**
 * Steps 6 to 8 in one pass over the live firms (docs/model.md, "One quarter"): each ramping or
 * producing firm's output (potential x its industry's utilisation), employment and growth
 * decomposition (incumbents' capacity and utilisation, entrants, exits), then investment,
 * land requests and exit; counts for the metrics; and the live list compacted (exited and lost
 * projects leave it). Aggregates per cell are summed here once; agents never meet pairwise.
 */
import type { ModelParams } from "./params.js";
import type { ModelState } from "./model-state.js";
import { Stage } from "./state.js";
import { investWith, prepareInvestment } from "./investment.js";
import { personsPerPotential } from "./labour.js";
import { returnLand } from "./land.js";
import { cancelCommitment } from "./fiscal.js";

/** Flows of the growth decomposition, in the order of s.cellFlows. */
export const FLOW = { capacity: 0, utilisation: 1, entrants: 2, exits: 3 } as const;

/** Zeroes the per-quarter sums the pass fills; the exits of last quarter become this quarter's exit flow. */
function resetSums(s: ModelState): void {
  for (const a of [s.cellOutput, s.cellPotential, s.cellEmployment, s.cellValueAdded, s.cellOperating, s.cellAnchorsPresent, s.cellFlows])
    a.fill(0);
  for (let c = 0; c < s.cellPendingExit.length; c++) {
    s.cellFlows[c * 4 + FLOW.exits] = -s.cellPendingExit[c];
    s.cellPendingExit[c] = 0;
  }
  for (const a of [s.firmsPark, s.firmsTier, s.firmsStage, s.firmsOfSize, s.presentTier]) a.fill(0);
}

/** Firm k exits at the end of the quarter (its output this quarter is potential x utilisation, as operate's): its land returns, its commitment's rest is cancelled (clawback) or still paid. */
function exitFirm(p: ModelParams, s: ModelState, k: number, cell: number): void {
  const f = s.firms;
  f.stage[k] = Stage.exited;
  s.firmsExited += 1;
  s.cellPendingExit[cell] += f.potential[k] * s.utilisation[f.industry[k]];
  returnLand(s, k);
  if (p.attraction.clawback) cancelCommitment(p, s, k);
  else if (f.instalmentsLeft[k] > 0) s.payees.push(k);
}

/** Per-firm draws of the pass, in live-list order (scratch of the step; grown by doubling between loops). */
export interface FirmDraws {
  /** keys of the ramping or producing firms, and their exit uniforms */
  exitKeys: Uint32Array;
  exit: Float64Array;
  /** keys of the firms that invest (producing, after their first quarter), and their shocks' standard normals */
  shockKeys: Uint32Array;
  shock: Float64Array;
}

/** Allocates the pass's draw buffers for `n` live firms (at least 64). */
export function allocateFirmDraws(n: number): FirmDraws {
  const size = Math.max(64, n);
  return { exitKeys: new Uint32Array(size), exit: new Float64Array(size), shockKeys: new Uint32Array(size), shock: new Float64Array(size) };
}

/** Makes the draw buffers hold `n` live firms (doubling; call between per-agent loops). */
function reserveDraws(draws: FirmDraws, n: number): void {
  if (n <= draws.exit.length) return;
  let size = draws.exit.length;
  while (size < n) size *= 2;
  Object.assign(draws, allocateFirmDraws(size));
}

/**
 * The pass's keyed draws, before its loop: each ramping or producing firm's exit uniform and
 * each investing firm's shock normal, in live-list order, drawn in KeyedPass's own loops (so
 * they are inlined there and their doubles never boxed, however large the pass's loop grows).
 */
function drawPass(s: ModelState, draws: FirmDraws): void {
  const f = s.firms;
  const live = s.live.items;
  const q = s.quarter;
  const { exitKeys, shockKeys } = draws;
  let nExit = 0;
  let nShock = 0;
  for (let r = 0; r < s.live.length; r++) {
    const k = live[r];
    const st = f.stage[k];
    if (st !== Stage.ramping && st !== Stage.producing) continue;
    exitKeys[nExit++] = f.key[k];
    if (st === Stage.producing && q > f.prodQ[k]) shockKeys[nShock++] = f.key[k];
  }
  s.passes.exit.uniforms(exitKeys, nExit, 0, draws.exit);
  s.passes.shock.normals(shockKeys, nShock, 0, draws.shock);
}

/**
 * Output, flows and counts of ramping or producing firm k; then its investment (when `shock`
 * >= 0, with draws.shock[shock]) and its exit (draws.exit[exit]).
 */
function operate(p: ModelParams, s: ModelState, k: number, exit: number, shock: number, perPotential: Float64Array, draws: FirmDraws): void {
  const f = s.firms;
  const I = p.industries.ids.length;
  const T = p.tiers.ids.length;
  const i = f.industry[k];
  const park = f.park[k];
  const t = f.tier[k];
  const cell = park * I + i;
  const pot = f.potential[k];
  const u = s.utilisation[i];
  const out = pot * u;
  const prev = f.prevPotential[k];
  if (prev > 0) {
    s.cellFlows[cell * 4 + FLOW.capacity] += (pot - prev) * s.prevUtilisation[i];
    s.cellFlows[cell * 4 + FLOW.utilisation] += pot * (u - s.prevUtilisation[i]);
  } else s.cellFlows[cell * 4 + FLOW.entrants] += out;
  f.prevPotential[k] = pot;
  s.cellOutput[cell] += out;
  s.cellPotential[cell] += pot;
  s.cellEmployment[cell] += pot * perPotential[i];
  s.cellOperating[cell] += 1;
  if (p.tier.anchor[t] === 1) s.cellAnchorsPresent[cell] += 1;
  if (out >= p.reporting.firmOfSizeOutput) s.firmsOfSize[park] += 1;
  if (f.signedQ[k] >= p.historyQuarters) s.presentTier[t] += 1;
  const producing = f.stage[k] === Stage.producing;
  if (shock >= 0) investWith(p, s, k, s.growthBase[cell], draws.shock[shock]);
  const young = f.entrant[k] === 1 && (!producing || s.quarter - f.prodQ[k] < p.dynamics.youngAge) ? 1 : 0;
  if (draws.exit[exit] < s.exitQ[(i * T + t) * 2 + young]) exitFirm(p, s, k, cell);
}

/** The second pass of the quarter over the live firms (perPotential: scratch, one value per industry; draws: the pass's draw buffers). */
export function productionPass(p: ModelParams, s: ModelState, perPotential: Float64Array, draws: FirmDraws): void {
  const f = s.firms;
  const I = p.industries.ids.length;
  const q = s.quarter;
  resetSums(s);
  prepareInvestment(p, s);
  for (let i = 0; i < I; i++) perPotential[i] = personsPerPotential(p, s, i);
  reserveDraws(draws, s.live.length);
  drawPass(s, draws);
  const live = s.live.items;
  let w = 0;
  let exit = 0;
  let shock = 0;
  for (let r = 0; r < s.live.length; r++) {
    const k = live[r];
    let st = f.stage[k];
    if (st === Stage.ramping || st === Stage.producing) {
      // The same order and conditions as drawPass's.
      operate(p, s, k, exit++, st === Stage.producing && q > f.prodQ[k] ? shock++ : -1, perPotential, draws);
      st = f.stage[k];
    }
    if (st >= Stage.exited) continue;
    s.firmsPark[f.park[k]] += 1;
    s.firmsTier[f.tier[k]] += 1;
    s.firmsStage[st] += 1;
    live[w++] = k;
  }
  s.live.length = w;
  s.firmsStage[Stage.void] = s.voidCount;
  s.firmsStage[Stage.exited] = s.firmsExited;
  s.firmsStage[Stage.lostToLand] = s.lostCount;
  for (let c = 0; c < s.cellOutput.length; c++) s.cellValueAdded[c] = s.cellOutput[c] * p.industry.valueAddedRatio[c % I];
}
