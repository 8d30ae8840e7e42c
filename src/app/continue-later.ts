/**
 * Scheduling the continuation of a run that left work for later.
 */
import type { AppState } from "./app-state.js";
import { resumeRepository } from "./resume-repository.js";
import type { RunTarget } from "./run-and-report.js";

/**
 * After a run's reports are written: with a delay, schedules a sync of the
 * branch's newest commit then (replacing any waiting one: it syncs the
 * newest commit anyway); without, a run over every document ends the
 * waiting one, since nothing is left. A run that wrote something starts the
 * count of continuations in a row again.
 * @returns whether a continuation now waits
 */
export function continueLater(
  state: AppState,
  target: RunTarget,
  delayMs: number | null,
  options: { everyDocument: boolean; progressed: boolean },
): boolean {
  const repository = `${target.repo.owner}/${target.repo.repo}`;
  if (options.progressed) state.continuations.settled(repository);
  if (delayMs === null) {
    if (options.everyDocument) {
      state.continuations.cancel(repository);
      state.continuations.settled(repository);
    }
    return false;
  }
  const scheduled = state.continuations.schedule(
    repository,
    delayMs,
    () => resumeRepository(state, repository, target.octokit, target.log),
    (error) => state.app.log.error({ repository, err: String(error) }, "the continuation failed"),
    { work: { kind: "sync-head" }, installation: state.installations.get(repository) },
  );
  target.log(
    { repository, delayMs, scheduled },
    scheduled
      ? `work left for later continues in ${Math.round(delayMs / 1000)} s`
      : "work left for later waits for a person: too many continuations in a row",
  );
  return scheduled;
}
