/**
 * Screenshots of the planner's page for the docs (docs/img/): builds the page, serves it on
 * 127.0.0.1, opens it in Chromium at 1280x800 and at 390x844 (a phone) with two levers moved,
 * runs the paired batch to the end and saves the first screen of each. `npm run screenshots`
 * takes them all; `npm run screenshots -- planner-page-1280-cost.png ...` only the ones named.
 */
import { join } from "node:path";
import { ROOT, buildPage, launchChromium, servePage } from "../../test/web/browser.js";

/** The view the screenshots show: the baseline with more promotion teams and a bigger incentive budget. */
const VIEW = "#base=baseline.json&runs=400&seed=1&run=1&attraction.promotionTeams.2018=30&attraction.incentiveBudget.2018=15";

const shots = [
  { file: "planner-page-1280.png", width: 1280, height: 800, lang: "zh-CN", scrollTo: null },
  { file: "planner-page-1280-en.png", width: 1280, height: 800, lang: "en", scrollTo: null },
  { file: "planner-page-phone.png", width: 390, height: 844, lang: "zh-CN", scrollTo: null },
  { file: "planner-page-phone-results.png", width: 390, height: 844, lang: "zh-CN", scrollTo: "#results" },
  { file: "planner-page-1280-charts.png", width: 1280, height: 800, lang: "zh-CN", scrollTo: "#s-fans" },
  { file: "planner-page-1280-cost.png", width: 1280, height: 800, lang: "en", scrollTo: "#s-cost" },
  { file: "planner-page-phone-cost.png", width: 390, height: 844, lang: "zh-CN", scrollTo: "#s-cost" },
] as const;

const server = await servePage(buildPage());
const browser = await launchChromium();
try {
  const only = process.argv.slice(2);
  for (const s of shots.filter((x) => only.length === 0 || only.includes(x.file))) {
    const page = await browser.newPage({ viewport: { width: s.width, height: s.height }, locale: s.lang, deviceScaleFactor: 1 });
    page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
    await page.goto(`${server.url}${VIEW}&lang=${s.lang}`);
    await page.waitForSelector("body[data-state=done]", { timeout: 300_000 });
    await page.waitForFunction(() => (globalThis as unknown as { document: { body: { dataset: Record<string, string> } } }).document.body.dataset.chartsRuns === "400");
    if (s.scrollTo) await page.locator(s.scrollTo).evaluate((el) => (el as unknown as { scrollIntoView(): void }).scrollIntoView());
    const path = join(ROOT, "docs", "img", s.file);
    await page.screenshot({ path });
    console.log(path);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
