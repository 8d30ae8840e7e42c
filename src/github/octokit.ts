/**
 * The Octokit the app is given: Probot's, with throttling, retries and
 * pagination.
 */
import type { ProbotOctokit } from "probot";

/** An authenticated Octokit for one installation. */
export type Octokit = InstanceType<typeof ProbotOctokit>;

/** A repository, as the REST API's path parameters name it. */
export interface RepoRef {
  owner: string;
  repo: string;
}
