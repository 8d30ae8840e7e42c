/**
 * A continuation's work: the synced branch's newest commit, synced again.
 */
import { countRequests } from "../github/count-requests.js";
import type { Octokit } from "../github/octokit.js";
import type { AppState } from "./app-state.js";
import { runOrRetryLater } from "./retry-later.js";
import { syncBranchHead } from "./sync-branch-head.js";

/**
 * Syncs the repository's synced branch at its newest commit, as the
 * repository's one run at a time; a used-up limit or a revoked token
 * schedules it again (see `runOrRetryLater`). Work left for later by a run
 * continues this way, whether from a timer in the process or a scheduled job.
 * @param repository "owner/repo"
 */
export function resumeRepository(
  state: AppState,
  repository: string,
  octokit: Octokit,
  log: (fields: Record<string, unknown>, message: string) => void,
): Promise<void> {
  const [owner, repo] = repository.split("/") as [string, string];
  return runOrRetryLater(
    state,
    repository,
    octokit,
    (current) =>
      state.queue.run(repository, async () => {
        log({ repository }, "continuing the work left for later");
        await syncBranchHead(
          state,
          current,
          { owner, repo },
          {
            mode: "apply",
            since: { ...countRequests(current) },
            log,
          },
        );
      }),
    { kind: "sync-head" },
  );
}
