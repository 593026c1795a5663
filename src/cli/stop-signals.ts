/**
 * SIGINT and SIGTERM while a command runs a batch or an experiment: the first signal aborts the
 * work (the workers are stopped, the in-process executor at its next run, the writers at their
 * next write), leaving the checkpoint intact and no manifest.json; a second signal exits at once.
 * The command then exits 130 (SIGINT) or 143 (SIGTERM) with a message.
 */
import { EXIT, type CliIO } from "./command.js";

/** The words and exit code of a stopping signal. */
const SIGNALS = { SIGINT: { word: "interrupted", code: EXIT.interrupted }, SIGTERM: { word: "terminated", code: EXIT.terminated } } as const;

/** The signals being listened to for one piece of work. */
export interface StopSignals {
  /** aborted by the first signal */
  readonly signal: AbortSignal;
  /** the exit code for the work stopped: 130 after SIGINT, 143 after SIGTERM (130 when aborted otherwise) */
  exitCode(): number;
  /** "interrupted (SIGINT)", "terminated (SIGTERM)", or "interrupted" */
  how(): string;
  /** stops listening */
  dispose(): void;
}

/** Listens for SIGINT and SIGTERM while work writes into `out` (named in the message of a second signal). */
export function listenForStop(io: CliIO, out: string): StopSignals {
  const controller = new AbortController();
  let received: keyof typeof SIGNALS | null = null;
  const onSignal = (signal: keyof typeof SIGNALS) => {
    if (received !== null) {
      io.stderr(`\n${signal} again: stopping at once; the checkpoint in ${out} keeps every run stored so far\n`);
      process.exit(SIGNALS[received].code);
    }
    received = signal;
    controller.abort();
  };
  const handlers = (["SIGINT", "SIGTERM"] as const).map((signal) => [signal, () => onSignal(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  return {
    signal: controller.signal,
    exitCode: () => (received === null ? EXIT.interrupted : SIGNALS[received].code),
    how: () => (received === null ? "interrupted" : `${SIGNALS[received].word} (${received})`),
    dispose: () => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
  };
}
