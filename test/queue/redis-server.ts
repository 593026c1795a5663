/**
 * A real redis-server for the queue tests (never a mock): started on 127.0.0.1 on a free port
 * with a password and no persistence (`--save ''`, as ARCHITECTURE's stack notes set it up), and
 * stopped or restarted on the same port. A restart therefore starts from an empty Redis.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";

/** Debian's redis-server (.ci/run installs it). */
export const REDIS_SERVER = process.env.CLUSTERSIM_REDIS_SERVER ?? "/usr/bin/redis-server";

/** A free TCP port on 127.0.0.1 (bound and released at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A running test Redis: its URL (with the password), and how to stop or restart it. */
export interface TestRedis {
  port: number;
  password: string;
  /** redis://:password@127.0.0.1:port/0 */
  url: string;
  /** stops the server (SIGTERM) and waits for it to exit */
  stop(): Promise<void>;
  /** stops and starts it again on the same port, empty */
  restart(): Promise<void>;
}

/** Starts redis-server and resolves once it accepts connections. */
function launch(port: number, password: string): Promise<ChildProcess> {
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--requirepass", password, "--save", "", "--appendonly", "no", "--daemonize", "no"];
  const child = spawn(REDIS_SERVER, args, { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let log = "";
    const onData = (chunk: Buffer) => {
      log += chunk.toString("utf8");
      if (log.includes("Ready to accept connections")) {
        child.stdout?.off("data", onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(child);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (c: Buffer) => void (log += c.toString("utf8")));
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`redis-server exited with code ${code} before it was ready:\n${log}`)));
  });
}

/** Waits for a child to exit. */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Starts a password-protected Redis on a free loopback port. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const password = `test-${randomBytes(12).toString("hex")}`;
  let child = await launch(port, password);
  const stop = async () => {
    child.removeAllListeners("exit");
    const done = exited(child);
    child.kill("SIGTERM");
    await done;
  };
  return {
    port,
    password,
    url: `redis://:${password}@127.0.0.1:${port}/0`,
    stop,
    async restart() {
      await stop();
      child = await launch(port, password);
    },
  };
}
