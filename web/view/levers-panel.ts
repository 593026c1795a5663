/**
 * The lever controls: one card per lever field, grouped (attraction, land, talent, capital,
 * support, assumptions), a row per park or industry and year step with a slider in planner units,
 * a number box, the base value marked on the track (▲) and a reset button. Built from the
 * controls the schema walk found; the names come from lever-names.ts in the page's language.
 */
import { GROUPS, groupName, leverGroup, leverName, leverUnit, CHOICE_NAMES } from "../levers/lever-names.js";
import type { LeverControl } from "../levers/lever-schema.js";
import { roundTo, sliderSpec, type SliderSpec } from "../levers/sliders.js";
import { nameOf, type NameBook } from "../../src/report/planner/targets.js";
import type { Lang } from "../../src/report/planner/lang.js";
import { words } from "../i18n.js";
import { h } from "./dom.js";

/** Called when the planner sets a value (null: back to the base). */
export type OnLeverChange = (id: string, value: number | string | null, final: boolean) => void;

/** Shows a number as the slider's decimals allow, without trailing zeros. */
const show = (x: number, decimals: number) => String(roundTo(x, decimals));

/** One numeric row: label, slider with the base marker, number box, reset. */
function numberRow(c: LeverControl, spec: SliderSpec, value: number, label: string, lang: Lang, onChange: OnLeverChange): HTMLElement {
  const w = words(lang);
  const base = c.base as number;
  const at = ((base - spec.min) / (spec.max - spec.min)) * 100;
  const slider = h("input", { type: "range", min: String(spec.min), max: String(spec.max), step: String(spec.step), value: String(value), "aria-label": `${leverName(c.field.key, lang)} ${label}`, "data-id": c.id });
  const box = h("input", { type: "number", min: spec.limitMin === null ? undefined : String(spec.limitMin), max: spec.limitMax === null ? undefined : String(spec.limitMax), step: "any", value: show(value, spec.decimals), "aria-label": `${leverName(c.field.key, lang)} ${label}` });
  const reset = h("button", { type: "button", class: "reset", title: w.reset, "aria-label": w.reset }, "↺");
  const row = h("div", { class: `lever-row${value !== base ? " changed" : ""}`, "data-id": c.id },
    h("span", { class: "lever-label" }, label),
    h("span", { class: "slider" }, slider, h("span", { class: "base-mark", style: `left:calc(8px + (100% - 16px) * ${(Math.max(0, Math.min(100, at)) / 100).toFixed(4)})`, title: w.baseValue(show(base, spec.decimals)) }, "▲")),
    box,
    h("span", { class: "base-value" }, w.baseValue(show(base, spec.decimals))),
    reset,
  );
  const set = (x: number, final: boolean) => {
    const v = roundTo(Math.max(spec.limitMin ?? -Infinity, Math.min(spec.limitMax ?? Infinity, x)), spec.decimals);
    row.classList.toggle("changed", v !== base);
    onChange(c.id, v === base ? null : v, final);
    return v;
  };
  slider.addEventListener("input", () => (box.value = show(set(Number(slider.value), false), spec.decimals)));
  slider.addEventListener("change", () => set(Number(slider.value), true));
  box.addEventListener("change", () => {
    if (box.value.trim() === "" || !Number.isFinite(Number(box.value))) return void (box.value = slider.value);
    const v = set(Number(box.value), true);
    box.value = show(v, spec.decimals);
    slider.value = String(v);
  });
  reset.addEventListener("click", () => {
    slider.value = String(base);
    box.value = show(base, spec.decimals);
    set(base, true);
  });
  return row;
}

/** One choice row (a select). */
function choiceRow(c: LeverControl, value: string, label: string, lang: Lang, onChange: OnLeverChange): HTMLElement {
  const w = words(lang);
  const select = h("select", { "aria-label": leverName(c.field.key, lang), "data-id": c.id }, ...(c.field.options ?? []).map((o) => h("option", { value: o, selected: o === value }, CHOICE_NAMES[o]?.[lang] ?? o)));
  const row = h("div", { class: `lever-row choice${value !== c.base ? " changed" : ""}`, "data-id": c.id }, h("span", { class: "lever-label" }, label), select, h("span", { class: "base-value" }, w.baseValue(CHOICE_NAMES[String(c.base)]?.[lang] ?? String(c.base))));
  select.addEventListener("change", () => {
    row.classList.toggle("changed", select.value !== c.base);
    onChange(c.id, select.value === c.base ? null : select.value, true);
  });
  return row;
}

/** The row label: park or industry name, and the year a schedule step starts. */
function rowLabel(c: LeverControl, names: NameBook, lang: Lang): string {
  const w = words(lang);
  const parts = [c.owner ? nameOf(c.owner, names, lang) : null, c.year ? w.from(c.year) : null].filter((x): x is string => x !== null);
  return parts.join(lang === "zh-CN" ? "，" : ", ");
}

/** Builds the lever panel for the controls, showing the planner's current values. */
export function leversPanel(controls: readonly LeverControl[], values: Readonly<Record<string, number | string>>, names: NameBook, lang: Lang, onChange: OnLeverChange, open: boolean): HTMLElement {
  const byField = new Map<string, LeverControl[]>();
  for (const c of controls) byField.set(c.field.key, [...(byField.get(c.field.key) ?? []), c]);
  const groups = new Map<string, HTMLElement[]>();
  for (const [key, cs] of byField) {
    const rows = cs.map((c) => {
      const value = Object.hasOwn(values, c.id) ? values[c.id] : c.base;
      const label = rowLabel(c, names, lang);
      if (c.field.shape === "choice") return choiceRow(c, String(value), label, lang, onChange);
      return numberRow(c, sliderSpec(c, cs), typeof value === "number" ? value : (c.base as number), label, lang, onChange);
    });
    const f = cs[0].field;
    const unit = leverUnit(key, lang, f.valueDescription);
    const about = [f.description, f.valueDescription].filter((x): x is string => !!x && x !== "").join("\n");
    const card = h("div", { class: "lever", "data-key": key },
      h("div", { class: "lever-head" }, h("span", { class: "lever-name" }, leverName(key, lang)), unit ? h("span", { class: "lever-unit" }, unit) : null, about ? h("span", { class: "info", title: about }, "ⓘ") : null),
      ...rows,
    );
    const g = leverGroup(key, f.isLever);
    groups.set(g, [...(groups.get(g) ?? []), card]);
  }
  const order = [...GROUPS, ...[...groups.keys()].filter((g) => !(GROUPS as readonly string[]).includes(g))];
  const panel = h("div", { class: "lever-groups" });
  for (const g of order) {
    const cards = groups.get(g);
    if (!cards) continue;
    panel.append(h("details", { class: `group group-${g}`, open: open && g !== "assumption", "data-group": g }, h("summary", {}, groupName(g, lang)), ...cards));
  }
  return panel;
}
