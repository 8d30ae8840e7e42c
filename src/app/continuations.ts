/**
 * Work left for later, continued by itself.
 */
import type { DurableJobs, LaterWork } from "./durable-jobs.js";
import type { PendingRuns } from "./pending-runs.js";

/** How many continuations in a row a repository gets before a person must act. */
export const CONTINUATIONS_MAX = 50;

/**
 * At most one scheduled continuation per repository: a run that left work
 * for later (the write cap, a rate limit) or could not run or report at all
 * (a used-up limit, a revoked token) asks for one at the time the limit
 * lifts, and a newer request replaces the older one, so that a repository
 * never has two runs waiting. Waits go by the app's `sleep`, which the
 * emulator's clock drives in tests. The waits are tracked as runs:
 * `idle()` answers once no continuation is waiting either. Without a
 * database they live in the process, and after a restart the next push,
 * Continue or comment picks the work up; with one (`durable`), a
 * continuation that says what it does (`later`) is a scheduled job that
 * survives restarts and runs on any replica.
 */
export class Continuations {
  readonly #waiting = new Map<string, number>();
  readonly #inARow = new Map<string, number>();
  #generation = 0;

  constructor(
    private readonly sleep: (milliseconds: number) => Promise<void>,
    private readonly runs: PendingRuns,
    private readonly durable: {
      jobs: DurableJobs;
      /** Whether waits go by an emulated clock, which the queue's does not follow. */
      emulatedClock: boolean;
    } | null = null,
  ) {}

  /**
   * Schedules `job` for the repository after `milliseconds`, replacing the
   * one waiting. Refuses (false) past `CONTINUATIONS_MAX` in a row, which
   * `settled` resets: a run that keeps leaving work without progress must
   * not go on forever. With a database, `later` (what `job` does, and the
   * installation to do it as) makes it a scheduled job instead.
   */
  /** Whether `schedule` would take one more for the repository now. */
  allows(repository: string): boolean {
    return (this.#inARow.get(repository) ?? 0) + 1 <= CONTINUATIONS_MAX;
  }

  schedule(
    repository: string,
    milliseconds: number,
    job: () => Promise<void>,
    onError: (error: unknown) => void,
    later?: { work: LaterWork; installation: number | undefined },
  ): boolean {
    const count = (this.#inARow.get(repository) ?? 0) + 1;
    if (count > CONTINUATIONS_MAX) return false;
    this.#inARow.set(repository, count);
    if (this.durable && later?.installation !== undefined) {
      const delayMs = Math.max(0, milliseconds);
      const { emulatedClock } = this.durable;
      this.runs.track(
        this.durable.jobs.later({
          repository,
          installation: later.installation,
          delayMs: emulatedClock ? 0 : delayMs,
          sleepMs: emulatedClock ? delayMs : 0,
          inARow: count,
          work: later.work,
        }),
        onError,
      );
      return true;
    }
    this.#generation += 1;
    const generation = this.#generation;
    this.#waiting.set(repository, generation);
    this.runs.track(
      (async () => {
        await this.sleep(Math.max(0, milliseconds));
        // Replaced or cancelled meanwhile: the newer request does the work.
        if (this.#waiting.get(repository) !== generation) return;
        this.#waiting.delete(repository);
        await job();
      })(),
      onError,
    );
    return true;
  }

  /** Drops the repository's waiting continuation: a newer run did its work. */
  cancel(repository: string): void {
    this.#waiting.delete(repository);
    if (this.durable)
      this.runs.track(this.durable.jobs.cancelLater(repository), () => {
        // A continuation left waiting finds nothing to do: no harm.
      });
  }

  /** Whether a continuation waits for the repository. */
  waiting(repository: string): boolean {
    return this.#waiting.has(repository);
  }

  /** A run finished with nothing left for later: the count in a row starts again. */
  settled(repository: string): void {
    this.#inARow.delete(repository);
  }

  /** Takes up the count in a row a scheduled job carries from another replica. */
  resume(repository: string, inARow: number): void {
    this.#inARow.set(repository, inARow);
  }
}
