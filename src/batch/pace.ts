/**
 * Pacing long loops in the calling thread (the in-process executor, the result writers): a
 * pacer yields to the event loop about every PACE_MS of work, so that signals (Ctrl-C), progress
 * and I/O get through, and throws once its abort signal has fired. Node and browsers alike.
 */

/** Work between two yields to the event loop, ms. */
export const PACE_MS = 20;

/** Yields to the event loop (a macrotask), so signals and progress get through; Node and browsers alike. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A pacer: call it between items of work; it resolves at once unless PACE_MS have passed since it
 * last yielded, then it yields to the event loop. It throws the signal's reason once aborted.
 */
export function pacer(signal?: AbortSignal, everyMs = PACE_MS): () => Promise<void> | void {
  let last = performance.now();
  return () => {
    if (performance.now() - last < everyMs) return signal?.throwIfAborted();
    return yieldToEventLoop().then(() => {
      last = performance.now();
      signal?.throwIfAborted();
    });
  };
}
