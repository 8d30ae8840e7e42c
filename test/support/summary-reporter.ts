/**
 * A vitest reporter that ends the run with the fast-check seed, then one
 * plain line, "N passed, N failed, N skipped", which CI logs and scripts can
 * read.
 */
import type { Reporter, TestModule } from "vitest/node";
import type { FastCheckSettings } from "./fast-check-settings.js";

export default class SummaryReporter implements Reporter {
  private readonly fastCheck: FastCheckSettings | undefined;

  constructor(options: { fastCheck?: FastCheckSettings } = {}) {
    this.fastCheck = options.fastCheck;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed += 1;
        else if (state === "failed") counts.failed += 1;
        else counts.skipped += 1;
      }
    }
    // The seed is printed on every run, so that any run, passing or not,
    // can be repeated with FC_SEED.
    if (this.fastCheck) {
      const { seed, runs, random } = this.fastCheck;
      process.stdout.write(
        `\nfast-check: FC_SEED=${seed}${random ? " (drawn at random)" : ""}, ` +
          `${runs === null ? "each property's own number of runs" : `FC_RUNS=${runs}`}\n`,
      );
    }
    process.stdout.write(
      `\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
    );
  }
}
