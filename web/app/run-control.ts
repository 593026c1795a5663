/**
 * Starting, restarting and cancelling the page's paired batch: a new pool of Web Workers per
 * batch (terminated when it ends or is cancelled), progress and results handed to the page, and
 * only the latest batch allowed to speak (an older one that is still winding down is ignored).
 */
import type { Executor } from "../../src/batch/executor.js";
import type { BatchPlan } from "../../src/batch/plan.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { runPairedBatch } from "../run/paired-batch.js";
import type { LiveResults } from "../run/results.js";
import { poolSize, prestartWorkers, webWorkerPool } from "../run/web-workers.js";

/** What the page hears from the run control. */
export interface RunListener {
  started(workers: number): void;
  /** a shard's compute time in its worker, ms (for the timing the bench reads) */
  shard?(computeMs: number): void;
  progress(done: number, total: number): void;
  results(r: LiveResults): void;
  /** the batch ended: done, cancelled, or failed with a message; seconds since it started */
  ended(outcome: "done" | "cancelled" | "failed", seconds: number, message?: string): void;
}

/** Runs one paired batch at a time. */
export class RunControl {
  private generation = 0;
  private current: { controller: AbortController; executor: Executor } | null = null;

  /** `warm` gives the scenario spare workers warm up on (the current base). */
  constructor(private readonly workerCode: string, private readonly listener: RunListener, private readonly warm: () => Scenario | undefined) {}

  /** Starts (and warms up) the workers of the next batch. */
  prepare(): void {
    prestartWorkers(this.workerCode, poolSize(), this.warm());
  }

  /** Whether a batch is running. */
  get running(): boolean {
    return this.current !== null;
  }

  /** Starts `plan`, stopping any batch that runs. */
  start(plan: BatchPlan): void {
    this.stop(false);
    const generation = ++this.generation;
    const size = poolSize();
    const executor = webWorkerPool(plan, size, this.workerCode);
    const controller = new AbortController();
    this.current = { controller, executor };
    const started = performance.now();
    const mine = () => generation === this.generation;
    this.listener.started(size);
    runPairedBatch(plan, executor, { onProgress: (d, t) => mine() && this.listener.progress(d, t), onResults: (r) => mine() && this.listener.results(r), onShard: (ms) => mine() && this.listener.shard?.(ms) }, controller.signal)
      .then((outcome) => {
        if (!mine()) return;
        this.current = null;
        this.listener.ended(outcome === "done" ? "done" : "cancelled", (performance.now() - started) / 1000);
      })
      .catch((err: unknown) => {
        if (!mine()) return;
        this.current = null;
        this.listener.ended("failed", (performance.now() - started) / 1000, err instanceof Error ? err.message : String(err));
      })
      .finally(() => {
        void executor.close();
        this.prepare();
      });
  }

  /** Stops the running batch (its workers are terminated at once); `report` says whether the page hears "cancelled". */
  stop(report = true): void {
    const c = this.current;
    if (!c) return;
    this.current = null;
    c.controller.abort();
    void c.executor.close();
    this.prepare();
    if (report) {
      this.generation++;
      this.listener.ended("cancelled", 0);
    }
  }
}
