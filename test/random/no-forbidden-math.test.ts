import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { blankCommentsAndStrings, findForbiddenMath, formatOffences, scanForForbiddenMath } from "./forbidden-math.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCANNED = ["src/model", "src/random", "src/analysis"];

describe("no forbidden math in the model, random and analysis code", () => {
  it("finds no Math.* outside the allowed list and no ** operator", () => {
    const { files, offences } = scanForForbiddenMath(ROOT, SCANNED);
    expect(files.length).toBeGreaterThan(0);
    expect(formatOffences(offences), "forbidden math (use src/random/math.ts)").toBe("");
  });
});

describe("the scanner itself", () => {
  it("flags forbidden calls, bare Math and ** with their lines", () => {
    const src = [
      "const a = Math.sqrt(2);",
      "const b = Math.exp(1);",
      "const c = 2 ** 3;",
      "let d = 1; d **= 2;",
      "const { log } = Math;",
      "const e = Math . pow(2, 3);",
      "const f = Math.random();",
      "const g = globalThis.Math.exp(1);",
    ].join("\n");
    const found = findForbiddenMath(src, "x.ts").map((o) => `${o.line}:${o.what}`);
    expect(found).toEqual([
      "2:Math.exp",
      "3:`**` operator (use pow from src/random/math.ts)",
      "4:`**` operator (use pow from src/random/math.ts)",
      "5:use of the Math object other than Math.<allowed>",
      "6:Math.pow",
      "7:Math.random",
      "8:Math.exp",
    ]);
  });

  it("ignores comments and string text but not template expressions", () => {
    const src = [
      "// Math.exp(1) in a line comment",
      "/* Math.log(2) and 2 ** 3",
      "   over two lines */ const ok = Math.floor(1.5);",
      'const s = "Math.pow ** in a string";',
      "const t = `Math.exp in template text ${Math.log(2)} more`;",
      "const u = `nested ${`inner ${Math.cos(0)}`} done`;",
      "const obj = { a: { b: 1 } }; const v = Math.sin(0);",
    ].join("\n");
    const found = findForbiddenMath(src, "x.ts").map((o) => `${o.line}:${o.what}`);
    expect(found).toEqual(["5:Math.log", "6:Math.cos", "7:Math.sin"]);
    expect(blankCommentsAndStrings(src).split("\n")).toHaveLength(7);
  });

  it("names file and line in the report", () => {
    expect(formatOffences(findForbiddenMath("\n\nx = Math.exp(1)", "src/model/y.ts"))).toBe("src/model/y.ts:3: Math.exp");
  });
});
