/**
 * A plan as stable JSON.
 */
import type { Plan } from "./types.js";

/**
 * The plan as plain data with a fixed key order, for saving, comparing and
 * reading by other programs. Applying it needs nothing else.
 * @param plan a plan from planSync
 */
export function planJson(plan: Plan): unknown {
  return {
    path: plan.path,
    sha: plan.sha,
    blocked: plan.blocks.length > 0,
    blocks: plan.blocks.map(({ rule, message, confirm }) => ({ rule, message, confirm })),
    summary: plan.summary,
    writes: countWrites(plan),
    actions: plan.actions,
    // The dashboard's write, when it was planned: not one of the idea
    // issues' writes counted above.
    ...(plan.dashboard === undefined ? {} : { dashboard: plan.dashboard }),
  };
}

/**
 * The API writes applying a plan takes: one per action, plus its comment.
 * @param plan a plan from planSync
 */
export function countWrites(plan: Plan): number {
  let writes = 0;
  for (const action of plan.actions) {
    writes += 1;
    if ((action.type === "close-issue" || action.type === "reopen-issue") && action.comment)
      writes += 1;
  }
  return writes;
}
