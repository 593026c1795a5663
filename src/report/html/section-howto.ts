/** The "how to read this" box: what the runs, bands, intervals and differences mean, in plain words. */
import { fmtNumber } from "./format.js";

/** The how-to-read section for a report over `runs` runs per scenario (with the paired-comparison point when `comparison`). */
export function howToSection(runs: number, comparison: boolean): string {
  const pair = comparison
    ? `<li><strong>Differences</strong> are alternative minus baseline, run by run on the same seeds. When a difference's 95% interval does not include zero, the change is larger than the simulation's own noise.</li>`
    : "";
  return `<section class="howto">
<h2 style="border:0;margin-top:8px;padding-top:0">How to read this</h2>
<ul>
<li><strong>Runs.</strong> Each scenario was simulated ${fmtNumber(runs, 0)} times. Each run draws the model's uncertain parameters (such as market growth and how strongly firms cluster) from their ranges and has its own chance events, so the spread across runs is what the model does not know.</li>
<li><strong>Bands in the output charts.</strong> The dark line is the median run. The light band holds the middle 90% of runs (5th to 95th percentile, p5–p95): in 1 run in 20 output was below it, in 1 in 20 above it. The darker band holds the middle 50% (p25–p75).</li>
<li><strong>Probabilities</strong> are the share of runs in which a target was met. Their 95% intervals (the whiskers) show <em>Monte Carlo error only</em>: how far the estimate could move with more runs. They are not the uncertainty about the future, which the runs themselves already sample.</li>
${pair}
<li><strong>The plan's targets are what is tested, not tuned.</strong> The model was calibrated on 2016–2018 figures only and never adjusted to reach the 2020 or 2022 targets; a low probability is a finding, not a failure of the model.</li>
</ul>
</section>`;
}
