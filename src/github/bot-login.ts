/**
 * The login the app's issues are created under.
 */
import type { Octokit } from "./octokit.js";

/**
 * Asks GitHub for the app's slug (`GET /app`, authenticated as the app) and
 * returns its bot login, `SLUG[bot]`.
 * @param appOctokit an Octokit authenticated as the app itself
 */
export async function fetchBotLogin(appOctokit: Octokit): Promise<string> {
  const { data } = await appOctokit.rest.apps.getAuthenticated();
  const slug = data?.slug;
  if (!slug) throw new Error("GET /app returned no slug");
  return `${slug}[bot]`;
}
