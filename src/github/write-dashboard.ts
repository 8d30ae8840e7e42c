/**
 * A dashboard write → GitHub.
 */
import type { DashboardWrite } from "../plan/types.js";
import type { Octokit, RepoRef } from "./octokit.js";

/**
 * Makes the dashboard's one write: creates its issue (without labels: it is
 * no idea) or updates its title and body.
 * @returns the dashboard issue's number
 */
export async function writeDashboard(
  octokit: Octokit,
  repo: RepoRef,
  write: DashboardWrite,
): Promise<number> {
  if (write.type === "create-dashboard") {
    const { data } = await octokit.rest.issues.create({
      ...repo,
      title: write.title,
      body: write.body,
    });
    return data.number;
  }
  await octokit.rest.issues.update({ ...repo, issue_number: write.number, ...write.changes });
  return write.number;
}
