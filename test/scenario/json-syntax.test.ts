import { describe, expect, it } from "vitest";
import { scanJson } from "../../src/scenario/json-syntax.js";
import { formatProblem } from "../../src/scenario/errors.js";
import { problemsOf, tempDir, writeFixture } from "./fixtures.js";

/** V8's own message for the text (to show which errors it reports without a position). */
function v8Message(text: string): string {
  try {
    JSON.parse(text);
    return "ok";
  } catch (err) {
    return (err as Error).message;
  }
}

describe("malformed JSON is reported with line, column and path", () => {
  const cases: { name: string; text: string; line: number; column: number; path: string; message: string }[] = [
    {
      name: "a trailing comma in an array (V8 gives no position)",
      text: '{\n  "chain": {\n    "order": ["a", "b",]\n  }\n}\n',
      line: 3,
      column: 24,
      path: "$.chain.order",
      message: "trailing comma before ']' is not allowed in JSON",
    },
    {
      name: "a misspelt literal (V8 gives no position)",
      text: '{\n  "tiers": {\n    "anchor": { "inducesSuppliers": tru }\n  }\n}',
      line: 3,
      column: 37,
      path: "$.tiers.anchor.inducesSuppliers",
      message: 'unexpected word "tru"; expected a value',
    },
    {
      name: "a missing comma between properties",
      text: '{\n  "name": "x"\n  "horizon": {}\n}',
      line: 3,
      column: 3,
      path: "$.name",
      message: "expected ',' or '}' after the value of \"name\", found '\"' (missing comma?)",
    },
    {
      name: "a trailing comma in an object",
      text: '{\n  "horizon": { "startYear": 2018, },\n  "name": "x"\n}',
      line: 2,
      column: 35,
      path: "$.horizon",
      message: "trailing comma before '}' is not allowed in JSON",
    },
    {
      name: "a comment",
      text: '{\n  // the district\n  "name": "x"\n}',
      line: 2,
      column: 3,
      path: "$",
      message: 'comments are not allowed in JSON (put notes in a "$comment" key)',
    },
    {
      name: "single quotes",
      text: "{\n  'name': 'x'\n}",
      line: 2,
      column: 3,
      path: "$",
      message: "property names must be in double quotes, not single quotes",
    },
    {
      name: "an unterminated string",
      text: '{\n  "name": "x,\n  "horizon": {}\n}',
      line: 2,
      column: 11,
      path: "$.name",
      message: "unterminated string",
    },
    {
      name: "a number with a leading zero",
      text: '{ "horizon": { "startYear": 02018 } }',
      line: 1,
      column: 29,
      path: "$.horizon.startYear",
      message: 'invalid number "02018"',
    },
    {
      name: "an unclosed object",
      text: '{\n  "horizon": { "startYear": 2018\n',
      line: 3,
      column: 1,
      path: "$.horizon.startYear",
      message: "unexpected end of the file: the '{' at line 2, column 14 is not closed",
    },
    {
      name: "content after the value",
      text: '{ "name": "x" }\n}',
      line: 2,
      column: 1,
      path: "$",
      message: "unexpected '}' after the end of the JSON value",
    },
    { name: "an empty file", text: "", line: 1, column: 1, path: "$", message: "the file is empty; expected a JSON object" },
  ];

  it("V8 really reports some of these without a position", () => {
    expect(v8Message(cases[0].text)).not.toMatch(/position|line/);
    expect(v8Message(cases[1].text)).not.toMatch(/position|line/);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const file = writeFixture(tempDir(), "broken.json", c.text);
      const problems = await problemsOf(file);
      expect(problems).toHaveLength(1);
      const [p] = problems;
      expect({ line: p.line, column: p.column, path: p.jsonPath }).toEqual({ line: c.line, column: c.column, path: c.path });
      expect(p.message).toContain(`invalid JSON: ${c.message}`);
      expect(formatProblem(p)).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:${c.line}:${c.column}: `));
    });
  }

  it("a top level that is not an object", async () => {
    const file = writeFixture(tempDir(), "array.json", "[1, 2]");
    const [p] = await problemsOf(file);
    expect(p.message).toBe("expected a JSON object at the top level (found an array of 2)");
  });

  it("a byte-order mark is accepted", () => {
    expect(scanJson('\uFEFF{"a": 1}').ok).toBe(true);
  });
});

describe("scanJson on valid JSON", () => {
  it("agrees with JSON.parse on what is valid", () => {
    const valid = ['{"a":[1,-2.5e+3,0,true,false,null,"\\u00e9\\n"],"b":{}}', "[]", '"s"', "0", ' { "a" : [ ] } '];
    for (const t of valid) expect(scanJson(t).ok, t).toBe(true);
    const invalid = ["{", "[1,]", "01", "1.", "+1", ".5", '"\\x"', "NaN", "{} {}", '{"a" 1}'];
    for (const t of invalid) {
      expect(scanJson(t).ok, t).toBe(false);
      expect(() => JSON.parse(t), t).toThrow();
    }
  });

  it("locates paths and finds duplicate keys", () => {
    const scan = scanJson('{\n  "a": {\n    "b": [10, 20]\n  },\n  "a": 1\n}');
    if (!scan.ok) throw new Error("expected valid JSON");
    expect(scan.layout.locate("$.a.b")).toEqual({ line: 3, column: 5 });
    expect(scan.layout.locate("$.a.b[1]")).toEqual({ line: 3, column: 15 });
    expect(scan.layout.locate("$.nope")).toBeUndefined();
    expect(scan.layout.duplicates).toEqual([{ path: "$.a", key: "a", line: 5, column: 3 }]);
  });
});
