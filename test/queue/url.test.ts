import { describe, expect, it } from "vitest";
import { parseQueueUrl } from "../../src/batch/node/queue/url.js";

describe("--queue URL", () => {
  it("reads host, port, database and TLS", () => {
    const u = parseQueueUrl("redis://:s3cret@10.0.0.5:6380/2");
    expect([u.host, u.port, u.db, u.tls, u.hasPassword]).toEqual(["10.0.0.5", 6380, 2, false, true]);
    const t = parseQueueUrl("rediss://queue.example.org");
    expect([t.host, t.port, t.db, t.tls, t.hasPassword]).toEqual(["queue.example.org", 6379, 0, true, false]);
  });

  it("hides the password in its printable form and in any text, as written and as decoded", () => {
    const u = parseQueueUrl("redis://user:p%40ss%2Fword@127.0.0.1:6379/0");
    expect(u.safe).toBe("redis://user:***@127.0.0.1:6379/0");
    expect(u.safe).not.toContain("p%40ss");
    expect(u.redact("AUTH p@ss/word failed for p%40ss%2Fword")).toBe("AUTH *** failed for ***");
    expect(u.href).toContain("p%40ss%2Fword"); // the client gets the real one
  });

  it("takes the password from CLUSTERSIM_QUEUE_PASSWORD when the URL has none (and hides it too)", () => {
    const u = parseQueueUrl("redis://127.0.0.1:6379/1", { CLUSTERSIM_QUEUE_PASSWORD: "from env/@" });
    expect(u.hasPassword).toBe(true);
    expect(u.href).toBe("redis://:from%20env%2F%40@127.0.0.1:6379/1");
    expect(u.safe).toBe("redis://:***@127.0.0.1:6379/1");
    expect(u.redact("it said from env/@")).toBe("it said ***");
    expect(parseQueueUrl("redis://:inline@127.0.0.1:6379/1", { CLUSTERSIM_QUEUE_PASSWORD: "other" }).href).toContain(":inline@");
    expect(parseQueueUrl("redis://127.0.0.1", {}).hasPassword).toBe(false);
  });

  it.each([
    ["http://:pw@host:6379", "http: URL"],
    ["not a url pw", "not a URL"],
    ["redis://:pw@host:6379/zero", "database number"],
    ["redis://:pw@host:6379/0?password=pw", "no query"],
  ])("refuses %s without echoing the password", (text, message) => {
    let thrown: Error | null = null;
    try {
      parseQueueUrl(text);
    } catch (err) {
      thrown = err as Error;
    }
    expect(thrown?.message).toContain(message);
    expect(thrown?.message).not.toMatch(/\bpw\b/);
  });
});
