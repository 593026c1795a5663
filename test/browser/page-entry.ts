/**
 * Browser entry of the cross-runtime determinism test: runs the scenario embedded in the page
 * with each seed listed on <body data-seeds> and writes each result's SHA-256 into <pre id="out">.
 */
import { runScenario } from "../../src/model/run.js";
import { stringifyResult } from "../../src/report/json.js";
import { sha256Hex } from "../../src/scenario/sha256.js";

/** The two DOM features the page uses (the project's typecheck has no DOM library). */
declare const document: {
  getElementById(id: string): { textContent: string | null } | null;
  body: { dataset: Record<string, string | undefined> };
};

const scenario = JSON.parse(document.getElementById("scenario")!.textContent!);
const seeds = document.body.dataset.seeds!.split(",").map(Number);
document.getElementById("out")!.textContent = seeds.map((seed: number) => sha256Hex(stringifyResult(runScenario(scenario, seed)))).join(",");
