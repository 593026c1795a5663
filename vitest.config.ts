import { defineConfig } from "vitest/config";

// Two cores here: keep vitest's own workers low so tests that start worker pools do not overload them.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
