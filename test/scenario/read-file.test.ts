import { afterEach, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { closeSync, constants, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MAX_SCENARIO_BYTES } from "../../src/scenario/read-file.js";
import { exampleData, problemsOf, tempDir, writeFixture } from "./fixtures.js";

const fifos: string[] = [];

/** A named pipe with no writer: reading it the usual way blocks forever. */
function fifo(dir: string, name: string): string {
  const file = join(dir, name);
  execFileSync("mkfifo", [file]);
  fifos.push(file);
  return file;
}

// If a test ever opened a FIFO for reading, give it a writer so no thread stays blocked.
afterEach(() => {
  for (const f of fifos.splice(0)) {
    try {
      closeSync(openSync(f, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // no reader waiting: nothing to release
    }
  }
});

describe("only regular files are read", () => {
  it("a FIFO as the scenario is refused at once", { timeout: 10_000 }, async () => {
    const file = fifo(tempDir(), "pipe.json");
    const [p, ...rest] = await problemsOf(file);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file, jsonPath: "$" });
    expect(p.message).toBe("cannot read the file: it is a FIFO (named pipe), not a regular file");
  });

  it("a FIFO as an extends base is refused in the file that names it", { timeout: 10_000 }, async () => {
    const dir = tempDir();
    fifo(dir, "base.json");
    const over = writeFixture(dir, "over.json", { extends: "./base.json", name: "x" });
    const [p, ...rest] = await problemsOf(over);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: over, jsonPath: "$.extends", line: 2 });
    expect(p.message).toBe(`cannot read base file "${dir}/base.json": it is a FIFO (named pipe), not a regular file`);
  });

  it("a symlink to a FIFO, a device or a directory is refused", { timeout: 10_000 }, async () => {
    const dir = tempDir();
    symlinkSync(fifo(dir, "pipe"), join(dir, "to-pipe.json"));
    symlinkSync("/dev/zero", join(dir, "to-zero.json"));
    mkdirSync(join(dir, "folder.json"));
    symlinkSync(join(dir, "folder.json"), join(dir, "to-folder.json"));
    const expected: Record<string, string> = {
      "to-pipe.json": "it is a FIFO (named pipe), not a regular file",
      "to-zero.json": "it is a character device, not a regular file",
      "folder.json": "it is a directory, not a regular file",
      "to-folder.json": "it is a directory, not a regular file",
    };
    for (const [name, why] of Object.entries(expected)) {
      const [p] = await problemsOf(join(dir, name));
      expect(p.message, name).toBe(`cannot read the file: ${why}`);
    }
    const [dev] = await problemsOf("/dev/null");
    expect(dev.message).toBe("cannot read the file: it is a character device, not a regular file");
  });

  it("a symlink to a regular file is read", async () => {
    const dir = tempDir();
    writeFixture(dir, "real.json", exampleData());
    symlinkSync(join(dir, "real.json"), join(dir, "link.json"));
    const over = writeFixture(dir, "over.json", { extends: "./link.json", name: "via-link" });
    const { loadScenario } = await import("../../src/scenario/load.js");
    expect((await loadScenario(over)).scenario.name).toBe("via-link");
  });
});

describe("a file over the size limit is refused before it is read", () => {
  it("names the file, its size and the limit", async () => {
    const dir = tempDir();
    const file = join(dir, "huge.json");
    // a sparse file: over the limit without writing its bytes
    const fd = openSync(file, "w");
    closeSync(fd);
    execFileSync("truncate", ["-s", String(MAX_SCENARIO_BYTES + 1), file]);
    const [p] = await problemsOf(file);
    expect(p).toMatchObject({ file, jsonPath: "$" });
    expect(p.message).toBe(`cannot read the file: it is 8,388,609 bytes, over the limit of 8,388,608 bytes (8 MiB) for a scenario file`);
  });

  it("a file of exactly the limit is read (and judged on its content)", async () => {
    const dir = tempDir();
    const data = exampleData();
    delete data.$comment;
    let text = JSON.stringify(data);
    text = text.slice(0, -1) + `,"$comment":"${"x".repeat(MAX_SCENARIO_BYTES - Buffer.byteLength(text) - 14)}"}`;
    expect(Buffer.byteLength(text)).toBe(MAX_SCENARIO_BYTES);
    const file = writeFixture(dir, "big.json", text);
    const { loadScenario } = await import("../../src/scenario/load.js");
    expect((await loadScenario(file)).scenario.name).toBe("example");
  });
});

