/**
 * The page's whole state (base file, lever values, runs, seed, language, whether to run) and its
 * form in the URL's fragment, so that a link reproduces the view:
 * `#base=baseline.json&runs=400&seed=1&lang=en&run=1&attraction.promotionTeams.2018=30`.
 * Every key that is not a setting is a lever path; the page ignores lever paths its base lacks.
 * No DOM.
 */
import { isLang, type Lang } from "../src/report/planner/lang.js";

/** The page's state. */
export interface PageState {
  base: string;
  runs: number;
  seed: number;
  lang: Lang;
  /** lever path ("attraction.promotionTeams.2018") -> the planner's value */
  levers: Record<string, number | string>;
  /** run as soon as the page has loaded (a shared link of results) */
  run: boolean;
}

/** Limits of the runs and seed settings (the CLI's: seed a uint32). */
export const LIMITS = { minRuns: 10, maxRuns: 5000, maxSeed: 4294967295 } as const;

const SETTINGS = new Set(["base", "runs", "seed", "lang", "run"]);
const NUMBER = /^-?\d+(\.\d+)?(e-?\d+)?$/i;
const LEVER_KEY = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9-]+)+$/;

/** Writes the state as a URL fragment (settings first, levers in path order). */
export function encodeState(s: PageState): string {
  const p = new URLSearchParams();
  p.set("base", s.base);
  p.set("runs", String(s.runs));
  p.set("seed", String(s.seed));
  p.set("lang", s.lang);
  if (s.run) p.set("run", "1");
  for (const key of Object.keys(s.levers).sort()) p.set(key, String(s.levers[key]));
  return `#${p.toString()}`;
}

/** Whole number in [min, max], or the fallback. */
function whole(text: string | null, min: number, max: number, fallback: number): number {
  if (text === null || !/^\d+$/.test(text)) return fallback;
  const n = Number(text);
  return n >= min && n <= max ? n : fallback;
}

/** Reads a URL fragment (or query) over the defaults; malformed settings keep their defaults, malformed lever keys are dropped. */
export function decodeState(fragment: string, defaults: PageState): PageState {
  const p = new URLSearchParams(fragment.replace(/^[#?]/, ""));
  const levers: Record<string, number | string> = {};
  for (const [key, value] of p) {
    if (SETTINGS.has(key) || !LEVER_KEY.test(key) || value === "") continue;
    levers[key] = NUMBER.test(value) ? Number(value) : value;
  }
  const lang = p.get("lang");
  const base = p.get("base");
  return {
    base: base && /^[\w.-]+\.json$/.test(base) ? base : defaults.base,
    runs: whole(p.get("runs"), LIMITS.minRuns, LIMITS.maxRuns, defaults.runs),
    seed: whole(p.get("seed"), 0, LIMITS.maxSeed, defaults.seed),
    lang: isLang(lang) ? lang : defaults.lang,
    levers: Object.keys(levers).length ? levers : p.has("base") ? {} : defaults.levers,
    run: p.get("run") === "1",
  };
}
