/** The progress bar's rate and time left never read NaN or Infinity, and the bar is silent off a terminal or with nothing to do. */
import { describe, expect, it } from "vitest";
import { progressBar, progressFields } from "../../src/report/progress.js";

describe("progress", () => {
  it("reads – before the first item and at time zero, never NaN or Infinity", () => {
    for (const [done, total, seconds] of [[0, 10, 0], [0, 10, 5], [3, 10, 0], [0, 0, 0], [5, 0, 1], [10, 10, 0]]) {
      const f = progressFields(done, total, seconds, "runs");
      expect(`${f.speed} ${f.eta}`, `${done}/${total} in ${seconds}s`).not.toMatch(/NaN|Infinity|INF|NULL/);
    }
    expect(progressFields(0, 10, 2, "runs")).toEqual({ speed: "– runs/s", eta: "– left" });
  });

  it("gives the rate and the time left from the items done", () => {
    expect(progressFields(50, 1000, 10, "runs")).toEqual({ speed: "5.0 runs/s", eta: "3m10s left" });
    expect(progressFields(500, 1000, 2, "runs")).toEqual({ speed: "250 runs/s", eta: "2s left" });
    expect(progressFields(1000, 1000, 2, "runs").eta).toBe("done");
    expect(progressFields(1, 10_000, 1, "draws").eta).toBe("2h46m left");
  });

  it("is a no-op off a terminal, when quiet, and with nothing to do", () => {
    for (const bar of [progressBar({ stderrIsTTY: false }, 10, "runs"), progressBar({ stderrIsTTY: true }, 10, "runs", true), progressBar({ stderrIsTTY: true }, 0, "runs")]) {
      expect(() => (bar.update(1), bar.stop())).not.toThrow();
    }
  });
});
