/**
 * `clustersim worker --queue URL [--concurrency K] [--lock-ms MS]`: a process that runs the shard
 * jobs of queued batches (`clustersim batch ... --queue URL`) and the history jobs of queued
 * calibrations (`clustersim calibrate ... --queue URL`) in worker threads, on this machine or
 * any other that reaches the Redis server. The work itself is src/batch/node/queue/remote-worker.ts.
 */
import { availableParallelism } from "node:os";
import { DEFAULT_LOCK_MS, runQueueWorker } from "../batch/node/queue/remote-worker.js";
import { PASSWORD_VARIABLE, QUEUE_URL_FORM } from "../batch/node/queue/url.js";
import { EXIT, UsageError, intOption, parseCommandArgs, type Command } from "./command.js";
import { parseQueueOption } from "./queue-option.js";

const usage = `Usage: clustersim worker --queue URL [--concurrency K] [--lock-ms MS]

Takes the shard jobs of batches that a coordinator (clustersim batch, compare or experiment with
--queue URL, on this machine or another) put on the queue, runs them in K worker threads with the
same code and records as a local batch, and returns the records; and the history jobs of a
clustersim calibrate --queue URL, run as a local calibrate runs them. It serves every batch made by the same
clustersim build and refuses, with a message, batches of another build. It reports what it runs
on stderr. The password in URL is never printed.

Options:
  --queue URL        the Redis server: ${QUEUE_URL_FORM} (required); a URL
                     without a password takes the one in ${PASSWORD_VARIABLE}
  --concurrency K    worker threads per batch (default: the machine's cores)
  --lock-ms MS       a job whose worker shows no sign of life for this long goes back to the
                     queue for another worker (default ${DEFAULT_LOCK_MS})
  -h, --help         show this help

Ctrl-C or SIGTERM stops it after its running jobs finish; a second one returns them to the
queue at once. A wrong password or an unreachable server ends it at once with one line.

Exit codes: 0 stopped, 1 cannot use the queue, 2 bad arguments, 130 stopped returning its jobs.
`;

/** Local time as HH:MM:SS, for the log lines. */
const clock = () => new Date().toTimeString().slice(0, 8);

/** The `worker` command. */
export const workerCommand: Command = {
  name: "worker",
  summary: "run queued batches' shards on this machine (BullMQ on Redis)",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { queue: { type: "string" }, concurrency: { type: "string" }, "lock-ms": { type: "string" } }, false);
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const url = parseQueueOption(values.queue);
    if (url === null) throw new UsageError("--queue is required");
    const concurrency = intOption("concurrency", values.concurrency, Math.max(1, availableParallelism()), 1);
    const lockMs = intOption("lock-ms", values["lock-ms"], DEFAULT_LOCK_MS, 100);
    const stop = new AbortController();
    const abandon = new AbortController();
    const onSignal = () => (stop.signal.aborted ? abandon.abort() : stop.abort());
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    try {
      await runQueueWorker({ url, concurrency, lockMs, stop: stop.signal, abandon: abandon.signal, log: (line) => io.stderr(`${clock()} ${line}\n`) });
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
    // everything is stopped or handed back; BullMQ's own reconnecting clients (Redis away) must not keep the process alive
    const code = abandon.signal.aborted ? EXIT.interrupted : EXIT.ok;
    setTimeout(() => process.exit(code), 500).unref();
    return code;
  },
};
