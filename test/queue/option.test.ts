/** The reusable --queue option: one line gives a command its executor factory, local without --queue. */
import { describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/command.js";
import { UsageError } from "../../src/cli/command.js";
import { executorFactoryOption, queueNote } from "../../src/cli/queue-option.js";
import { DEFAULT_WINDOW } from "../../src/batch/node/queue/coordinator.js";
import { derivedPlan, shardOf } from "../../src/batch/plan.js";
import { loadScenario } from "../../src/scenario/load.js";
import { smallScenario, tempDir } from "../batch/helpers.js";

const io: CliIO = { stdout: () => {}, stderr: () => {}, color: false, stderrIsTTY: false };

async function plan() {
  const file = smallScenario(tempDir());
  const l = await loadScenario(file);
  return derivedPlan([{ name: "small", file, hash: l.hash, scenario: l.scenario }], 1, 4);
}

describe("executorFactoryOption", () => {
  it("without --queue runs locally (0: in this thread)", async () => {
    const p = await plan();
    const executor = executorFactoryOption({}, 0, io)(p);
    expect(executor.concurrency).toBe(1);
    expect("status" in executor).toBe(false);
    const r = await executor.runShard(shardOf(p, 0, 0, 2));
    expect(r.errors).toEqual([null, null]);
    await executor.close();
  });

  it("with --queue makes queue executors, which connect only when given a shard", async () => {
    const p = await plan();
    const executor = executorFactoryOption({ queue: "redis://:pw@127.0.0.1:1/0" }, 2, io)(p);
    expect(executor.concurrency).toBe(DEFAULT_WINDOW);
    expect((executor as unknown as { status(): unknown }).status()).toEqual({ batch: null, workers: null, redis: "connecting" });
    await executor.close(); // never connected: nothing to do, no error
  });

  it("a bad URL is a usage error at once", () => {
    expect(() => executorFactoryOption({ queue: "ftp://:pw@host" }, 2, io)).toThrow(UsageError);
  });

  it("the progress note shows the workers, or that Redis is away", () => {
    expect(queueNote(null)).toBe("");
    expect(queueNote({ batch: "b", workers: 2, redis: "up" })).toBe("· 2 workers");
    expect(queueNote({ batch: "b", workers: 1, redis: "up" })).toBe("· 1 worker");
    expect(queueNote({ batch: "b", workers: 2, redis: "down" })).toBe("· Redis away, retrying");
  });
});
