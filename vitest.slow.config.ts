import { defineConfig } from "vitest/config";

// The slow property tests of the model (hundreds of paired runs): `npm run test:slow`.
export default defineConfig({
  test: {
    include: ["test/**/*.slow.test.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 1_800_000,
  },
});
