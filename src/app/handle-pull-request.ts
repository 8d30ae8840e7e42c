/**
 * `pull_request`: preview what merging would sync.
 */
import type { Context } from "probot";
import { CONFIG_PATH, loadConfig } from "../github/load-config.js";
import { pullRequestPaths } from "../github/pull-request-paths.js";
import type { AppState } from "./app-state.js";
import { reportBadConfig, runAndReport, type RunTarget } from "./run-and-report.js";
import { runLog } from "./run-log.js";

/**
 * Handles a pull request being opened, updated or reopened. When it changes
 * a document or the configuration and targets the synced branch, the head
 * commit gets a check run with the plan merging would apply and the
 * document's diagnostics on their lines. Nothing is written to issues.
 */
export function handlePullRequest(state: AppState) {
  return async (
    context: Context<"pull_request.opened" | "pull_request.synchronize" | "pull_request.reopened">,
  ): Promise<void> => {
    const { pull_request: pull, repository } = context.payload;
    const repo = context.repo();
    await state.queue.run(repository.full_name, async () => {
      const log = context.log.child({
        repository: repository.full_name,
        pull: pull.number,
        sha: pull.head.sha,
        delivery: context.id,
      });
      const loaded = await loadConfig(context.octokit, repo, pull.head.sha);
      if (loaded.kind === "none") return;
      const changed = await pullRequestPaths(context.octokit, repo, pull.number);
      const target: RunTarget = {
        octokit: context.octokit,
        repo,
        repositoryUrl: repository.html_url,
        sha: pull.head.sha,
        log: runLog(log),
      };
      if (loaded.kind === "invalid") {
        if (changed.has(CONFIG_PATH)) await reportBadConfig(target, loaded.errors);
        return;
      }
      if (pull.base.ref !== (loaded.config.branch ?? repository.default_branch)) return;
      const paths = changed.has(CONFIG_PATH)
        ? null
        : new Set(loaded.config.documents.map((d) => d.path).filter((p) => changed.has(p)));
      if (paths?.size === 0) return;
      await runAndReport(state, target, loaded.config, { paths, mode: "preview" });
    });
  };
}
