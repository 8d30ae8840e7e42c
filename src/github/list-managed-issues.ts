/**
 * The issues ideas-sync may manage in a repository.
 */
import type { IssueSnapshot } from "../plan/types.js";
import type { Octokit, RepoRef } from "./octokit.js";
import { toIssueSnapshots } from "./to-issue-snapshot.js";

/**
 * Lists every issue the app opened, open or closed, with the consistent
 * issues list filtered by creator (never the Search API, which lags by
 * minutes and would let a quick second push open a twin). Filtering by
 * creator rather than by the tracking label still finds an issue whose label
 * a person removed. One request per 100 issues.
 * @param creator the app's bot login, such as `ideas-sync[bot]`
 * @throws Error when the API answers with something that is not a list of issues
 */
export async function listManagedIssues(
  octokit: Octokit,
  repo: RepoRef,
  creator: string,
): Promise<IssueSnapshot[]> {
  const items = await octokit.paginate(octokit.rest.issues.listForRepo, {
    ...repo,
    creator,
    state: "all",
    per_page: 100,
  });
  const issues = toIssueSnapshots(items);
  if (!issues.ok) throw new Error(`the issues list is not what GitHub sends: ${issues.error}`);
  return issues.issues;
}
