/**
 * The regression gate of `bench:check`, as pure functions: a case fails when its median ratio
 * to the kernel is worse (lower) than the baseline's by more than max(25% of the baseline,
 * 4 x the median absolute deviation of the baseline's per-sample ratios), on two consecutive
 * attempts. The MAD is the baseline's, so the band is fixed when the baseline is committed: a
 * noisy attempt cannot widen it until a regression hides inside (its median is robust, and a
 * failing attempt is measured once more before the check fails).
 */

/** Relative drop of the ratio always tolerated (25%). */
export const RELATIVE_TOLERANCE = 0.25;
/** Multiple of the ratio's median absolute deviation tolerated when noise is larger than that. */
export const MAD_MULTIPLIER = 4;

/** A case's ratio to the kernel: median over interleaved sample pairs and its median absolute deviation. */
export interface RatioFigure {
  ratio: number;
  mad: number;
}

/** The verdict of one attempt on one case. */
export interface GateVerdict {
  pass: boolean;
  baseline: number;
  measured: number;
  /** the lowest ratio that passes */
  threshold: number;
  /** baseline - threshold */
  allowedDrop: number;
  /** the MAD used: the baseline's */
  mad: number;
  /** the attempt's own MAD (reported, not used) */
  attemptMad: number;
  /** (measured - baseline) / baseline */
  change: number;
}

/** Judges one attempt: allowed drop = max(25% x baseline, 4 x the baseline's MAD). */
export function judge(baseline: RatioFigure, measured: RatioFigure): GateVerdict {
  if (!(baseline.ratio > 0)) throw new RangeError(`judge: baseline ratio must be positive, got ${baseline.ratio}`);
  const mad = baseline.mad;
  const allowedDrop = Math.max(RELATIVE_TOLERANCE * baseline.ratio, MAD_MULTIPLIER * mad);
  const threshold = baseline.ratio - allowedDrop;
  return {
    pass: measured.ratio >= threshold,
    baseline: baseline.ratio,
    measured: measured.ratio,
    threshold,
    allowedDrop,
    mad,
    attemptMad: measured.mad,
    change: (measured.ratio - baseline.ratio) / baseline.ratio,
  };
}

/** The outcome of a case over its attempts: it fails only when two consecutive attempts fail. */
export interface CaseOutcome {
  case: string;
  pass: boolean;
  attempts: GateVerdict[];
}

/** Whether a case should be measured again: its only attempt so far failed. */
export function needsRetry(attempts: readonly GateVerdict[]): boolean {
  return attempts.length === 1 && !attempts[0].pass;
}

/**
 * Final outcome of a case from its attempts in order: it fails when two consecutive attempts
 * fail. A single failed attempt is not a verdict yet (needsRetry says to measure again).
 */
export function outcome(name: string, attempts: readonly GateVerdict[]): CaseOutcome {
  if (attempts.length === 0) throw new RangeError(`outcome: no attempt for ${name}`);
  if (needsRetry(attempts)) throw new RangeError(`outcome: ${name} failed once and must be measured again first`);
  let pass = true;
  for (let i = 1; i < attempts.length; i++) if (!attempts[i - 1].pass && !attempts[i].pass) pass = false;
  return { case: name, pass, attempts: [...attempts] };
}

/** Formats a number with `d` significant digits. */
const sig = (x: number, d = 3) => (Number.isFinite(x) ? Number(x.toPrecision(d)).toString() : String(x));

/**
 * The largest slowdown factor of the model that the gate is sure to let pass for a baseline,
 * e.g. 1.33 for a 25% band: a band of 4 x MAD >= 50% of the ratio lets a 2x slower model pass.
 */
export function blindSlowdown(baseline: RatioFigure): number {
  const allowedDrop = Math.max(RELATIVE_TOLERANCE * baseline.ratio, MAD_MULTIPLIER * baseline.mad);
  return allowedDrop >= baseline.ratio ? Infinity : baseline.ratio / (baseline.ratio - allowedDrop);
}

/** One human line per verdict, naming case, baseline, measured and threshold. */
export function describeVerdict(name: string, v: GateVerdict, attempt: number): string {
  const pct = `${v.change >= 0 ? "+" : ""}${(v.change * 100).toFixed(1)}%`;
  return (
    `${name} attempt ${attempt}: ${v.pass ? "pass" : "FAIL"} - ratioToKernel ${sig(v.measured)} vs baseline ${sig(v.baseline)} (${pct}); ` +
    `threshold ${sig(v.threshold)} = baseline - max(${RELATIVE_TOLERANCE * 100}% x ${sig(v.baseline)}, ${MAD_MULTIPLIER} x baseline MAD ${sig(v.mad, 2)}); ` +
    `this attempt's MAD ${sig(v.attemptMad, 2)}`
  );
}
