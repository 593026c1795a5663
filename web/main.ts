/**
 * The planner's page (entry of dist/web/app.js): loads the shipped scenarios and the worker code
 * once, shows the levers of the chosen base, runs the paired batch in Web Workers on Run (and
 * again when a lever, the base, runs or seed change after a first run), and shows the results in
 * the planner's order. Its whole state lives in the URL fragment.
 */
import { BUILD_ID } from "../src/batch/build-id.js";
import { aboutNumbers, planTerms } from "../src/report/planner/about.js";
import { esc, preferredLang } from "../src/report/planner/lang.js";
import { PLANNER_CSS } from "../src/report/planner/styles.js";
import { describeChange } from "./levers/overlay.js";
import { words } from "./i18n.js";
import { ScenarioFiles } from "./scenarios.js";
import { decodeState, encodeState, type PageState } from "./state.js";
import { interpretDrop } from "./app/drop.js";
import { baseView, pairedPlan, plannerView, unknownLevers, type BaseView, type PlannerView } from "./app/page-state.js";
import { RunControl } from "./app/run-control.js";
import { loadWorkerCode } from "./run/web-workers.js";
import type { LiveResults } from "./run/results.js";
import { byId, h } from "./view/dom.js";
import { leversPanel } from "./view/levers-panel.js";
import { failuresLine, renderCharts, textSections } from "./view/results-view.js";

const DEFAULTS: PageState = { base: "baseline.json", runs: 400, seed: 1, lang: preferredLang(navigator.languages ?? [navigator.language]), levers: {}, run: false };

let state = decodeState(location.hash, DEFAULTS);
let files: ScenarioFiles;
let base: BaseView;
let mine: PlannerView;
let control: RunControl;
let results: LiveResults | null = null;
let hasRun = false;
let chartGeneration = 0;
let scenarioUrl = "";
let runsUrl = "";
let notice = "";

const w = () => words(state.lang);

/** Timings of the latest batch, read by bench/page.ts: ms since page load when Run was pressed, first figures shown, batch ended; compute ms summed over shards. */
const timing = { runAt: 0, firstShardAt: 0, firstResultsAt: 0, firstChartsAt: 0, endedAt: 0, computeMs: 0, workers: 0, runs: 0, rounds: 0 };
(globalThis as { __clustersimTiming?: typeof timing }).__clustersimTiming = timing;

/** Writes the state into the address (no history entry per slider move). */
function saveState(): void {
  history.replaceState(null, "", encodeState(state));
}

/** Sets the page's fixed texts in the current language. */
function applyTexts(): void {
  const t = w();
  document.documentElement.lang = state.lang;
  document.title = t.title;
  const set = (id: string, text: string) => void (byId(id).textContent = text);
  set("title", t.title);
  set("subtitle", t.subtitle);
  set("l-base", t.base);
  set("l-runs", t.runs);
  set("l-seed", t.seed);
  set("run", t.run);
  set("cancel", t.cancel);
  set("h-levers", t.levers);
  set("reset-all", t.resetAll);
  set("levers-note", t.leversNote);
  set("drop-text", t.drop);
  set("choose", t.choose);
  set("h-verdict", t.verdict);
  set("h-probabilities", t.probabilities);
  set("n-probabilities", t.probabilitiesNote);
  set("h-fans", t.fans);
  set("n-fans", t.fansNote);
  set("h-differences", t.differences);
  set("n-differences", t.differencesNote);
  set("h-cost", t.cost);
  set("h-changes", t.changes);
  set("h-downloads", t.downloads);
  set("dl-scenario", t.downloadScenario);
  set("print", t.print);
  set("cli-line", t.cliLine);
  set("link-note", t.linkNote);
  set("h-about", t.about);
  byId("terms").innerHTML = planTerms(state.lang);
  for (const b of document.querySelectorAll<HTMLButtonElement>("#lang-switch button")) b.setAttribute("aria-pressed", String(b.dataset.lang === state.lang));
}

