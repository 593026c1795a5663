/**
 * Progress on stderr for long commands: a cli-progress bar (done, rate, time left) when stderr
 * is a terminal, nothing otherwise (so logs and CI output stay clean). The rate and the time
 * left are computed here (progressFields) and never print NaN or Infinity: before the first item
 * is done they read "–".
 */
import cliProgress from "cli-progress";

/** A progress reporter: update(done, extra text), stop(). */
export interface Progress {
  update(done: number, note?: string): void;
  stop(): void;
}

/** A duration in seconds as "45s", "3m05s" or "1h02m". */
function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/** The rate and time-left texts after `done` of `total` items in `seconds`: finite numbers or "–". */
export function progressFields(done: number, total: number, seconds: number, unit: string): { speed: string; eta: string } {
  const rate = done > 0 && seconds > 0 ? done / seconds : NaN;
  if (!Number.isFinite(rate)) return { speed: `– ${unit}/s`, eta: done >= total ? "done" : "– left" };
  const left = Math.max(0, total - done);
  return { speed: `${rate.toFixed(rate >= 100 ? 0 : 1)} ${unit}/s`, eta: left === 0 ? "done" : `${duration(left / rate)} left` };
}

/** A progress bar over `total` items of `unit` on stderr; a no-op when stderr is not a terminal, quiet is set or there is nothing to do. */
export function progressBar(io: { stderrIsTTY: boolean }, total: number, unit: string, quiet = false): Progress {
  if (quiet || !io.stderrIsTTY || !(total > 0)) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `{bar} {value}/{total} ${unit} · {speed} · {eta} {note}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const start = Date.now();
  bar.start(total, 0, { ...progressFields(0, total, 0, unit), note: "" });
  return {
    update(done, note = "") {
      bar.update(done, { ...progressFields(done, total, (Date.now() - start) / 1000, unit), note });
    },
    stop() {
      bar.stop();
    },
  };
}
