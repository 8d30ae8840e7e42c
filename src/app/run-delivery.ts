/**
 * A delivery's handler, tried again when GitHub's limits stopped it.
 */
import type { Context } from "probot";
import { countRequests } from "../github/count-requests.js";
import type { Octokit } from "../github/octokit.js";
import type { AppState } from "./app-state.js";
import type { LaterWork } from "./durable-jobs.js";
import { runOrRetryLater } from "./retry-later.js";
import { syncBranchHead } from "./sync-branch-head.js";
import { runLog } from "./run-log.js";

/**
 * Runs a handler for a delivery about one repository; when a used-up rate
 * limit or a revoked token stops it, it runs again when possible (see
 * `runOrRetryLater`). A push tried again syncs the branch's newest commit
 * instead of its own: by then a newer push may have come, and an older
 * revision must not be written over it. Deliveries about no one repository
 * (installations) handle their repositories' limits themselves.
 */
export function runDelivery<C extends Context>(
  state: AppState,
  context: C,
  handler: (context: C) => Promise<void>,
): Promise<void> {
  const repository = (context.payload as { repository?: { full_name?: string } }).repository
    ?.full_name;
  if (!repository) return handler(context);
  const installation = (context.payload as { installation?: { id?: number } }).installation?.id;
  if (installation !== undefined) state.installations.set(repository, installation);
  // Probot's cache may still hold a token GitHub revoked: use the one renewed since.
  const renewed = installation === undefined ? undefined : state.tokens.get(installation);
  if (renewed && renewed.expiresAt > Date.now()) {
    context.octokit = renewed.octokit() as C["octokit"];
    countRequests(context.octokit as Octokit);
  } else if (installation !== undefined) state.tokens.delete(installation);
  const repo = context.repo();
  let first = true;
  // Tried again later (on any replica, with a database), a push syncs the
  // branch head; anything else is received again.
  const again: LaterWork =
    context.name === "push"
      ? { kind: "sync-head" }
      : {
          kind: "delivery",
          delivery: { id: context.id, name: context.name, payload: context.payload },
        };
  return runOrRetryLater(
    state,
    repository,
    context.octokit as Octokit,
    async (octokit) => {
      // After a 401, the handler goes on with the Octokit of a new token.
      context.octokit = octokit as C["octokit"];
      countRequests(octokit);
      if (first || context.name !== "push") {
        first = false;
        await handler(context);
        return;
      }
      await state.queue.run(repository, () =>
        syncBranchHead(state, octokit, repo, {
          mode: "apply",
          log: runLog(context.log),
        }),
      );
    },
    again,
  );
}
