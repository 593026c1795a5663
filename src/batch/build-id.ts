/**
 * Identity of the running engine code: the esbuild bundle defines __CLUSTERSIM_BUILD_ID__ (a hash
 * of the sources it was built from); running from source it is "source". The worker pool refuses
 * a worker whose build id differs from the main thread's, so stale worker code never runs silently.
 */
declare const __CLUSTERSIM_BUILD_ID__: string | undefined;

/** The build id of this code. */
export const BUILD_ID: string = typeof __CLUSTERSIM_BUILD_ID__ === "string" ? __CLUSTERSIM_BUILD_ID__ : "source";
