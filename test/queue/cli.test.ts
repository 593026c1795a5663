/**
 * The queue's command-line edges on a real redis-server: failing at once on a wrong password or an
 * unreachable server (one line, no stack, no password), bad --queue URLs, and the optional
 * libraries that a local batch or calibrate never loads.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, smallScenario, tempDir } from "../batch/helpers.js";
import { SMALL, fixture } from "../cli/calibrate-fixture.js";
import { loadQueueLibs } from "../../src/batch/node/queue/libs.js";
import { killAllCli, startCli, stopCli } from "./helpers.js";
import { freePort, startRedis, type TestRedis } from "./redis-server.js";

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
}, 30_000);
afterAll(async () => {
  killAllCli();
  await redis.stop();
});

/** The stderr of a finished CLI child, its lines without blanks, and its exit code. */
async function finished(args: string[], nodeArgs: string[] = [], env: Record<string, string> = {}) {
  const p = startCli(args, env, nodeArgs);
  const code = await p.exited;
  return { code, lines: p.lines.filter((l) => l.trim() !== "") };
}

describe("clustersim worker fails at once, in one line, without the password", () => {
  it("on a wrong password (in the URL or in CLUSTERSIM_QUEUE_PASSWORD)", async () => {
    const wrong = redis.url.replace(redis.password, "not-the-password");
    const { code, lines } = await finished(["worker", "--queue", wrong]);
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringContaining("Redis refused the password")]);
    expect(lines[0]).toMatch(/^clustersim worker: failed: cannot use the queue at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\/0: /);
    expect(lines[0]).not.toContain("not-the-password");
    const fromEnv = await finished(["worker", "--queue", `redis://127.0.0.1:${redis.port}/0`], [], { CLUSTERSIM_QUEUE_PASSWORD: "env-password-wrong" });
    expect(fromEnv.code).toBe(1);
    expect(fromEnv.lines).toEqual([expect.stringContaining("cannot use the queue at redis://:***@127.0.0.1")]);
    expect(fromEnv.lines[0]).toContain("Redis refused the password");
    expect(fromEnv.lines[0]).not.toContain("env-password-wrong");
  }, 180_000);

  it("on a server that is not there (connection refused) and on a host that does not resolve", async () => {
    const port = await freePort();
    const refused = await finished(["worker", "--queue", `redis://:${redis.password}@127.0.0.1:${port}/0`]);
    expect(refused.code).toBe(1);
    expect(refused.lines).toEqual([expect.stringContaining("connection refused")]);
    expect(refused.lines[0]).not.toContain(redis.password);
    const nowhere = await finished(["worker", "--queue", `redis://:${redis.password}@no-such-host.invalid:6379/0`]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.lines).toHaveLength(1);
    expect(nowhere.lines[0]).toMatch(/unknown host|no answer/);
    expect(nowhere.lines[0]).not.toContain(redis.password);
  }, 180_000);
});

describe("--queue on batch", () => {
  it("a URL that is not redis:// is a usage error before any work, without the password", async () => {
    const dir = tempDir();
    const out = join(dir, "o");
    const r = await cli(["batch", smallScenario(dir), "--runs", "3", "--queue", "http://:hunter2@127.0.0.1:1/0", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--queue expects redis://");
    expect(r.stderr).not.toContain("hunter2");
    expect(existsSync(out)).toBe(false);
  });

  it("a wrong password fails the batch in one line without the password, and keeps the checkpoint", async () => {
    const dir = tempDir();
    const out = join(dir, "o");
    const r = await cli(["batch", smallScenario(dir), "--runs", "3", "--queue", redis.url.replace(redis.password, "wrong-one"), "--out", out, "--quiet"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^clustersim batch: failed: cannot use the queue at redis:\/\/:\*\*\*@.*Redis refused the password/)]);
    expect(r.stderr).not.toContain("wrong-one");
    expect(existsSync(join(out, "checkpoint.bin"))).toBe(true);
  });
});

describe("a Redis user without the rights the queue needs", () => {
  it("ends the coordinator with one line (and the process exits), and the worker says so", async () => {
    const { Redis } = await loadQueueLibs();
    const admin = new Redis(redis.url);
    await admin.call("ACL", "SETUSER", "pinger", "on", ">pinger-pw", "~*", "&*", "-@all", "+ping", "+auth", "+hello", "+info", "+client", "+select");
    admin.disconnect();
    const url = `redis://pinger:pinger-pw@127.0.0.1:${redis.port}/0`;
    const dir = tempDir();
    const coordinator = await finished(["batch", smallScenario(dir), "--runs", "3", "--queue", url, "--out", join(dir, "o"), "--quiet"]);
    expect(coordinator.code).toBe(1);
    expect(coordinator.lines).toEqual([expect.stringMatching(/^clustersim batch: failed: the queue at redis:\/\/pinger:\*\*\*@127\.0\.0\.1:\d+\/0 refused the batch: NOPERM/)]);
    const worker = startCli(["worker", "--queue", url]);
    expect(await worker.waitFor(/cannot look for batches/)).toMatch(/NOPERM/);
    expect(await stopCli(worker)).toBe(0);
    expect(worker.lines.join("\n")).not.toContain("pinger-pw");
  }, 180_000);
});

describe("bullmq and ioredis are optional", () => {
  /** A preload that writes, at exit, the files of bullmq and ioredis that the process loaded. */
  function probe(dir: string) {
    const file = join(dir, "probe.cjs");
    writeFileSync(
      file,
      `process.on("exit", () => require("node:fs").writeFileSync(process.env.PROBE_OUT, JSON.stringify(Object.keys(require.cache).filter((k) => /node_modules[\\\\/](bullmq|ioredis)[\\\\/]/.test(k)))));`,
    );
    return file;
  }

  it("a local batch never loads them; a worker does", async () => {
    const dir = tempDir();
    const pre = probe(dir);
    const localOut = join(dir, "local.json");
    const local = await finished(["batch", smallScenario(dir), "--runs", "4", "--workers", "1", "--out", join(dir, "o"), "--quiet"], ["-r", pre], { PROBE_OUT: localOut });
    expect(local.code).toBe(0);
    expect(JSON.parse(readFileSync(localOut, "utf8"))).toEqual([]);
    // the probe sees them when they are loaded: a worker loads both, then fails on the closed port
    const workerOut = join(dir, "worker.json");
    const worker = await finished(["worker", "--queue", `redis://127.0.0.1:${await freePort()}/0`], ["-r", pre], { PROBE_OUT: workerOut });
    expect(worker.code).toBe(1);
    const loaded: string[] = JSON.parse(readFileSync(workerOut, "utf8"));
    expect(loaded.some((f) => /[\\/]bullmq[\\/]/.test(f))).toBe(true);
    expect(loaded.some((f) => /[\\/]ioredis[\\/]/.test(f))).toBe(true);
  }, 180_000);
  it("a local calibrate never loads them", async () => {
    const { dir, calib } = fixture();
    const out = join(dir, "probe.json");
    const local = await finished(["calibrate", calib, ...SMALL, "--workers", "0", "--generations", "1"], ["-r", probe(dir)], { PROBE_OUT: out });
    expect(local.code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual([]);
  }, 180_000);
});
