/**
 * Racing work against a long-lived event (a worker's death, an abort) without leaking. A
 * Promise.race against a promise that stays pending for the whole batch adds a reaction to it on
 * every call, and each reaction keeps that call's result reachable until the event (memory
 * growing with the runs). These helpers register a listener per call and remove it when the work
 * settles.
 */

/** A one-shot failure (a worker died): work guarded by it rejects with its error once tripped. */
export class Tripwire {
  private readonly listeners = new Set<(error: unknown) => void>();
  private tripped: { error: unknown } | null = null;

  /** Trips the wire: guarded work rejects with `error` (later trips are ignored). */
  trip(error: unknown): void {
    if (this.tripped) return;
    this.tripped = { error };
    for (const listener of this.listeners) listener(error);
    this.listeners.clear();
  }

  /** `work`'s outcome, or a rejection with the trip's error if the wire trips first. */
  guard<T>(work: Promise<T>): Promise<T> {
    if (this.tripped) {
      work.catch(() => {});
      return Promise.reject(this.tripped.error);
    }
    return new Promise<T>((resolve, reject) => {
      this.listeners.add(reject);
      work.then(
        (value) => {
          this.listeners.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          this.listeners.delete(reject);
          reject(error);
        },
      );
    });
  }
}

/** `work`'s value, or null as soon as `signal` aborts; the abort listener is removed when the work settles. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T | null> {
  if (!signal) return work;
  if (signal.aborted) {
    work.catch(() => {});
    return Promise.resolve(null);
  }
  return new Promise<T | null>((resolve, reject) => {
    const onAbort = () => resolve(null);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
