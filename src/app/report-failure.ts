/**
 * A delivery whose work failed: a failed request, or a bug in ideas-sync.
 */
import type { Context } from "probot";
import { createCheckRun } from "../github/create-check-run.js";
import type { Octokit } from "../github/octokit.js";
import { requestFailure } from "../github/request-error.js";

/**
 * Logs why a delivery's work failed, at error level. An error with an HTTP
 * status is GitHub's answer (the check run could not be written, or the
 * configuration not read). Anything else (a TypeError, a broken
 * assumption) is a bug in ideas-sync: it is logged with its stack, and when
 * the delivery names a commit, a failed check run on it says that this is a
 * bug, not a problem with the document, and gives the delivery's id to find
 * the log line by. What was written before it stays; the next run re-plans
 * from the issues as they are.
 */
export async function reportFailure(context: Context, error: unknown): Promise<void> {
  const about = (context.payload as { repository?: { full_name?: string; html_url?: string } })
    .repository;
  const repository = about?.full_name ?? null;
  const failure = requestFailure(error);
  if (failure.status !== null) {
    context.log.error(
      { delivery: context.id, repository, status: failure.status, err: failure.message },
      `${context.name} failed: GitHub answered ${failure.status}`,
    );
    return;
  }
  context.log.error(
    { delivery: context.id, repository, err: error },
    `bug in ideas-sync: ${context.name} failed`,
  );
  const sha = commitOf(context.payload);
  if (!repository || !about?.html_url || !sha) return;
  const [owner = "", repo = ""] = repository.split("/");
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  try {
    await createCheckRun(
      context.octokit as Octokit,
      { owner, repo },
      {
        name: "ideas-sync",
        headSha: sha,
        conclusion: "failure",
        title: "A bug in ideas-sync stopped this sync",
        summary: `ideas-sync hit a bug: \`${message}\`. This is not a problem with the document or the configuration.\n\nWhat was written before it stays, and the next run (a push, or a \`/ideas-sync sync\` comment) plans again from the issues as they are. The app's log has the details at error level, under delivery \`${context.id}\`.`,
        detailsUrl: about.html_url,
      },
    );
  } catch (reporting) {
    context.log.error(
      { delivery: context.id, repository, err: requestFailure(reporting).message },
      "the bug could not be reported in a check run",
    );
  }
}

// The commit a delivery is about, where there is one.
function commitOf(payload: unknown): string | null {
  const p = payload as {
    after?: string;
    deleted?: boolean;
    pull_request?: { head?: { sha?: string } };
    check_run?: { head_sha?: string };
  };
  if (p.pull_request?.head?.sha) return p.pull_request.head.sha;
  if (p.check_run?.head_sha) return p.check_run.head_sha;
  if (typeof p.after === "string" && !p.deleted && !/^0+$/.test(p.after)) return p.after;
  return null;
}
