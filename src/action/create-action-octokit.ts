/**
 * The Octokit an Action run uses: the app's, with the workflow's token.
 */
import { appOctokit } from "../github/app-octokit.js";
import type { Octokit } from "../github/octokit.js";

/**
 * Where Octokit's own lines go: its warnings, and a debug line per request.
 * Probot's request logging calls these pino-style, fields first (the
 * request's body), then the message.
 */
export interface OctokitLog {
  debug: (...args: unknown[]) => void;
  info: (...args: unknown[]) => void;
  warn: (...args: unknown[]) => void;
  error: (...args: unknown[]) => void;
}

/**
 * Makes the Octokit the app runs with (src/github/app-octokit.ts: Probot's
 * throttling spaces writes a second apart and notifying ones three, no POST
 * is retried, no request waits inside Octokit for a rate limit), with a
 * token instead of an installation, at the workflow's API address.
 * @param token the workflow's GITHUB_TOKEN, or another token
 * @param baseUrl GITHUB_API_URL
 * @param throttle false when the run spaces its writes itself (by the emulator's clock in tests)
 */
export function createActionOctokit(
  token: string,
  baseUrl: string,
  throttle: boolean,
  log: OctokitLog,
): Octokit {
  const ActionOctokit = appOctokit(throttle);
  return new ActionOctokit({ auth: { token }, baseUrl, log }) as Octokit;
}
