/**
 * Reading an experiment folder back from its texts (the report's input; node/read-folder.ts
 * reads them from disk): manifest.json and experiment.json checked against their schemas,
 * design.csv, points.csv, indices.csv, indices2.csv, noise.csv and boxes.csv against the columns
 * experiment.json's factors and outcomes call for. A file that does not fit is a
 * ResultsFolderError naming it.
 */
import { parseCsv, parseResultJson, ResultsFolderError, type ResultTexts } from "../files/read.js";
import { ExperimentManifestSchema, ExperimentSummarySchema, type ExperimentManifest, type ExperimentSummary } from "./result-schema.js";

/** A CSV table as read: its header and numeric rows (empty cells as null), text columns kept as text. */
export interface ReadTable {
  header: string[];
  rows: (number | string | null)[][];
}

/** The result objects of an experiment folder. */
export interface ExperimentResults {
  manifest: ExperimentManifest;
  summary: ExperimentSummary;
  /** design.csv: point, then one column per factor */
  design: number[][];
  /** points.csv: per point, completed, failed, then value, low, high per outcome (null where empty) */
  points: (number | null)[][];
  /** indices.csv, indices2.csv, noise.csv, boxes.csv (null when the folder has none) */
  indices: ReadTable | null;
  indices2: ReadTable | null;
  noise: ReadTable | null;
  boxes: ReadTable | null;
}

/** The text columns of the experiment CSVs (the others are numbers). */
const TEXT_COLUMNS = new Set(["output", "factor", "factor_a", "factor_b"]);

/** Parses one CSV with the expected header (when given) into text and numeric cells. */
function readTable(file: string, text: string, want?: readonly string[]): ReadTable {
  const [header, ...records] = parseCsv(text);
  if (!header) throw new ResultsFolderError(`${file}: empty`);
  if (want && (header.length !== want.length || want.some((w, i) => header[i] !== w))) throw new ResultsFolderError(`${file}: line 1: expected the header ${want.join(",")}`);
  const rows = records.map((r, i) => {
    if (r.length !== header.length) throw new ResultsFolderError(`${file}: line ${i + 2}: expected ${header.length} fields, got ${r.length}`);
    return r.map((cell, c) => {
      if (TEXT_COLUMNS.has(header[c])) return cell;
      if (cell === "") return null;
      const x = Number(cell);
      if (!Number.isFinite(x)) throw new ResultsFolderError(`${file}: line ${i + 2}, ${header[c]}: expected a number, got "${cell}"`);
      return x;
    });
  });
  return { header, rows };
}

/** Parses and checks an experiment folder's files. */
export function parseExperimentFiles({ where, read }: ResultTexts): ExperimentResults {
  const text = (name: string) => {
    const t = read(name);
    if (t === undefined) throw new ResultsFolderError(`${where} is not a complete experiment folder: ${name} is missing`);
    return t;
  };
  const path = (name: string) => `${where}/${name}`;
  const manifest = parseResultJson(path("manifest.json"), text("manifest.json"), ["experiment"], ExperimentManifestSchema);
  const summary = parseResultJson(path("experiment.json"), text("experiment.json"), ["clustersim-experiment"], ExperimentSummarySchema);
  const factors = summary.factors.map((f) => f.name);
  const design = readTable(path("design.csv"), text("design.csv"), ["point", ...factors]).rows as number[][];
  if (design.length !== summary.design.points) throw new ResultsFolderError(`${path("design.csv")}: ${design.length} points, experiment.json says ${summary.design.points}`);
  const outcomeColumns = summary.outcomes.flatMap((o) => [o.name, `${o.name}_low`, `${o.name}_high`]);
  const points = readTable(path("points.csv"), text("points.csv"), ["point", "completed", "failed", ...outcomeColumns]).rows as (number | null)[][];
  if (points.length !== design.length) throw new ResultsFolderError(`${path("points.csv")}: ${points.length} rows, the design has ${design.length} points`);
  const optional = (name: string) => {
    const t = read(name);
    return t === undefined ? null : readTable(path(name), t);
  };
  return { manifest, summary, design, points, indices: optional("indices.csv"), indices2: optional("indices2.csv"), noise: optional("noise.csv"), boxes: optional("boxes.csv") };
}

/** Whether a manifest.json text is an experiment's (for the report's dispatch); false for anything else. */
export function isExperimentManifest(text: string | undefined): boolean {
  if (text === undefined) return false;
  try {
    const data = JSON.parse(text) as { kind?: unknown };
    return data !== null && typeof data === "object" && data.kind === "experiment";
  } catch {
    return false;
  }
}
