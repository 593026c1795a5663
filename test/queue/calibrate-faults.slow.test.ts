/**
 * `clustersim calibrate --queue` under faults, on a real redis-server with real `clustersim worker`
 * processes: a worker killed -9 mid-job, a Redis that restarts (empty) mid-calibration, and a
 * coordinator killed -9 and run again (reusing the histories already on the queue) each still give
 * the JSON and posterior file of a local calibrate, byte for byte. Slow: about two minutes.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/command.js";
import { main } from "../../src/cli/main.js";
import { fakeIO, fixture } from "../cli/calibrate-fixture.js";
import { killAllCli, startCli, startWorker, stopCli, until, type CliProcess } from "./helpers.js";
import { startRedis, type TestRedis } from "./redis-server.js";

/** 40 particles: about 300 histories a generation, in jobs of about 10 (long enough to be killed mid-job). */
const OPTIONS = ["--particles", "40", "--predictive", "4", "--generations", "3"];
let redis: TestRedis;
let fix: ReturnType<typeof fixture>;

beforeAll(async () => {
  redis = await startRedis();
  fix = fixture();
}, 30_000);

afterAll(async () => {
  killAllCli();
  await redis.stop();
});

/** A local calibrate's JSON and posterior text for `seed`. */
async function local(seed: number): Promise<{ json: string; posterior: string }> {
  const out = join(fix.dir, `local-${seed}`);
  mkdirSync(out);
  const { io, out: o } = fakeIO();
  expect(await main(["calibrate", fix.calib, ...OPTIONS, "--seed", String(seed), "--quiet", "--json", "--out", join(out, "posterior.json")], io)).toBe(EXIT.ok);
  return { json: o.stdout, posterior: readFileSync(join(out, "posterior.json"), "utf8") };
}

/** `calibrate --queue` in this process; `during` runs while it does. */
async function queued(seed: number, during: () => Promise<void> = async () => {}) {
  const out = join(fix.dir, `queue-${seed}`);
  mkdirSync(out, { recursive: true });
  const { io, out: o } = fakeIO();
  const [code] = await Promise.all([main(["calibrate", fix.calib, ...OPTIONS, "--seed", String(seed), "--json", "--queue", redis.url, "--out", join(out, "posterior.json")], io), during()]);
  expect(code, o.stderr).toBe(EXIT.ok);
  return { json: o.stdout, posterior: readFileSync(join(out, "posterior.json"), "utf8"), stderr: o.stderr };
}

const START = /calibration [0-9a-f]{8} calib: job h[0-9a-f]{8}, \d+ histor(y|ies)$/;
const DONE = /, (\d+) histor(?:y|ies) done in/;
/** A worker's log line without its time. */
const text = (line: string) => line.slice(9);
/** Histories the workers have reported done so far. */
const done = (workers: CliProcess[]) => workers.flatMap((w) => w.lines).reduce((n, l) => n + Number(DONE.exec(l)?.[1] ?? 0), 0);

describe("calibrate --queue under faults", () => {
  it("a worker killed -9 mid-job loses nothing: its job goes back to the queue and the other worker runs it", async () => {
    const [a, b] = [startWorker(redis.url, 1, 1000), startWorker(redis.url, 1, 1000)];
    try {
      await Promise.all([a, b].map((w) => w.waitFor(/waiting for batches/)));
      const expected = await local(31);
      const got = await queued(31, async () => {
        await a.waitFor(DONE); // a is taking the calibration's jobs
        await a.killOnLine(START, "SIGKILL"); // killed the moment it starts a job
      });
      expect(await a.exited).toBe("SIGKILL");
      expect(got.json).toBe(expected.json);
      expect(got.posterior).toBe(expected.posterior);
      const aLines = a.lines.map(text);
      const lost = aLines.filter((l) => START.test(l) && !aLines.some((d) => d.startsWith(`${l} done in`)));
      expect(lost.length).toBeGreaterThan(0);
      // the job ids are content hashes: b ran the very job a died in
      for (const l of lost) expect(b.lines.some((d) => d.includes(`job ${/job (h[0-9a-f]{8})/.exec(l)![1]},`) && DONE.test(d)), l).toBe(true);
    } finally {
      a.child.kill("SIGKILL");
      await stopCli(b);
    }
  }, 600_000);

  describe("with two workers", () => {
    let workers: CliProcess[] = [];
    beforeAll(async () => {
      workers = [startWorker(redis.url, 1, 2000), startWorker(redis.url, 1, 2000)];
      await Promise.all(workers.map((w) => w.waitFor(/waiting for batches/)));
    }, 120_000);
    afterAll(async () => {
      expect(await Promise.all(workers.map(stopCli))).toEqual([0, 0]);
    }, 120_000);

    it("a Redis that restarts (empty) mid-calibration delays it, then it completes with the same result", async () => {
      const expected = await local(32);
      const before = done(workers);
      const got = await queued(32, async () => {
        await until(() => done(workers) >= before + 100);
        await redis.restart();
      });
      expect(got.stderr).toContain("registered the calibration again");
      expect(got.json).toBe(expected.json);
      expect(got.posterior).toBe(expected.posterior);
    }, 600_000);

    it("a coordinator killed -9 and run again reuses the histories already on the queue", async () => {
      const expected = await local(33);
      const coordinator = startCli(["calibrate", fix.calib, ...OPTIONS, "--seed", "33", "--queue", redis.url, "--json"]);
      await coordinator.killOnLine(/^generation 1 /, "SIGKILL");
      expect(await coordinator.exited).toBe("SIGKILL");
      const got = await queued(33);
      expect(got.stderr).toMatch(/the queue already held \d+ finished histories of this calibration \(reused\)/);
      expect(got.json).toBe(expected.json);
      expect(got.posterior).toBe(expected.posterior);
    }, 600_000);
  });
});
