/**
 * `issue_comment`: the `/ideas-sync sync` and `/ideas-sync preview` commands.
 */
import type { Context } from "probot";
import { limitOf } from "../github/limit-of.js";
import { requestFailure } from "../github/request-error.js";
import { neutralizeMentions } from "../plan/neutralize-mentions.js";
import type { AppState } from "./app-state.js";
import { syncBranchHead, type BranchRun } from "./sync-branch-head.js";
import { paceRun } from "./pace-run.js";
import { runLog } from "./run-log.js";

const COMMAND = /^\/ideas-sync\s+(sync|preview)\s*$/m;

/**
 * Handles a new comment. A comment whose line reads `/ideas-sync sync` or
 * `/ideas-sync preview` from someone with write access is acknowledged with
 * 👀, run on the synced branch's newest commit, and answered with the
 * outcome; anyone else gets 👎 and a reply saying why. Other comments, and
 * any from bots, cost nothing.
 */
export function handleCommentCommand(state: AppState) {
  return async (context: Context<"issue_comment.created">): Promise<void> => {
    const { comment, issue, repository, sender } = context.payload;
    const match = COMMAND.exec(comment.body);
    if (!match || sender.type === "Bot") return;
    const command = match[1] as "sync" | "preview";
    const repo = context.repo();
    const octokit = context.octokit;
    // The reaction and the reply create content, as the sync does.
    paceRun(state, octokit, repo);
    const log = context.log.child({
      repository: repository.full_name,
      issue: issue.number,
      user: sender.login,
      delivery: context.id,
    });
    const { data: access } = await octokit.rest.repos.getCollaboratorPermissionLevel({
      ...repo,
      username: sender.login,
    });
    const react = (content: "eyes" | "-1" | "+1" | "confused") =>
      octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: comment.id, content });
    const reply = (body: string) =>
      octokit.rest.issues.createComment({ ...repo, issue_number: issue.number, body });
    if (access.permission !== "admin" && access.permission !== "write") {
      log.info({ permission: access.permission }, `refused /ideas-sync ${command}`);
      await react("-1");
      await reply(
        `@${sender.login} only people with write access to this repository can run \`/ideas-sync ${command}\`.`,
      );
      return;
    }
    await react("eyes");
    await state.queue.run(repository.full_name, async () => {
      let run: BranchRun;
      try {
        run = await syncBranchHead(state, octokit, repo, {
          mode: command === "sync" ? "apply" : "preview",
          log: runLog(log),
        });
      } catch (error) {
        // Limits stop the reply too: the command runs again when they lift.
        if (limitOf(error)) throw error;
        const failure = requestFailure(error);
        // Without an HTTP status it was not GitHub's answer but a bug: logged with its stack.
        const bug = failure.status === null;
        log.error(
          { status: failure.status, err: bug ? error : failure.message },
          `${bug ? "bug in ideas-sync: " : ""}/ideas-sync ${command} failed`,
        );
        await reply(
          bug
            ? `\`/ideas-sync ${command}\` stopped on a bug in ideas-sync (${failure.message}); the app's log has the details under delivery \`${context.id}\`.`
            : `\`/ideas-sync ${command}\` failed: ${failure.message}`,
        );
        return;
      }
      // Titles in the outcome may name people: quoting them notifies no one.
      await reply(neutralizeMentions(describeRun(command, run)));
    });
  };
}

function describeRun(command: string, run: BranchRun): string {
  switch (run.kind) {
    case "no-config":
      return `\`/ideas-sync ${command}\`: this repository has no \`.github/ideas-sync.yml\`, so there is nothing to sync.`;
    case "bad-config":
      return `\`/ideas-sync ${command}\`: \`.github/ideas-sync.yml\` has errors, listed in [the check run](${run.checkRunUrl}).`;
    case "ran":
      return [
        `\`/ideas-sync ${command}\` at ${run.sha.slice(0, 7)}:`,
        "",
        ...run.reported.map(
          (r) => `- \`${r.outcome.path}\`: ${r.title} ([details](${r.checkRunUrl}))`,
        ),
      ].join("\n");
  }
}
