/** `clustersim face-validity <no-plan.json> <baseline.json> [--runs N] [--seed S] [--json]`: the model's face-validity table. */
import { faceValidity } from "../analysis/face-validity.js";
import { fmt, formatTable } from "../report/table.js";
import { loadScenario } from "../scenario/index.js";
import { EXIT, UsageError, intOption, parseCommandArgs, type Command } from "./command.js";

const usage = `Usage: clustersim face-validity <no-plan.json> <baseline.json> [--runs N] [--seed S] [--park ID] [--gdp X] [--json]

Runs both scenarios (and the baseline with 20% more incentive) on N paired seeds and prints
no-plan against baseline output, the elasticity of signings to incentives, 亩均 revenue against
the data rows and the implied value added against district GDP.

Options:
  --runs N    paired seeds (default 100)
  --seed S    base seed (default 1)
  --park ID   park for the 亩均 revenue (default medical-city)
  --gdp X     district GDP to compare value added with, 亿元 (default 419.9: gdp-2016)
  --json      one JSON document
`;

/** The `face-validity` command. */
export const faceValidityCommand: Command = {
  name: "face-validity",
  summary: "face-validity checks of the model against data rows",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { runs: { type: "string" }, seed: { type: "string" }, park: { type: "string" }, gdp: { type: "string" }, json: { type: "boolean" } });
    if (positionals.length !== 2) throw new UsageError(`expected two scenarios (no-plan, baseline), got ${positionals.length}`);
    const runs = intOption("runs", values.runs, 100, 2);
    const seed = intOption("seed", values.seed, 1);
    const gdp = values.gdp === undefined ? 419.9 : Number(values.gdp);
    if (!(gdp > 0)) throw new UsageError(`--gdp expects a positive number, got "${values.gdp}"`);
    const [noPlan, baseline] = await Promise.all(positionals.map((f) => loadScenario(f)));
    const park = values.park ?? "medical-city";
    if (!Object.hasOwn(baseline.scenario.parks, park)) throw new UsageError(`--park: no park "${park}" in ${positionals[1]}`);
    const rows = faceValidity(noPlan.scenario, baseline.scenario, runs, seed, park, gdp);
    if (values.json) io.stdout(`${JSON.stringify({ runs, seed, measures: rows }, null, 2)}\n`);
    else io.stdout(`Face validity over ${runs} paired seeds (mean and 5-95% range)\n` + formatTable(["measure", "mean", "5-95%", "reference"], rows.map((r) => [r.measure, fmt(r.mean, 2), `${fmt(r.p5, 2)} .. ${fmt(r.p95, 2)}`, r.reference]), ["l", "r", "r", "l"]));
    return EXIT.ok;
  },
};
