/**
 * Fault injection for the batch tests only, carried by the plan as data so that every executor
 * (in-process, worker threads, a browser pool, a remote queue) honours it: "throw" makes a run
 * throw, "exit" kills the process or worker thread running it. The CLI reads them from
 * CLUSTERSIM_FAULT="throw:S:R,exit:S:R" (scenario S, run R). Never used in normal runs.
 */

/** One injected fault. */
export interface Fault {
  kind: "throw" | "exit";
  scenario: number;
  run: number;
}

/** Parses CLUSTERSIM_FAULT's text ("throw:0:3,exit:1:5"); unknown items are ignored. */
export function parseFaults(text: string | undefined): Fault[] {
  if (!text) return [];
  return text.split(",").flatMap((item) => {
    const [kind, s, r] = item.split(":");
    return (kind === "throw" || kind === "exit") && s !== undefined && r !== undefined ? [{ kind, scenario: Number(s), run: Number(r) }] : [];
  });
}

/** Throws, or ends the running process or worker, when a test asked for a fault at this run. */
export function injectedFault(faults: readonly Fault[] | undefined, scenario: number, run: number): void {
  if (!faults) return;
  for (const f of faults) {
    if (f.scenario !== scenario || f.run !== run) continue;
    if (f.kind === "throw") throw new Error(`injected fault at run ${run}`);
    const host = globalThis as { process?: { exit(code: number): never }; close?: () => void };
    if (host.process) host.process.exit(77);
    host.close?.(); // a Web Worker
    throw new Error(`injected exit at run ${run}`);
  }
}
