/**
 * Target probabilities of the base and the planner's scenario as HTML bars: per target a bar for
 * each scenario with its likely range drawn across it, the change in points (coloured when clear
 * of the noise), and "out of reach: median x of y" in place of bars for a target no run of
 * either meets. Plain HTML and CSS (PLANNER_CSS), so it reflows on a phone and prints; browser-safe.
 */
import { clearGain, clearLoss, metInNoRun, type PlannerComparison, type PlannerTarget } from "./comparison.js";
import { esc, pct, points, type Lang } from "./lang.js";
import { FAMILIES, familyName, familyOf, orderForPlanner, outOfReach, targetName } from "./targets.js";

/** Words of the bars in both languages. */
const WORDS = {
  en: { yours: "your scenario", range: "likely range", noise: "within noise", outNote: "no run of either meets it" },
  "zh-CN": { yours: "您的情景", range: "可能范围", noise: "在随机波动之内", outNote: "两种情景均无模拟达到" },
} as const;

/** A share 0-1 as a CSS percentage, clamped. */
const css = (x: number | null) => `${(Math.max(0, Math.min(1, x ?? 0)) * 100).toFixed(2)}%`;

/** One scenario's bar with its range. */
function bar(kind: "base" | "alt", p: number | null, low: number | null, high: number | null, title: string): string {
  const range = low !== null && high !== null ? `<span class="pb-range" style="left:${css(low)};width:calc(${css(high)} - ${css(low)})"></span>` : "";
  return `<span class="pb-track" title="${esc(title)}"><span class="pb-bar ${kind}" style="width:${css(p)}"></span>${range}</span>`;
}

/** One target's row. */
function row(c: PlannerComparison, t: PlannerTarget, lang: Lang): string {
  const w = WORDS[lang];
  const name = `<span class="pb-name">${esc(targetName(t.info, lang, c.names))}</span>`;
  if (metInNoRun(t)) return `<div class="pb-row out" data-target="${esc(t.info.id)}">${name}<span class="pb-out">${esc(outOfReach(t.info, t.alt.median, lang))}</span></div>`;
  const tone = clearGain(t.change) ? "gain" : clearLoss(t.change) ? "loss" : "none";
  const change = t.change === null ? "" : `<b class="pb-change ${tone}">${esc(points(t.change.difference, lang))}</b>${tone === "none" && c.changed ? ` <span class="pb-noise">(${w.noise})</span>` : ""}`;
  const bars = `<span class="pb-bars">${bar("base", t.base.probability, t.base.low, t.base.high, `${c.baseName}: ${pct(t.base.probability)}`)}${bar("alt", t.alt.probability, t.alt.low, t.alt.high, `${c.subject ?? w.yours}: ${pct(t.alt.probability)}`)}</span>`;
  const nums = `<span class="pb-nums">${pct(t.base.probability)} → <b>${pct(t.alt.probability)}</b> ${c.changed ? change : ""}</span>`;
  return `<div class="pb-row ${tone}" data-target="${esc(t.info.id)}">${name}${bars}${nums}</div>`;
}

/** The legend: base, the planner's scenario, the likely range. */
export function barsLegend(c: PlannerComparison, lang: Lang): string {
  const w = WORDS[lang];
  return `<div class="pb-legend"><span><i class="pb-key base"></i>${esc(c.baseName)}</span><span><i class="pb-key alt"></i>${esc(c.subject ?? w.yours)}</span><span><i class="pb-key range"></i>${w.range}</span></div>`;
}

/** The bars of every target, grouped by family, out-of-reach targets last in each family. */
export function probabilityBars(c: PlannerComparison, lang: Lang): string {
  const families = FAMILIES.map((f) => {
    const ts = orderForPlanner(c.targets.filter((t) => familyOf(t.info.kind) === f).map((t) => ({ ...t, kind: t.info.kind, year: t.info.year, label: t.info.label })));
    if (ts.length === 0) return "";
    const ordered = [...ts.filter((t) => !metInNoRun(t)), ...ts.filter(metInNoRun)];
    return `<div class="pb-family"><h4>${esc(familyName(f, lang))}</h4>${ordered.map((t) => row(c, t, lang)).join("")}</div>`;
  });
  return `<div class="pb">${barsLegend(c, lang)}${families.join("")}</div>`;
}
