import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/main.js";
import { EXIT, processIO, type CliIO } from "../../src/cli/command.js";
import { VERSION } from "../../src/version.js";

const example = fileURLToPath(new URL("../../scenarios/example.json", import.meta.url));

function fakeIO(color = false) {
  const out = { stdout: "", stderr: "" };
  const io: CliIO = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), color, stderrIsTTY: false };
  return { io, out };
}

describe("clustersim entry", () => {
  it("--help prints usage on stdout and exits 0", async () => {
    const { io, out } = fakeIO();
    expect(await main(["--help"], io)).toBe(EXIT.ok);
    expect(out.stdout).toContain("Usage: clustersim <command>");
    expect(out.stdout).toContain("run");
    expect(out.stderr).toBe("");
  });

  it("--version prints the package version", async () => {
    const { io, out } = fakeIO();
    expect(await main(["--version"], io)).toBe(EXIT.ok);
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    expect(out.stdout).toBe(`${pkg.version}\n`);
    expect(VERSION).toBe(pkg.version);
  });

  it("an unknown command prints usage on stderr and exits 2", async () => {
    const { io, out } = fakeIO();
    expect(await main(["frobnicate"], io)).toBe(EXIT.usage);
    expect(out.stderr).toContain('unknown command "frobnicate"');
    expect(out.stdout).toBe("");
  });

  it("an unknown option exits 2 with the command's usage", async () => {
    const { io, out } = fakeIO();
    expect(await main(["run", example, "--sede", "3"], io)).toBe(EXIT.usage);
    expect(out.stderr).toContain("--sede");
    expect(out.stderr).toContain("Usage: clustersim run");
  });

  it("a non-numeric seed exits 2", async () => {
    const { io, out } = fakeIO();
    expect(await main(["run", example, "--seed", "abc"], io)).toBe(EXIT.usage);
    expect(out.stderr).toContain("--seed expects a whole number");
  });

  it("a missing scenario exits 2 with a message naming the file, no stack trace", async () => {
    const { io, out } = fakeIO();
    expect(await main(["run", "no/such/file.json"], io)).toBe(EXIT.usage);
    expect(out.stderr).toContain("no/such/file.json");
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it("run prints the target table, and with --json exactly one JSON document", async () => {
    const text = fakeIO();
    expect(await main(["run", example, "--seed", "4"], text.io)).toBe(EXIT.ok);
    expect(text.out.stdout).toContain("Targets");
    expect(text.out.stdout).not.toMatch(/\x1b\[/);
    const json = fakeIO();
    expect(await main(["run", example, "--seed", "4", "--json"], json.io)).toBe(EXIT.ok);
    const doc = JSON.parse(json.out.stdout);
    expect(doc.seed).toBe(4);
    expect(Array.isArray(doc.metrics[0].values)).toBe(true);
    expect(doc.targets.length).toBeGreaterThan(0);
  });

  it("colours only when allowed", async () => {
    const { io, out } = fakeIO(true);
    await main(["run", example], io);
    expect(out.stdout).toMatch(/\x1b\[/);
    const saved = process.env.NO_COLOR;
    process.env.NO_COLOR = "1";
    try {
      expect(processIO().color).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = saved;
    }
  });
});
