/**
 * The labels of a repository.
 */
import type { Octokit, RepoRef } from "./octokit.js";

/**
 * Lists every label of the repository, with its description (one request
 * per 100). Only needed when a plan would create labels: a label that exists
 * but is on no managed issue must not be created twice, and one a person
 * renamed is found by its description.
 */
export async function listLabels(
  octokit: Octokit,
  repo: RepoRef,
): Promise<Array<{ name: string; description: string }>> {
  const labels = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, {
    ...repo,
    per_page: 100,
  });
  return labels.map((label) => ({ name: label.name, description: label.description ?? "" }));
}
