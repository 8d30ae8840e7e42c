/**
 * A run on the newest commit of the synced branch, for runs no push started.
 */
import type { RequestCount } from "../github/count-requests.js";
import { loadConfig } from "../github/load-config.js";
import type { Octokit, RepoRef } from "../github/octokit.js";
import type { AppState } from "./app-state.js";
import { reportBadConfig, runAndReport, type Reported } from "./run-and-report.js";
import type { Confirmation } from "./types.js";

/** How a run on the branch head went. */
export type BranchRun =
  | { kind: "no-config" }
  | { kind: "bad-config"; checkRunUrl: string }
  | { kind: "ran"; sha: string; reported: Reported[] };

/**
 * Finds the synced branch (the configured one, or the default branch) and
 * its newest commit, then syncs or previews every document there: the
 * install-time backfill, the comment command and the Continue button.
 * Costs three reads before the run: the repository, the configuration, the
 * branch.
 */
export async function syncBranchHead(
  state: AppState,
  octokit: Octokit,
  repo: RepoRef,
  options: {
    mode: "apply" | "preview";
    confirmed?: Confirmation | null;
    /** The request count when this repository's work began. */
    since?: RequestCount;
    log: (fields: Record<string, unknown>, message: string) => void;
  },
): Promise<BranchRun> {
  const { data: repository } = await octokit.rest.repos.get({ ...repo });
  const loaded = await loadConfig(octokit, repo, repository.default_branch);
  if (loaded.kind === "none") return { kind: "no-config" };
  const branch =
    loaded.kind === "config"
      ? (loaded.config.branch ?? repository.default_branch)
      : repository.default_branch;
  const { data: head } = await octokit.rest.repos.getBranch({ ...repo, branch });
  const target = {
    octokit,
    repo,
    repositoryUrl: repository.html_url,
    sha: head.commit.sha,
    log: options.log,
    ...(options.since ? { since: options.since } : {}),
  };
  if (loaded.kind === "invalid")
    return { kind: "bad-config", checkRunUrl: await reportBadConfig(target, loaded.errors) };
  const reported = await runAndReport(state, target, loaded.config, {
    mode: options.mode,
    confirmed: options.confirmed ?? null,
  });
  return { kind: "ran", sha: head.commit.sha, reported };
}
