/**
 * Whether a run of the Action fails its job, and the one line that says why.
 */
import { CONFIG_PATH } from "../github/load-config.js";
import type { ActionRun } from "./types.js";

/**
 * A job fails when the Action could not run, the configuration cannot be
 * used, or a document's check run failed or waits for a confirmation: a
 * document with errors (its plan is blocked), one that cannot be read, a
 * plan blocked by a guard, a write GitHub refused, a sync a fault stopped.
 * Work left for later (the write cap, a rate limit) does not fail it.
 * @returns the line for the job's error, or null when the job succeeds
 */
export function jobFailure(run: ActionRun): string | null {
  switch (run.kind) {
    case "skipped":
      return null;
    case "refused":
      return run.reason;
    case "bad-config":
      return `${CONFIG_PATH} has ${run.errors.length} error${run.errors.length === 1 ? "" : "s"}; first: ${run.errors[0]?.key ? `${run.errors[0].key}: ` : ""}${run.errors[0]?.message ?? ""}`;
    case "ran": {
      const failed = run.documents.filter(
        (d) => d.report.conclusion === "failure" || d.report.conclusion === "action_required",
      );
      if (failed.length === 0) return null;
      return failed
        .map(
          (d) =>
            `${d.outcome.path}: ${d.report.title}${d.digest ? ` (to apply it as it is, run the workflow with confirm = ${d.digest})` : ""}`,
        )
        .join("; ");
    }
  }
}
