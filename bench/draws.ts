/**
 * Draw-cost benchmark of the keyed generator: `tsx bench/draws.ts [--json] [--quick]`. Measures
 * ns per draw of the legacy keyed draw (bench/keyed-legacy.ts), the one-shot keyedUniform, a
 * reused KeyedPass (uniform and normal) and the native kernel's xorshift32, in one process,
 * interleaved round by round; prints medians over rounds. Reported, never asserted or gated.
 */
import { KeyedPass, keyedUniform, normalQuantile, streamId } from "../src/random/index.js";
import { legacyKeyedUniform } from "./keyed-legacy.js";
import { summarize } from "./stats.js";
import { machineInfo } from "./harness.js";
import { sig } from "./report.js";
import { xorshift32 } from "./kernel-native.js";

const SEED = 20170601;
const STREAM = streamId("firm-shock");
const QUARTER = 7;

/** One way of drawing: n draws over keys 0..n-1 (one pass over agents), returns their sum. */
interface Variant {
  name: string;
  run: (n: number) => number;
}

const pass = new KeyedPass();

/** The variants, each in its own function so that every call site stays monomorphic. */
const VARIANTS: Variant[] = [
  {
    name: "legacy keyedUniform (12 rounds)",
    run: (n) => {
      let s = 0;
      for (let k = 0; k < n; k++) s += legacyKeyedUniform(SEED, STREAM, k, QUARTER, 0);
      return s;
    },
  },
  {
    name: "keyedUniform, one-shot (pass absorbed per draw: 12 rounds)",
    run: (n) => {
      let s = 0;
      for (let k = 0; k < n; k++) s += keyedUniform(SEED, STREAM, k, QUARTER, 0);
      return s;
    },
  },
  {
    name: "KeyedPass.uniform (3 rounds)",
    run: (n) => {
      pass.reset(SEED, STREAM, QUARTER);
      let s = 0;
      for (let k = 0; k < n; k++) s += pass.uniform(k, 0);
      return s;
    },
  },
  {
    name: "legacy normalQuantile(keyedUniform)",
    run: (n) => {
      let s = 0;
      for (let k = 0; k < n; k++) s += normalQuantile(legacyKeyedUniform(SEED, STREAM, k, QUARTER, 0));
      return s;
    },
  },
  {
    name: "KeyedPass.normal",
    run: (n) => {
      pass.reset(SEED, STREAM, QUARTER);
      let s = 0;
      for (let k = 0; k < n; k++) s += pass.normal(k, 0);
      return s;
    },
  },
  {
    name: "xorshift32 (native kernel; sequential, not keyed)",
    run: (n) => {
      let x = SEED | 0;
      let s = 0;
      for (let k = 0; k < n; k++) {
        x = xorshift32(x);
        s += (x >>> 0) * 2.3283064365386963e-10;
      }
      return s;
    },
  },
];

/** One variant's result: ns per draw, median and MAD over rounds. */
interface DrawCost {
  name: string;
  nsPerDraw: number;
  madNs: number;
  rounds: number;
}

let sink = 0;

/** Measures every variant for `rounds` interleaved rounds of `n` draws (after one warm-up round). */
function measureDraws(n: number, rounds: number): DrawCost[] {
  const ns: number[][] = VARIANTS.map(() => []);
  for (let r = -1; r < rounds; r++) {
    VARIANTS.forEach((v, i) => {
      const t0 = performance.now();
      sink += v.run(n);
      const dt = performance.now() - t0;
      if (r >= 0) ns[i].push((dt * 1e6) / n);
    });
  }
  return VARIANTS.map((v, i) => {
    const s = summarize(ns[i]);
    return { name: v.name, nsPerDraw: s.median, madNs: s.mad, rounds };
  });
}

function main(): void {
  const json = process.argv.includes("--json");
  const quick = process.argv.includes("--quick");
  const costs = measureDraws(quick ? 200_000 : 2_000_000, quick ? 3 : 15);
  const machine = machineInfo();
  if (json) {
    process.stdout.write(`${JSON.stringify({ machine, costs, sink: Number.isFinite(sink) }, null, 2)}\n`);
    return;
  }
  const legacy = costs[0].nsPerDraw;
  const lines = [
    `Node ${machine.node}, ${machine.cpu} x${machine.cores}, load ${machine.loadavg1}, ${machine.date}${machine.commit ? `, commit ${machine.commit}` : ""}`,
    "",
    "| draw | ns/draw (MAD) | legacy keyedUniform's time / this |",
    "| --- | --- | --- |",
    ...costs.map((c) => `| ${c.name} | ${sig(c.nsPerDraw)} (${sig(c.madNs, 2)}) | x${sig(legacy / c.nsPerDraw)} |`),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

main();
