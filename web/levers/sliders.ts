/**
 * Slider settings of the lever controls: the slider spans the schema's lower bound to a planner's
 * top (the table's, or four times the largest base value of the field rounded up to a nice
 * number; never above the schema's upper bound, which for many fields is only a sanity limit),
 * with a step of about a hundredth of the span; the number box beside it takes anything within the
 * schema's bounds. Values are rounded to the step's decimals so that a scenario file never holds
 * 0.30000000000000004. No DOM.
 */
import { LEVER_NAMES } from "./lever-names.js";
import type { LeverControl } from "./lever-schema.js";

/** A slider's range and step, and the bounds of the number box. */
export interface SliderSpec {
  min: number;
  max: number;
  step: number;
  /** the schema's bounds (the number box's); null where it sets none */
  limitMin: number | null;
  limitMax: number | null;
  /** decimals shown and kept */
  decimals: number;
}

/** The smallest 1, 2 or 5 times a power of ten that is >= x (x > 0). */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * p >= x * (1 - 1e-12)) return m * p;
  return 10 * p;
}

/** Decimals needed to show multiples of `step` exactly. */
export function decimalsOf(step: number): number {
  for (let d = 0; d < 10; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  return 10;
}

/** Rounds a value to a number of decimals, as the scenario file will hold it. */
export function roundTo(x: number, decimals: number): number {
  return Number(x.toFixed(decimals));
}

/** Slider settings of a numeric control, given every control of the same field (they share a range). */
export function sliderSpec(control: LeverControl, sameField: readonly LeverControl[]): SliderSpec {
  const { range, key } = control.field;
  const bases = sameField.map((c) => c.base).filter((b): b is number => typeof b === "number");
  const largest = Math.max(0, ...bases.map(Math.abs));
  const top = Math.max(LEVER_NAMES[key]?.max ?? 0, niceCeil(4 * Math.max(largest, 0.25)));
  const max = Math.max(range.max === null ? top : Math.min(range.max, top), ...bases);
  const min = range.min ?? (bases.every((b) => b >= 0) ? 0 : -max);
  const step = range.int ? Math.max(1, niceCeil((max - min) / 100)) : niceCeil((max - min) / 100);
  const decimals = Math.max(decimalsOf(step), ...bases.map((b) => Math.min(decimalsOf(b), 4)));
  return { min, max, step, decimals, limitMin: range.min, limitMax: range.max };
}
