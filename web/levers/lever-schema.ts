/**
 * The planner's levers, found by walking the zod schema of the scenario's lever sections
 * (attraction, factors) rather than listing them: every numeric field, year schedule (a value
 * from a given year on), per-park or per-industry record of either, and choice (enum). Bounds
 * come from the schema, descriptions from `.describe()` (the field's, and its values' with their
 * unit); a field the schema describes as "(lever)" is a policy lever, the others are model
 * assumptions. A new or renamed field becomes a control without code changes; only its planner
 * name (lever-names.ts) is looked up, falling back to the field name. Schedules are offered from
 * the horizon's first year on (history years are not the planner's). No DOM.
 */
import { z } from "zod";

type Schema = z.core.$ZodType;
/** The parts of zod's definitions this walk reads. */
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  keyType?: Schema;
  valueType?: Schema;
  options?: Schema[];
  innerType?: Schema;
  in?: Schema;
  entries?: Record<string, string | number>;
}

const defOf = (s: Schema): Def => s._zod.def as unknown as Def;
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "nonoptional", "catch"]);

/** Strips optional/default/pipe wrappers. */
function unwrap(s: Schema): Schema {
  let cur = s;
  for (let guard = 0; guard < 16; guard++) {
    const d = defOf(cur);
    if (WRAPPERS.has(d.type) && d.innerType) cur = d.innerType;
    else if (d.type === "pipe" && d.in) cur = d.in;
    else break;
  }
  return cur;
}

/** How a lever's values are laid out in the scenario. */
export type LeverShape = "number" | "schedule" | "by-id-number" | "by-id-schedule" | "choice";

/** Bounds of a numeric lever from the schema (null where the schema sets none). */
export interface LeverRange {
  min: number | null;
  max: number | null;
  int: boolean;
}

/** One lever field of the schema. */
export interface LeverField {
  /** the section ("attraction", "factors") */
  section: string;
  field: string;
  /** "section.field", the key of the planner-names table */
  key: string;
  shape: LeverShape;
  /** the schema's description of the field (`.describe()`), if any */
  description: string | null;
  /** the schema's description of its values (what a number means, with its unit), if any */
  valueDescription: string | null;
  /** the schema marks it a policy lever ("(lever)" in its description) */
  isLever: boolean;
  range: LeverRange;
  /** the allowed values of a choice */
  options: string[] | null;
}

/** The number schema of a numeric field: a plain number, or the number option of a number-or-distribution union. */
function numberOf(s: Schema): z.ZodNumber | null {
  const u = unwrap(s);
  const d = defOf(u);
  if (d.type === "number") return u as unknown as z.ZodNumber;
  if (d.type === "union") for (const o of d.options ?? []) if (defOf(unwrap(o)).type === "number") return unwrap(o) as unknown as z.ZodNumber;
  return null;
}

/** Whether a record's keys are calendar years (a schedule) rather than ids. */
function isYearKeyed(keyType: Schema | undefined): boolean {
  if (!keyType) return false;
  const k = keyType as unknown as z.ZodType;
  return k.safeParse("2018").success && !k.safeParse("x").success;
}

/** The description registered on a schema or its wrappers. */
function descriptionOf(s: Schema): string | null {
  for (let cur: Schema | undefined = s, guard = 0; cur && guard < 16; guard++) {
    const text = z.globalRegistry.get(cur)?.description;
    if (text !== undefined) return text;
    const d = defOf(cur);
    cur = WRAPPERS.has(d.type) ? d.innerType : undefined;
  }
  return null;
}

/** A bound, or null for none (an int schema's implied safe-integer bounds count as none). */
const finite = (x: number | null | undefined) => (x !== null && x !== undefined && Number.isFinite(x) && Math.abs(x) < Number.MAX_SAFE_INTEGER ? x : null);

/** The range of a numeric schema. */
function rangeOf(n: z.ZodNumber): LeverRange {
  return { min: finite(n.minValue), max: finite(n.maxValue), int: n.isInt === true };
}

/** Classifies one field of a lever section, or null when it is not a lever shape (an object, a string, a boolean). */
export function classifyField(section: string, field: string, schema: Schema): LeverField | null {
  const u = unwrap(schema);
  const d = defOf(u);
  const description = descriptionOf(schema) ?? descriptionOf(u);
  const base = { section, field, key: `${section}.${field}`, description, isLever: /\(lever\)/.test(description ?? ""), options: null };
  const plain = (n: z.ZodNumber | null, values: Schema | undefined, shape: LeverShape): LeverField | null =>
    n ? { ...base, shape, range: rangeOf(n), valueDescription: values ? descriptionOf(values) : null } : null;
  if (d.type === "enum") return { ...base, shape: "choice", range: { min: null, max: null, int: false }, valueDescription: null, options: Object.values(d.entries ?? {}).map(String) };
  const n = numberOf(u);
  if (n) return plain(n, u, "number");
  if (d.type !== "record" || !d.valueType) return null;
  const value = unwrap(d.valueType);
  const vd = defOf(value);
  if (isYearKeyed(d.keyType)) return plain(numberOf(value), d.valueType, "schedule");
  if (vd.type === "record" && isYearKeyed(vd.keyType) && vd.valueType) return plain(numberOf(vd.valueType), vd.valueType, "by-id-schedule");
  return plain(numberOf(value), d.valueType, "by-id-number");
}

