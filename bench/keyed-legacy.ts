/**
 * The keyed draw as it was before KeyedPass (src/random/keyed.ts up to commit 69fc3f7), kept only
 * so bench/draws.ts can measure old against new: two 32-bit lanes, each absorbing runSeed,
 * stream, key, quarter, index with one lowbias32 round per word plus a final round (12 rounds
 * per draw, the (seed, stream) prefix recomputed every time). Not used by the model.
 */
import { absorbInt32, mixInt32 } from "../src/random/seeds.js";

const LANE_HI = 0x243f6a88;
const LANE_LO = 0xb7e15162 | 0;

/** One lane of the legacy hash, as an int32. */
function lane(init: number, runSeed: number, stream: number, key: number, quarter: number, index: number): number {
  let h = mixInt32(init ^ runSeed);
  h = absorbInt32(h, stream);
  h = absorbInt32(h, key);
  h = absorbInt32(h, quarter);
  h = absorbInt32(h, index);
  return mixInt32((h + init) | 0);
}

/** The legacy keyedUniform(runSeed, stream, key, quarter, index) in (0, 1). */
export function legacyKeyedUniform(runSeed: number, stream: number, key: number, quarter: number, index: number): number {
  const hi = lane(LANE_HI, runSeed, stream, key, quarter, index) >>> 0;
  const lo = lane(LANE_LO, runSeed, stream, key, quarter, index);
  return (hi * 1048576 + (lo >>> 12) + 0.5) * 2.220446049250313e-16;
}