/** Fills the base picker and the run settings from the state. */
function renderSettings(): void {
  const select = byId<HTMLSelectElement>("base");
  select.replaceChildren(...files.options.map((o) => h("option", { value: o.file, selected: o.file === base.file }, `${o.name}${o.dropped ? ` ${w().baseOwn}` : ""} · ${o.file}`)));
  byId("base-description").textContent = base.loaded.scenario.description ?? "";
  const runs = byId<HTMLSelectElement>("runs");
  if (![...runs.options].some((o) => o.value === String(state.runs))) runs.append(h("option", {}, String(state.runs)));
  runs.value = String(state.runs);
  byId<HTMLInputElement>("seed").value = String(state.seed);
}

/** Rebuilds the lever panel (keeping which groups are open). */
function renderLevers(): void {
  const holder = byId("levers");
  const open = new Map([...holder.querySelectorAll<HTMLDetailsElement>("details")].map((d) => [d.dataset.group, d.open]));
  const wide = window.matchMedia("(min-width: 900px)").matches;
  holder.replaceChildren(leversPanel(base.controls, state.levers, base.loaded.scenario, state.lang, onLever, wide));
  if (open.size) for (const d of holder.querySelectorAll<HTMLDetailsElement>("details")) if (open.has(d.dataset.group)) d.open = open.get(d.dataset.group)!;
}

/** Updates what depends on the planner's scenario: the changes list, the scenario download, the CLI line, the print header. */
function renderScenario(): void {
  const t = w();
  const list = byId("changes");
  list.replaceChildren(...(mine.changes.length ? mine.changes.map((c) => h("li", {}, describeChange(c, state.lang, base.loaded.scenario))) : [h("li", { class: "muted" }, t.noChanges)]));
  if (scenarioUrl) URL.revokeObjectURL(scenarioUrl);
  scenarioUrl = URL.createObjectURL(new Blob([mine.overlay], { type: "application/json" }));
  byId<HTMLAnchorElement>("dl-scenario").href = scenarioUrl;
  byId("cli").textContent = `clustersim compare scenarios/${base.file} scenarios/scenario.json --runs ${state.runs} --seed ${state.seed}`;
  const printed = results ? t.printedAt(results.runs, state.seed) : "";
  byId("print-head").innerHTML = `<h1>${esc(t.title)}</h1><p>${esc(t.base)}: <b>${esc(base.loaded.scenario.name)}</b> (${esc(base.file)}) · ${esc(printed)}</p>`;
  const about = byId("about");
  about.innerHTML = aboutNumbers({ runs: results?.runs ?? state.runs, seed: state.seed, startYear: base.loaded.scenario.horizon.startYear, endYear: base.loaded.scenario.horizon.endYear, baseName: base.loaded.scenario.name }, state.lang);
}

/** Shows the download of runs.csv when the finished batch gave it. */
function renderRunsDownload(): void {
  const a = byId<HTMLAnchorElement>("dl-runs");
  if (results?.runsCsv) {
    if (runsUrl) URL.revokeObjectURL(runsUrl);
    runsUrl = URL.createObjectURL(new Blob([results.runsCsv], { type: "text/csv" }));
    a.href = runsUrl;
    a.removeAttribute("aria-disabled");
    a.textContent = w().downloadRuns;
  } else {
    a.removeAttribute("href");
    a.setAttribute("aria-disabled", "true");
    a.textContent = w().runsPending;
  }
}

/** When the charts were last drawn (ms); while runs arrive they are redrawn at most every CHART_EVERY_MS (the main thread shares the cores with the workers). */
let chartsDrawnAt = -Infinity;
/** The runs of the latest results whose charts are drawn or being drawn. */
let chartsFor = 0;
const CHART_EVERY_MS = 1500;

/** Shows a batch's figures: text at once, charts too unless `charts` is "throttled" and they were drawn a moment ago. */
function renderResults(charts: "now" | "throttled" = "now"): void {
  document.body.dataset.hasResults = results ? "1" : "0";
  if (!results) return;
  const ctx = { base: base.loaded.scenario, scenario: mine.loaded.scenario, changed: mine.changes.length > 0, lang: state.lang };
  const s = textSections(results, ctx);
  byId("verdict").innerHTML = s.verdict + (failuresLine(results, state.lang) ? `<p class="warning">${esc(failuresLine(results, state.lang))}</p>` : "");
  byId("bars").innerHTML = s.bars;
  byId("cost").innerHTML = s.cost;
  document.body.dataset.runs = String(results.runs);
  if (charts === "throttled" && performance.now() - chartsDrawnAt < CHART_EVERY_MS) return;
  chartsDrawnAt = performance.now();
  chartsFor = results.runs;
  const generation = ++chartGeneration;
  const r = results;
  void renderCharts(r, ctx, byId("fans"), byId("differences"), () => generation !== chartGeneration).then(() => {
    if (generation !== chartGeneration) return;
    document.body.dataset.chartsRuns = String(r.runs);
    if (timing.firstChartsAt === 0 && timing.runAt > 0) timing.firstChartsAt = performance.now();
  });
}

