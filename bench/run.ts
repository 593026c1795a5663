/**
 * Benchmark entry: `tsx bench/run.ts [--json] [--check] [--update] [--quick] [--case NAME]`.
 * Default: measure every case (core and batch) and print tables (stdout); progress goes to stderr.
 * --json    one JSON document on stdout: an array with one object per case
 * --check   gate the single-thread core ratios against bench/baseline.json (exit 1 on regression);
 *           runs the gated core cases only, never the batch cases
 * --update  measure the core cases and rewrite bench/baseline.json
 * --quick   a few samples only (smoke test; figures are rough)
 * --case    only the named case (repeatable; not with --update)
 * CLUSTERSIM_BENCH_SLOWDOWN=k (demonstration only) makes the model case k times slower.
 */
import { parseArgs, type Options } from "./args.js";
import { speedUps } from "./batch-figures.js";
import { CASES, coreCases, gatedCases, isCoreCase, type BenchCase, type ProfileName } from "./cases.js";
import { checkCases, baselineFrom, machineInfo, readBaseline, runCases, slowdownFromEnv, writeBaseline, BASELINE_FILE } from "./harness.js";
import { blindSlowdown } from "./gate.js";
import { checkReport, humanReport } from "./report.js";

function selectCases(o: Options): BenchCase[] {
  // --check gates the gated core cases; --update rewrites a baseline that holds only core cases,
  // so neither runs the batch cases (reported by plain `bench`, never gated).
  const pool: BenchCase[] = o.check ? gatedCases(CASES) : o.update ? coreCases(CASES) : CASES;
  if (o.cases.length === 0) return pool;
  const names = new Set(pool.map((c) => c.name));
  for (const n of o.cases) if (!names.has(n)) throw new Error(`unknown case "${n}"; expected one of: ${[...names].join(", ")}`);
  return pool.filter((c) => o.cases.includes(c.name));
}

const log = (text: string): void => void process.stderr.write(text);

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  const slowdown = slowdownFromEnv();
  if (slowdown > 1) {
    if (o.update) throw new Error("refusing to write a baseline with CLUSTERSIM_BENCH_SLOWDOWN set");
    log(`CLUSTERSIM_BENCH_SLOWDOWN=${slowdown}: the model case runs every run ${slowdown} times (demonstration of the gate only)\n`);
  }
  const profile: ProfileName = o.quick ? "quick" : o.check ? "check" : "full";
  const cases = selectCases(o);
  const started = performance.now();

  if (o.check) {
    const baseline = await readBaseline();
    if (!baseline) throw new Error(`no baseline at ${BASELINE_FILE}; run \`npm run bench:update\` first`);
    const here = machineInfo();
    if (baseline.machine.cpu !== here.cpu || baseline.machine.node !== here.node)
      log(`note: baseline measured on ${baseline.machine.cpu}, Node ${baseline.machine.node}; this is ${here.cpu}, Node ${here.node}\n`);
    const { checks, missing } = await checkCases(cases.filter(isCoreCase), baseline, profile, slowdown, log);
    const last = checks.map((c) => c.results[c.results.length - 1]);
    const failed = checks.filter((c) => !c.outcome.pass);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (o.json) {
      const doc = checks.map((c, i) => ({ ...last[i], check: c.outcome }));
      process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    } else {
      process.stdout.write(`${humanReport(last, machineInfo())}\n${checkReport(checks, missing)}\n`);
    }
    if (failed.length) {
      for (const f of failed) {
        const v = f.outcome.attempts[f.outcome.attempts.length - 1];
        log(
          `bench:check FAILED: ${f.outcome.case} ratioToKernel ${f.outcome.attempts.map((a) => a.measured.toPrecision(3)).join(", then ")} ` +
            `vs baseline ${v.baseline.toPrecision(3)}; threshold ${v.threshold.toPrecision(3)} (baseline - max(25%, 4 x baseline MAD ${v.mad.toPrecision(2)})), below it on 2 consecutive attempts\n`,
        );
      }
      log(`bench:check failed (${failed.length} of ${checks.length} cases) in ${seconds} s\n`);
      return 1;
    }
    log(`bench:check passed (${checks.length} cases) in ${seconds} s\n`);
    return 0;
  }

  const results = await runCases(cases, profile, slowdown);
  // Speed-ups between batch cases (each over its `speedUpOver` case, when both were measured).
  const ups = speedUps(results.flatMap((r) => (r.kind === "batch" ? [r] : [])));
  for (const r of results) if (r.kind === "batch" && ups.has(r.case)) r.speedUp = ups.get(r.case);
  const machine = machineInfo();
  if (o.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else process.stdout.write(humanReport(results, machine));
  if (o.update) {
    const baseline = baselineFrom(results, machine);
    await writeBaseline(baseline);
    log(`wrote ${BASELINE_FILE}\n`);
    for (const [name, b] of Object.entries(baseline.cases)) {
      const blind = blindSlowdown({ ratio: b.ratioToKernel, mad: b.ratioMad });
      if (blind >= 2)
        log(`warning: ${name}'s ratio MAD is ${((100 * b.ratioMad) / b.ratioToKernel).toFixed(0)}% of its ratio, so the gate would let a ${blind === Infinity ? "any" : `${blind.toFixed(1)}x`} slower model pass; update again on a quieter machine\n`);
    }
  }
  log(`bench done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
