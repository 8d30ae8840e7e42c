/**
 * `check_run.requested_action`: the Confirm and Continue buttons.
 */
import type { Context } from "probot";
import { z } from "zod";
import { createCheckRun } from "../github/create-check-run.js";
import { loadConfig } from "../github/load-config.js";
import { readFile } from "../github/read-file.js";
import type { AppState } from "./app-state.js";
import { CONFIRM_ACTION, CONTINUE_ACTION } from "./report-outcome.js";
import { runAndReport } from "./run-and-report.js";
import { syncBranchHead } from "./sync-branch-head.js";
import { writeAccess } from "./write-access.js";
import { runLog } from "./run-log.js";

const confirmation = z.strictObject({ path: z.string(), blob: z.string(), digest: z.string() });

/**
 * Handles a button on one of the app's check runs (only people with write
 * access see them). Continue syncs the branch's newest commit again. Confirm
 * applies the blocked plan the check run showed, and only that plan: if the
 * document on the branch is no longer the one planned from, or the plan came
 * out different, nothing is written and a new check run says why. Confirm
 * is taken only from someone with write access, as the comment command is:
 * anyone else's press is logged and nothing is written.
 */
export function handleCheckRunAction(state: AppState) {
  return async (context: Context<"check_run.requested_action">): Promise<void> => {
    const { check_run: checkRun, requested_action: requested, repository } = context.payload;
    const identifier = requested?.identifier;
    const repo = context.repo();
    const octokit = context.octokit;
    const log = context.log.child({
      repository: repository.full_name,
      sha: checkRun.head_sha,
      button: identifier,
      delivery: context.id,
    });
    const logInfo = runLog(log);
    if (identifier === CONTINUE_ACTION) {
      await state.queue.run(repository.full_name, () =>
        syncBranchHead(state, octokit, repo, { mode: "apply", log: logInfo }),
      );
      return;
    }
    if (identifier !== CONFIRM_ACTION) return;
    let confirmed: z.infer<typeof confirmation>;
    try {
      confirmed = confirmation.parse(JSON.parse(checkRun.external_id ?? ""));
    } catch {
      log.warn("Confirm on a check run without a plan to confirm");
      return;
    }
    const sender = context.payload.sender.login;
    const access = await writeAccess(octokit, repo, sender);
    if (!access.allowed) {
      log.warn(
        { user: sender, permission: access.permission },
        `Confirm refused: ${sender} has ${access.permission} access, and confirming needs write access; nothing is written`,
      );
      return;
    }
    await state.queue.run(repository.full_name, async () => {
      const { data: repoData } = await octokit.rest.repos.get(repo);
      const loaded = await loadConfig(octokit, repo, checkRun.head_sha);
      if (loaded.kind !== "config") return;
      const branch = loaded.config.branch ?? repoData.default_branch;
      const { data: head } = await octokit.rest.repos.getBranch({ ...repo, branch });
      const target = {
        octokit,
        repo,
        repositoryUrl: repoData.html_url,
        sha: checkRun.head_sha,
        log: logInfo,
      };
      if (head.commit.sha !== checkRun.head_sha) {
        const now = await readFile(octokit, repo, confirmed.path, head.commit.sha);
        if (now.kind !== "file" || now.blobSha !== confirmed.blob) {
          logInfo({ head: head.commit.sha }, "not confirmed: the document changed since");
          await createCheckRun(octokit, repo, {
            name: checkRun.name,
            headSha: checkRun.head_sha,
            conclusion: "neutral",
            title: "Not applied: the document changed since this plan was made",
            summary: `\`${confirmed.path}\` on ${branch} (at ${head.commit.sha.slice(0, 7)}) is no longer the version this plan was made from, so the confirmed plan is not applied. The newer commit's own check run shows its plan.`,
            detailsUrl: `${repoData.html_url}/blob/${head.commit.sha}/${confirmed.path}`,
          });
          return;
        }
      }
      // The plan is made again at the commit it was made at: the same
      // document and the same issues give the same plan, and only then is it applied.
      await runAndReport(state, target, loaded.config, {
        paths: new Set([confirmed.path]),
        mode: "apply",
        confirmed,
      });
    });
  };
}
