/**
 * Failures that stop every request for a while, not only one.
 */
import { requestFailure } from "./request-error.js";

/** A failure no request can get past until a limit lifts or access is renewed. */
export type Limit =
  { kind: "rate-limit"; afterMs: number; message: string } | { kind: "revoked"; message: string };

/**
 * Tells a used-up primary rate limit (403 or 429 with no requests
 * remaining: wait until `x-ratelimit-reset`, by the answer's own `date`), a
 * secondary one (`retry-after`, or a minute), and a rejected token (401)
 * from any other failure (null).
 */
export function limitOf(error: unknown): Limit | null {
  const failure = requestFailure(error);
  if (failure.status === 401) return { kind: "revoked", message: failure.message };
  if (failure.status !== 403 && failure.status !== 429) return null;
  if (failure.headers["x-ratelimit-remaining"] === "0") {
    const reset = Number(failure.headers["x-ratelimit-reset"]) * 1000;
    const now = Date.parse(failure.headers.date ?? "");
    const afterMs = Number.isFinite(reset)
      ? Math.max(0, reset - (Number.isFinite(now) ? now : Date.now()))
      : 3_600_000;
    return { kind: "rate-limit", afterMs, message: failure.message };
  }
  const retryAfter = Number(failure.headers["retry-after"]);
  if (Number.isFinite(retryAfter) && retryAfter >= 0)
    return { kind: "rate-limit", afterMs: retryAfter * 1000, message: failure.message };
  if (/secondary rate limit|abuse/i.test(failure.message))
    return { kind: "rate-limit", afterMs: 60_000, message: failure.message };
  return null;
}
