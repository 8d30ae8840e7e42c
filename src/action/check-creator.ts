/**
 * Whether the Action's issues are made under the login it lists them by.
 */
import type { Octokit, RepoRef } from "../github/octokit.js";
import type { ActionRun } from "./types.js";

/**
 * After a run that created issues, reads the first one back (one request)
 * and compares its author with the login the Action lists its issues by
 * (the issue-creator input). A token other than the workflow's (a personal
 * token, an app's) makes issues under another login: the next run would not
 * find them and would create them all again. Such a run fails its job
 * before that, saying which login to set.
 * @returns the job's error line, or null when the logins agree or nothing was created
 */
export async function checkCreator(
  octokit: Octokit,
  repo: RepoRef,
  run: ActionRun,
  creator: string,
): Promise<string | null> {
  if (run.kind !== "ran") return null;
  const created = run.documents
    .flatMap(({ outcome }) => (outcome.kind === "applied" ? outcome.result.applied : []))
    .find(({ action, number }) => action.type === "create-issue" && number !== null);
  if (!created?.number) return null;
  const { data } = await octokit.rest.issues.get({ ...repo, issue_number: created.number });
  const author = data.user?.login;
  if (!author || author.toLowerCase() === creator.toLowerCase()) return null;
  return `the token creates issues as ${author}, but the Action finds its issues by issue-creator, ${creator}: set the input issue-creator to ${author}, or the next run creates every issue again`;
}
