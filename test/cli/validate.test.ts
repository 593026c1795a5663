import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateCommand } from "../../src/cli/validate.js";
import { EXIT, UsageError, type CliIO } from "../../src/cli/command.js";

const example = fileURLToPath(new URL("../../scenarios/example.json", import.meta.url));
const overlay = fileURLToPath(new URL("../../scenarios/example-overlay.json", import.meta.url));

/** A CliIO that records what a command writes. */
function fakeIO() {
  const out = { stdout: "", stderr: "" };
  const io: CliIO = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), color: false, stderrIsTTY: false };
  return { io, out };
}

/** A scenario file with two problems and a malformed one, in a temp dir. */
function badFiles() {
  const dir = mkdtempSync(join(tmpdir(), "clustersim-validate-"));
  const bad = join(dir, "bad.json");
  writeFileSync(bad, JSON.stringify({ extends: example, horizon: { endYear: 2017 }, costs: { perTeamYear: -1 } }, null, 2));
  const broken = join(dir, "broken.json");
  writeFileSync(broken, '{\n  "name": "x",\n}\n');
  return { bad, broken, missing: join(dir, "missing.json") };
}

describe("clustersim validate", () => {
  it("prints ok with the hash for valid files and exits 0", async () => {
    const { io, out } = fakeIO();
    const code = await validateCommand.run([example, overlay], io);
    expect(code).toBe(EXIT.ok);
    expect(out.stderr).toBe("");
    const lines = out.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^ok +${example.replace(/[.]/g, "\\.")}  sha256:[0-9a-f]{12}…$`));
    expect(lines[1]).toContain(overlay);
  });

  it("reports every problem of every file on stderr, one line each, and exits 2", async () => {
    const { bad, broken, missing } = badFiles();
    const { io, out } = fakeIO();
    const code = await validateCommand.run([example, bad, broken, missing], io);
    expect(code).toBe(EXIT.usage);
    expect(out.stdout.trimEnd().split("\n")).toEqual([
      expect.stringMatching(/^ok +.*example\.json  sha256:/),
      `FAIL  ${bad}  2 problems`,
      `FAIL  ${broken}  1 problem`,
      `FAIL  ${missing}  1 problem`,
    ]);
    expect(out.stderr.trimEnd().split("\n")).toEqual([
      `${bad}:4:5: $.horizon.endYear: must be >= startYear (2018), got 2017`,
      `${bad}:7:5: $.costs.perTeamYear: expected a number >= 0, or a distribution (found -1)`,
      `${broken}:3:1: $: invalid JSON: trailing comma before '}' is not allowed in JSON`,
      `${missing}: $: file not found`,
    ]);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it("--json prints one JSON document with every file's problems", async () => {
    const { bad, missing } = badFiles();
    const { io, out } = fakeIO();
    const code = await validateCommand.run(["--json", example, bad, missing], io);
    expect(code).toBe(EXIT.usage);
    const doc = JSON.parse(out.stdout);
    expect(doc.files).toHaveLength(3);
    expect(doc.files[0]).toMatchObject({ file: example, ok: true, problems: [] });
    expect(doc.files[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.files[1]).toMatchObject({ file: bad, ok: false });
    expect(doc.files[1].hash).toBeUndefined();
    expect(doc.files[1].problems).toContainEqual(
      expect.objectContaining({ file: bad, jsonPath: "$.costs.perTeamYear", message: "expected a number >= 0, or a distribution (found -1)" }),
    );
    expect(doc.files[2].problems).toEqual([{ file: missing, jsonPath: "$", message: "file not found" }]);
  });

  it("no files is a usage error", async () => {
    const { io } = fakeIO();
    await expect(validateCommand.run([], io)).rejects.toBeInstanceOf(UsageError);
    await expect(validateCommand.run(["--bogus", example], io)).rejects.toBeInstanceOf(UsageError);
  });

  it("--help prints the usage", async () => {
    const { io, out } = fakeIO();
    expect(await validateCommand.run(["--help"], io)).toBe(EXIT.ok);
    expect(out.stdout).toContain("Usage: clustersim validate");
  });

  it("passes on the shipped folder (scenarios/*.json), skipping the JSON Schema file with a note", async () => {
    const dir = fileURLToPath(new URL("../../scenarios/", import.meta.url));
    const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => join(dir, f));
    expect(files.some((f) => f.endsWith("scenario.schema.json"))).toBe(true);
    const { io, out } = fakeIO();
    expect(await validateCommand.run(files, io)).toBe(EXIT.ok);
    expect(out.stderr).toBe("");
    const lines = out.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(files.length);
    expect(lines.filter((l) => l.startsWith("skip"))).toEqual([`skip  ${join(dir, "scenario.schema.json")}  a JSON Schema, not a scenario`]);
    expect(lines.filter((l) => l.startsWith("ok"))).toHaveLength(files.length - 1);
  });

  it("does not skip a scenario that names its schema", async () => {
    const { io, out } = fakeIO();
    const dir = mkdtempSync(join(tmpdir(), "clustersim-validate-"));
    const file = join(dir, "s.json");
    writeFileSync(file, JSON.stringify({ $schema: "./scenario.schema.json", extends: example, horizon: { endYear: 1 } }));
    expect(await validateCommand.run([file], io)).toBe(EXIT.usage);
    expect(out.stdout).toMatch(/^FAIL/);
  });
});