describe("text encodings", () => {
  const write = (name: string, bytes: Buffer) => {
    const file = join(tempDir(), name);
    writeFileSync(file, bytes);
    return file;
  };
  const json = '{\n  "name": "x"\n}\n';

  it("UTF-16 with a byte-order mark is refused, saying so", async () => {
    const le = write("le.json", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, "utf16le")]));
    const [p] = await problemsOf(le);
    expect(p).toMatchObject({ file: le, jsonPath: "$", line: 1, column: 1 });
    expect(p.message).toBe("the file is UTF-16 (little-endian, it starts with a UTF-16 byte-order mark); save it as UTF-8");
    const be = write("be.json", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(json, "utf16le").swap16()]));
    expect((await problemsOf(be))[0].message).toContain("the file is UTF-16 (big-endian");
  });

  it("UTF-16 without a byte-order mark is recognised by its zero bytes", async () => {
    const file = write("nobom.json", Buffer.from(json, "utf16le"));
    const [p] = await problemsOf(file);
    expect(p.message).toBe("the file looks like UTF-16 (every other byte is zero); save it as UTF-8");
  });

  it("an invalid UTF-8 byte is reported with its byte offset, line and column", async () => {
    const bytes = Buffer.from('{\n  "name": "caf\u00e9 XX"\n}\n', "utf8");
    const at = bytes.indexOf("XX");
    bytes[at] = 0xff;
    const file = write("latin.json", bytes);
    const [p, ...rest] = await problemsOf(file);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file, jsonPath: "$", line: 2, column: 17 });
    expect(p.message).toBe(`not valid UTF-8 at byte ${at} (0xff); save the file as UTF-8`);
  });

  it("overlong forms and encoded surrogates are invalid; a real U+FFFD before them does not confuse the offset", async () => {
    for (const bad of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
      const prefix = Buffer.from('{"name": "\ufffd', "utf8");
      const file = write("bad.json", Buffer.concat([prefix, Buffer.from(bad), Buffer.from('"}')]));
      const [p] = await problemsOf(file);
      expect(p.message).toBe(`not valid UTF-8 at byte ${prefix.length} (0x${bad[0].toString(16)}); save the file as UTF-8`);
    }
  });

  it("a UTF-8 byte-order mark is accepted", async () => {
    const data = exampleData();
    delete data.$schema;
    const file = write("bom.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(data))]));
    const { loadScenario } = await import("../../src/scenario/load.js");
    expect((await loadScenario(file)).scenario.name).toBe("example");
  });

  it("an encoding problem in a base file is reported in the base file", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "base.json"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, "utf16le")]));
    const over = writeFixture(dir, "over.json", { extends: "./base.json" });
    const [p] = await problemsOf(over);
    expect(p.file).toBe(`${dir}/base.json`);
    expect(p.message).toContain("the file is UTF-16");
  });
});

describe("an extends chain has a total size limit", () => {
  it("the file that takes the chain over the limit is refused in the file that names it", async () => {
    const { loadScenario } = await import("../../src/scenario/load.js");
    const dir = tempDir();
    const base = writeFixture(dir, "base.json", exampleData());
    const over = writeFixture(dir, "over.json", { extends: "./base.json", name: "x" });
    const both = Buffer.byteLength(readFileSync(base, "utf8")) + Buffer.byteLength(readFileSync(over, "utf8"));
    expect((await loadScenario(over, { maxChainBytes: both })).scenario.name).toBe("x");
    const [p] = await problemsOf(over, { maxChainBytes: both - 1 });
    expect(p).toMatchObject({ file: over, jsonPath: "$.extends" });
    expect(p.message).toBe(`cannot read base file "${dir}/base.json": the files of the extends chain up to this one add up to over ${(both - 1).toLocaleString("en-US")} bytes, the limit for a chain`);
  });
});
