import { defineConfig } from "vitest/config";

// Two cores here: keep vitest's own workers low so tests that start worker pools do not overload them.
// Slow property tests (*.slow.test.ts) run with `npm run test:slow` (vitest.slow.config.ts).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "test/**/*.slow.test.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
