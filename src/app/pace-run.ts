/**
 * Content creation of a run, counted against its installation's budget.
 */
import type { Octokit, RepoRef } from "../github/octokit.js";
import { paceCreations, type CreationBudget } from "../github/pace-creations.js";
import type { AppState } from "./app-state.js";

/**
 * Hooks `octokit` so that what it creates (issues, comments, labels,
 * reactions) is paced by the count the repository's installation shares
 * with every other run of it. Once per client; safe to call again.
 * @param state the app's state, which holds the counts
 * @param octokit the run's client
 * @param repo the repository it works on
 */
export function paceRun(state: AppState, octokit: Octokit, repo: RepoRef): void {
  paceCreations(octokit, creationBudget(state, repo), {
    sleep: state.sleep,
    maxWaitMs: state.maxWaitSeconds * 1000,
  });
}

// GitHub counts content creation per installation token; a repository whose
// installation is not known yet is counted on its own.
function creationBudget(state: AppState, repo: RepoRef): CreationBudget {
  const repository = `${repo.owner}/${repo.repo}`;
  const installation = state.installations.get(repository);
  const key = installation === undefined ? repository : `installation ${installation}`;
  let budget = state.creations.get(key);
  if (!budget) state.creations.set(key, (budget = { times: [], clock: null }));
  return budget;
}