/** The lever fields of the given sections (section name -> object schema), in schema order; fields of other shapes are left out. */
export function leverFields(sections: Record<string, Schema>): LeverField[] {
  return Object.entries(sections).flatMap(([section, schema]) => {
    const shape = defOf(unwrap(schema)).shape ?? {};
    return Object.entries(shape).flatMap(([field, s]) => {
      const f = classifyField(section, field, s);
      return f ? [f] : [];
    });
  });
}

/** One value a planner can set: a field, the park or industry it belongs to, the year it holds from. */
export interface LeverControl {
  field: LeverField;
  /** path of the value in the scenario: section, field, then id and/or year */
  path: string[];
  /** the path joined with "." (the URL's and the page's key) */
  id: string;
  /** the park or industry id of a per-id lever */
  owner: string | null;
  /** the first year the value holds, for a schedule */
  year: string | null;
  /** the base scenario's value */
  base: number | string;
}

/** A value the walk could not turn into a control (a distribution: an uncertain parameter, not a policy setting). */
export interface SkippedValue {
  id: string;
  reason: "distribution" | "missing";
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The steps of a schedule within the horizon: the value holding in its first year (from the last key at or before it), then each later key up to its last year. */
export function horizonSteps(schedule: Record<string, unknown>, startYear: number, endYear: number): { year: string; value: unknown }[] {
  const years = Object.keys(schedule).map(Number).filter(Number.isInteger).sort((a, b) => a - b);
  const before = years.filter((y) => y <= startYear);
  const steps: { year: string; value: unknown }[] = [];
  if (before.length) steps.push({ year: String(startYear), value: schedule[String(before[before.length - 1])] });
  for (const y of years) if (y > startYear && y <= endYear) steps.push({ year: String(y), value: schedule[String(y)] });
  return steps;
}

/** The value a control reads in a scenario: for a schedule step, the value holding in its year (the last key at or before it). */
export function valueFor(control: LeverControl, scenario: Record<string, unknown>): unknown {
  const at = (path: readonly string[]) => path.reduce<unknown>((v, k) => (isPlainObject(v) ? v[k] : undefined), scenario);
  if (control.year === null) return at(control.path);
  const sched = at(control.path.slice(0, -1));
  if (!isPlainObject(sched)) return undefined;
  const year = Number(control.year);
  const keys = Object.keys(sched).map(Number).filter((y) => Number.isInteger(y) && y <= year);
  return keys.length ? sched[String(Math.max(...keys))] : undefined;
}

/** The horizon a base scenario simulates for the planner (its projection years). */
export interface Horizon {
  startYear: number;
  endYear: number;
}

/** The controls of a base scenario: one per number (or choice) that the lever fields hold in it, schedules from the horizon's start. */
export function leverControls(fields: readonly LeverField[], scenario: Record<string, unknown>, horizon: Horizon): { controls: LeverControl[]; skipped: SkippedValue[] } {
  const controls: LeverControl[] = [];
  const skipped: SkippedValue[] = [];
  const add = (field: LeverField, path: string[], value: unknown, owner: string | null, year: string | null) => {
    const id = path.join(".");
    if (typeof value === "number" || (field.shape === "choice" && typeof value === "string")) controls.push({ field, path, id, owner, year, base: value });
    else skipped.push({ id, reason: value === undefined ? "missing" : "distribution" });
  };
  const schedule = (field: LeverField, at: string[], sched: unknown, owner: string | null) => {
    if (isPlainObject(sched)) for (const step of horizonSteps(sched, horizon.startYear, horizon.endYear)) add(field, [...at, step.year], step.value, owner, step.year);
  };
  for (const f of fields) {
    const section = scenario[f.section];
    const value = isPlainObject(section) ? section[f.field] : undefined;
    const at = [f.section, f.field];
    switch (f.shape) {
      case "number":
      case "choice":
        add(f, at, value, null, null);
        break;
      case "schedule":
        schedule(f, at, value, null);
        break;
      case "by-id-number":
        if (isPlainObject(value)) for (const id of Object.keys(value)) add(f, [...at, id], value[id], id, null);
        break;
      case "by-id-schedule":
        if (isPlainObject(value)) for (const id of Object.keys(value)) schedule(f, [...at, id], value[id], id);
        break;
    }
  }
  return { controls, skipped };
}