/** The status line. */
function status(text: string): void {
  byId("status").textContent = text;
}

let restartTimer: number | undefined;

/** Starts the paired batch of the current state. */
function start(): void {
  window.clearTimeout(restartTimer);
  hasRun = true;
  state.run = true;
  saveState();
  results = null;
  renderRunsDownload();
  byId("message").textContent = "";
  Object.assign(timing, { runAt: performance.now(), firstShardAt: 0, firstResultsAt: 0, firstChartsAt: 0, endedAt: 0, computeMs: 0, workers: 0, runs: 0, rounds: 0 });
  control.start(pairedPlan(base, mine, state));
}

/** Restarts soon after a change, when a batch has run before (moving a lever again restarts). */
function changed(): void {
  saveState();
  if (!hasRun) return;
  window.clearTimeout(restartTimer);
  restartTimer = window.setTimeout(start, 250);
}

/** A lever moved (value null: back to the base). */
function onLever(id: string, value: number | string | null, final: boolean): void {
  if (value === null) delete state.levers[id];
  else state.levers[id] = value;
  mine = plannerView(files, base, state);
  renderScenario();
  if (final) changed();
  else saveState();
}

/** Switches to another base, keeping the lever values that still apply. */
function setBase(file: string): void {
  base = baseView(files, file);
  state.base = file;
  const unknown = unknownLevers(base, state);
  for (const id of unknown) delete state.levers[id];
  mine = plannerView(files, base, state);
  renderSettings();
  renderLevers();
  renderScenario();
  return void unknown;
}

/** Handles a dropped or chosen file. */
async function onFile(file: File): Promise<void> {
  const t = w();
  const out = byId("drop-result");
  const action = interpretDrop(files, file.name, await file.text());
  if (action.kind === "invalid") {
    out.replaceChildren(h("p", { class: "problem-head" }, t.dropInvalid(action.file, action.problems.length)), h("ul", { class: "problems" }, ...action.problems.map((p) => h("li", {}, h("code", { class: "path" }, p.jsonPath), " ", p.line !== undefined ? h("span", { class: "muted" }, `${p.file}:${p.line}:${p.column ?? 1} `) : null, p.message))));
    document.body.dataset.drop = "invalid";
    return;
  }
  if (action.kind === "levers") {
    state.levers = action.levers;
    setBase(action.base);
    out.replaceChildren(h("p", {}, t.dropLoaded(action.file, action.base)));
  } else {
    state.levers = {};
    setBase(action.key);
    out.replaceChildren(h("p", {}, t.dropAsBase(action.file)), action.outside.length ? h("p", { class: "muted small" }, t.dropIgnored(action.outside.slice(0, 8).join(", "))) : "");
  }
  document.body.dataset.drop = action.kind;
  changed();
}

