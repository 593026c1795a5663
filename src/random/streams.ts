/**
 * Run-level sequential random streams (seedrandom's Alea generator), one per name, so each
 * named stream of a run is independent of how many draws the others take. Alea uses only
 * exact float arithmetic, so streams are identical in Node, worker threads and Chromium.
 */
import seedrandom from "seedrandom";

/** A sequential source of uniforms. */
export interface RandomStream {
  /** Next uniform in the open interval (0, 1): never exactly 0 or 1, safe for inverse CDFs. */
  next(): number;
}

/** 2^32. */
const TWO32 = 4294967296;
/** 2^20. */
const TWO20 = 1048576;
/** 2^-52. */
const TWO_M52 = 2.220446049250313e-16;

/** Throws RangeError unless runSeed is an integer in [0, 2^32). */
function checkRunSeed(runSeed: number): void {
  if (!Number.isInteger(runSeed) || runSeed < 0 || runSeed >= TWO32) {
    throw new RangeError(`runSeed must be a uint32 integer, got ${runSeed}`);
  }
}

/**
 * Stream over seedrandom.alea(seed): each next() takes two Alea outputs (32 + 20 bits) into a
 * 52-bit integer k and returns (k + 0.5)·2^-52, in [2^-53, 1 − 2^-53].
 */
export function aleaStream(seed: string): RandomStream {
  const prng = seedrandom.alea(seed);
  return {
    next(): number {
      const hi = Math.floor(prng() * TWO32);
      const lo = Math.floor(prng() * TWO20);
      return (hi * TWO20 + lo + 0.5) * TWO_M52;
    },
  };
}

/**
 * The run's sequential stream called `name` (e.g. "init.firms"): Alea seeded with the string
 * "clustersim/stream/<runSeed>/<name>"; runSeed is a uint32 (RangeError otherwise).
 */
export function runStream(runSeed: number, name: string): RandomStream {
  checkRunSeed(runSeed);
  return aleaStream(`clustersim/stream/${runSeed}/${name}`);
}

/**
 * The stream that draws the parameter distribution found at `jsonPath` in the scenario (e.g.
 * "$.industries.biopharma.marketTrend"): Alea seeded with "clustersim/param/<runSeed>/<jsonPath>",
 * so adding or removing a distribution elsewhere changes no other parameter's draw.
 */
export function parameterStream(runSeed: number, jsonPath: string): RandomStream {
  checkRunSeed(runSeed);
  return aleaStream(`clustersim/param/${runSeed}/${jsonPath}`);
}
