/**
 * Fault injection for the batch tests only, carried by the plan as data so that every executor
 * (in-process, worker threads, a browser pool, a remote queue) honours it: "throw" makes a run
 * throw, "exit" kills the process or worker thread running it, "hang" loops forever before the
 * run, "slow" sleeps SLOW_QUARTER_MS after each quarter of the run, "slow-write" sleeps
 * SLOW_WRITE_MS while the result writers handle the run. The CLI reads them from
 * CLUSTERSIM_FAULT="throw:S:R,exit:S:R" (scenario S, run R; R may be * for every run). Never
 * used in normal runs.
 */

/** The kinds of injected fault. */
export const FAULT_KINDS = ["throw", "exit", "hang", "slow", "slow-write"] as const;

/** How long a "slow" fault sleeps per quarter, ms. */
export const SLOW_QUARTER_MS = 250;

/** How long a "slow-write" fault sleeps per run written, ms. */
export const SLOW_WRITE_MS = 100;

/** One injected fault; run -1 means every run. */
export interface Fault {
  kind: (typeof FAULT_KINDS)[number];
  scenario: number;
  run: number;
}

/** Parses CLUSTERSIM_FAULT's text ("throw:0:3,exit:1:5,slow:0:*"); unknown items are ignored. */
export function parseFaults(text: string | undefined): Fault[] {
  if (!text) return [];
  return text.split(",").flatMap((item) => {
    const [kind, s, r] = item.split(":");
    const known = (FAULT_KINDS as readonly string[]).includes(kind);
    return known && s !== undefined && r !== undefined ? [{ kind: kind as Fault["kind"], scenario: Number(s), run: r === "*" ? -1 : Number(r) }] : [];
  });
}

/** Whether a fault of `kind` is injected at run `run` of scenario `scenario`. */
export function hasFault(faults: readonly Fault[] | undefined, kind: Fault["kind"], scenario: number, run: number): boolean {
  return faults?.some((f) => f.kind === kind && f.scenario === scenario && (f.run === run || f.run === -1)) ?? false;
}

/** Sleeps `ms` in the calling thread (blocking it, as a slow computation does). */
export function sleepBlocking(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Throws, ends the running process or worker, or loops forever, when a test asked for a fault at this run. */
export function injectedFault(faults: readonly Fault[] | undefined, scenario: number, run: number): void {
  if (!faults) return;
  if (hasFault(faults, "throw", scenario, run)) throw new Error(`injected fault at run ${run}`);
  if (hasFault(faults, "hang", scenario, run)) for (;;) sleepBlocking(1000);
  if (hasFault(faults, "exit", scenario, run)) {
    const host = globalThis as { process?: { exit(code: number): never }; close?: () => void };
    if (host.process) host.process.exit(77);
    host.close?.(); // a Web Worker
    throw new Error(`injected exit at run ${run}`);
  }
}
