/**
 * Child-process probe for the memory test: feeds N synthetic run records of the example scenario
 * through the batch aggregator and prints the heap retained per run (bytes). Run with --expose-gc.
 */
import { ScenarioAggregate } from "../../src/batch/aggregate.js";
import { recordLayout } from "../../src/batch/record.js";
import { loadScenario } from "../../src/scenario/load.js";

const n = Number(process.argv[2]);
const { scenario } = await loadScenario(new URL("../../scenarios/example.json", import.meta.url).pathname);
const layout = recordLayout(scenario);
const gc = (globalThis as { gc?: () => void }).gc!;
gc();
const before = process.memoryUsage().heapUsed;
const agg = new ScenarioAggregate("example", scenario, layout);
const row = new Float64Array(layout.width);
for (let run = 0; run < n; run++) {
  for (let c = 0; c < row.length; c++) row[c] = ((run * 7919 + c * 104729) % 10007) / 100 + 1;
  for (let t = 0; t < layout.targetIds.length; t++) row[layout.targetsAt + 3 * t + 2] = NaN;
  agg.add(run, run, row, null);
}
gc();
const after = process.memoryUsage().heapUsed;
void agg.targets();
process.stdout.write(JSON.stringify({ bytesPerRun: (after - before) / n, width: layout.width, cells: layout.cells.length }));
