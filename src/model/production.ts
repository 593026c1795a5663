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
 * The pass's loop over the live firms: each ramping or producing firm's output, flows and counts,
 * then its investment (with the next shock draw when it invests) and its exit (with the next
 * exit draw); the counts of the firms left live, and the live list compacted. One function with
 * the firm's work written in the loop and the columns held in locals (a call per firm cost more
 * than the work); its only callees on the hot path are investWith and exp, which V8 inlines.
 */
function operateAll(p: ModelParams, s: ModelState, perPotential: Float64Array, draws: FirmDraws): void {
  const f = s.firms;
  const { stage, industry, park: parkOf, tier, potential, prevPotential, signedQ, prodQ, entrant } = f;
  const { utilisation, prevUtilisation, cellFlows, cellOutput, cellPotential, cellEmployment, cellOperating, cellAnchorsPresent } = s;
  const { firmsOfSize, presentTier, growthBase, exitQ, firmsPark, firmsTier, firmsStage } = s;
  const { exit: exitDraw, shock: shockDraw } = draws;
  const anchor = p.tier.anchor;
  const I = p.industries.ids.length;
  const T = p.tiers.ids.length;
  const q = s.quarter;
  const sizeThreshold = p.reporting.firmOfSizeOutput;
  const history = p.historyQuarters;
  const youngAge = p.dynamics.youngAge;
  const live = s.live.items;
  const n = s.live.length;
  let w = 0;
  let exit = 0;
  let shock = 0;
  for (let r = 0; r < n; r++) {
    const k = live[r];
    let st = stage[k];
    if (st === Stage.ramping || st === Stage.producing) {
      const i = industry[k];
      const park = parkOf[k];
      const t = tier[k];
      const cell = park * I + i;
      const pot = potential[k];
      const u = utilisation[i];
      const out = pot * u;
      const prev = prevPotential[k];
      if (prev > 0) {
        cellFlows[cell * 4 + FLOW.capacity] += (pot - prev) * prevUtilisation[i];
        cellFlows[cell * 4 + FLOW.utilisation] += pot * (u - prevUtilisation[i]);
      } else cellFlows[cell * 4 + FLOW.entrants] += out;
      prevPotential[k] = pot;
      cellOutput[cell] += out;
      cellPotential[cell] += pot;
      cellEmployment[cell] += pot * perPotential[i];
      cellOperating[cell] += 1;
      if (anchor[t] === 1) cellAnchorsPresent[cell] += 1;
      if (out >= sizeThreshold) firmsOfSize[park] += 1;
      if (signedQ[k] >= history) presentTier[t] += 1;
      const producing = st === Stage.producing;
      // The same order and conditions as drawPass's.
      if (producing && q > prodQ[k]) investWith(p, s, k, growthBase[cell], shockDraw[shock++]);
      const young = entrant[k] === 1 && (!producing || q - prodQ[k] < youngAge) ? 1 : 0;
      if (exitDraw[exit++] < exitQ[(i * T + t) * 2 + young]) {
        exitFirm(p, s, k, cell);
        continue;
      }
    } else if (st >= Stage.exited) continue;
    firmsPark[parkOf[k]] += 1;
    firmsTier[tier[k]] += 1;
    firmsStage[st] += 1;
    live[w++] = k;
  }
  s.live.length = w;
}

/** The second pass of the quarter over the live firms (perPotential: scratch, one value per industry; draws: the pass's draw buffers). */
export function productionPass(p: ModelParams, s: ModelState, perPotential: Float64Array, draws: FirmDraws): void {
  const I = p.industries.ids.length;
  resetSums(s);
  prepareInvestment(p, s);
  for (let i = 0; i < I; i++) perPotential[i] = personsPerPotential(p, s, i);
  reserveDraws(draws, s.live.length);
  drawPass(s, draws);
  operateAll(p, s, perPotential, draws);
  s.firmsStage[Stage.void] = s.voidCount;
  s.firmsStage[Stage.exited] = s.firmsExited;
  s.firmsStage[Stage.lostToLand] = s.lostCount;
  for (let c = 0; c < s.cellOutput.length; c++) s.cellValueAdded[c] = s.cellOutput[c] * p.industry.valueAddedRatio[c % I];
}
