/**
 * The labels of a repository.
 */
import type { Octokit, RepoRef } from "./octokit.js";

/**
 * Lists the names of every label of the repository (one request per 100).
 * Only needed when a plan would create labels: a label that exists but is on
 * no managed issue must not be created twice.
 */
export async function listLabels(octokit: Octokit, repo: RepoRef): Promise<string[]> {
  const labels = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, {
    ...repo,
    per_page: 100,
  });
  return labels.map((label) => label.name);
}
