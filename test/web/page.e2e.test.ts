/**
 * The planner's page end to end in real Chromium (playwright-core on Debian's chromium): load,
 * move a lever, run in Web Workers (counted), cancel mid-run, run again, download runs.csv and
 * scenario.json and check runs.csv byte for byte against `clustersim compare` on the saved
 * overlay, see the results in the planner's order (fans and differences per park, the cost with
 * commitments and net of tax) and the print summary on one A4 page, drop a malformed file and see its problems,
 * drop the saved overlay back, switch the language, open the page's link in a second tab and get
 * the same view, move a slider with the network cut and see it run again; every request stays on
 * 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { StaticServer } from "../../src/batch/node/http-static.js";
import { HAS_CHROMIUM, ROOT, buildPage, launchChromium, servePage } from "./browser.js";

const RUNS = 100;
const SEED = 1;

describe.skipIf(!HAS_CHROMIUM)("the planner's page in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const workers: { url: string; closed: boolean }[] = [];
  const errors: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), "clustersim-e2e-"));

  beforeAll(async () => {
    server = await servePage(buildPage());
    browser = await launchChromium();
    context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    context.on("request", (r) => void requests.push(r.url()));
    page = await context.newPage();
    page.on("pageerror", (e) => void errors.push(e.message));
    page.on("worker", (w) => {
      const entry = { url: w.url(), closed: false };
      workers.push(entry);
      w.on("close", () => void (entry.closed = true));
    });
    await page.goto(server.url);
    await page.waitForSelector("body[data-state=idle]");
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens in Chinese when the browser prefers it, with the baseline as base", async () => {
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await page.textContent("#l-base")).toBe("基准情景");
    expect(await page.inputValue("#base")).toBe("baseline.json");
    expect(await page.locator(".lever[data-key='attraction.promotionTeams'] .lever-name").textContent()).toBe("招商引资队伍");
  });

  it("moves a lever: the slider, the number box, the URL and the scenario file follow", async () => {
    const slider = page.locator("input[type=range][data-id='attraction.promotionTeams.2018']");
    await slider.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
    const row = page.locator(".lever-row[data-id='attraction.promotionTeams.2018']");
    expect(await row.locator("input[type=number]").inputValue()).toBe("30");
    expect(await row.getAttribute("class")).toContain("changed");
    expect(new URL(page.url()).hash).toContain("attraction.promotionTeams.2018=30");
    expect(await page.locator("#changes li").first().textContent()).toContain("20 → 30");
  });

  it("runs in Web Workers, shows first figures while running, and cancels mid-run", async () => {
    const before = workers.length;
    const cores = Number(await page.evaluate("navigator.hardwareConcurrency"));
    await page.selectOption("#runs", "2000");
    await page.click("#run");
    await page.waitForSelector("body[data-state=running]");
    await page.waitForSelector("body[data-runs]");
    // started when the page loaded, so that Run does not wait for them; all alive while the batch runs
    expect(before).toBeGreaterThanOrEqual(cores);
    expect(workers.filter((w) => !w.closed).length).toBeGreaterThanOrEqual(cores);
    expect(Number(await page.getAttribute("body", "data-runs"))).toBeLessThan(2000);
    await page.click("#cancel");
    await page.waitForSelector("body[data-state=cancelled]");
    // the batch's workers are terminated; fresh ones wait for the next run
    await expect.poll(() => workers.filter((w) => w.closed).length).toBeGreaterThanOrEqual(cores);
    await expect.poll(() => workers.length).toBeGreaterThanOrEqual(before + cores);
    const status = await page.textContent("#status");
    const shown = await page.getAttribute("body", "data-runs");
    await page.waitForTimeout(1000);
    expect(await page.textContent("#status")).toBe(status);
    expect(await page.getAttribute("body", "data-runs")).toBe(shown);
    expect(await page.getAttribute("#dl-runs", "aria-disabled")).toBe("true");
    expect(await page.textContent("#message")).toContain("已取消");
  }, 120_000);

  it("runs again to the end; runs.csv is byte-identical to clustersim compare on the saved overlay", async () => {
    await page.selectOption("#runs", String(RUNS));
    await page.click("#run");
    await page.waitForSelector("body[data-state=done]", { timeout: 240_000 });
    expect(await page.getAttribute("body", "data-runs")).toBe(String(RUNS));
    const save = async (selector: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      return file;
    };
    const runsCsv = await save("#dl-runs");
    const scenarioJson = await save("#dl-scenario");
    expect(runsCsv.endsWith("runs.csv") && scenarioJson.endsWith("scenario.json")).toBe(true);
    const overlay = JSON.parse(readFileSync(scenarioJson, "utf8"));
    expect(overlay).toMatchObject({ extends: "./baseline.json", name: "baseline-planner", attraction: { promotionTeams: { "2018": 30 } } });
    const scenarios = join(dir, "scenarios");
    cpSync(join(ROOT, "scenarios"), scenarios, { recursive: true });
    writeFileSync(join(scenarios, "planner.json"), readFileSync(scenarioJson));
    const cli = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src", "cli.ts"), "compare", join(scenarios, "baseline.json"), join(scenarios, "planner.json"), "--runs", String(RUNS), "--seed", String(SEED), "--workers", "0", "--out", join(dir, "cli"), "--quiet"], { cwd: ROOT, encoding: "utf8" });
    expect(cli.status, cli.stderr).toBe(0);
    const fromPage = readFileSync(runsCsv);
    const fromCli = readFileSync(join(dir, "cli", "runs.csv"));
    expect(fromPage.length).toBeGreaterThan(10_000);
    expect(fromPage.equals(fromCli)).toBe(true);
  }, 300_000);

  it("shows the results in the planner's order, a chart per park, the cost with commitments and net of tax", async () => {
    const order = await page.evaluate("[...document.querySelectorAll('.results section')].map((s) => s.id)");
    expect(order).toEqual(expect.arrayContaining(["s-verdict", "s-probabilities", "s-fans", "s-differences", "s-cost"]));
    const ids = order as string[];
    expect(ids.indexOf("s-verdict")).toBeLessThan(ids.indexOf("s-probabilities"));
    expect(ids.indexOf("s-probabilities")).toBeLessThan(ids.indexOf("s-fans"));
    expect(ids.indexOf("s-differences")).toBeLessThan(ids.indexOf("s-cost"));
    expect(ids.indexOf("s-cost")).toBeLessThan(ids.indexOf("s-about"));
    const parks = Number(await page.evaluate("document.querySelectorAll('#fans svg').length"));
    expect(parks).toBeGreaterThanOrEqual(2);
    expect(Number(await page.evaluate("document.querySelectorAll('#differences svg').length"))).toBe(parks);
    const costRows = await page.locator(".pc-cost tbody th").allTextContents();
    expect(costRows).toEqual(["杠杆支出（2018–2022年）", "+ 2022年后仍需兑付的激励", "= 含承诺的成本", "− 地方税收（2018–2022年）", "= 净财政成本"]);
    // print: a one-page summary without the charts, the controls and the about section
    await page.emulateMedia({ media: "print" });
    try {
      for (const hidden of ["#s-fans", "#s-differences", "#s-about", ".side"]) expect(await page.isVisible(hidden), hidden).toBe(false);
      for (const shown of ["#print-head", "#s-verdict", "#s-probabilities", "#s-cost", "#s-changes"]) expect(await page.isVisible(shown), shown).toBe(true);
      // and it is one A4 page (the print style sheet's page size)
      const pdf = await page.pdf({ preferCSSPageSize: true });
      expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    } finally {
      await page.emulateMedia({ media: null });
    }
  });

  it("shows the problems of a malformed dropped file with their JSON paths", async () => {
    const bad = JSON.stringify({ extends: "./baseline.json", name: "bad", attraction: { promotionTeams: { "2018": -5 } }, factors: { guidanceFund: "lots" } });
    // a real drop: a DataTransfer holding the file, dispatched on the drop zone (the project's typecheck has no DOM, hence the string)
    const data = await page.evaluateHandle(`(() => { const dt = new DataTransfer(); dt.items.add(new File([${JSON.stringify(bad)}], "bad.json", { type: "application/json" })); return dt; })()`);
    await page.dispatchEvent("#drop", "drop", { dataTransfer: data });
    await page.waitForSelector("body[data-drop=invalid]");
    const shown = await page.textContent("#drop-result");
    expect(shown).toContain("bad.json");
    expect(shown).toContain('$.attraction.promotionTeams["2018"]');
    expect(shown).toContain("$.factors.guidanceFund");
  });

  it("takes its own scenario.json back: base and sliders as saved", async () => {
    await page.click("#reset-all");
    expect(await page.locator(".lever-row.changed").count()).toBe(0);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("#choose")]);
    await chooser.setFiles(join(dir, "scenario.json"));
    await page.waitForSelector("body[data-drop=levers]");
    expect(await page.locator(".lever-row[data-id='attraction.promotionTeams.2018'] input[type=number]").inputValue()).toBe("30");
    expect(await page.locator(".lever-row.changed").count()).toBe(1);
    // a change after a run runs again
    await page.waitForSelector("body[data-state=running]");
    await page.waitForSelector("body[data-state=done]", { timeout: 240_000 });
  }, 300_000);

  it("switches to English and back without running again", async () => {
    const runs = await page.getAttribute("body", "data-runs");
    await page.click("#lang-switch button[data-lang=en]");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.textContent("#h-verdict")).toBe("Verdict");
    expect(await page.locator(".lever[data-key='attraction.promotionTeams'] .lever-name").textContent()).toBe("Investment-promotion teams");
    expect(await page.textContent(".verdict[data-family=attraction]")).toMatch(/chance/);
    expect(new URL(page.url()).hash).toContain("lang=en");
    expect(await page.getAttribute("body", "data-runs")).toBe(runs);
    expect(await page.getAttribute("body", "data-state")).toBe("done");
  });

  it("reproduces the view from its link in another tab", async () => {
    const link = page.url();
    expect(new URL(link).hash).toContain("run=1");
    const other = await context.newPage();
    try {
      other.on("pageerror", (e) => void errors.push(e.message));
      await other.goto(link);
      await other.waitForSelector("body[data-state=done]", { timeout: 240_000 });
      expect(await other.getAttribute("html", "lang")).toBe("en");
      expect(await other.inputValue("#base")).toBe(await page.inputValue("#base"));
      expect(await other.locator(".lever-row[data-id='attraction.promotionTeams.2018'] input[type=number]").inputValue()).toBe("30");
      expect(await other.getAttribute("body", "data-runs")).toBe(await page.getAttribute("body", "data-runs"));
      expect(await other.textContent("#verdict")).toBe(await page.textContent("#verdict"));
      expect(await other.textContent("#bars")).toBe(await page.textContent("#bars"));
    } finally {
      await other.close();
    }
  }, 300_000);

  it("runs again when a slider moves, with the network cut after loading", async () => {
    await context.setOffline(true);
    try {
      const slider = page.locator("input[type=range][data-id='attraction.promotionTeams.2018']");
      await slider.focus();
      await page.keyboard.press("ArrowRight");
      expect(new URL(page.url()).hash).toContain("attraction.promotionTeams.2018=31");
      await page.waitForSelector("body[data-state=running]");
      await page.waitForSelector("body[data-state=done]", { timeout: 240_000 });
      expect(await page.getAttribute("body", "data-runs")).toBe(String(RUNS));
      expect(await page.locator(".pb-row").count()).toBeGreaterThan(5);
    } finally {
      await context.setOffline(false);
    }
  }, 300_000);

  it("made no request beyond 127.0.0.1 and threw no error", () => {
    const origin = new URL(server.url).origin;
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith("blob:") && !u.startsWith("data:"))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
