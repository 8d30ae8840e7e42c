/**
 * `installation` and `installation_repositories`: sync what existed before.
 */
import type { Context } from "probot";
import { countRequests } from "../github/count-requests.js";
import type { Octokit } from "../github/octokit.js";
import type { AppState } from "./app-state.js";
import { runOrRetryLater } from "./retry-later.js";
import { syncBranchHead } from "./sync-branch-head.js";
import { runLog } from "./run-log.js";

/**
 * Handles the app being installed, or repositories being added to an
 * installation: each repository with a configuration is synced at the head
 * of its synced branch, one after another, so that ideas written before the
 * app came get their issues. Repositories without a configuration cost two
 * reads and are left alone.
 */
export function handleInstallation(state: AppState) {
  return async (
    context: Context<"installation.created" | "installation_repositories.added">,
  ): Promise<void> => {
    const payload = context.payload;
    const repositories =
      "repositories_added" in payload ? payload.repositories_added : (payload.repositories ?? []);
    for (const { full_name: fullName } of repositories) {
      const [owner, name] = fullName.split("/") as [string, string];
      const log = context.log.child({ repository: fullName, delivery: context.id });
      state.installations.set(fullName, payload.installation.id);
      const backfill = (octokit: Octokit) =>
        state.queue.run(fullName, async () => {
          const run = await syncBranchHead(
            state,
            octokit,
            { owner, repo: name },
            {
              mode: "apply",
              since: { ...countRequests(octokit) },
              log: runLog(log),
            },
          );
          if (run.kind === "no-config") log.info("no .github/ideas-sync.yml: not synced");
        });
      try {
        // A used-up limit or a revoked token: this repository's backfill runs again later.
        await runOrRetryLater(state, fullName, context.octokit as Octokit, backfill, {
          kind: "sync-head",
        });
      } catch (error) {
        // One repository's failure must not keep the others from their sync.
        log.error({ err: error }, "backfill failed");
      }
    }
  };
}
