/**
 * A real redis-server for the queue tests (never a mock): started on 127.0.0.1 on a free port
 * with a password and no persistence (`--save ''`, as ARCHITECTURE's stack notes set it up), and
 * stopped or restarted on the same port. A restart therefore starts from an empty Redis. With
 * `tls`, it listens for TLS only, with a certificate for 127.0.0.1 from a fresh test CA (openssl).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
  /** redis://:password@127.0.0.1:port/0 (rediss:// with TLS) */
  url: string;
  /** with TLS: the test CA's certificate file (for NODE_EXTRA_CA_CERTS) */
  caFile: string | null;
  /** stops the server (SIGTERM) and waits for it to exit */
  stop(): Promise<void>;
  /** stops and starts it again on the same port, empty */
  restart(): Promise<void>;
}

/** A test CA and a server certificate for 127.0.0.1 signed by it, in a new folder. */
function testCertificates(): { dir: string; ca: string; cert: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), "clustersim-tls-"));
  const f = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync("openssl", args, { stdio: "ignore" });
  openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", f("ca.key"), "-out", f("ca.crt"), "-days", "2", "-subj", "/CN=clustersim test CA");
  openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", f("server.key"), "-out", f("server.csr"), "-subj", "/CN=127.0.0.1");
  writeFileSync(f("ext.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
  openssl("x509", "-req", "-in", f("server.csr"), "-CA", f("ca.crt"), "-CAkey", f("ca.key"), "-CAcreateserial", "-out", f("server.crt"), "-days", "2", "-extfile", f("ext.cnf"));
  return { dir, ca: f("ca.crt"), cert: f("server.crt"), key: f("server.key") };
}

/** Starts redis-server and resolves once it accepts connections. */
function launch(port: number, password: string, tls: ReturnType<typeof testCertificates> | null): Promise<ChildProcess> {
  const listen = tls
    ? ["--port", "0", "--tls-port", String(port), "--tls-cert-file", tls.cert, "--tls-key-file", tls.key, "--tls-ca-cert-file", tls.ca, "--tls-auth-clients", "no"]
    : ["--port", String(port)];
  const args = [...listen, "--bind", "127.0.0.1", "--requirepass", password, "--save", "", "--appendonly", "no", "--daemonize", "no"];
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

/** Starts a password-protected Redis on a free loopback port (TLS only with `tls`). */
export async function startRedis(options: { tls?: boolean } = {}): Promise<TestRedis> {
  const port = await freePort();
  const password = `test-${randomBytes(12).toString("hex")}`;
  const tls = options.tls ? testCertificates() : null;
  let child = await launch(port, password, tls);
  const stop = async () => {
    child.removeAllListeners("exit");
    const done = exited(child);
    child.kill("SIGTERM");
    await done;
  };
  return {
    port,
    password,
    url: `${tls ? "rediss" : "redis"}://:${password}@127.0.0.1:${port}/0`,
    caFile: tls?.ca ?? null,
    stop,
    async restart() {
      await stop();
      child = await launch(port, password, tls);
    },
  };
}
