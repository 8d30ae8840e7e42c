/**
 * Which failed writes are GitHub refusing one issue for good.
 */
import type { Action } from "../plan/types.js";
import type { RequestFailure } from "./request-error.js";

/**
 * Says why GitHub refused a write for good, when the refusal concerns this
 * action's issue alone: 422 (the body or title GitHub will not take, such as
 * a body that people's notes filled to the 65,536-character limit), and for
 * a write to an existing issue 404 or 410 (deleted, transferred) and 403
 * that is no rate limit (a locked issue). The run skips such an action and
 * goes on with the others; the next run plans it, and tries it, again.
 * Anything else (5xx, a reset connection, 401, rate limits, 403 for the
 * whole repository) concerns every write and is not a refusal: null.
 */
export function refusalOf(failure: RequestFailure | null, action: Action): string | null {
  if (!failure || failure.status === null) return null;
  const onIssue = "number" in action;
  const what = gitHubSays(failure);
  switch (failure.status) {
    case 422:
      return `GitHub refused the write (422): ${what}`;
    case 404:
    case 410:
      return onIssue ? `the issue is gone (${failure.status}): ${what}` : null;
    case 403:
      if (!onIssue || failure.headers["x-ratelimit-remaining"] === "0") return null;
      if (failure.headers["retry-after"] !== undefined) return null;
      // Missing permissions refuse every write alike: not this issue's doing.
      if (/rate limit|abuse|not accessible by integration/i.test(failure.message)) return null;
      return `GitHub refused the write (403): ${what}`;
    default:
      return null;
  }
}

// Octokit's messages append the documentation address: the reason is before it.
function gitHubSays(failure: RequestFailure): string {
  return failure.message.replace(/\s*-\s*https:\/\/docs\.github\.com\S*$/, "").trim();
}
