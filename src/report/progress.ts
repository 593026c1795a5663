/**
 * Progress on stderr for long commands: a cli-progress bar (done, rate, time left) when stderr
 * is a terminal, nothing otherwise (so logs and CI output stay clean).
 */
import cliProgress from "cli-progress";

/** A progress reporter: update(done, extra text), stop(). */
export interface Progress {
  update(done: number, note?: string): void;
  stop(): void;
}

/** A progress bar over `total` items of `unit` on stderr, or a no-op when stderr is not a terminal or quiet is set. */
export function progressBar(io: { stderrIsTTY: boolean }, total: number, unit: string, quiet = false): Progress {
  if (quiet || !io.stderrIsTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `{bar} {value}/{total} ${unit} · {speed} ${unit}/s · {eta_formatted} left {note}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const start = Date.now();
  bar.start(total, 0, { speed: "0", note: "" });
  return {
    update(done, note = "") {
      const seconds = (Date.now() - start) / 1000;
      bar.update(done, { speed: seconds > 0 ? (done / seconds).toFixed(1) : "0", note });
    },
    stop() {
      bar.stop();
    },
  };
}
