/**
 * Damaged checkpoints: a checkpoint without a complete header (a kill -9 while it was created) is
 * started afresh; a record whose bytes were cut, altered, swapped or appended to is dropped with
 * what follows it, and those runs are done again, so the files equal an undamaged batch's.
 */
import { describe, expect, it } from "vitest";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inspectCheckpoint } from "../../src/batch/node/checkpoint-scan.js";
import { CHECKPOINT_FILE } from "../../src/batch/node/file-store.js";
import { cli, resultFiles, smallScenario, tempDir } from "./helpers.js";

/** Runs a 5-run batch of a small scenario into `dir/out`. */
async function batch(dir: string, scenario: string, out: string) {
  return cli(["batch", scenario, "--runs", "5", "--workers", "0", "--out", join(dir, out), "--quiet"]);
}

describe("a checkpoint without a complete header", () => {
  it.each([0, 1, 15, 40])("cut to %i bytes is started afresh", async (cut) => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    expect((await batch(dir, scenario, "whole")).code).toBe(0);
    expect((await batch(dir, scenario, "torn")).code).toBe(0);
    const file = join(dir, "torn", CHECKPOINT_FILE);
    writeFileSync(file, readFileSync(file).subarray(0, cut));
    const r = await batch(dir, scenario, "torn");
    expect(r.code, r.stderr).toBe(0);
    if (cut > 0) expect(r.stderr).toContain("starting the checkpoint afresh");
    expect(resultFiles(join(dir, "torn"))).toEqual(resultFiles(join(dir, "whole")));
    expect(inspectCheckpoint(file).runs).toBe(5);
  });
});

/** Ways to damage the checkpoint's records (each frame holds one run here). */
const damages: [string, (bytes: Buffer, frames: { offset: number; bytes: number }[]) => Buffer][] = [
  ["a value altered", (b, f) => (b[f[1].offset + f[1].bytes - 3] ^= 0x10, b)],
  ["two run numbers swapped", (b, f) => {
    const [x, y] = [f[1].offset + 20, f[3].offset + 20];
    const t = b.readUInt32LE(x);
    b.writeUInt32LE(b.readUInt32LE(y), x);
    b.writeUInt32LE(t, y);
    return b;
  }],
  ["a seed changed", (b, f) => (b[f[2].offset + 36] ^= 1, b)],
  ["a record cut short", (b, f) => Buffer.concat([b.subarray(0, f[2].offset + f[2].bytes - 7), b.subarray(f[2].offset + f[2].bytes)])],
  ["a length field enlarged", (b, f) => (b.writeUInt32LE(b.readUInt32LE(f[1].offset + 4) + 1, f[1].offset + 4), b)],
  ["the width field changed", (b, f) => (b.writeUInt32LE(3, f[0].offset + 28), b)],
  ["a record's tag changed", (b, f) => (b.write("XXXX", f[4].offset, "latin1"), b)],
  ["a torn record appended", (b) => Buffer.concat([b, b.subarray(b.length - 30)])],
];

describe("damaged records", () => {
  it.each(damages)("%s: dropped, its runs done again, the files as an undamaged batch's", async (_, damage) => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    expect((await batch(dir, scenario, "whole")).code).toBe(0);
    expect((await batch(dir, scenario, "bad")).code).toBe(0);
    const file = join(dir, "bad", CHECKPOINT_FILE);
    const before = inspectCheckpoint(file);
    expect(before.frames).toHaveLength(5);
    writeFileSync(file, damage(readFileSync(file), before.frames));
    expect(inspectCheckpoint(file).damage).not.toBeNull();
    const r = await batch(dir, scenario, "bad");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${CHECKPOINT_FILE}: `);
    expect(r.stderr).toContain("done again");
    expect(resultFiles(join(dir, "bad"))).toEqual(resultFiles(join(dir, "whole")));
    const after = inspectCheckpoint(file);
    expect(after.damage).toBeNull();
    expect(after.runs).toBe(5);
  });

  it("garbage after the last record is dropped", async () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    expect((await batch(dir, scenario, "bad")).code).toBe(0);
    const file = join(dir, "bad", CHECKPOINT_FILE);
    appendFileSync(file, "{\"s\":0,\"r\":3,\"seed\":1,\"v\":[1,2]}\n");
    const r = await batch(dir, scenario, "bad");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("nothing left to do");
    expect(inspectCheckpoint(file).damage).toBeNull();
  });
});
