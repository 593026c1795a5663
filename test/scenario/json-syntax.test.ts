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

describe("scanJson does work linear in the size of the text", () => {
  // The meter counts the characters the scanner passes over plus every string and layout entry
  // it builds (decoded keys, formatted paths, positions). A scanner that formats a path string
  // for every value, as this one once did, does work proportional to size x depth.
  const depth = 400;
  const repeat = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
  const shapes: Record<string, (bytes: number) => string> = {
    "a flat array of numbers": (n) => `[${repeat("0,", n)}0]`,
    "an object with many keys": (n) => `{${Array.from({ length: n / 12 }, (_, i) => `"k${i}":1`).join(",")}}`,
    "long strings": (n) => `[${repeat(`"${"x".repeat(1000)}",`, n)}""]`,
    "many short lines": (n) => `[\n${repeat("0,\n", n)}0]`,
    "deep arrays around a long array": (n) => `${"[".repeat(depth)}${repeat("0,", n)}0${"]".repeat(depth)}`,
    "deep objects around many keys": (n) =>
      `${'{"a":'.repeat(depth)}{${Array.from({ length: n / 12 }, (_, i) => `"k${i}":1`).join(",")}}${"}".repeat(depth)}`,
    "deep objects around duplicate keys": (n) => `${'{"a":'.repeat(depth)}{${repeat('"k":1,', n)}"k":2}${"}".repeat(depth)}`,
    "deep arrays around a syntax error at the end": (n) => `${"[".repeat(depth)}${repeat("0,", n)}0,${"]".repeat(depth)}`,
  };
  const work = (text: string) => {
    const meter = { units: 0 };
    scanJson(text, meter);
    return meter.units;
  };

  for (const [name, make] of Object.entries(shapes)) {
    it(name, () => {
      const small = make(128 * 1024);
      const large = make(16 * 128 * 1024);
      expect(large.length / small.length).toBeGreaterThan(15);
      const [w1, w16] = [work(small), work(large)];
      expect(w1).toBeGreaterThanOrEqual(small.length);
      expect(w16 / large.length, "work per character of the large text").toBeLessThan(3);
      expect(w16 / w1, "work for 16x the text").toBeLessThan(17 * (large.length / small.length / 16));
    });
  }

  it("duplicate keys are listed up to a limit, with a count of the rest", () => {
    const scan = scanJson(`{${Array.from({ length: 250 }, () => '"k":1').join(",")}}`);
    if (!scan.ok) throw new Error("expected valid JSON");
    expect(scan.layout.duplicates).toHaveLength(100);
    expect(scan.layout.duplicatesOmitted).toBe(149);
  });
});

describe("NUL and control characters", () => {
  const errorOf = (text: string) => {
    const scan = scanJson(text);
    if (scan.ok) throw new Error(`expected an error for ${JSON.stringify(text)}`);
    return scan.error;
  };

  it("a NUL in a key or a value, raw or escaped, is refused with its path", () => {
    expect(errorOf('{"parks": {"a\\u0000b": 1}}')).toMatchObject({ path: "$.parks", line: 1, column: 14 });
    expect(errorOf('{"name": "x\\u0000"}')).toMatchObject({ path: "$.name", message: "a NUL character (U+0000) in a string is not allowed in a scenario" });
    expect(errorOf('{"name": "x\u0000"}')).toMatchObject({ path: "$.name", column: 12 });
    expect(scanJson('{"name": "x\\u00001"}').ok).toBe(false);
    expect(scanJson('{"name": "x\\u0001"}').ok).toBe(true);
  });

  it("a raw control character in a string names it by code point, never raw", () => {
    const e = errorOf('{"name": "a\u001b]0;title\u0007"}');
    expect(e.message).toBe("the control character U+001B inside a string is not allowed in JSON; write it as \\u001b");
    expect(errorOf('{"name": "a\tb"}').message).toBe("a tab inside a string is not allowed in JSON; write it as \\t");
    expect(errorOf('{"a": 1}\u0000').message).toBe("unexpected the control character U+0000 after the end of the JSON value");
    for (const t of ['{"a": 1}\u0000', '{"a": \u001b}', '{"a\u0007": 1}', '{"x": 1 \u009b}']) expect(errorOf(t).message, t).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it("a key in a message is escaped and shortened", () => {
    const key = `k\u001b[2J${"x".repeat(200)}`;
    const e = errorOf(`{"${key.replace("\u001b", "\\u001b")}" 1}`);
    expect(e.message).toMatch(/^expected ':' after the property name "k\\u001b\[2Jx+…", found '1'$/);
    expect(e.message.length).toBeLessThan(140);
  });

  it("locates quoted keys, prototype names and indices", () => {
    const scan = scanJson('{\n"constructor": {"prototype": [1, {"odd \\"key\\"": 2}]},\n"2019": 3}');
    if (!scan.ok) throw new Error("expected valid JSON");
    expect(scan.layout.locate('$.constructor.prototype[1]["odd \\"key\\""]')).toEqual({ line: 2, column: 35 });
    expect(scan.layout.locate('$["2019"]')).toEqual({ line: 3, column: 1 });
    expect(scan.layout.locate("$[2019]")).toBeUndefined();
    expect(scan.layout.locate("$.constructor.toString")).toBeUndefined();
    expect(scan.layout.locate("$.toString")).toBeUndefined();
    expect(scan.layout.locate("not a path")).toBeUndefined();
  });
});

describe('a key named "__proto__"', () => {
  it("is refused where it is, written plainly or with escapes", () => {
    for (const [text, path, column] of [
      ['{"__proto__": {"polluted": true}}', "$.__proto__", 2],
      ['{"a": [{"b": 1}, {"\\u005f_proto__": 1}]}', "$.a[1].__proto__", 19],
    ] as const) {
      const scan = scanJson(text);
      expect(scan.ok, text).toBe(false);
      if (!scan.ok) expect(scan.error).toEqual({ line: 1, column, path, message: 'a key named "__proto__" is not allowed in a scenario' });
    }
    expect(scanJson('{"constructor": {"prototype": 1}, "x": "__proto__"}').ok).toBe(true);
  });
});
