/**
 * `issue_comment`: comment commands, and dashboard comment counts.
 */
import type { Context } from "probot";
import type { Octokit } from "../github/octokit.js";
import { readIssueBody } from "../plan/issue-body.js";
import type { AppState } from "./app-state.js";
import { handleCommentCommand } from "./handle-comment-command.js";
import { refreshDashboard } from "./refresh-dashboard.js";
import { runLog } from "./run-log.js";

/** A dashboard's comment counts are refreshed at most this often per document. */
export const DASHBOARD_REFRESH_MS = 10 * 60 * 1000;

/**
 * Handles a new comment: a `/ideas-sync` command (see handleCommentCommand);
 * and, on an idea's issue, a refresh of its document's dashboard at most
 * once per 10 minutes per document, timed by the comments' own times on
 * GitHub. A comment within 10 minutes of the last refresh schedules one
 * refresh at the end of that window (waited with the app's `sleep` and
 * tracked like a continuation), and further comments until then cost
 * nothing. Comments on other issues and on pull requests, and comments by
 * bots, cost no request. The times live in the process: after a restart the
 * first comment refreshes at once.
 */
export function handleIssueComment(state: AppState) {
  const command = handleCommentCommand(state);
  return async (context: Context<"issue_comment.created">): Promise<void> => {
    await command(context);
    const { comment, issue, repository, sender } = context.payload;
    if (sender.type === "Bot" || issue.pull_request) return;
    const path = readIssueBody(issue.body ?? null).marker?.path;
    if (!path) return;
    const key = `${repository.full_name}\n${path}`;
    const parsed = Date.parse(comment.created_at);
    const at = Number.isFinite(parsed) ? parsed : 0;
    const last = state.dashboardRefreshes.get(key);
    if (last?.pending) return;
    const octokit = context.octokit as Octokit;
    const log = runLog(context.log.child({ repository: repository.full_name, path }));
    const refresh = async () => {
      const botLogin = await state.botLogin();
      await state.queue.run(repository.full_name, () =>
        refreshDashboard(
          {
            octokit,
            repo: context.repo(),
            repositoryUrl: repository.html_url,
            branch: repository.default_branch,
            botLogin,
            log,
          },
          path,
        ),
      );
    };
    if (!last || at - last.at >= DASHBOARD_REFRESH_MS || at < last.at) {
      state.dashboardRefreshes.set(key, { at, pending: false });
      await refresh();
      return;
    }
    // Within the window: one refresh at its end picks up every comment until then.
    const due = last.at + DASHBOARD_REFRESH_MS;
    state.dashboardRefreshes.set(key, { at: last.at, pending: true });
    state.runs.track(
      (async () => {
        await state.sleep(due - at);
        state.dashboardRefreshes.set(key, { at: due, pending: false });
        await refresh();
      })(),
      (error) => {
        state.dashboardRefreshes.set(key, { at: due, pending: false });
        context.log.warn({ err: error, path }, "dashboard refresh failed");
      },
    );
  };
}
