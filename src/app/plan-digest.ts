/**
 * A short fingerprint of a plan's writes.
 */
import { createHash } from "node:crypto";
import type { Plan } from "../plan/types.js";

/**
 * Digests what a plan would write: two plans with the same digest make the
 * same writes. Used to apply exactly the plan a maintainer confirmed.
 */
export function planDigest(plan: Plan): string {
  return createHash("sha256")
    .update(JSON.stringify([plan.path, plan.sha, plan.actions]))
    .digest("hex")
    .slice(0, 16);
}