/** Wires the page's controls. */
function wire(): void {
  byId("run").addEventListener("click", start);
  byId("cancel").addEventListener("click", () => control.stop());
  byId("print").addEventListener("click", () => window.print());
  byId<HTMLSelectElement>("base").addEventListener("change", (e) => {
    setBase((e.target as HTMLSelectElement).value);
    results = null;
    renderResults();
    changed();
  });
  byId<HTMLSelectElement>("runs").addEventListener("change", (e) => {
    state.runs = Number((e.target as HTMLSelectElement).value);
    renderScenario();
    changed();
  });
  byId<HTMLInputElement>("seed").addEventListener("change", (e) => {
    const v = Number((e.target as HTMLInputElement).value);
    if (Number.isInteger(v) && v >= 0 && v <= 4294967295) state.seed = v;
    byId<HTMLInputElement>("seed").value = String(state.seed);
    renderScenario();
    changed();
  });
  byId("reset-all").addEventListener("click", () => {
    state.levers = {};
    mine = plannerView(files, base, state);
    renderLevers();
    renderScenario();
    changed();
  });
  for (const b of document.querySelectorAll<HTMLButtonElement>("#lang-switch button"))
    b.addEventListener("click", () => {
      state.lang = b.dataset.lang === "en" ? "en" : "zh-CN";
      saveState();
      applyTexts();
      renderSettings();
      renderLevers();
      renderScenario();
      renderRunsDownload();
      renderResults();
    });
  byId<HTMLInputElement>("file").addEventListener("change", (e) => {
    const f = (e.target as HTMLInputElement).files?.[0];
    if (f) void onFile(f);
  });
  const drop = byId("drop");
  document.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("dragging");
  });
  document.addEventListener("dragleave", (e) => {
    if (e.relatedTarget === null) drop.classList.remove("dragging");
  });
  document.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("dragging");
    const f = e.dataTransfer?.files?.[0];
    if (f) void onFile(f);
  });
}

/** The run control's listener: progress, results, end. */
function listener() {
  return {
    started: (n: number) => {
      timing.workers = n;
      document.body.dataset.state = "running";
      byId<HTMLButtonElement>("cancel").disabled = false;
      byId<HTMLProgressElement>("progress").value = 0;
      status(w().starting(n));
    },
    progress: (done: number, total: number) => {
      byId<HTMLProgressElement>("progress").value = done / total;
      status(w().progress(done, total));
    },
    shard: (ms: number) => {
      timing.computeMs += ms;
      if (timing.firstShardAt === 0) timing.firstShardAt = performance.now();
    },
    results: (r: LiveResults) => {
      results = r;
      renderResults(r.runsCsv === null ? "throttled" : "now");
      if (timing.rounds++ === 0) timing.firstResultsAt = performance.now();
      timing.runs = r.runs;
      renderScenario();
      renderRunsDownload();
      if (!r.runsCsv) byId("message").textContent = w().shown(r.runs, state.runs);
    },
    ended: (outcome: "done" | "cancelled" | "failed", seconds: number, message?: string) => {
      timing.endedAt = performance.now();
      if (results && chartsFor !== results.runs) renderResults();
      document.body.dataset.state = outcome;
      byId<HTMLButtonElement>("cancel").disabled = true;
      const t = w();
      if (outcome === "done") byId("message").textContent = t.done(results?.runs ?? 0, seconds.toFixed(1));
      if (outcome === "cancelled") byId("message").textContent = results ? t.cancelled(results.runs, state.runs) : "";
      if (outcome === "failed") byId("message").textContent = t.failed(message ?? "");
      status(outcome === "done" ? t.progress(2 * state.runs, 2 * state.runs) : "");
    },
  };
}

/** Loads everything, then shows the page (and runs when the link asked for it). */
async function boot(): Promise<void> {
  applyTexts();
  const here = new URL(".", location.href);
  try {
    const [loadedFiles, workerCode] = await Promise.all([ScenarioFiles.load(here), loadWorkerCode(new URL(`worker.js?v=${BUILD_ID}`, import.meta.url))]);
    files = loadedFiles;
    control = new RunControl(workerCode, listener(), () => base?.loaded.scenario);
  } catch (err) {
    byId("message").textContent = w().loadError(err instanceof Error ? err.message : String(err));
    document.body.dataset.state = "failed";
    return;
  }
  if (!files.options.some((o) => o.file === state.base)) state.base = DEFAULTS.base;
  const unknown = Object.keys(state.levers);
  setBase(state.base);
  const dropped = unknown.filter((id) => !Object.hasOwn(state.levers, id));
  notice = dropped.length ? w().unknownLevers(dropped.join(", ")) : "";
  control.prepare();
  wire();
  renderRunsDownload();
  renderResults();
  byId("message").textContent = notice || w().idle;
  document.body.dataset.state = "idle";
  if (state.run) start();
  else saveState();
}

const style = document.createElement("style");
style.textContent = PLANNER_CSS;
document.head.append(style);
void boot();
