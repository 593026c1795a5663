/**
 * `--queue URL` for any command that runs batches: spread `queueOption` into the command's options,
 * then either take an executor factory in one line with executorFactoryOption (the queue's with
 * --queue, local threads without), or parse it with parseQueueOption before any work and make the
 * executor with queueExecutorFactory. Without --queue nothing loads bullmq or ioredis.
 */
import type { ExecutorFactory } from "../batch/executor.js";
import { nodeExecutor } from "../batch/node/batch-folder.js";
import { queueExecutor, type QueueExecutor } from "../batch/node/queue/coordinator.js";
import type { QueueStatus } from "../batch/node/queue/queue-link.js";
import { PASSWORD_VARIABLE, parseQueueUrl, type QueueUrl } from "../batch/node/queue/url.js";
import type { BatchPlan } from "../batch/plan.js";
import { UsageError, type CliIO } from "./command.js";

/** The option's parseArgs entry. */
export const queueOption = { queue: { type: "string" } } as const;

/** The option's line for a usage text. */
export const QUEUE_USAGE = `  --queue URL       run the shards on worker processes through Redis (redis://[:password@]host:port[/db],
                    rediss:// for TLS; a URL without a password takes ${PASSWORD_VARIABLE}); start
                    the workers with clustersim worker --queue URL, on any machine that reaches it`;

/** Parses --queue: null when absent; a bad URL is a usage error that never shows the password. */
export function parseQueueOption(value: string | undefined): QueueUrl | null {
  if (value === undefined) return null;
  try {
    return parseQueueUrl(value);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** A factory of queue executors for `url` (undefined for null: run locally); notices go to stderr, each check's status to `onStatus`. */
export function queueExecutorFactory(url: QueueUrl | null, io: CliIO, onStatus?: (status: QueueStatus) => void): ((plan: BatchPlan) => QueueExecutor) | undefined {
  if (url === null) return undefined;
  return (plan) => queueExecutor(plan, { url, onNotice: (text) => io.stderr(`queue: ${text}\n`), onStatus });
}

/**
 * The executor factory of a command's batches: queue executors with --queue (its URL checked now,
 * a usage error if bad), else `workers` local threads (0: in this thread). The caller closes each executor.
 */
export function executorFactoryOption(values: { queue?: string }, workers: number, io: CliIO): ExecutorFactory {
  return queueExecutorFactory(parseQueueOption(values.queue), io) ?? ((plan) => nodeExecutor(plan, workers));
}

/** The progress bar's note for the queue: the workers connected, or that Redis is away. */
export function queueNote(status: QueueStatus | null): string {
  if (status === null || status.redis === "connecting") return "";
  if (status.redis === "down") return "· Redis away, retrying";
  return status.workers === null ? "" : `· ${status.workers} worker${status.workers === 1 ? "" : "s"}`;
}
