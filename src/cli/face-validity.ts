/** `clustersim face-validity <no-plan.json> <baseline.json> [lever.json ...] [--runs N] [--seed S] [--json]`: the model's face-validity tables. */
import { faceValidity, type Estimate, type FaceValidity } from "../analysis/face-validity.js";
import { fmt, formatTable } from "../report/table.js";
import { loadScenario } from "../scenario/index.js";
import { EXIT, UsageError, intOption, parseCommandArgs, type Command } from "./command.js";

const usage = `Usage: clustersim face-validity <no-plan.json> <baseline.json> [lever.json ...] [--runs N] [--seed S] [--json]

Runs no-plan, the baseline and each lever scenario on N paired seeds (common random numbers) and
prints the paired sign of every lever on district output by year (the baseline against no-plan,
each lever against the baseline), the baseline's growth decomposition, utilisation and wage
paths, idle capacity, land queues, national-market shares, value added against GDP, 亩均 revenue
and the spending checks of the data rows.

Options:
  --runs N    paired seeds (default 100)
  --seed S    base seed (default 1)
  --json      one JSON document
`;

const est = (e: Estimate, digits = 2) => `${fmt(e.mean, digits)} (${fmt(e.low, digits)} .. ${fmt(e.high, digits)})`;
const row = (xs: number[], digits: number) => xs.map((x) => fmt(x, digits));

/** The report as terminal tables. */
export function formatFaceValidity(f: FaceValidity): string {
  const years = f.years.map(String);
  const leverYears = f.levers[0]?.byYear.map((y) => String(y.year)) ?? [];
  const parts = [
    `Face validity over ${f.runs} paired seeds (means; 95% intervals in brackets)`,
    "",
    "Paired change of district output, 亿元/yr (share of pairs falling by more than 1%)",
    formatTable(["lever", "against", ...leverYears], f.levers.map((l) => [l.name, l.against, ...l.byYear.map((y) => `${fmt(y.change.mean, 1)} [${fmt(y.change.low, 1)}, ${fmt(y.change.high, 1)}] ${fmt(100 * y.fallShare, 0)}%`)])),
    "Baseline growth decomposition, 亿元/yr (change of the year's mean output)",
    formatTable(["flow", ...years], f.decomposition.map((d) => [d.flow, ...row(d.byYear, 1)])),
    "Baseline utilisation by industry, wage against the metropolitan wage, idle capacity",
    formatTable(["path", ...years], [
      ...f.utilisation.map((u) => [`utilisation ${u.industry}`, ...row(u.byYear, 3)]),
      ["w / w_C", ...row(f.wageRatio, 3)],
      ["idle capacity (1 - output / potential)", ...row(f.idleCapacity, 3)],
    ]),
    "Baseline land queue, 亩 waiting",
    formatTable(["park", ...years], f.landQueue.map((q) => [q.park, ...row(q.byYear, 0)])),
    `National-market shares (flag above ${fmt(f.nationalShareFlag, 3)})`,
    formatTable(["industry", "largest yearly share", "runs flagged"], f.nationalShare.map((n) => [n.industry, fmt(n.max, 4), String(n.flaggedRuns)])),
    "Checks against the data rows",
    formatTable(["check", "model", "data"], [
      ...(f.valueAddedToGdp ? [[`value added ${f.years[0]} / GDP (${fmt(f.gdpReference ?? 0, 1)} 亿元)`, est(f.valueAddedToGdp, 3), "a share of gdp-2016, well below 1"]] : []),
      ...f.revenuePerMu.map((m) => [`亩均 revenue ${f.revenuePerMuYear} ${m.park}, 万元/亩`, est(m.value, 0), "mu-output-b 670 to mu-output-a 1,500 at full capacity"]),
      ["spent / signed in the projection's first half-year", est(f.realisedRatio, 3), "realised-ratio: about 0.22"],
      ["spent in the first year / commitments outstanding", est(f.spendRate, 3), "spend-rate: about 0.2"],
    ], ["l", "r", "l"]),
  ];
  return parts.join("\n");
}

/** The `face-validity` command. */
export const faceValidityCommand: Command = {
  name: "face-validity",
  summary: "face-validity checks of the model: lever signs, paths, data rows",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { runs: { type: "string" }, seed: { type: "string" }, json: { type: "boolean" } });
    if (positionals.length < 2) throw new UsageError(`expected at least two scenarios (no-plan, baseline), got ${positionals.length}`);
    const runs = intOption("runs", values.runs, 100, 2);
    const seed = intOption("seed", values.seed, 1);
    const [noPlan, baseline, ...levers] = await Promise.all(positionals.map((f) => loadScenario(f)));
    const report = faceValidity(noPlan.scenario, baseline.scenario, levers.map((l) => l.scenario), runs, seed);
    io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatFaceValidity(report)}\n`);
    return EXIT.ok;
  },
};
