/**
 * Runs that GitHub's limits or a rejected token stopped, tried again when possible.
 */
import { limitOf } from "../github/limit-of.js";
import type { Octokit } from "../github/octokit.js";
import { renewToken } from "../github/renew-token.js";
import type { AppState } from "./app-state.js";
import type { LaterWork } from "./durable-jobs.js";

/**
 * Runs a job (a handler's work, with its report). When GitHub stops it for
 * every request (a used-up rate limit, or a 401: the installation's token
 * was revoked), no check run or reply could be written either: the job is
 * scheduled again when the limit resets (after a new token is fetched, at
 * once), as the repository's one waiting continuation, and the log says so
 * at error level. A second 401 in a row, or a token GitHub will not give,
 * ends it: the app's access is gone until someone restores it. Any other
 * failure is thrown, as before.
 * @param repository "owner/repo": whose continuation this is
 * @param job the work, given the Octokit to use (a new one after a 401)
 * @param again what `job` does, for a scheduled job to do it on any replica
 */
export async function runOrRetryLater(
  state: AppState,
  repository: string,
  octokit: Octokit,
  job: (octokit: Octokit) => Promise<void>,
  again: LaterWork,
  revokedBefore = false,
): Promise<void> {
  const log = state.app.log.child({ repository });
  try {
    await job(octokit);
  } catch (error) {
    const limit = limitOf(error);
    if (!limit) throw error;
    let next: Octokit | null = octokit;
    if (limit.kind === "revoked") {
      const installation = state.installations.get(repository);
      if (revokedBefore) {
        log.error(
          { err: limit.message },
          "GitHub refused the app's new token too (401): nothing is synced or reported until the app's access is restored",
        );
        return;
      }
      try {
        const renewed = installation === undefined ? null : await renewToken(octokit, installation);
        // Later deliveries of the installation use it too, not the revoked one.
        if (renewed && installation !== undefined) state.tokens.set(installation, renewed);
        next = renewed?.octokit() ?? null;
      } catch (refusal) {
        next = null;
        log.error({ err: String(refusal) }, "GitHub gave no new token");
      }
      if (next === null) {
        log.error(
          { installation: installation ?? null },
          "GitHub refused the app's token (401) and gives no new one: nothing is synced or reported until the app is installed again",
        );
        return;
      }
    }
    const retryWith: Octokit = next;
    const delayMs = limit.kind === "rate-limit" ? limit.afterMs + 1000 : 0;
    const scheduled = state.continuations.schedule(
      repository,
      delayMs,
      () => runOrRetryLater(state, repository, retryWith, job, again, limit.kind === "revoked"),
      (later) => log.error({ err: String(later) }, "the run tried again failed"),
      { work: again, installation: state.installations.get(repository) },
    );
    log.error(
      { err: limit.message, delayMs, scheduled },
      limit.kind === "revoked"
        ? `GitHub refused the app's token (401), so the run could not finish or be reported; with a new token it ${scheduled ? "runs again now" : "waits for a person (too many tries in a row)"}`
        : `GitHub's rate limit stopped the run before it was reported; it ${scheduled ? `runs and reports again in ${Math.round(delayMs / 1000)} s, when the limit resets` : "waits for a person (too many tries in a row)"}`,
    );
  }
}
