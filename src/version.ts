/** The engine version; results and checkpoints record it. Keep in step with package.json. */
export const VERSION = "0.1.0";
