import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { escapeTerminal, shortenLine } from "../../src/report/terminal-text.js";
import { formatTable, palette } from "../../src/report/table.js";
import { main } from "../../src/cli/main.js";
import type { CliIO } from "../../src/cli/command.js";
import { ROOT, buildCli, disposeCli, runCli } from "./child-cli.js";

/** Control characters a terminal acts on (C0 but newline, DEL, C1). */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const TITLE = "\u001b]0;pwned\u0007";
const CLEAR = "\u001b[2J\u001b[H";

function fakeIO() {
  const out = { stdout: "", stderr: "" };
  const io: CliIO = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), color: false, stderrIsTTY: false };
  return { io, out };
}

describe("escapeTerminal", () => {
  it("escapes what would set the window title, clear the screen or move the cursor", () => {
    expect(escapeTerminal(`a${TITLE}b${CLEAR}c\rd\be\u0000`)).toBe("a\\u001b]0;pwned\\u0007b\\u001b[2J\\u001b[Hc\\rd\\u0008e\\u0000");
    expect(escapeTerminal("8-bit CSI \u009b2J, DEL \u007f")).toBe("8-bit CSI \\u009b2J, DEL \\u007f");
  });

  it("escapes bidirectional overrides and line separators, leaves other text alone", () => {
    expect(escapeTerminal("abc\u202edef\u2066g\u2028")).toBe("abc\\u202edef\\u2066g\\u2028");
    expect(escapeTerminal("医学城（示例） · 亿元 ✓ é")).toBe("医学城（示例） · 亿元 ✓ é");
  });

  it("keeps newlines and tabs only when asked, colour (SGR) sequences only when asked", () => {
    expect(escapeTerminal("a\nb\tc")).toBe("a\\nb\\tc");
    expect(escapeTerminal("a\nb\tc", { newlines: true })).toBe("a\nb\tc");
    expect(escapeTerminal("\u001b[32mmet\u001b[0m")).toBe("\\u001b[32mmet\\u001b[0m");
    expect(escapeTerminal("\u001b[32mmet\u001b[0m", { colour: true })).toBe("\u001b[32mmet\u001b[0m");
    expect(escapeTerminal(`\u001b[1;31m${CLEAR}`, { colour: true })).toBe("\u001b[1;31m\\u001b[2J\\u001b[H");
  });

  it("shortens a very long line, saying by how much", () => {
    expect(shortenLine("x".repeat(50), 60)).toBe("x".repeat(50));
    expect(shortenLine("x".repeat(5000), 100)).toBe(`${"x".repeat(100)}… (4,900 more characters)`);
  });
});

describe("tables escape their cells", () => {
  it("a name with control characters is escaped, the columns stay aligned, colour is kept", () => {
    const c = palette(true);
    const table = formatTable(["park", "status"], [[`evil${TITLE}\nname`, c.green("met")], ["ok", "x"]]);
    const lines = table.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    const name = "evil\\u001b]0;pwned\\u0007\\nname";
    expect(lines[2]).toBe(`${name}     \u001b[32mmet\u001b[0m`);
    expect(lines[3]).toBe(`ok${" ".repeat(name.length - 2)}       x`);
    expect(table.replace(/\u001b\[\d+m/g, "")).not.toMatch(RAW_CONTROL);
  });
});

describe("the error printer escapes problems, one line each", () => {
  it("an unknown key with an escape sequence and a newline", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clustersim-terminal-"));
    const file = join(dir, "evil.json");
    writeFileSync(file, JSON.stringify({ extends: join(ROOT, "scenarios", "example.json"), [`x${CLEAR}\nfake: $.name: ok`]: 1, [`y${TITLE}`]: 2 }));
    const { io, out } = fakeIO();
    expect(await main(["run", file], io)).toBe(2);
    const lines = out.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(out.stderr).not.toMatch(RAW_CONTROL);
    expect(lines[0]).toContain("\\u001b[2J\\u001b[H\\nfake");
    expect(lines[1]).toContain("y\\u001b]0;pwned\\u0007");
  });

  it("validate prints the same one line per problem as the error printer", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clustersim-terminal-"));
    const file = join(dir, "evil.json");
    writeFileSync(file, JSON.stringify({ extends: join(ROOT, "scenarios", "example.json"), [`x${CLEAR}\nfake: $.name: ok`]: 1, [`y${TITLE}`]: 2 }));
    const run = fakeIO();
    const check = fakeIO();
    expect(await main(["run", file], run.io)).toBe(2);
    expect(await main(["validate", file], check.io)).toBe(2);
    const lines = check.out.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(check.out.stderr).not.toMatch(RAW_CONTROL);
    expect(lines).toEqual(run.out.stderr.replace("clustersim run: ", "").trimEnd().split("\n"));
  });

  it("a usage error naming an option with control characters", async () => {
    const { io, out } = fakeIO();
    expect(await main(["run", "x.json", `--se${CLEAR}ed`], io)).toBe(2);
    expect(out.stderr).toContain("\\u001b[2J");
    expect(out.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe("nothing the CLI prints carries raw control characters (child process)", () => {
  let cli: string;
  beforeAll(async () => {
    cli = await buildCli();
  }, 120_000);
  afterAll(() => disposeCli(cli));

  it("a valid scenario whose name and target label are escape sequences", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clustersim-terminal-"));
    const file = join(dir, "evil.json");
    const target = { label: `label${CLEAR}`, year: 2020, kind: "attracted", groups: ["anchor"], threshold: 3 };
    writeFileSync(file, JSON.stringify({ extends: join(ROOT, "scenarios", "example.json"), name: `name${TITLE}`, targets: { "anchors-signed": target } }));
    const r = await runCli(cli, ["run", file]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("name\\u001b]0;pwned\\u0007");
    expect(r.stdout).toContain("label\\u001b[2J\\u001b[H");
    expect(r.stdout).not.toMatch(RAW_CONTROL);
  });
});
