import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JobDataSchema, PROTOCOL_VERSION, batchIdOf, decodeResult, encodeResult, jobData, scenarioText, type BatchMeta } from "../../src/batch/node/queue/protocol.js";
import { verifyScenario } from "../../src/batch/node/queue/scenario-store.js";
import { derivedPlan, shardOf } from "../../src/batch/plan.js";
import type { ShardResult } from "../../src/batch/run-shard.js";
import { loadScenario } from "../../src/scenario/load.js";
import { ROOT } from "../batch/helpers.js";

const hex = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("hex");

describe("queue messages", () => {
  it("carry records bit for bit (NaN, -0, subnormals, extremes)", () => {
    const plan = derivedPlan([], 1, 3);
    const shard = { ...shardOf({ ...plan, scenarios: [{ name: "x", file: "x", hash: "h", scenario: {} as never }] }, 0, 0, 3) };
    const data = Float64Array.from([NaN, -0, 5e-324, Number.MAX_VALUE, -1 / 3, 0.1 + 0.2]);
    const result: ShardResult = { shard, width: 2, data, errors: [null, "boom", null], computeMs: 12.5 };
    const wire = JSON.parse(JSON.stringify(encodeResult(result, "source", "host/1")));
    const back = decodeResult(wire, shard, 2);
    expect(hex(back.data)).toBe(hex(data));
    expect(back.errors).toEqual([null, "boom", null]);
  });

  it("refuse a result of the wrong size, width or shape", () => {
    const shard = { scenarioIndex: 0, scenarioHash: "h", firstRun: 0, count: 2, seeds: [1, 2] };
    const good = encodeResult({ shard, width: 1, data: Float64Array.from([1, 2]), errors: [null, null], computeMs: 1 }, "source", "w");
    expect(() => decodeResult(good, shard, 3)).toThrow(/3/);
    expect(() => decodeResult(good, { ...shard, count: 3, seeds: [1, 2, 3] }, 1)).toThrow(/runs/);
    expect(() => decodeResult({ ...good, data: Buffer.alloc(8).toString("base64") }, shard, 1)).toThrow(/bytes/);
    expect(() => decodeResult({ ...good, extra: "function(){}" }, shard, 1)).toThrow(/schema/);
  });

  it("a job is plain data: unknown fields, code or out-of-range seeds do not validate", () => {
    const meta: BatchMeta = { v: PROTOCOL_VERSION, build: "source", batch: "0123456789abcdef", scenarios: [{ name: "a", hash: "a".repeat(64) }] };
    const job = jobData(meta, 7, { scenarioIndex: 0, scenarioHash: "x", firstRun: 4, count: 2, seeds: [11, 12] });
    expect(JobDataSchema.safeParse(job).success).toBe(true);
    expect(JobDataSchema.safeParse({ ...job, run: "process.exit()" }).success).toBe(false);
    expect(JobDataSchema.safeParse({ ...job, seeds: [-1] }).success).toBe(false);
    expect(JobDataSchema.safeParse({ ...job, scenarioHash: "../../etc" }).success).toBe(false);
    expect(JobDataSchema.safeParse({ ...job, v: PROTOCOL_VERSION + 1 }).success).toBe(false);
    expect(JobDataSchema.safeParse({ ...job, v: PROTOCOL_VERSION - 1 }).success).toBe(false);
  });

  it("every shipped scenario survives the trip through Redis's text unchanged, and a changed text is refused", async () => {
    const files = readdirSync(join(ROOT, "scenarios")).filter((f) => f.endsWith(".json") && f !== "scenario.schema.json");
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const { scenario } = await loadScenario(join(ROOT, "scenarios", f));
      const { text, hash } = scenarioText(scenario);
      expect(verifyScenario(hash, text), f).toStrictEqual(scenario);
      expect(() => verifyScenario(hash, text.replace(/"/, ' "'))).toThrow(/does not match its hash/);
    }
  });

  it("a scenario text with the right hash but not a scenario is refused by the schema", () => {
    const { text, hash } = scenarioText({ name: "not a scenario" });
    expect(() => verifyScenario(hash, text)).toThrow(/scenario schema/);
  });

  it("batch ids differ by seed, scenario, build and faults, not by the number of runs", () => {
    const s = [{ name: "a", file: "a", hash: "h", scenario: {} as never }];
    const id = (seed: number, runs: number, build = "b", hashes = ["x"], faults?: { kind: "throw"; scenario: number; run: number }[]) =>
      batchIdOf({ ...derivedPlan(s, seed, runs), ...(faults ? { faults } : {}) }, build, hashes);
    expect(id(1, 10)).toBe(id(1, 20));
    expect(new Set([id(1, 10), id(2, 10), id(1, 10, "c"), id(1, 10, "b", ["y"]), id(1, 10, "b", ["x"], [{ kind: "throw", scenario: 0, run: 1 }])]).size).toBe(5);
  });
});
