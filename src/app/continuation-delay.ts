/**
 * When a run's work left for later can go on. Pure.
 */
import type { DocumentOutcome } from "./types.js";

/** A second past the limit's reset: GitHub's clock and the app's differ a little. */
const MARGIN_MS = 1000;
/** A secondary limit that named no time is waited out for a minute, as GitHub asks. */
const UNKNOWN_WAIT_MS = 60_000;

/**
 * Milliseconds until every document's deferred writes may go on: at once
 * after the write cap (which keeps one run short, not the next from
 * starting), at the reset after a rate limit (the latest one, when several
 * documents stopped, or a dashboard's write was refused). Null when nothing
 * was left for later, or only for a fault: after a 5xx a person decides (Try
 * again), as before.
 */
export function continuationDelay(outcomes: DocumentOutcome[]): number | null {
  let delay: number | null = null;
  for (const outcome of outcomes) {
    // A dashboard a rate limit refused is written once the limit lifts.
    const dashboardWait =
      outcome.kind === "applied" ? outcome.dashboardRefused?.resumeAfterMs : undefined;
    if (dashboardWait !== undefined && dashboardWait !== null)
      delay = Math.max(delay ?? 0, dashboardWait + MARGIN_MS);
    const stop = outcome.kind === "applied" ? outcome.result.stop : null;
    if (!stop || stop.reason === "error") continue;
    const wait =
      stop.reason === "write-cap" ? 0 : (stop.resumeAfterMs ?? UNKNOWN_WAIT_MS) + MARGIN_MS;
    delay = Math.max(delay ?? 0, wait);
  }
  return delay;
}
