/**
 * rediss://: a batch on a TLS-only, password-protected redis-server (certificate from a test CA,
 * trusted through NODE_EXTRA_CA_CERTS) gives the local batch's files; a worker that does not trust
 * the certificate fails at once in one line. Coordinator and worker are child processes, since
 * Node reads NODE_EXTRA_CA_CERTS at start-up. Slow: about 20 s.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, resultFiles, smallScenario, tempDir } from "../batch/helpers.js";
import { killAllCli, startCli, startWorker, stopCli } from "./helpers.js";
import { startRedis, type TestRedis } from "./redis-server.js";

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis({ tls: true });
}, 30_000);
afterAll(async () => {
  killAllCli();
  await redis.stop();
});

describe("a queue over TLS (rediss://)", () => {
  it("runs a batch with the local batch's files when the CA is trusted; fails at once in one line when it is not", async () => {
    expect(redis.url.startsWith("rediss://")).toBe(true);
    const untrusted = startWorker(redis.url);
    expect(await untrusted.exited).toBe(1);
    const lines = untrusted.lines.filter((l) => l.trim() !== "");
    expect(lines).toEqual([expect.stringMatching(/^clustersim worker: failed: cannot use the queue at rediss:\/\/:\*\*\*@127\.0\.0\.1:\d+\/0: .*certificate/)]);

    const trust = { NODE_EXTRA_CA_CERTS: redis.caFile! };
    const worker = startCli(["worker", "--queue", redis.url, "--concurrency", "1"], trust);
    try {
      await worker.waitFor(/waiting for batches/);
      const dir = tempDir();
      const scenario = smallScenario(dir);
      const args = (out: string) => ["batch", scenario, "--runs", "24", "--seed", "9", "--out", join(dir, out), "--quiet"];
      const local = await cli([...args("local"), "--workers", "0"]);
      expect(local.code, local.stderr).toBe(0);
      const queued = startCli([...args("tls"), "--queue", redis.url], trust);
      expect(await queued.exited, queued.lines.join("\n")).toBe(0);
      expect(resultFiles(join(dir, "tls"))).toEqual(resultFiles(join(dir, "local")));
      expect(worker.lines.some((l) => / done in /.test(l))).toBe(true);
    } finally {
      await stopCli(worker);
    }
  }, 300_000);
});
