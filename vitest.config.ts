import { defineConfig } from "vitest/config";
import { fastCheckSettings } from "./test/support/fast-check-settings.js";

// Read once here, so that a random seed is the same in every test file and
// the summary can print it.
const fastCheck = fastCheckSettings(process.env);

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Property tests and corpus tests parse whole documents many times; the
    // default 5 s is tight on a busy 2-core machine.
    testTimeout: 60_000,
    provide: { fastCheck },
    reporters: ["default", ["./test/support/summary-reporter.ts", { fastCheck }]],
  },
});
