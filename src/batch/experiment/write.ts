/**
 * The result files of an experiment, written from its store in run order into a sink, so they
 * are byte-identical whatever executor, worker count or kill/resume produced the runs:
 * design.csv, runs.csv, points.csv, indices.csv (Sobol' or Morris designs), indices2.csv
 * (second order), noise.csv, boxes.csv (met/not-met outcomes), experiment.json and
 * datapackage.json. manifest.json (times, workers) is the caller's.
 */
import { names, type Column } from "../files/columns.js";
import { csvRow, checkCsvHeader, type CsvValue } from "../files/csv.js";
import { dataPackage, type JsonFile, type TableFile } from "../files/datapackage.js";
import { FORMAT_VERSION } from "../files/format.js";
import { toPlainJson } from "../files/json.js";
import { LineBuffer, writeText, type ResultSink } from "../files/sink.js";
import type { BatchPlan } from "../plan.js";
import type { RunStore } from "../store.js";
import { analyseExperiment, type ExperimentAnalysis, type OutcomeAnalysis } from "./analyse.js";
import { BOX_COLUMNS, MORRIS_COLUMNS, NOISE_COLUMNS, SOBOL2_COLUMNS, SOBOL_COLUMNS, designColumns, pointsColumns, runsColumns } from "./columns.js";
import type { Experiment } from "./compile.js";
import { REPLICATION_SEED_RULE, experimentSummary } from "./summary.js";
import type { ExperimentSummary } from "./result-schema.js";

/** A number, or an empty cell for a statistic that cannot be computed (NaN, or infinite from a zero variance). */
const cell = (x: number | null | undefined): CsvValue => (x === null || x === undefined || !Number.isFinite(x) ? null : x);

/** A CSV file written row by row through a LineBuffer, its header checked. */
async function table(sink: ResultSink, file: string, columns: readonly Column[], rows: Iterable<CsvValue[]>): Promise<void> {
  const header = names(columns);
  checkCsvHeader(header);
  const out = new LineBuffer(sink.open(file));
  await out.line(csvRow(header));
  for (const row of rows) await out.line(csvRow(row, header));
  await out.close();
}

/** indices.csv rows of one outcome. */
function indexRows(a: OutcomeAnalysis): CsvValue[][] {
  const o = a.outcome.name;
  if (a.sobol) return a.sobol.indices.map((r) => [o, r.factor, cell(r.S1), cell(r.S1_low), cell(r.S1_high), cell(r.ST), cell(r.ST_low), cell(r.ST_high)]);
  if (a.morris) return a.morris.map((r) => [o, r.factor, cell(r.mu), cell(r.mu_star), cell(r.sigma), cell(r.mu_star_low), cell(r.mu_star_high)]);
  return [];
}

/** The tables of the Data Package, by the files written. */
function tablesOf(ex: Experiment, written: Set<string>): TableFile[] {
  const morris = ex.design.method === "morris";
  const all: TableFile[] = [
    { name: "design", path: "design.csv", description: "one row per design point: its factor values", columns: designColumns(ex.factors), primaryKey: ["point"] },
    { name: "points", path: "points.csv", description: "one row per design point: each outcome's statistic over its replications with a 95% interval", columns: pointsColumns(ex.outcomes), primaryKey: ["point"] },
    { name: "runs", path: "runs.csv", description: "one row per model run, in run order: its point, replication, seed and outcome values", columns: runsColumns(ex.outcomes), primaryKey: ["point", "replication"] },
    { name: "indices", path: "indices.csv", description: morris ? "Morris measures per outcome and factor (mu, mu*, sigma, mu* bootstrap interval)" : "Sobol' first-order and total indices per outcome and factor with 95% bootstrap intervals", columns: morris ? MORRIS_COLUMNS : SOBOL_COLUMNS, primaryKey: ["output", "factor"] },
    { name: "indices2", path: "indices2.csv", description: "second-order Sobol' indices per outcome and pair of factors", columns: SOBOL2_COLUMNS, primaryKey: ["output", "factor_a", "factor_b"] },
    { name: "noise", path: "noise.csv", description: "per outcome, the share of the variance of its point means that is replication noise", columns: NOISE_COLUMNS, primaryKey: ["output"] },
    { name: "boxes", path: "boxes.csv", description: "PRIM boxes (scenario discovery) of the met/not-met outcomes: where among the factors the outcome is likely", columns: BOX_COLUMNS, primaryKey: ["output", "factor"] },
  ];
  return all.filter((t) => written.has(t.path));
}

