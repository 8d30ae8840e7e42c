/**
 * Which files a pull request changes.
 */
import type { Octokit, RepoRef } from "./octokit.js";

/**
 * Every path a pull request adds, changes or removes, and the old name of
 * each file it renames: a document renamed away is changed too. Lists the
 * files page by page (GitHub gives up to 3,000).
 * @param octokit an installation's client
 * @param repo the repository
 * @param pullNumber the pull request's number
 */
export async function pullRequestPaths(
  octokit: Octokit,
  repo: RepoRef,
  pullNumber: number,
): Promise<Set<string>> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    ...repo,
    pull_number: pullNumber,
    per_page: 100,
  });
  return new Set(
    files.flatMap((file) => [
      file.filename,
      ...(file.previous_filename ? [file.previous_filename] : []),
    ]),
  );
}
