/**
 * Which park chart draws which output target's threshold. The rule:
 * 1. When the scenario file still matches its recorded hash, an output target goes in the chart
 *    of the park it names, if it names exactly one park (a target summing several parks is
 *    drawn in no park chart).
 * 2. Otherwise an output target goes in the chart of the park whose id's first word (before the
 *    first "-": "medical" of medical-city, "agri" of agri-park) begins a word of the target's id
 *    or label ("cluster-500-agri-2022", "Medical City cluster >= 1,000 亿"), when exactly one
 *    park matches.
 * The threshold is the number in the target's goal (">= 1000 亿元/yr"). Targets that match no
 * park stay in the probability chart and table only.
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

/** The words of an id or label, lower case ("Medical City cluster" -> medical, city, cluster). */
function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== "");
}

/** The first number in a goal text (">= 1,000 亿元/yr" -> 1000), or null. */
export function goalThreshold(goal: string): number | null {
  const m = /(\d[\d,]*(?:\.\d+)?)/.exec(goal);
  return m ? Number(m[1].replace(/,/g, "")) : null;
}

/** The park of an output target by the naming rule (2 above), or null when none or several match. */
export function parkByName(target: Pick<SummaryTarget, "id" | "label">, parkIds: readonly string[]): string | null {
  const targetWords = [...words(target.id), ...words(target.label)];
  const matches = parkIds.filter((park) => {
    const first = words(park)[0];
    return first !== undefined && targetWords.some((w) => w.startsWith(first));
  });
  return matches.length === 1 ? matches[0] : null;
}

/** The threshold lines of each park's chart: park id -> lines, by the rule above. */
export function targetLines(targets: readonly SummaryTarget[], parkIds: readonly string[], exact?: Map<string, string[]>): Map<string, TargetLine[]> {
  const lines = new Map<string, TargetLine[]>(parkIds.map((p) => [p, []]));
  for (const t of targets) {
    if (t.kind !== "output") continue;
    const threshold = goalThreshold(t.goal);
    if (threshold === null) continue;
    const named = exact?.get(t.id);
    const park = named ? (named.length === 1 ? named[0] : null) : parkByName(t, parkIds);
    if (park !== null && lines.has(park)) lines.get(park)!.push({ id: t.id, label: t.label, year: t.year, threshold });
  }
  return lines;
}
