import { describe, expect, it } from "vitest";
import { checkCsvHeader, csvRow, csvTable } from "../../src/batch/files/csv.js";

describe("csvRow", () => {
  it("quotes fields holding a comma, quote, CR or LF and doubles quotes (RFC 4180)", () => {
    expect(csvRow(["plain", "a,b", 'say "hi"', "two\nlines", "cr\rhere", "crlf\r\n"])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\rhere","crlf\r\n"',
    );
    expect(csvRow(['"'])).toBe('""""');
    // Spaces, semicolons, tabs and non-ASCII text need no quotes.
    expect(csvRow([" padded ", "a;b", "t\tab", "温江 三医两养"])).toBe(" padded ,a;b,t\tab,温江 三医两养");
  });

  it("writes numbers in shortest round-trip form, -0 as 0", () => {
    expect(csvRow([0.1 + 0.2, 1, -2.5, 1e21, 1e-7, 123456789012, Number.MAX_VALUE, 5e-324])).toBe(
      "0.30000000000000004,1,-2.5,1e+21,1e-7,123456789012,1.7976931348623157e+308,5e-324",
    );
    expect(csvRow([-0, 0])).toBe("0,0");
    for (const x of [Math.PI, 1 / 3, -1e-300, 2 ** 53 + 2]) expect(Number(csvRow([x]))).toBe(x);
  });

  it("writes booleans as 1/0 and null, undefined and empty strings as empty fields", () => {
    expect(csvRow([true, false])).toBe("1,0");
    expect(csvRow([null, undefined, "", "x"])).toBe(",,,x");
    expect(csvRow([])).toBe("");
    expect(csvRow([null])).toBe("");
  });

  it("throws on NaN and infinities, naming the column", () => {
    expect(() => csvRow([1, NaN])).toThrow(/column 1 is NaN/);
    expect(() => csvRow([Infinity])).toThrow(/column 0 is Infinity/);
    expect(() => csvRow(["a", "b", -Infinity], ["x", "y", "z"])).toThrow(/column 2 \(z\) is -Infinity/);
    expect(() => csvRow(["bad \uD800 surrogate"])).toThrow(/surrogate/);
    expect(() => csvRow([{} as unknown as string])).toThrow(TypeError);
  });
});

describe("csvTable", () => {
  it("writes a header and rows with \\n line ends, the last line included, and no BOM", () => {
    const text = csvTable(
      ["scenario", "run", "met", "value"],
      [
        ["baseline", 0, true, 812.5],
        ["base,line", 1, false, null],
      ],
    );
    expect(text).toBe('scenario,run,met,value\nbaseline,0,1,812.5\n"base,line",1,0,\n');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text).not.toContain("\r");
    expect(Buffer.from(text, "utf8").subarray(0, 3).toString("hex")).not.toBe("efbbbf");
  });

  it("writes a header-only table and accepts any iterable of rows", () => {
    expect(csvTable(["a", "b"], [])).toBe("a,b\n");
    function* rows() {
      yield [1, 2];
      yield [3, 4];
    }
    expect(csvTable(["a", "b"], rows())).toBe("a,b\n1,2\n3,4\n");
  });

  it("rejects non-ASCII, empty or duplicate header names and rows of the wrong length", () => {
    expect(() => csvTable(["产值"], [])).toThrow(/printable ASCII/);
    expect(() => csvTable(["a\tb"], [])).toThrow(/printable ASCII/);
    expect(() => csvTable([""], [])).toThrow(/printable ASCII/);
    expect(() => csvTable(["a", "a"], [])).toThrow(/duplicate/);
    expect(() => checkCsvHeader(["p5", "p50", "mean"])).not.toThrow();
    expect(() => csvTable(["a", "b"], [[1]])).toThrow(/row 0 has 1 fields/);
    expect(() => csvTable(["a", "b"], [[1, 2], [3, NaN]])).toThrow(/row 1: csv: column 1 \(b\) is NaN/);
  });
});
