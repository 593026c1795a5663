/**
 * Incentive commitments (docs/model.md, "Levers and their cost"): share x signed investment,
 * committed at signing against the year's budget; paid pro rata to realised investment, evenly
 * over the payment years from the quarter spending starts; the unrealised part, and the
 * instalments of void, lost or (with clawback) exited projects, cancelled. Accounts of the
 * commitments made from the projection's start are kept beside the per-firm columns.
 */
import type { ModelParams } from "./params.js";
import type { ModelState } from "./model-state.js";
import { Account, Lever, Stage } from "./state.js";

/** Whether firm k's commitment belongs to the projection's accounts (signed from its first quarter). */
const inProjection = (p: ModelParams, s: ModelState, k: number) => s.firms.signedQ[k] >= p.historyQuarters;

/** Commits `amount` 亿元 to firm k at signing, against the year's budget. */
export function commit(p: ModelParams, s: ModelState, k: number, amount: number): void {
  s.firms.committed[k] = amount;
  s.budgetLeft -= amount;
  if (inProjection(p, s, k)) s.accounts[Account.committed] += amount;
}

function cancel(p: ModelParams, s: ModelState, k: number, amount: number): void {
  if (amount <= 0) return;
  s.firms.cancelled[k] += amount;
  if (inProjection(p, s, k)) s.accounts[Account.cancelled] += amount;
}

/** Cancels what firm k has not yet been paid (void, lost to land, or exited with clawback). */
export function cancelCommitment(p: ModelParams, s: ModelState, k: number): void {
  const f = s.firms;
  f.instalmentsLeft[k] = 0;
  cancel(p, s, k, f.committed[k] - f.paid[k] - f.cancelled[k]);
}

/** Pays one instalment of firm k this quarter (booked as the incentives lever's cost). */
export function payInstalment(p: ModelParams, s: ModelState, k: number): void {
  const f = s.firms;
  const x = f.instalment[k];
  f.paid[k] += x;
  f.instalmentsLeft[k] -= 1;
  s.costQuarter[Lever.incentives] += x;
  if (inProjection(p, s, k)) s.accounts[Account.paid] += x;
}

/**
 * Spending starts (construction begins): the payable part is the commitment x the realised
 * ratio, in equal instalments over the payment quarters, the first paid now; the rest is cancelled.
 */
export function startPayments(p: ModelParams, s: ModelState, k: number): void {
  const f = s.firms;
  const c = f.committed[k] - f.cancelled[k];
  if (c <= 0) return;
  const payable = c * p.dynamics.realisedRatio;
  cancel(p, s, k, c - payable);
  f.instalment[k] = payable / p.attraction.paymentQuarters;
  f.instalmentsLeft[k] = p.attraction.paymentQuarters;
  payInstalment(p, s, k);
}

/**
 * What firm k's commitment still owes, from its state: the unpaid instalments once spending has
 * started, the whole uncancelled commitment before (so paid + cancelled + outstanding = committed).
 */
export function outstandingOf(s: ModelState, k: number): number {
  const f = s.firms;
  if (f.committed[k] === 0) return 0;
  if (f.instalmentsLeft[k] > 0) return f.instalment[k] * f.instalmentsLeft[k];
  const st = f.stage[k];
  const started = f.paid[k] > 0 || st === Stage.void || st === Stage.lostToLand || st === Stage.exited;
  return started ? 0 : f.committed[k] - f.cancelled[k];
}
