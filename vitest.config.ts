import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Property tests and corpus tests parse whole documents many times; the
    // default 5 s is tight on a busy 2-core machine.
    testTimeout: 60_000,
    reporters: ["default", "./test/support/summary-reporter.ts"],
  },
});
