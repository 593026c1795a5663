/**
 * Which park chart draws which output target's threshold: an output target that counts exactly
 * one park (its structured `parks` in summary.json) is drawn in that park's chart at its
 * `threshold`. A target of several parks, of industries, or with a threshold drawn per run stays
 * in the probability chart and table only.
 */
import type { SummaryTarget } from "./inputs.js";

/** An output target's threshold line in a park chart. */
export interface TargetLine {
  id: string;
  label: string;
  year: number;
  /** 亿元/yr */
  threshold: number;
}

/** The threshold lines of each park's chart: park id -> lines. */
export function targetLines(targets: readonly SummaryTarget[], parkIds: readonly string[]): Map<string, TargetLine[]> {
  const lines = new Map<string, TargetLine[]>(parkIds.map((p) => [p, []]));
  for (const t of targets) {
    if (t.kind !== "output" || t.threshold === null || t.parks?.length !== 1 || (t.industries?.length ?? 0) > 0) continue;
    lines.get(t.parks[0])?.push({ id: t.id, label: t.label, year: t.year, threshold: t.threshold });
  }
  return lines;
}
