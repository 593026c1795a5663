/**
 * The planner's scenario as a file: an overlay that `extends` the base file and sets only the
 * lever values the planner moved, so that saved next to the base in scenarios/ it runs from the
 * CLI (`clustersim compare scenarios/<base> scenarios/<overlay>`) exactly as on the page. Its name
 * is the base's with "-planner" (a comparison needs distinct names) and its description lists the
 * changes in words. No DOM.
 */
import { CHOICE_NAMES, leverName, leverUnit } from "./lever-names.js";
import type { LeverControl } from "./lever-schema.js";
import type { NameBook } from "../../src/report/planner/targets.js";
import { nameOf } from "../../src/report/planner/targets.js";
import type { Lang } from "../../src/report/planner/lang.js";

/** A lever value the planner set (different from the base). */
export interface LeverChange {
  control: LeverControl;
  value: number | string;
}

/** The planner's changes that apply to these controls: ids present and values different from the base. */
export function changesFor(controls: readonly LeverControl[], values: Readonly<Record<string, number | string>>): LeverChange[] {
  return controls.flatMap((control) => {
    if (!Object.hasOwn(values, control.id)) return [];
    const value = values[control.id];
    if (typeof value !== typeof control.base || value === control.base) return [];
    return [{ control, value }];
  });
}

/** The overlay's scenario name for a base ("baseline" -> "baseline-planner"). */
export const plannerName = (baseName: string) => `${baseName}-planner`;

/** One change in words: "Investment-promotion teams from 2018: 20 → 30 teams" (owner and year where the lever has them). */
export function describeChange(ch: LeverChange, lang: Lang, names?: NameBook): string {
  const c = ch.control;
  const zh = lang === "zh-CN";
  const owner = c.owner ? (zh ? `（${nameOf(c.owner, names, lang)}）` : ` (${nameOf(c.owner, names, lang)})`) : "";
  const year = c.year ? (zh ? `，${c.year}年起` : ` from ${c.year}`) : "";
  const show = (v: number | string) => (typeof v === "string" ? CHOICE_NAMES[v]?.[lang] ?? v : String(v));
  const unit = leverUnit(c.field.key, lang);
  return `${leverName(c.field.key, lang)}${owner}${year}${zh ? "：" : ": "}${show(c.base)} → ${show(ch.value)}${unit && typeof ch.value === "number" ? ` ${unit}` : ""}`;
}

/** Sets `value` at `path` inside `root`, creating objects on the way. */
function setPath(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let cur = root;
  for (const seg of path.slice(0, -1)) {
    if (typeof cur[seg] !== "object" || cur[seg] === null) cur[seg] = {};
    cur = cur[seg] as Record<string, unknown>;
  }
  cur[path[path.length - 1]] = value;
}

/** The overlay file's text: `extends` names the base file (beside it), then name, description and the changed lever values only. */
export function overlayText(baseFile: string, baseName: string, changes: readonly LeverChange[], names?: NameBook): string {
  const described = changes.map((ch) => describeChange(ch, "en", names));
  const json: Record<string, unknown> = {
    $schema: "./scenario.schema.json",
    extends: `./${baseFile.replace(/^.*\//, "")}`,
    name: plannerName(baseName),
    description: changes.length ? `The planner's scenario on ${baseName}: ${described.join("; ")}.` : `The planner's scenario on ${baseName}, no lever moved.`,
    $comment: "Made on the planner page (clustersim serve): the lever values moved from the base, nothing else.",
  };
  for (const ch of changes) setPath(json, ch.control.path, ch.value);
  return `${JSON.stringify(json, null, 2)}\n`;
}
