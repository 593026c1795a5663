/**
 * datapackage.json of a results folder: a Frictionless Data Package (v1, profile
 * "data-package") listing every CSV as a tabular resource with a Table Schema (each column's
 * name, type, description and unit, a custom property), the JSON files as plain resources, and
 * the batch's scenarios, seeds and build under "clustersim". pandas, R (frictionless) and the
 * Frictionless tools read the folder with it. Deterministic: it holds no time.
 */
import { VERSION } from "../../version.js";
import { BUILD_ID } from "../build-id.js";
import { baseSeedOf, type BatchPlan } from "../plan.js";
import type { Column } from "./columns.js";
import { FORMAT_VERSION } from "./format.js";
import type { z } from "zod";
import type { SeedsSchema } from "./schemas.js";

/** A CSV file of the folder with its columns. */
export interface TableFile {
  name: string;
  path: string;
  description: string;
  columns: readonly Column[];
  primaryKey: string[];
}

/** A JSON file of the folder. */
export interface JsonFile {
  name: string;
  path: string;
  description: string;
}

/** The seeds of a plan as result files record them. */
export function seedsOf(plan: BatchPlan): z.infer<typeof SeedsSchema> {
  const s = plan.seeds;
  return s.kind === "derived"
    ? { kind: "derived", baseSeed: s.baseSeed, rule: "run i (0..runs-1) has seed deriveSeed(baseSeed, i) (src/random/seeds.ts)" }
    : { kind: "list", file: s.file, count: s.seeds.length };
}

/** A Data Package name: lower case letters, digits and - . _ / only. */
function packageName(text: string): string {
  return text.toLowerCase().replace(/[^-a-z0-9._/]+/g, "-").replace(/^-+|-+$/g, "") || "clustersim";
}

/** One Table Schema field. */
function field(c: Column) {
  return {
    name: c.name,
    type: c.type,
    description: c.description,
    unit: c.unit,
    ...(c.type === "boolean" ? { trueValues: ["1"], falseValues: ["0"] } : {}),
  };
}

/** The CSV dialect every result CSV is written in (RFC 4180, "\n" line ends, UTF-8 without BOM). */
const DIALECT = { delimiter: ",", lineTerminator: "\n", quoteChar: '"', doubleQuote: true, header: true };

/** The Data Package of a results folder. */
export function dataPackage(plan: BatchPlan, kind: "batch" | "comparison", tables: readonly TableFile[], json: readonly JsonFile[]) {
  const scenarios = plan.scenarios.map((s) => s.name).join(", ");
  const seed = baseSeedOf(plan);
  return {
    profile: "data-package",
    name: packageName(`clustersim-${kind}-${plan.scenarios.map((s) => s.name).join("-")}`),
    title: `clustersim ${kind}: ${scenarios}, ${plan.runs} runs each${seed === null ? "" : `, base seed ${seed}`}`,
    description:
      "Results of clustersim, an agent-based simulation of Wenjiang District's (Chengdu) 2017 health-industry plan. Each run draws the uncertain parameters and its own chance events; " +
      "probabilities are fractions (0-1), money is in 亿元 (100 million yuan), land in 亩, people in persons. Intervals are Monte Carlo error only. " +
      "Every column's unit is in its field's `unit` property.",
    version: String(FORMAT_VERSION),
    resources: [
      ...tables.map((t) => ({
        profile: "tabular-data-resource",
        name: t.name,
        path: t.path,
        description: t.description,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        ...(t.path.endsWith(".gz") ? { compression: "gz" } : {}),
        dialect: DIALECT,
        schema: { fields: t.columns.map(field), missingValues: [""], primaryKey: t.primaryKey },
      })),
      ...json.map((j) => ({ profile: "data-resource", name: j.name, path: j.path, description: j.description, format: "json", mediatype: "application/json", encoding: "utf-8" })),
    ],
    clustersim: {
      kind,
      formatVersion: FORMAT_VERSION,
      engineVersion: VERSION,
      buildId: BUILD_ID,
      runs: plan.runs,
      seeds: seedsOf(plan),
      scenarios: plan.scenarios.map((s) => ({ name: s.name, file: s.file, hash: s.hash, set: s.set ?? [] })),
      probabilities: "fractions in [0, 1] everywhere (summary.json, comparison.json, comparison.csv)",
    },
  };
}

/** A Data Package as written. */
export type DataPackage = ReturnType<typeof dataPackage>;
