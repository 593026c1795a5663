/**
 * The planner's page measured in Chromium (reported, never gated): the time from pressing Run to
 * the first figures on screen (aim 1.5 s) and to the end of 400 paired runs of the baseline (base
 * and an unchanged overlay, 800 runs; aim 10 s on 2 cores), with the first charts, the workers
 * used and how busy they were. Each repetition loads the page afresh (its workers start when it
 * loads, as for a planner) and waits a second before pressing Run.
 *
 *   npm run bench:page -- [--reps N] [--runs N] [--json]
 *
 * The machine is shared: call the figures provisional and read the load average beside them.
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { buildPage, launchChromium, servePage } from "../test/web/browser.js";

const { values } = parseArgs({ options: { reps: { type: "string" }, runs: { type: "string" }, json: { type: "boolean" } } });
const reps = Number(values.reps ?? 3);
const runs = Number(values.runs ?? 400);

/** What the page records of one batch (web/main.ts, __clustersimTiming), ms since the page loaded. */
interface Timing {
  runAt: number;
  firstShardAt: number;
  firstResultsAt: number;
  firstChartsAt: number;
  endedAt: number;
  computeMs: number;
  workers: number;
  runs: number;
  rounds: number;
}

/** One repetition's figures. */
interface Rep {
  firstShardS: number;
  firstResultsS: number;
  firstChartsS: number;
  batchS: number;
  workers: number;
  /** compute time summed over shards / (workers x batch time): how busy the workers were */
  busy: number;
  computeMsPerRun: number;
  rounds: number;
  load1: [number, number];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await servePage(buildPage());
const browser = await launchChromium();
const results: Rep[] = [];
try {
  for (let i = 0; i < reps; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "en" });
    await page.goto(`${server.url}#base=baseline.json&runs=${runs}&seed=1&lang=en`);
    await page.waitForSelector("body[data-state=idle]");
    await page.waitForTimeout(1000);
    const load0 = loadavg()[0];
    await page.click("#run");
    await page.waitForSelector("body[data-state=done]", { timeout: 600_000 });
    await page.waitForFunction(`document.body.dataset.chartsRuns === "${runs}"`);
    const t = (await page.evaluate("globalThis.__clustersimTiming")) as Timing;
    const batchS = (t.endedAt - t.runAt) / 1000;
    results.push({
      firstShardS: (t.firstShardAt - t.runAt) / 1000,
      firstResultsS: (t.firstResultsAt - t.runAt) / 1000,
      firstChartsS: (t.firstChartsAt - t.runAt) / 1000,
      batchS,
      workers: t.workers,
      busy: t.computeMs / 1000 / (t.workers * batchS),
      computeMsPerRun: t.computeMs / (2 * t.runs),
      rounds: t.rounds,
      load1: [load0, loadavg()[0]],
    });
    process.stderr.write(`rep ${i + 1}/${reps}: first figures ${results.at(-1)!.firstResultsS.toFixed(2)} s, ${runs} paired runs ${batchS.toFixed(1)} s\n`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const summary = {
  case: "page-paired-baseline",
  kind: "page",
  runs,
  reps,
  chromium: browser.version(),
  cpus: cpus().length,
  aims: { firstResultsS: 1.5, batchS: 10 },
  median: { firstResultsS: median(results.map((r) => r.firstResultsS)), firstChartsS: median(results.map((r) => r.firstChartsS)), batchS: median(results.map((r) => r.batchS)), busy: median(results.map((r) => r.busy)), computeMsPerRun: median(results.map((r) => r.computeMsPerRun)) },
  reps_: results,
  note: "provisional: the machine's cores are shared with other work",
};
if (values.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
else {
  const f = (x: number, d = 2) => x.toFixed(d);
  const rows = results.map((r, i) => `| ${i + 1} | ${f(r.firstResultsS)} | ${f(r.firstChartsS)} | ${f(r.batchS, 1)} | ${r.workers} | ${(r.busy * 100).toFixed(0)}% | ${f(r.computeMsPerRun, 1)} | ${r.rounds} | ${f(r.load1[0])} / ${f(r.load1[1])} |`);
  process.stdout.write(`Planner page in Chromium ${summary.chromium}, ${cpus().length} cores, ${runs} paired runs of the baseline (provisional: shared machine)

| rep | first figures s (aim 1.5) | first charts s | ${runs} paired runs s (aim 10) | workers | workers busy | compute ms/run | rounds | load 1-min start / end |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join("\n")}
| median | ${f(summary.median.firstResultsS)} | ${f(summary.median.firstChartsS)} | ${f(summary.median.batchS, 1)} | | ${(summary.median.busy * 100).toFixed(0)}% | ${f(summary.median.computeMsPerRun, 1)} | | |
`);
}
