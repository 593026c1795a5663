/**
 * Fault injection for the batch tests only: CLUSTERSIM_FAULT="throw:S:R" makes run R of scenario
 * S throw, "exit:S:R" kills the process (or worker) running it. Unset in normal use.
 */

interface Fault {
  kind: "throw" | "exit";
  scenario: number;
  run: number;
}

function parse(text: string | undefined): Fault[] {
  if (!text) return [];
  return text.split(",").flatMap((item) => {
    const [kind, s, r] = item.split(":");
    return (kind === "throw" || kind === "exit") && s !== undefined && r !== undefined ? [{ kind, scenario: Number(s), run: Number(r) }] : [];
  });
}

const env = typeof process !== "undefined" ? process.env?.CLUSTERSIM_FAULT : undefined;
const faults = parse(env);

/** Throws or exits when a test asked for a fault at this run. */
export function injectedFault(scenario: number, run: number): void {
  for (const f of faults) {
    if (f.scenario !== scenario || f.run !== run) continue;
    if (f.kind === "throw") throw new Error(`injected fault at run ${run}`);
    process.exit(77);
  }
}