/** The Data Package of an experiment folder (the batch writer's resources, the experiment's own title and block). */
function experimentPackage(ex: Experiment, plan: BatchPlan, tables: TableFile[], json: JsonFile[]) {
  const base = dataPackage(plan, "batch", tables, json);
  const model = ex.model.kind === "scenario" ? `scenario ${ex.model.loaded.scenario.name}` : `test function ${ex.model.model.kind}`;
  return {
    ...base,
    name: `clustersim-experiment-${ex.name.toLowerCase().replace(/[^-a-z0-9._]+/g, "-")}`,
    title: `clustersim experiment ${ex.name}: ${ex.design.method} design of ${ex.design.points.length} points x ${ex.replications} replications of ${model}, base seed ${ex.seed}`,
    clustersim: {
      kind: "experiment",
      formatVersion: FORMAT_VERSION,
      engineVersion: base.clustersim.engineVersion,
      buildId: base.clustersim.buildId,
      experiment: { name: ex.name, file: ex.file, hash: ex.hash, set: ex.set },
      model: ex.model.kind === "scenario" ? { scenario: ex.model.loaded.scenario.name, file: ex.model.file, hash: ex.model.loaded.hash } : { testFunction: ex.model.model.kind },
      runs: plan.runs,
      points: ex.design.points.length,
      replications: ex.replications,
      seeds: { kind: "derived", baseSeed: ex.seed, rule: REPLICATION_SEED_RULE },
      probabilities: "fractions in [0, 1] everywhere",
    },
  };
}

/** Writes the experiment's result files from `store` into `sink`; returns experiment.json's object and the analysis. */
export async function writeExperimentFiles(ex: Experiment, plan: BatchPlan, store: RunStore, sink: ResultSink): Promise<{ summary: ExperimentSummary; analysis: ExperimentAnalysis }> {
  const written = new Set<string>();
  const csv = async (file: string, columns: readonly Column[], rows: Iterable<CsvValue[]>) => {
    await table(sink, file, columns, rows);
    written.add(file);
  };
  await csv("design.csv", designColumns(ex.factors), ex.design.points.map((row, p) => [p, ...row]));

  const runsHeader = names(runsColumns(ex.outcomes));
  checkCsvHeader(runsHeader);
  const runs = new LineBuffer(sink.open("runs.csv"));
  await runs.line(csvRow(runsHeader));
  const analysis = await analyseExperiment(ex, plan, store, (run, point, replication) => {
    const ok = run.error === null;
    return runs.line(csvRow([point, replication, run.seed, !ok, run.error ?? "", ...ex.outcomes.map((_, o) => (ok ? cell(run.values[o]) : null))], runsHeader));
  });
  await runs.close();
  written.add("runs.csv");

  const P = ex.design.points.length;
  await csv("points.csv", pointsColumns(ex.outcomes), Array.from({ length: P }, (_, p) => [p, analysis.completed[p], analysis.failed[p], ...analysis.outcomes.flatMap((a) => [cell(a.points[p].value), cell(a.points[p].low), cell(a.points[p].high)])]));
  const d = ex.design;
  if (d.method === "saltelli" || d.method === "morris") await csv("indices.csv", d.method === "morris" ? MORRIS_COLUMNS : SOBOL_COLUMNS, analysis.outcomes.flatMap(indexRows));
  if (d.method === "saltelli" && d.secondOrder)
    await csv("indices2.csv", SOBOL2_COLUMNS, analysis.outcomes.flatMap((a) => (a.sobol?.second ?? []).map((r) => [a.outcome.name, r.factorA, r.factorB, cell(r.S2), cell(r.S2_low), cell(r.S2_high)])));
  await csv("noise.csv", NOISE_COLUMNS, analysis.outcomes.map((a) => [a.outcome.name, P, ex.replications, cell(a.noise?.betweenVariance), cell(a.noise?.noiseVariance), cell(a.noise?.noiseShare)]));
  if (ex.outcomes.some((o) => o.binary))
    await csv(
      "boxes.csv",
      BOX_COLUMNS,
      analysis.outcomes.flatMap((a) => {
        const b = a.prim?.box;
        return b ? b.limits.map((l) => [a.outcome.name, l.factor, l.restricted, l.low, l.high, b.coverage, b.density, b.mass, b.points, a.prim!.meetsThreshold]) : [];
      }),
    );

  const files = ["design.csv", "runs.csv", "points.csv", "indices.csv", "indices2.csv", "noise.csv", "boxes.csv"].filter((f) => written.has(f));
  const summary = experimentSummary(ex, plan, analysis, files);
  await writeText(sink, "experiment.json", `${JSON.stringify(toPlainJson(summary), null, 2)}\n`);
  const json: JsonFile[] = [
    { name: "experiment", path: "experiment.json", description: "the experiment: model, design, factors, outcomes with their replication noise, index notes and PRIM boxes, failures (schema: src/batch/experiment/result-schema.ts)" },
    { name: "manifest", path: "manifest.json", description: "provenance: engine, build, git commit, experiment and scenario files and hashes, seeds, workers, times" },
  ];
  await writeText(sink, "datapackage.json", `${JSON.stringify(experimentPackage(ex, plan, tablesOf(ex, written), json), null, 2)}\n`);
  return { summary, analysis };
}
