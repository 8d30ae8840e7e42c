/**
 * A check run from a workflow, which may not be allowed to make one.
 */
import { createCheckRun, type CheckRunReport } from "../github/create-check-run.js";
import type { Octokit, RepoRef } from "../github/octokit.js";
import { requestFailure } from "../github/request-error.js";

/**
 * Creates the check run, or says why it could not: a workflow's token
 * without `checks: write`, such as the read-only one of a pull request from
 * a fork, gets a 403, and the job summary is then the only report.
 * @returns the check run's address, or null when GitHub refused it
 * @throws any other failure
 */
export async function postCheckRun(
  octokit: Octokit,
  repo: RepoRef,
  report: CheckRunReport,
  log: (fields: Record<string, unknown>, message: string) => void,
): Promise<string | null> {
  try {
    return await createCheckRun(octokit, repo, report);
  } catch (error) {
    const failure = requestFailure(error);
    if (failure.status !== 403 && failure.status !== 404) throw error;
    log(
      { status: failure.status, err: failure.message },
      "no check run: the token may not create one (permissions: checks: write; a pull request from a fork gets a read-only token); the job summary has the report",
    );
    return null;
  }
}
