/**
 * Whether a person may make the app write.
 */
import type { Octokit, RepoRef } from "../github/octokit.js";

/**
 * Asks GitHub for a person's permission on the repository (one read):
 * `admin` and `write` (which `maintain` reads as) may run a sync or confirm
 * a plan; `triage`, `read` and `none` may not.
 * @returns whether they may, and the permission GitHub named
 */
export async function writeAccess(
  octokit: Octokit,
  repo: RepoRef,
  login: string,
): Promise<{ allowed: boolean; permission: string }> {
  const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
    ...repo,
    username: login,
  });
  return {
    allowed: data.permission === "admin" || data.permission === "write",
    permission: data.permission,
  };
}
