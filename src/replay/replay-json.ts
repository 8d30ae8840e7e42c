/**
 * A replay as the JSON scripts read.
 */
import type { ReplayIssue, ReplayStep } from "./replay-history.js";

/**
 * Exactly `{"steps": [{"revision", "created", "updated", "closed",
 * "reopened", "renamed", "blocked", "writes"}], "issues": [{"number",
 * "title", "state", "key", "section", "labels"}]}`, in that key order.
 * @param result what replayHistory returned
 */
export function replayJson(result: {
  steps: readonly ReplayStep[];
  issues: readonly ReplayIssue[];
}): unknown {
  return {
    steps: result.steps.map(
      ({ revision, created, updated, closed, reopened, renamed, blocked, writes }) => ({
        revision,
        created,
        updated,
        closed,
        reopened,
        renamed,
        blocked,
        writes,
      }),
    ),
    issues: result.issues.map(({ number, title, state, key, section, labels }) => ({
      number,
      title,
      state,
      key,
      section,
      labels,
    })),
  };
}
